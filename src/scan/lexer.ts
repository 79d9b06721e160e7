// One small tokenizer for every language we read: it finds string literals and comments,
// so that a URL in a comment or docstring is never evidence and a URL in a string always is.
// It is a scanner, not a parser: it only has to know where strings and comments start and end.

export interface LanguageSpec {
  lineComments: string[];
  blockComments: [string, string][];
  /** Quote characters that open an escapable string. */
  quotes: string[];
  /** Python-style ''' and """ strings; a docstring (statement on its own) counts as a comment. */
  tripleQuotes?: boolean;
  /** Go-style `raw` strings, JS-style `template` strings. */
  backtick?: 'raw' | 'template';
  /** JS regex literals, so quotes inside /…/ don't open strings. */
  regexLiterals?: boolean;
  /** <<EOF heredocs (shell, Ruby, PHP <<<, HCL); the body is a string. */
  heredocs?: boolean;
  /** Rust r#"…"#, C# @"…" verbatim strings. */
  rawPrefix?: 'rust' | 'csharp';
  /** '#' starts a comment only at line start or after white space (YAML, shell, env, TOML). */
  hashNeedsSpace?: boolean;
  /** Ruby =begin … =end. */
  rubyBlock?: boolean;
  /** Config formats: unquoted text is data, so URLs are searched in all non-comment text. */
  unquotedValues?: boolean;
}

export interface StringToken {
  /** Offset of the first character of the content (after the opening quote). */
  start: number;
  value: string;
}

export interface Lexed {
  strings: StringToken[];
  /** The text with every comment replaced by spaces (line breaks kept), for pattern searches over code. */
  code: string;
}

const C_LIKE: LanguageSpec = { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ['"', "'"] };

export const LANGUAGES: Record<string, LanguageSpec> = {
  js: { ...C_LIKE, quotes: ['"', "'"], backtick: 'template', regexLiterals: true },
  python: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], tripleQuotes: true },
  ruby: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], heredocs: true, rubyBlock: true },
  go: { ...C_LIKE, backtick: 'raw' },
  php: { lineComments: ['//', '#'], blockComments: [['/*', '*/']], quotes: ['"', "'"], heredocs: true },
  java: { ...C_LIKE, tripleQuotes: true },
  kotlin: { ...C_LIKE, tripleQuotes: true },
  csharp: { ...C_LIKE, rawPrefix: 'csharp', tripleQuotes: true },
  rust: { ...C_LIKE, quotes: ['"'], rawPrefix: 'rust' },
  elixir: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], tripleQuotes: true },
  shell: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], heredocs: true, hashNeedsSpace: true, unquotedValues: true },
  config: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], hashNeedsSpace: true, unquotedValues: true },
  hcl: { lineComments: ['#', '//'], blockComments: [['/*', '*/']], quotes: ['"'], heredocs: true, unquotedValues: true },
  json: { lineComments: [], blockComments: [], quotes: ['"'] },
};

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === undefined;
const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

export function lex(text: string, spec: LanguageSpec): Lexed {
  const strings: StringToken[] = [];
  const blanks: [number, number][] = [];
  const n = text.length;
  let i = 0;
  let lastSignificant = '';
  let lineStart = true;

  const blank = (from: number, to: number): void => {
    if (to > from) blanks.push([from, to]);
  };
  const scanEscaped = (from: number, quote: string, multiline: boolean): number => {
    let j = from;
    while (j < n) {
      const c = text[j]!;
      if (c === '\\') j += 2;
      else if (c === quote) return j;
      else if (!multiline && (c === '\n' || c === '\r')) return j;
      else j++;
    }
    return n;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      lineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const atLineStart = lineStart;
    lineStart = false;

    // Ruby =begin … =end
    if (spec.rubyBlock && atLineStart && text.startsWith('=begin', i)) {
      const end = text.indexOf('\n=end', i);
      const stop = end < 0 ? n : end + 5;
      blank(i, stop);
      i = stop;
      continue;
    }
    // Line comments
    let matched = false;
    for (const lc of spec.lineComments) {
      if (text.startsWith(lc, i)) {
        if (lc === '#' && spec.hashNeedsSpace && !atLineStart && !isSpace(text[i - 1])) break;
        let j = i;
        while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
        blank(i, j);
        i = j;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // Block comments
    for (const [open, close] of spec.blockComments) {
      if (text.startsWith(open, i)) {
        const end = text.indexOf(close, i + open.length);
        const stop = end < 0 ? n : end + close.length;
        blank(i, stop);
        i = stop;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // Triple-quoted strings (Python, Kotlin, Java text blocks, Elixir heredocs, C# raw)
    if (spec.tripleQuotes && (text.startsWith('"""', i) || text.startsWith("'''", i))) {
      const q = text.slice(i, i + 3);
      const end = text.indexOf(q, i + 3);
      const stop = end < 0 ? n : end + 3;
      const isDocstring = spec.lineComments.includes('#') && (lastSignificant === '' || lastSignificant === ':') && atLineStartOrAfterIndent(text, i);
      if (isDocstring) blank(i, stop);
      else strings.push({ start: i + 3, value: text.slice(i + 3, end < 0 ? n : end) });
      lastSignificant = '"';
      i = stop;
      continue;
    }
    // Raw strings: Rust r"…", r#"…"#; C# @"…"
    if (spec.rawPrefix === 'rust' && c === 'r' && (text[i + 1] === '"' || (text[i + 1] === '#' && /^#+"/.test(text.slice(i + 1, i + 20)))) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      let hashes = 0;
      let j = i + 1;
      while (text[j] === '#') {
        hashes++;
        j++;
      }
      const close = '"' + '#'.repeat(hashes);
      const end = text.indexOf(close, j + 1);
      strings.push({ start: j + 1, value: text.slice(j + 1, end < 0 ? n : end) });
      i = end < 0 ? n : end + close.length;
      lastSignificant = '"';
      continue;
    }
    if (spec.rawPrefix === 'csharp' && c === '@' && text[i + 1] === '"') {
      let j = i + 2;
      while (j < n) {
        if (text[j] === '"' && text[j + 1] === '"') j += 2;
        else if (text[j] === '"') break;
        else j++;
      }
      strings.push({ start: i + 2, value: text.slice(i + 2, j) });
      i = j + 1;
      lastSignificant = '"';
      continue;
    }
    // Heredocs: <<EOF, <<-EOF, <<~EOF, <<'EOF', <<<EOT (PHP)
    if (spec.heredocs && c === '<' && text[i + 1] === '<') {
      const m = /^<<<?[-~]?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(text.slice(i, i + 80));
      if (m) {
        const tag = m[2]!;
        const bodyStart = text.indexOf('\n', i);
        if (bodyStart > 0) {
          const endRe = new RegExp(`^[ \\t]*${tag}\\b`, 'm');
          const rest = text.slice(bodyStart + 1);
          const em = endRe.exec(rest);
          const bodyEnd = em ? bodyStart + 1 + em.index : n;
          // The rest of the opening line is still code; lex it by skipping only the tag.
          strings.push({ start: bodyStart + 1, value: text.slice(bodyStart + 1, bodyEnd) });
          // Lex the remainder of the opener line as code, then jump past the body.
          const opener = text.slice(i + m[0].length, bodyStart);
          const sub = lex(opener, { ...spec, heredocs: false });
          for (const s of sub.strings) strings.push({ start: s.start + i + m[0].length, value: s.value });
          i = em ? bodyEnd + em[0].length : n;
          lastSignificant = '"';
          continue;
        }
      }
    }
    // Backticks
    if (c === '`' && spec.backtick) {
      let j = i + 1;
      if (spec.backtick === 'raw') {
        const end = text.indexOf('`', j);
        j = end < 0 ? n : end;
      } else {
        j = scanTemplate(text, j);
      }
      strings.push({ start: i + 1, value: text.slice(i + 1, j) });
      i = j + 1;
      lastSignificant = '"';
      continue;
    }
    // Regex literals (JS)
    if (c === '/' && spec.regexLiterals && (lastSignificant === '' || REGEX_PRECEDERS.has(lastSignificant) || /(?:return|typeof|case|in|of|void|yield|await)$/.test(lastWord(text, i)))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && text[j] !== '\n') {
        const d = text[j]!;
        if (d === '\\') j += 2;
        else if (inClass) {
          if (d === ']') inClass = false;
          j++;
        } else if (d === '[') {
          inClass = true;
          j++;
        } else if (d === '/') break;
        else j++;
      }
      i = j + 1;
      lastSignificant = '/';
      continue;
    }
    // Quoted strings
    if (spec.quotes.includes(c)) {
      const end = scanEscaped(i + 1, c, c === '`');
      strings.push({ start: i + 1, value: text.slice(i + 1, end) });
      i = end + 1;
      lastSignificant = '"';
      continue;
    }
    lastSignificant = c;
    i++;
  }

  return { strings, code: blanks.length ? applyBlanks(text, blanks) : text };
}

function lastWord(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  let k = j;
  while (k >= 0 && /[A-Za-z]/.test(text[k]!)) k--;
  return text.slice(k + 1, j + 1);
}

function atLineStartOrAfterIndent(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || text[j] === '\n' || text[j] === '\r';
}

/** Skips a JS template literal body, including nested ${ … } expressions; returns the closing backtick's offset. */
function scanTemplate(text: string, from: number): number {
  const n = text.length;
  let j = from;
  while (j < n) {
    const c = text[j]!;
    if (c === '\\') j += 2;
    else if (c === '`') return j;
    else if (c === '$' && text[j + 1] === '{') {
      let depth = 1;
      j += 2;
      while (j < n && depth > 0) {
        const d = text[j]!;
        if (d === '{') depth++;
        else if (d === '}') depth--;
        else if (d === '`') j = scanTemplate(text, j + 1);
        else if (d === '"' || d === "'") {
          j++;
          while (j < n && text[j] !== d && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
        }
        j++;
      }
    } else j++;
  }
  return n;
}

function applyBlanks(text: string, blanks: [number, number][]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const [from, to] of blanks) {
    parts.push(text.slice(pos, from));
    parts.push(text.slice(from, to).replace(/[^\n\r]/g, ' '));
    pos = to;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
