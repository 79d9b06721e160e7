import { describe, it, expect } from 'vitest';
import { lineStartOf, lineEndOf } from '../../src/scan/source-file.js';

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
