// Decoding and offset → line:column mapping. Line ends are \n, \r\n and lone \r,
// so that files from any editor report the same lines a person sees.
import { isAscii } from 'node:buffer';

/** False when the text has a character over 255, so it cannot be a byte a character (Latin-1). */
export function fitsLatin1(text: string): boolean {
  return !NOT_LATIN1.test(text);
}
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * One buffer that every use reuses, grown to the largest size asked for so far: for work done
 * once a file (reading it, blanking its comments), a buffer per file, and for large files fresh
 * pages from the kernel each time, would only be garbage a moment later. What it returns is
 * valid until the next call.
 */
export function reusableBuffer(initialBytes: number): (size: number) => Buffer {
  let buffer = Buffer.allocUnsafe(initialBytes);
  return (size) => {
    if (size > buffer.length) buffer = Buffer.allocUnsafe(Math.max(size, buffer.length * 2));
    return buffer.subarray(0, size);
  };
}

export interface SourceFile {
  path: string;
  text: string;
}

/** Decodes a buffer honouring BOMs (UTF-8, UTF-16 LE/BE); anything else is read as UTF-8. */
export function decode(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // Most source files are ASCII, whose Latin-1 decoding is the same string at half the cost of
  // UTF-8's (the test runs at several GB/s); such a file has no BOM to strip.
  if (isAscii(buf)) return buf.toString('latin1');
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Binary when control bytes (NUL and friends, not tabs, line ends or ESC) make up more than a
 * tenth of the first 8 KiB. A stray NUL in a template stays text, so its evidence is not lost.
 */
export function looksBinary(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return false;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control * 10 > n;
}

export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  private build(): number[] {
    const starts = [0];
    const t = this.text;
    // Without a \r every line ends at a \n, and indexOf finds those far faster than a loop.
    if (t.indexOf('\r') === -1) {
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      return starts;
    }
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= this.build());
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

export function clip(s: string, max = 200): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

/** A character code that \w (and \b) counts as part of a word: [A-Za-z0-9_]. */
export const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Spaces for every character but line breaks: text taken out of a file keeps every offset, line and column. */
export const blank = (s: string): string => s.replace(/[^\n\r]/g, ' ');

// Line bounds found by walking from the offset, never by lastIndexOf('\r') or indexOf('\r'):
// in a file without carriage returns those search the whole file, once per match.

/** Where the line holding `offset` starts (after \n or \r), looking back at most `limit` characters. */
export function lineStartOf(text: string, offset: number, limit = Infinity): number {
  const stop = Math.max(0, offset - limit);
  for (let j = offset - 1; j >= stop; j--) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j + 1;
  }
  return stop;
}

/**
 * For offsets asked in increasing order, where the line holding each starts (after \n): the text
 * is read once along however many offsets are asked, so thousands of matches on one long line
 * stay linear.
 */
export function lineStartsForward(text: string): (offset: number) => number {
  let lineStart = 0;
  let nextLine = text.indexOf('\n');
  return (offset) => {
    while (nextLine >= 0 && nextLine < offset) {
      lineStart = nextLine + 1;
      nextLine = text.indexOf('\n', lineStart);
    }
    return lineStart;
  };
}

/** Where the line holding `offset` ends: the offset of its \n or \r, or the end of the text, looking on at most `limit` characters. */
export function lineEndOf(text: string, offset: number, limit = Infinity): number {
  const stop = Math.min(text.length, offset + limit);
  for (let j = offset; j < stop; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j;
  }
  return stop;
}
