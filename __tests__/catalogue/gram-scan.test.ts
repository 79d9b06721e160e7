// The snippet prefilter's gram loop runs as WebAssembly where it can. Whatever the text (Latin-1
// or not, hits few or more than the output holds), it must find the offsets the JavaScript loop
// finds.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { gramHitsWasm, gramScanner, GRAM_MASK } from '../../src/catalogue/gram-scan.js';

const gramOf = (g: string): number => [...g].reduce((h, c) => ((h << 7) | (c.charCodeAt(0) & 127)) & GRAM_MASK, 0);

function tableOf(grams: string[]): Uint32Array {
  const table = new Uint32Array((GRAM_MASK + 1) >>> 5);
  for (const g of grams) {
    const h = gramOf(g);
    table[h >>> 5]! |= 1 << (h & 31);
  }
  return table;
}

const reference = gramScanner();
const GRAMS = ['fbq', 'gta', 'x y', 'ab\u00e9', '\u65e5ab'];
const PIECES = ['fbq(', 'gtag(', 'x y', 'abé', 'é', '日ab', '日本', '😀', 'a', ' ', '\n', 'q', '\u0000', '\u00ff'];

describe('the gram loop in WebAssembly', () => {
  for (const [name, pieces] of [['Latin-1 text', PIECES.filter((p) => !/[^\u0000-\u00ff]/.test(p))], ['any text', PIECES]] as const) {
    it(`finds what the JavaScript loop finds: ${name} (property)`, () => {
      const table = tableOf(GRAMS);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((p) => p.join('')), (text) => {
          expect(gramHitsWasm(text, table, /[^\u0000-\u00ff]/.test(text))).toEqual(reference(text, table));
        }),
        { numRuns: 300, seed: 12 },
      );
    });
  }

  it.each([
    ['one byte a character', 'fbq'.repeat(200_000)],
    ['UTF-16', '日fbq'.repeat(100_000)],
  ])('goes on past a full output and across the pieces a long text is copied in (%s)', (_, text) => {
    const table = tableOf(['fbq', 'bqf', 'qfb', '日fb', 'q日f']);
    const hits = gramHitsWasm(text, table, /[^\u0000-\u00ff]/.test(text));
    expect(hits!.length).toBeGreaterThan(16_384);
    expect(hits).toEqual(reference(text, table));
  });

  it.each([
    ['one byte a character', 'a'],
    ['UTF-16', '日'],
  ])('finds a gram that straddles two pieces of a long text (%s)', (_, filler) => {
    const table = tableOf(['fbq']);
    for (const at of [(1 << 18) - 2, (1 << 18) - 1, 1 << 18, (1 << 19) - 1]) {
      const text = filler.repeat(at) + 'fbq' + filler.repeat(10);
      expect(gramHitsWasm(text, table, filler !== 'a')).toEqual([at + 2]);
    }
  });

  it('reloads the table when another one is asked for', () => {
    const a = tableOf(['abc']);
    const b = tableOf(['xyz']);
    expect(gramHitsWasm('abc xyz', a, false)).toEqual([2]);
    expect(gramHitsWasm('abc xyz', b, false)).toEqual([6]);
  });
});
