// JavaScript imports are found by searching for their keywords and trying each pattern only
// there. That must find exactly what the patterns run over the whole text find.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { byKeyword, byPattern } from '../../src/scan/extractors/code.js';

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
