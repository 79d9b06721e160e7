// The JSON report: the stable contract every other consumer reads (version 1; fields are
// added, never renamed).
import { openSync, writeSync, closeSync } from 'node:fs';
import type { Report } from '../model.js';

/** Levels written piece by piece: the report, its lists, each service, its evidence list. Below that, one stringify per item. */
const STREAMED_LEVELS = 4;
/** Pieces are joined up to about this many characters, so a write is neither one tiny string nor the whole report. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The pieces of JSON.stringify(value, null, 2), with the `STREAMED_LEVELS` outer levels of
 * objects and arrays written one member at a time.
 */
function* pieces(value: unknown, indent: string, levels: number): Generator<string> {
  if (levels === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n' + indent);
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return void (yield '[]');
    yield '[\n';
    for (let i = 0; i < value.length; ) {
      if (levels === 1 || !holdsLongList(value[i])) {
        // A run of items written whole (a service's evidence, hosts seen once): one native stringify a batch.
        let end = i + 1;
        while (end < value.length && end - i < LEAF_BATCH && (levels === 1 || !holdsLongList(value[end]))) end++;
        yield itemsText(value.slice(i, end), indent);
        i = end;
      } else {
        yield inner;
        yield* pieces(value[i], inner, levels - 1);
        i++;
      }
      yield i < value.length ? ',\n' : '\n';
    }
    yield indent + ']';
    return;
  }
  const record = value as Record<string, unknown>;
  // An item of the report's lists that holds no long list (a finding, a host seen once) is one
  // native stringify: written member by member, 200,000 such hosts cost seconds.
  if (!holdsLongList(record)) {
    yield JSON.stringify(record, null, 2).replace(/\n/g, '\n' + indent);
    return;
  }
  // …and is left out of an object.
  const keys = Object.keys(record).filter((k) => record[k] !== undefined && typeof record[k] !== 'function' && typeof record[k] !== 'symbol');
  if (keys.length === 0) return void (yield '{}');
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    yield `${inner}${JSON.stringify(keys[i])}: `;
    yield* pieces(record[keys[i]!], inner, levels - 1);
    yield i < keys.length - 1 ? ',\n' : '\n';
  }
  yield indent + '}';
}

/** Items stringified at a time: enough for native speed, few enough to stay a chunk. */
const LEAF_BATCH = 64;

/** Whether a value holds a list longer than a batch, anywhere inside it (a short list's items are looked into too). */
function holdsLongList(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length > LEAF_BATCH || value.some(holdsLongList);
  return Object.values(value).some(holdsLongList);
}

/** The brackets JSON.stringify writes around a list nested `depth` arrays deep, as [prefix, suffix]. */
const NESTING = new Map<number, [string, string]>();
function nesting(depth: number): [string, string] {
  let brackets = NESTING.get(depth);
  if (!brackets) {
    brackets = [
      Array.from({ length: depth + 1 }, (_, j) => ' '.repeat(2 * j) + '[\n').join(''),
      Array.from({ length: depth + 1 }, (_, j) => '\n' + ' '.repeat(2 * (depth - j)) + ']').join(''),
    ];
    NESTING.set(depth, brackets);
  }
  return brackets;
}

/**
 * Items as they sit in a list at `indent`, each on its own lines and indented, comma-separated:
 * stringified natively, nested in as many arrays as the list is deep, so JSON.stringify indents
 * them as in the report; the wrapping brackets are cut off again. (An item with no JSON form is
 * null, as in any array.)
 */
function itemsText(items: unknown[], indent: string): string {
  const depth = indent.length / 2;
  let nested: unknown = items;
  for (let j = 0; j < depth; j++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  const [prefix, suffix] = nesting(depth);
  return text.slice(prefix.length, text.length - suffix.length);
}

/**
 * The report as chunks that join to exactly JSON.stringify(report, null, 2) + '\n'. A large
 * repository's report runs to hundreds of megabytes; written chunk by chunk it is never one
 * string in memory, nor is any one service's evidence.
 */
export function* jsonChunks(report: Report): Generator<string> {
  let buffer = '';
  for (const piece of pieces(report, '', STREAMED_LEVELS)) {
    if (buffer && buffer.length + piece.length > CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + '\n';
}

export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}

/** Writes the report to a file chunk by chunk (see jsonChunks). */
export function writeJsonFile(path: string, report: Report): void {
  writeChunksToFile(path, jsonChunks(report));
}

export function writeChunksToFile(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
}
