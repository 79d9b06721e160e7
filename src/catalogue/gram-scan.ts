// Finding where the grams of the snippet prefilter occur (see SnippetIndex in matcher.ts): one
// pass over a text with a rolling hash of GRAM characters, one bit of a table tested for each.
// It is the loop that reads every character of every code file, so it runs as a few
// WebAssembly instructions over the text copied into linear memory (about 1.2 ns a character;
// the same loop in JavaScript takes 2-4 ns, charCodeAt and string-kind checks included). Latin-1
// text goes in a byte a character, other text as UTF-16; where WebAssembly is missing the
// JavaScript loop does the work. The module is assembled here, from its instructions, so there
// is no binary file to ship and nothing to fetch.

import { fitsLatin1 } from '../scan/source-file.js';

export const GRAM = 3;
/** 7 bits a character: exact for ASCII, so a hit is a real occurrence of the gram unless the text is not ASCII. */
export const GRAM_MASK = (1 << (7 * GRAM)) - 1;

/** The hash of the GRAM characters starting at `at` (characters before the text count as 0). */
export function gramKey(s: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i++) h = ((h << 7) | (s.charCodeAt(i) & 127)) & GRAM_MASK;
  return h;
}

/**
 * The JavaScript loop: the offsets where a gram whose bit is set ends. V8 compiles a loop for
 * the kinds of string it has seen, and one that has seen both one-byte and two-byte strings runs
 * about a third slower on either, so each kind gets its own copy of the same function.
 */
export function gramScanner(): (text: string, table: Uint32Array) => number[] {
  return (text, table) => {
    const hits: number[] = [];
    let h = 0;
    for (let i = 0; i < text.length; i++) {
      h = ((h << 7) | (text.charCodeAt(i) & 127)) & GRAM_MASK;
      if ((table[h >>> 5]! & (1 << (h & 31))) !== 0) hits.push(i);
    }
    return hits;
  };
}
const scanLatin1 = gramScanner();
const scanWide = gramScanner();

/** The offsets where a gram whose bit is set in `table` ends: in WebAssembly where it can, else in JavaScript. */
export function gramHits(text: string, table: Uint32Array): number[] {
  const wide = !fitsLatin1(text);
  return gramHitsWasm(text, table, wide) ?? (wide ? scanWide : scanLatin1)(text, table);
}

const I32 = 0x7f;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, return: 0x0f,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  load8u: 0x2d, load16u: 0x2f, store: 0x36, const: 0x41,
  eq: 0x46, geU: 0x4f, add: 0x6a, and: 0x71, or: 0x72, shl: 0x74, shrU: 0x76,
} as const;
const EMPTY_BLOCK = 0x40;

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (for i32.const). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const str = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

// Memory: the gram table's bits (2^21 bits) at 0, the hit offsets after it, the text after those.
const TABLE_BYTES = (GRAM_MASK + 1) >>> 3;
const OUT_AT = TABLE_BYTES;
const OUT_CAPACITY = 16384;
const TEXT_AT = OUT_AT + OUT_CAPACITY * 4;
const PAGE = 65536;

/**
 * scan(text, pos, end, out, max, h) → hits: from `pos` to `end` (offsets in the text at address
 * `text`), rolls the gram hash `h` on, and writes each offset whose gram's bit is set to `out`,
 * stopping after `max` hits. `wide`: the text is UTF-16, two bytes a character.
 */
function scanFunction(wide: boolean): number[] {
  const [TEXT, POS, END, OUT, MAX, H, N] = [0, 1, 2, 3, 4, 5, 6];
  const get = (i: number): number[] => [op.localGet, i];
  const c = (n: number): number[] => [op.const, ...sleb(n)];
  const body = [
    op.block, EMPTY_BLOCK,
    op.loop, EMPTY_BLOCK,
    ...get(POS), ...get(END), op.geU, op.brIf, 1,
    // h = ((h << 7) | (text[pos] & 127)) & GRAM_MASK
    ...get(H), ...c(7), op.shl,
    ...get(TEXT), ...get(POS), ...(wide ? [...c(1), op.shl] : []), op.add, ...(wide ? [op.load16u, 1, 0] : [op.load8u, 0, 0]), ...c(127), op.and,
    op.or, ...c(GRAM_MASK), op.and, op.localTee, H,
    // table[h >> 3] >> (h & 7) & 1
    ...c(3), op.shrU, op.load8u, 0, 0,
    ...get(H), ...c(7), op.and, op.shrU, ...c(1), op.and,
    op.if, EMPTY_BLOCK,
    ...get(OUT), ...get(N), ...c(2), op.shl, op.add, ...get(POS), op.store, 2, 0,
    ...get(N), ...c(1), op.add, op.localTee, N, ...get(MAX), op.eq,
    op.if, EMPTY_BLOCK, ...get(N), op.return, op.end,
    op.end,
    ...get(POS), ...c(1), op.add, op.localSet, POS,
    op.br, 0,
    op.end,
    op.end,
    ...get(N),
    op.end,
  ];
  const locals = vec([[...uleb(1), I32]]);
  const code = [...locals, ...body];
  return [...uleb(code.length), ...code];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([[I32]])]])),
    ...section(3, vec([uleb(0), uleb(0)])),
    ...section(5, vec([[0x00, ...uleb(Math.ceil(TEXT_AT / PAGE) + 1)]])),
    ...section(7, vec([[...str('scan'), 0x00, ...uleb(0)], [...str('scan16'), 0x00, ...uleb(1)], [...str('memory'), 0x02, ...uleb(0)]])),
    ...section(10, vec([scanFunction(false), scanFunction(true)])),
  ];
  return new Uint8Array(bytes);
}

type Scan = (text: number, pos: number, end: number, out: number, max: number, h: number) => number;

interface Instance {
  scan: Scan;
  scan16: Scan;
  memory: WebAssembly.Memory;
  /** The gram table whose bits are in memory now. */
  table: Uint32Array | null;
}

let instance: Instance | null | undefined;

function load(): Instance | null {
  if (instance !== undefined) return instance;
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes())).exports as { scan: Scan; scan16: Scan; memory: WebAssembly.Memory };
    instance = { scan: exports.scan, scan16: exports.scan16, memory: exports.memory, table: null };
  } catch {
    instance = null; // no WebAssembly here: the JavaScript loop does the work
  }
  return instance;
}

/** The rolling hash just after the character at `end`: the gram ending there. */
const gramAt = (text: string, end: number): number => gramKey(text, end - (GRAM - 1));

/** Characters copied into linear memory at a time: the memory stays small whatever the file. */
const CHUNK = 1 << 18;

/**
 * The offsets where a gram whose bit is set in `table` ends (the same as the JavaScript loop in
 * matcher.ts finds), or null when WebAssembly is not available. `wide`: the text has characters
 * over 255, so it goes in as UTF-16.
 */
export function gramHitsWasm(text: string, table: Uint32Array, wide: boolean): number[] | null {
  const wasm = load();
  if (!wasm) return null;
  const width = wide ? 2 : 1;
  const need = TEXT_AT + Math.min(text.length, CHUNK) * width;
  const have = wasm.memory.buffer.byteLength;
  if (need > have) wasm.memory.grow(Math.ceil((need - have) / PAGE));
  const memory = wasm.memory.buffer;
  if (wasm.table !== table) {
    new Uint32Array(memory, 0, table.length).set(table);
    wasm.table = table;
  }
  const scan = wide ? wasm.scan16 : wasm.scan;
  const out = new Int32Array(memory, OUT_AT, OUT_CAPACITY);
  const hits: number[] = [];
  for (let from = 0; from < text.length; from += CHUNK) {
    const end = Math.min(text.length, from + CHUNK);
    Buffer.from(memory, TEXT_AT, (end - from) * width).write(text.slice(from, end), wide ? 'utf16le' : 'latin1');
    // Offsets stay the text's own: the base address is moved back by the chunk's start (wrapping is fine in i32).
    const base = (TEXT_AT - from * width) | 0;
    let pos = from;
    // The hash carries over from the chunk before: the gram ending just before this chunk.
    let h = from > 0 ? gramAt(text, from - 1) : 0;
    for (;;) {
      const n = scan(base, pos, end, OUT_AT, OUT_CAPACITY, h);
      for (let k = 0; k < n; k++) hits.push(out[k]!);
      if (n < OUT_CAPACITY) break;
      // The output was full: go on after the last hit, with the hash of the gram ending there.
      const last = out[n - 1]!;
      pos = last + 1;
      h = gramAt(text, last);
    }
  }
  return hits;
}
