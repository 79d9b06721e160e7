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
    if (levels === 1) return yield* leafArray(value, indent);
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      yield inner;
      // As JSON.stringify does: what has no JSON form is null inside an array.
      yield* pieces(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, inner, levels - 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield indent + ']';
    return;
  }
  const record = value as Record<string, unknown>;
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

/** Items a leaf array is stringified in at a time: large enough for native speed, small enough to stay a chunk. */
const LEAF_BATCH = 64;

/**
 * A list whose items are each written whole (a service's evidence): stringified natively a batch
 * at a time, nested in as many arrays as the list is deep, so JSON.stringify indents the items
 * as they sit in the report; the wrapping brackets are cut off again.
 */
function* leafArray(items: unknown[], indent: string): Generator<string> {
  const depth = indent.length / 2;
  const prefix = Array.from({ length: depth + 1 }, (_, j) => ' '.repeat(2 * j) + '[\n').join('');
  const suffix = Array.from({ length: depth + 1 }, (_, j) => '\n' + ' '.repeat(2 * (depth - j)) + ']').join('');
  yield '[\n';
  for (let from = 0; from < items.length; from += LEAF_BATCH) {
    let nested: unknown = items.slice(from, from + LEAF_BATCH);
    for (let j = 0; j < depth; j++) nested = [nested];
    const text = JSON.stringify(nested, null, 2);
    yield text.slice(prefix.length, text.length - suffix.length);
    yield from + LEAF_BATCH < items.length ? ',\n' : '\n';
  }
  yield indent + ']';
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
