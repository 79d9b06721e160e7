// One file, read and extracted: the unit of work of a scan, the same on the main thread and on
// a worker (scan/worker.ts), and what the pull-request comparison reads from git. It imports no
// catalogue data: the matcher it is given holds that.
import { openSync, fstatSync, readSync, closeSync } from 'node:fs';
import type { Evidence, ScanError } from '../model.js';
import { skipReasonForName, type WalkedFile } from './walk.js';
import { decode, looksBinary, reusableBuffer } from './source-file.js';
import { markVendorList } from './vendor-lists.js';
import { neverAFlow, placeholderDomain } from './urls.js';
import { ExtractContext } from './context.js';
import { routeFor, isTestPath, bytesGateOf } from './extract.js';
import { firstRegionIn } from './extractors/infra.js';
import { parseSuppressions, type Suppression } from './suppressions.js';
import { serviceFor, wantsFileRegion } from '../catalogue/service-of.js';
import type { Matcher } from '../catalogue/matcher.js';

/** What one file yields. Plain data, so that it crosses from a worker thread as it is. */
export interface FileResult {
  skipped?: string;
  /** The file was read (and counts as scanned), even if extraction then failed. */
  read: boolean;
  bytes: number;
  evidence: Evidence[];
  errors: ScanError[];
  suppressions: Suppression[];
  /** The first cloud region the file names, when a cloud platform's evidence in it may need one. */
  region?: string;
}

/** Extracts evidence from one file's text, as a scan would (a file a scan passes over by name yields nothing). Pure: used by the pull-request comparison, the tests and the fuzzer. */
export function extractFile(path: string, text: string, matcher: Matcher, inDocsSite = false): ExtractContext {
  const ctx = new ExtractContext(path, text, matcher, isTestPath(path));
  const route = skipReasonForName(path, inDocsSite) ? undefined : routeFor(path);
  if (route) route(ctx);
  return ctx;
}

/**
 * What a report keeps of one file's evidence, the same for the scanned tree and for the base
 * versions read from git in a pull request. Dropped as attribution would drop them: evidence
 * without a host that no catalogue entry claims (an import of react, a dependency on zod), and
 * hosts that are never a data flow (an SVG namespace, a schema id); the project's own domains
 * are left to attribution. A file naming dozens of vendors is marked as a list of them (low
 * confidence), counting every host it names.
 */
export function keptEvidence(evidence: Evidence[], matcher: Matcher): Evidence[] {
  const kept = evidence.filter((ev) => ev.host || serviceFor(ev, matcher) !== undefined);
  markVendorList(kept, (ev) => serviceFor(ev, matcher));
  return kept.filter((ev) => !ev.host || !(neverAFlow(ev.host, ev.urlPath) || (placeholderDomain(ev.host) && serviceFor(ev, matcher) === undefined)));
}

/** One read buffer per thread: each file's text is decoded out of it before the next read. */
const scratch = reusableBuffer(1 << 20);

/** Reads a file unless it is not a regular file or is over the size limit; never throws. The buffer is only valid until the next read. */
function readBounded(abs: string, maxBytes: number): Buffer | { skipped: string } | { error: string } {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skipped: 'not-a-regular-file' };
    if (st.size > maxBytes) return { skipped: 'too-large' };
    const buf = scratch(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, null);
      if (n === 0) break;
      read += n;
    }
    return read === st.size ? buf : buf.subarray(0, read);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    closeSync(fd);
  }
}

/** Where the files are and how much of each is read: the same for every file of a scan, on every thread. */
export interface Reading {
  root: string;
  maxFileBytes: number;
}

/** Reads and extracts one file: the unit of work of the scan, on whichever thread runs it. */
export function scanFile(file: WalkedFile, reading: Reading, matcher: Matcher): FileResult {
  const result: FileResult = { read: false, bytes: 0, evidence: [], errors: [], suppressions: [] };
  const route = routeFor(file.path);
  if (!route || skipReasonForName(file.path, file.published)) return { ...result, skipped: 'no-extractor' };
  const buf = readBounded(file.abs ?? `${reading.root}/${file.path}`, reading.maxFileBytes);
  if ('skipped' in buf) return { ...result, skipped: buf.skipped };
  if ('error' in buf) return { ...result, errors: [{ path: file.path, message: `cannot read file: ${buf.error}` }] };
  // A file its route can rule out from the bytes is read but never decoded.
  const gate = bytesGateOf(route);
  if (gate && !gate(buf, matcher)) return { ...result, read: true, bytes: buf.length };
  if (looksBinary(buf)) return { ...result, skipped: 'binary' };
  result.read = true;
  result.bytes = buf.length;
  const text = decode(buf);
  const ctx = new ExtractContext(file.path, text, matcher, isTestPath(file.path));
  try {
    route(ctx);
    result.evidence = keptEvidence(ctx.evidence, matcher);
    // Looked up here, on the thread that holds the text, rather than by reading the file again later.
    if (result.evidence.some((ev) => wantsFileRegion(ev, matcher))) result.region = firstRegionIn(text)?.region;
    result.errors = ctx.errors;
  } catch (e) {
    result.errors = [...ctx.errors, { path: file.path, message: `could not be scanned: ${(e as Error).message}` }];
  }
  const sup = parseSuppressions(text);
  result.suppressions = sup.suppressions;
  for (const p of sup.problems) result.errors.push({ path: file.path, line: p.line, message: p.message });
  return result;
}
