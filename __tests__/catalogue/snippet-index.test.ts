// The snippet prefilter must change nothing but speed: the matcher has to find exactly what one
// alternation of every snippet (in catalogue order) finds, for any text.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Matcher, requiredLiterals, requiredClauses, planSnippet } from '../../src/catalogue/matcher.js';
import { SNIPPET_PLAN } from '../../src/catalogue/snippet-plan.generated.js';
import { CATALOGUE } from '../../src/catalogue/catalogue.generated.js';
import type { ServiceEntry } from '../../src/catalogue/types.js';
import { exampleFor } from '../helpers/regex-example.js';
import { lex, LANGUAGES } from '../../src/scan/lexer.js';

describe('requiredLiterals: text every match of a snippet contains', () => {
  it.each([
    ['\\bgtag\\(', ['gtag(']],
    ['static\\.hotjar\\.com/c/hotjar-', ['static.hotjar.com/c/hotjar-']],
    ['\\bfbq\\(\\s*[\'"](init|track)[\'"]', ['fbq(']],
    ['GTM-[A-Z0-9]{5,9}', ['GTM-']],
    ['colou?r', ['colo']],
    ['x{3}abc', ['xxxabc']],
    ['(?:foo)?barbaz', ['barbaz']],
    ['\\x41bcd', ['bcd']],
    ['(?<name>abc)def', ['def']],
    ['\\bTynt\\s*=\\s*Tynt\\s*\\|\\|\\s*\\[\\]', ['Tynt']],
    // no literal outside groups: the group's alternatives stand for the snippet
    ['[\'"/](matomo|piwik)\\.(js|php)[\'"?]', ['matomo', 'piwik']],
    // one literal per top-level alternative
    ['hotjar\\.com|contentsquare\\.net', ['hotjar.com', 'contentsquare.net']],
    // a space ends a literal: comments are blanked to spaces in the code snippets run on
    ['LiveInternet counter', ['LiveInternet']],
  ])('%s → %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });

  it.each([
    ['a|bcdef'], // the first alternative has no literal of three characters
    ['ab+cd'], // "ab" and "cd" are separated by a repetition
    ['\\w+\\.\\d+'],
    ['(ab|cd)'],
  ])('%s has none, so it runs on every text', (source) => {
    expect(requiredLiterals(source)).toBeNull();
  });
});

describe('requiredClauses: literals every match of an alternative contains together', () => {
  it.each([
    // two mandatory literals: a text must hold both
    ['\\bnew\\s+Expo\\s*\\(\\s*\\{\\s*accessToken', (c: string[][]) => c.length === 1 && c[0]!.length === 2 && c[0]!.includes('Expo') && c[0]!.includes('accessToken')],
    // one literal long enough: a clause of one
    ['\\bgtag\\(', (c: string[][]) => c.length === 1 && c[0]!.join() === 'gtag('],
    // one clause per top-level alternative
    ['hotjar\\.com/a|contentsquare\\.net/b', (c: string[][]) => c.length === 2 && c[0]![0] === 'hotjar.com/a' && c[1]![0] === 'contentsquare.net/b'],
    // the same literal twice is one requirement
    ['abcx\\d+abcx', (c: string[][]) => c.length === 1 && c[0]!.join() === 'abcx'],
  ])('%s', (source, holds) => {
    const clauses = requiredClauses(source);
    expect(clauses).not.toBeNull();
    expect(holds(clauses!), JSON.stringify(clauses)).toBe(true);
  });

  it('the first literal of each clause is what requiredLiterals names', () => {
    for (const e of CATALOGUE) for (const s of e.detect.snippets ?? []) expect(requiredClauses(s)?.map((c) => c[0])).toEqual(requiredLiterals(s) ?? undefined);
  });
});

/** The reference: one alternation of all snippets, as the matcher did before the prefilter. */
function alternation(entries: ServiceEntry[]): (code: string) => [number, string, string][] {
  const owners: string[] = [];
  const sources: string[] = [];
  for (const e of entries) for (const s of e.detect.snippets ?? []) {
    sources.push(`(?<s${owners.length}>${s})`);
    owners.push(e.id);
  }
  const re = new RegExp(sources.join('|'), 'g');
  return (code) => {
    const out: [number, string, string][] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(code)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const k = Object.entries(m.groups!).find(([name, v]) => v !== undefined && /^s\d+$/.test(name))![0];
      out.push([m.index, m[0], owners[Number(k.slice(1))]!]);
    }
    return out;
  };
}

const entry = (id: string, snippets: string[]): ServiceEntry => ({ ...CATALOGUE[0]!, id, detect: { snippets } });

describe('the snippet plan compiled with the catalogue', () => {
  it('is what planning each catalogue snippet at run time gives', () => {
    const sources = CATALOGUE.flatMap((e) => e.detect.snippets ?? []);
    expect(sources.length).toBeGreaterThan(100);
    for (const source of sources) expect(SNIPPET_PLAN[source], source).toEqual(planSnippet(source));
  });

  // A snippet without a literal to look for is searched in every file, and makes the gate read in
  // full every file whose raw text the others do not rule out: one such snippet cost a second of CPU
  // on 40 npm packages. Each must name a literal (`x` of `(?:tweet|x)` is too short to be one).
  it('gives every catalogue snippet a literal to look for', () => {
    const sources = CATALOGUE.flatMap((e) => e.detect.snippets ?? []);
    expect(sources.filter((source) => SNIPPET_PLAN[source] === null || SNIPPET_PLAN[source] === undefined)).toEqual([]);
  });

  // A literal that most config or code files hold (`ame` of `[Nn]ame`, `value:`, `google_`) sends
  // those files to the snippet: three such snippets made 40 npm packages take 10–18 % longer. Each
  // clause needs one literal that is not such a word (split an alternation into one snippet a name).
  it('gives every catalogue snippet a literal that is not a common word of code or config', () => {
    const COMMON = new Set(['ame', 'name', 'name:', 'type', 'type:', 'value', 'value:', 'match:', 'kind:', 'image:', 'server', 'start', 'google_', 'api:', 'url', 'var', 'new', 'init', 'FROM', 'true', 'false', 'enabled', 'config']);
    const sources = [...new Set(CATALOGUE.flatMap((e) => [...(e.detect.snippets ?? []), ...(e.detect.switched_off ?? [])]))];
    const weak = sources.filter((source) => (SNIPPET_PLAN[source] ?? planSnippet(source) ?? []).some((clause) => clause.every(([literal]) => COMMON.has(literal))));
    expect(weak).toEqual([]);
  });

  it('plans a literal after \\b as a word start, with the offset of its rarest gram', () => {
    expect(planSnippet('\\bgtag\\(')).toEqual([[['gtag(', true, expect.any(Number)]]]);
    expect(planSnippet('static\\.hotjar\\.com')).toEqual([[['static.hotjar.com', false, expect.any(Number)]]]);
  });
});

describe('a literal that follows \\b in a snippet counts only at the start of a word', () => {
  const matcher = new Matcher([entry('impact', ['\\bire\\(\\s*[\'"](identify|trackConversion)[\'"]'])]);
  it.each([
    ["ire('identify', {})", true],
    ["window.ire('trackConversion')", true],
    ["$ire('identify')", true],
    ["const x = require('./identify');", false],
    ["squire('identify')", false],
    ["_ire('identify')", false],
  ])('%s → may match: %s', (text, expected) => {
    expect(matcher.mayHaveSnippets(text)).toBe(expected);
  });
});

describe('Matcher.snippets finds what the full alternation finds', () => {
  // Overlapping snippets of different entries, a shared literal, a group-only literal, and one
  // that runs everywhere: the cases where a prefilter could change the result.
  const small = [
    entry('a', ['\\bgtag\\(\\s*[\'"]config', 'gtag\\(']),
    entry('b', ['\\bgtag\\(\\s*[\'"]event', 'tag\\(\\s*[\'"]con']),
    entry('c', ['(alpha|beta)-tracker', '\\w+-tracker\\.js']),
    entry('d', ['x+y']),
    entry('e', ['abcd']),
    entry('f', ['defg', 'bcd']),
    // two literals, the second looked for only once the first is found
    entry('g', ['\\bnew\\s+Expo\\s*\\(\\s*\\{\\s*accessToken']),
    // a literal after \b is looked for only where it starts a word: not in require(
    entry('j', ['\\bire\\(\\s*[\'"]identify']),
  ];
  const pieces = ["require('identify'", "ire('identify'", 'ire(', '_', '.', '$', 'new Expo({ accessToken', 'new Expo(', '{ accessToken', 'Expo', 'accessToken', 'Export', "gtag('config'", 'gtag(', "tag( 'con", 'alpha-tracker', 'beta-tracker.js', 'zz-tracker.js', 'xxy', 'abcdefg', 'abc', 'defg', ' ', '\n', 'gta', "'", 'g', 'x'];

  it('on texts built from overlapping pieces (property)', () => {
    const matcher = new Matcher(small);
    const reference = alternation(small);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(matcher.snippets(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('on code blanked from a text, with the text\'s candidates: the same as without them (property)', () => {
    const spaced = [...small, entry('h', ['sso-key    counter\\(']), entry('i', ['sso-key\\(\\s*x'])];
    const matcher = new Matcher(spaced);
    const reference = alternation(spaced);
    const withComments = [...pieces, 'sso-key', 'counter(', 'sso-key/**/counter(', '/**/', '// c\n', '/* x */', 'sso-key( x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...withComments), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const code = lex(text, LANGUAGES.js!).code;
        matcher.mayHaveSnippets(text);
        expect(matcher.snippets(code, text)).toEqual(reference(code));
      }),
      { numRuns: 500, seed: 9 },
    );
  });

  it('on every catalogue snippet example, alone and all together', () => {
    const matcher = new Matcher(CATALOGUE);
    const reference = alternation(CATALOGUE);
    const examples = CATALOGUE.flatMap((e) => (e.detect.snippets ?? []).map(exampleFor));
    for (const ex of examples) expect(matcher.snippets(`x ${ex} y`)).toEqual(reference(`x ${ex} y`));
    expect(matcher.snippets(examples.join('\n'))).toEqual(reference(examples.join('\n')));
    expect(matcher.snippets(examples.join(''))).toEqual(reference(examples.join('')));
  });
});
