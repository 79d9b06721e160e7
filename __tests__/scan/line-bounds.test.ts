import { describe, it, expect } from 'vitest';
import { lineStartOf, lineEndOf, decode } from '../../src/scan/source-file.js';

describe('line bounds around an offset', () => {
  // [text, offset, limit, start, end]
  const cases: [string, number, number, number, number][] = [
    ['abc', 1, Infinity, 0, 3],
    ['ab\ncd\nef', 4, Infinity, 3, 5],
    ['ab\r\ncd', 5, Infinity, 4, 6],
    ['ab\rcd\ref', 4, Infinity, 3, 5], // lone CR ends a line too
    ['ab\ncd', 3, Infinity, 3, 5], // offset at the first character of a line
    ['ab\ncd', 2, Infinity, 0, 2], // offset on the line break itself
    ['x'.repeat(500), 400, 120, 280, 500], // no break within the limit: the limit is the start
    ['ab\n' + 'x'.repeat(50), 40, 120, 3, 53],
    ['', 0, Infinity, 0, 0],
  ];
  it.each(cases)('%j at %i (limit %d) → [%i, %i)', (text, offset, limit, start, end) => {
    expect(lineStartOf(text, offset, limit)).toBe(start);
    expect(lineEndOf(text, offset)).toBe(end);
  });
});

describe('decode', () => {
  it.each([
    ['ASCII', Buffer.from('const a = "https://x.io";\n'), 'const a = "https://x.io";\n'],
    ['UTF-8', Buffer.from('café → 東京\n', 'utf8'), 'café → 東京\n'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 1')]), 'x = 1'],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a=b', 'utf16le')]), 'a=b'],
    ['a stray Latin-1 byte', Buffer.from([0x61, 0xe9, 0x62]), 'a\ufffdb'],
    ['empty', Buffer.alloc(0), ''],
  ])('%s', (_name, buf, text) => {
    expect(decode(buf)).toBe(text);
  });
});
