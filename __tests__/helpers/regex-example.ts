// Builds one string a catalogue snippet regex matches, for the restricted regex dialect the
// catalogue allows (literals, escapes, classes, groups with alternatives, quantifiers).
export function exampleFor(source: string): string {
  let i = 0;
  const out: string[] = [];
  const parseSeq = (stop: string[]): string => {
    const parts: string[] = [];
    while (i < source.length && !stop.includes(source[i]!)) {
      let atom = parseAtom();
      const q = source[i];
      if (q === '*' || q === '?') {
        i++;
        atom = '';
      } else if (q === '+') {
        i++;
      } else if (q === '{') {
        const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i));
        if (m) {
          i += m[0].length;
          atom = atom.repeat(Number(m[1]));
        }
      }
      if (source[i] === '?') i++; // lazy
      parts.push(atom);
    }
    return parts.join('');
  };
  const parseAtom = (): string => {
    const c = source[i++]!;
    if (c === '\\') {
      const e = source[i++]!;
      if (e === 's') return ' ';
      if (e === 'S' || e === 'w') return 'a';
      if (e === 'd') return '1';
      if (e === 'b' || e === 'B') return '';
      if (e === 'n') return '\n';
      if (e === 't') return '\t';
      return e;
    }
    if (c === '^' || c === '$') return '';
    if (c === '.') return 'a';
    if (c === '[') {
      let negated = false;
      if (source[i] === '^') {
        negated = true;
        i++;
      }
      let first = '';
      while (i < source.length && source[i] !== ']') {
        let ch = source[i++]!;
        if (ch === '\\') {
          const e = source[i++]!;
          ch = e === 's' ? ' ' : e === 'w' ? 'a' : e === 'd' ? '1' : e;
        }
        if (!first) first = ch;
      }
      i++;
      return negated ? (first === 'a' ? 'b' : 'a') : first;
    }
    if (c === '(') {
      if (source[i] === '?') {
        i++;
        if (source[i] === ':') i++;
        else if (source[i] === '<') i = source.indexOf('>', i) + 1;
      }
      const alt = parseSeq(['|', ')']);
      while (source[i] === '|') {
        i++;
        parseSeq(['|', ')']);
      }
      i++;
      return alt;
    }
    return c;
  };
  out.push(parseSeq([]));
  return out.join('');
}
