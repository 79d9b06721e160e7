import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { diffLines, unifiedDiff, splitLines } from '../../src/inventory/diff.js';

/** Longest common subsequence length, the slow obvious way. */
function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  return t[0]![0]!;
}

describe('the line diff', () => {
  it('turns a into b with as few changes as possible (any inputs)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 25 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const edits = diffLines(a, b);
        expect(edits.filter((e) => e.op !== '+').map((e) => e.line)).toEqual(a);
        expect(edits.filter((e) => e.op !== '-').map((e) => e.line)).toEqual(b);
        expect(edits.filter((e) => e.op === ' ').length).toBe(lcs(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('x\ny\n', 'x\ny\n', 'a', 'b')).toBe('');
  });

  it('prints one hunk with three lines of context, as git does', () => {
    const a = '1\n2\n3\n4\n5\n6\n7\n8\n';
    const b = '1\n2\n3\n4\nfive\n6\n7\n8\n';
    expect(unifiedDiff(a, b, 'old', 'new')).toBe(['--- old', '+++ new', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ''].join('\n'));
  });

  it('writes an added line at the end with the line before it as the empty range', () => {
    expect(unifiedDiff('a\n', 'a\nb\n', 'old', 'new')).toBe(['--- old', '+++ new', '@@ -1 +1,2 @@', ' a', '+b', ''].join('\n'));
    expect(unifiedDiff('', 'b\n', 'old', 'new')).toBe(['--- old', '+++ new', '@@ -0,0 +1 @@', '+b', ''].join('\n'));
  });

  it('splits changes far apart into separate hunks and joins close ones', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
    const far = [...a];
    far[1] = 'X';
    far[18] = 'Y';
    expect(unifiedDiff(a.join('\n'), far.join('\n'), 'a', 'b').match(/^@@/gm)).toHaveLength(2);
    const near = [...a];
    near[1] = 'X';
    near[6] = 'Y';
    expect(unifiedDiff(a.join('\n'), near.join('\n'), 'a', 'b').match(/^@@/gm)).toHaveLength(1);
  });

  it('stays correct, if not minimal, when two documents have almost nothing in common', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const edits = diffLines(a, b);
    expect(edits.filter((e) => e.op !== '+').map((e) => e.line)).toEqual(a);
    expect(edits.filter((e) => e.op !== '-').map((e) => e.line)).toEqual(b);
  });

  it('reads \\r\\n, \\r and \\n line ends alike', () => {
    expect(splitLines('a\r\nb\rc\n')).toEqual(['a', 'b', 'c']);
  });
});
