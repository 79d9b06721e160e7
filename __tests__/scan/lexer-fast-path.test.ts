// The lexer passes runs of ordinary characters in one regex step. That must never change what it
// finds: the character-by-character reading (fast = false) is the reference for every language.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { lex, commentsUpTo, lexIncrementally, LANGUAGES } from '../../src/scan/lexer.js';

// Tokens that open, close or bend strings and comments in some language, mixed with words.
const PIECES = [
  ' ', '  ', '\t', '\n', '\r\n', '\r', 'x', 'foo', 'r', 'b', '_', '__END__', '=begin', '=end', '"', "'", '`', '"""', "'''",
  '/', '//', '/*', '*/', '#', '# ', '#{', '${', '$(', '%{', '%q(', '%w[', '~s(', '~S"""', '?a', '@"', '$"', '<<', '<<EOS', '<<~EOS', '<<<EOT', 'EOS', 'EOT',
  '(', ')', '[', ']', '{', '}', '<', '>', '=', ':', ',', ';', '-', '\\', '\\(', 'return', 'https://api.stripe.com/v1', '.', '@doc', 'r#"', '"#',
  'é', '日本', '😀',
];
const textFrom = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

describe('lexer fast path = character-by-character reading', () => {
  for (const [name, spec] of Object.entries(LANGUAGES)) {
    it(`${name}: generated text`, () => {
      fc.assert(
        fc.property(textFrom, (text) => {
          expect(lex(text, spec, true)).toEqual(lex(text, spec, false));
        }),
        { numRuns: 400, seed: 7 },
      );
    });
  }

  // Comments are blanked on bytes (one a character, or UTF-16 when the text needs it): whatever
  // the text, the code is the text with some characters turned into spaces and no line break lost.
  for (const [name, spec] of Object.entries(LANGUAGES)) {
    it(`${name}: the code is the text with only comments and docstrings blanked`, () => {
      fc.assert(
        fc.property(textFrom, (text) => {
          const { code } = lex(text, spec);
          expect(code.length).toBe(text.length);
          for (let i = 0; i < text.length; i++) {
            if (code[i] === text[i]) continue;
            expect(code[i]).toBe(' ');
            expect(text[i]).not.toMatch(/[\n\r]/);
          }
        }),
        { numRuns: 300, seed: 11 },
      );
    });
  }

  const blank = (s: string): string => ' '.repeat(s.length);
  it.each([
    ['one byte a character', 'a /* x\r\ny */ b // é\nc', 'a ' + blank('/* x') + '\r\n' + blank('y */') + ' b ' + blank('// é') + '\nc'],
    ['UTF-16 text', 'a /* 日\r\n本 */ b // 😀\nc', 'a ' + blank('/* 日') + '\r\n' + blank('本 */') + ' b ' + blank('// 😀') + '\nc'],
    ['a comment running past the end', 'x /* never closed 😀', 'x ' + blank('/* never closed 😀')],
  ])('blanks comments in %s and keeps their line breaks', (_, text, expected) => {
    expect(lex(text, LANGUAGES.js!).code).toBe(expected);
  });

  // Real code from the fixtures, read with the language its extension routes to.
  const BY_EXTENSION: Record<string, keyof typeof LANGUAGES> = {
    '.js': 'js', '.ts': 'js', '.tsx': 'js', '.jsx': 'js', '.py': 'python', '.rb': 'ruby', '.go': 'go', '.php': 'php',
    '.java': 'java', '.kt': 'kotlin', '.cs': 'csharp', '.rs': 'rust', '.ex': 'elixir', '.exs': 'elixir', '.sh': 'shell',
    '.yml': 'config', '.yaml': 'config', '.toml': 'toml', '.tf': 'hcl', '.json': 'json',
  };
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (BY_EXTENSION[extname(p)]) files.push(p);
    }
  };
  walk(join(import.meta.dirname, '..', 'fixtures'));

  it('fixture files in every language read the same both ways', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const spec = LANGUAGES[BY_EXTENSION[extname(f)]!]!;
      const text = readFileSync(f, 'utf8');
      expect(lex(text, spec, true), f).toEqual(lex(text, spec, false));
    }
  });
});

describe('reading only as far as an offset (commentsUpTo)', () => {
  // The JavaScript gate asks whether a few offsets sit in comments without lexing the whole file.
  const spec = LANGUAGES.js!;
  it('finds the comments a full read finds up to that offset, and only those from a full read', () => {
    fc.assert(
      fc.property(textFrom, fc.nat(), (text, n) => {
        const upTo = text.length ? n % text.length : 0;
        const all = commentsUpTo(text, spec, Infinity);
        const some = commentsUpTo(text, spec, upTo);
        // a prefix of the full list …
        expect(all.slice(0, some.length)).toEqual(some);
        // … holding every comment that starts at or before the offset
        for (let k = some.length; k < all.length; k += 2) expect(all[k]!).toBeGreaterThan(upTo);
        // and the full list blanks exactly what lex() blanks (comments only, in JavaScript)
        const code = lex(text, spec).code;
        const blanked = new Set<number>();
        for (let k = 0; k < all.length; k += 2) for (let i = all[k]!; i < all[k + 1]!; i++) blanked.add(i);
        for (let i = 0; i < text.length; i++) if (code[i] !== text[i]) expect(blanked.has(i)).toBe(true);
      }),
      { numRuns: 600, seed: 5 },
    );
  });

  it('finishing after reading part of the text gives what one full read gives', () => {
    fc.assert(
      fc.property(textFrom, fc.array(fc.nat(), { maxLength: 4 }), (text, stops) => {
        const lexing = lexIncrementally(text, spec);
        for (const n of [...stops].sort((a, b) => a - b)) lexing.commentsUpTo(n % (text.length + 1));
        expect(lexing.finish()).toEqual(lex(text, spec));
      }),
      { numRuns: 600, seed: 6 },
    );
  });
});
