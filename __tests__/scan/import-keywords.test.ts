// JavaScript imports are found by searching for their keywords and trying each pattern only
// there. That must find exactly what the patterns run over the whole text find.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { byKeyword, byPattern, byStatementStart } from '../../src/scan/extractors/code.js';

const PATTERNS: [string[], RegExp][] = [
  [['import', 'export'], /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"\n]+)['"]/],
  [['import'], /\bimport\s*['"]([^'"\n]+)['"]/],
  [['require', 'import'], /\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/],
];

const PIECES = ['import', 'export', 'require', 'from', ' ', '\n', '(', ')', "'", '"', '`', ';', '{', '}', 'a', 'x/y', '@s/p', 'reimport', '_import', '$import', 'imports', '*', ',', '.'];
const code = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('import keywords: the same imports as the patterns over the whole text', () => {
  it.each(PATTERNS)('%j', (words, pattern) => {
    const fast = byKeyword(words, pattern);
    const reference = byPattern(new RegExp(pattern.source, 'g'));
    fc.assert(
      fc.property(code, (text) => {
        expect(fast(text, [])).toEqual(reference(text, []));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('finds an import after one that swallowed a keyword, as matchAll does', () => {
    const text = "import a from 'x'; export { b } from \"y\"; const c = require('z');";
    const found = PATTERNS.flatMap(([words, re]) => byKeyword(words, re)(text, []).map((i) => i.module));
    expect(found).toEqual(['x', 'y', 'z']);
  });
});

// Imports anchored at a line's start (Python, Ruby, PHP, Java, Kotlin, C#, Rust, Elixir) are
// tried only where indexOf finds their first word standing first on its line.
const LINE_PATTERNS: [string[], RegExp][] = [
  [['import'], /(?:^|;)[ \t]*import[ \t]+([A-Za-z_][\w.]*(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*(?:[ \t]+as[ \t]+\w+)?)*)/gm],
  [['from'], /(?:^|;)[ \t]*from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b/gm],
  [['require'], /^[ \t]*require[ \t(]+['"]([\w/.-]+)['"]/gm],
  [['use'], /^[ \t]*use[ \t]+(?:function[ \t]+|const[ \t]+)?\\?([A-Za-z_][\w\\]*)/gm],
  [['global', 'using'], /^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:[A-Za-z_]\w*[ \t]*=[ \t]*)?([A-Z][\w.]*)[ \t]*;/gm],
  [['pub', 'use', 'extern'], /^[ \t]*(?:pub(?:\([\w ]+\))?[ \t]+)?(?:use|extern[ \t]+crate)[ \t]+(?:::)?([a-z_]\w*)/gm],
  [['alias', 'import', 'use', 'require'], /^[ \t]*(?:alias|import|use|require)[ \t]+([A-Z][\w.]*)/gm],
];
const LINE_PIECES = ['import', 'from', 'require', 'use', 'global', 'using', 'pub', 'pub(crate)', 'extern', 'crate', 'alias', 'static', 'function', 'as', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u2028', ';', ',', '(', "'", '"', 'os', 'a.b', 'Foo.Bar', '\\Foo\\Bar', 'x', 'X = ', '::', 'reimport', 'imports', '_use'];
const lineCode = fc.array(fc.constantFrom(...LINE_PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('imports at the start of a line: the same as the patterns over the whole text', () => {
  it.each(LINE_PATTERNS)('%j', (words, pattern) => {
    const fast = byStatementStart(words, pattern);
    const reference = byPattern(pattern);
    fc.assert(
      fc.property(lineCode, (text) => {
        expect(fast(text, [])).toEqual(reference(text, []));
      }),
      { numRuns: 2000, seed: 6 },
    );
  });
});
