// files → evidence → services. Walks the root, reads and extracts every file (on worker
// threads as well as this one when the repository is large and the machine has cores),
// attributes the evidence. Checks and reporters consume what this returns.
import { openSync, fstatSync, readSync, closeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve, relative, sep } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Evidence, Report, ScanError } from './model.js';
import { TreeWalk, walkPaths, skipReasonForName, type WalkedFile } from './scan/walk.js';
import { decode, looksBinary, reusableBuffer } from './scan/source-file.js';
import { markVendorList } from './scan/vendor-lists.js';
import { neverAFlow, placeholderDomain } from './scan/urls.js';
import { ExtractContext } from './scan/context.js';
import { routeFor, isTestPath } from './scan/extract.js';
import { firstRegionIn } from './scan/extractors/infra.js';
import { parseSuppressions, type Suppression } from './scan/suppressions.js';
import { attribute, serviceFor, wantsFileRegion } from './catalogue/attribute.js';
import { Matcher } from './catalogue/matcher.js';
import { CATALOGUE } from './catalogue/catalogue.generated.js';
import type { ServiceEntry } from './catalogue/types.js';
import { TOOL } from './version.js';

export interface ScanOptions {
  ignore: string[];
  includeGenerated: boolean;
  maxFileBytes: number;
  firstParty: string[];
  /** Scan only these root-relative paths (pull-request mode), without walking the tree; undefined scans everything. */
  only?: Set<string>;
}

export const DEFAULT_SCAN_OPTIONS: ScanOptions = { ignore: [], includeGenerated: false, maxFileBytes: 5 * 1024 * 1024, firstParty: [] };

export interface ScanResult {
  report: Report;
  suppressions: Map<string, Suppression[]>;
  evidence: Evidence[];
}

/** What one file yields. Plain data, so that it crosses from a worker thread as it is. */
interface FileResult {
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
interface Reading {
  root: string;
  maxFileBytes: number;
}

/** Reads and extracts one file: the unit of work of the scan, on whichever thread runs it. */
function scanFile(file: WalkedFile, reading: Reading, matcher: Matcher): FileResult {
  const result: FileResult = { read: false, bytes: 0, evidence: [], errors: [], suppressions: [] };
  const route = routeFor(file.path);
  if (!route || skipReasonForName(file.path, file.published)) return { ...result, skipped: 'no-extractor' };
  const buf = readBounded(file.abs ?? `${reading.root}/${file.path}`, reading.maxFileBytes);
  if ('skipped' in buf) return { ...result, skipped: buf.skipped };
  if ('error' in buf) return { ...result, errors: [{ path: file.path, message: `cannot read file: ${buf.error}` }] };
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

// Evidence lives until the report is written, hundreds of thousands of pieces on a large tree,
// so its strings are made small: a substring of a file's text would keep the whole text alive
// (V8 slices), so those are copied out; the path, hosts and the other few-valued fields are
// shared, one string for all the evidence that carries the same value.
const detach = (s: string): string => (s.length > 12 ? (' ' + s).slice(1) : s);
const SHARED_FIELDS = ['host', 'kind', 'confidence', 'ecosystem', 'serviceHint', 'region'] as const;

class StringTable {
  private readonly table = new Map<string, string>();

  get(s: string): string {
    let shared = this.table.get(s);
    if (shared === undefined) {
      shared = detach(s);
      this.table.set(shared, shared);
    }
    return shared;
  }
}

/** `fresh`: the result crossed from a worker, so its strings are copies already, never slices of a file's text. */
function compactResult(r: FileResult, path: string, strings: StringTable, fresh = false): FileResult {
  const own = fresh ? (s: string): string => s : detach;
  for (const ev of r.evidence) {
    ev.path = path;
    for (const k of SHARED_FIELDS) if (ev[k] !== undefined) (ev as unknown as Record<string, string>)[k] = strings.get(ev[k]);
    ev.match = own(ev.match);
    if (ev.urlPath !== undefined) ev.urlPath = own(ev.urlPath);
    if (ev.package !== undefined) ev.package = strings.get(ev.package);
    if (ev.consentAttributes) for (const k of Object.keys(ev.consentAttributes)) ev.consentAttributes[k] = strings.get(ev.consentAttributes[k]!);
  }
  for (const e of r.errors) e.message = own(e.message);
  for (const s of r.suppressions) s.reason = own(s.reason);
  // Most files yield nothing: their result is kept until the report with no lists of its own.
  if (r.evidence.length === 0) r.evidence = NONE;
  if (r.errors.length === 0) r.errors = NONE;
  if (r.suppressions.length === 0) r.suppressions = NONE;
  return r;
}

const NONE: never[] = Object.freeze([]) as unknown as never[];

// ---- worker threads -------------------------------------------------------------------------
// The scan worker is this same module (the same bundle file, once built): the entry points
// (src/cli.ts, src/index.ts) do nothing on a worker thread, and this module answers batches.

const WORKER_TAG = 'privacy-lint-scan-worker';
/** Below this many files starting a thread costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const MAX_WORKERS = 7;
const WORKER_HEAP_MB = 256;
/**
 * A worker's young generation. V8's default (three 16 MB semi-spaces) took 30-60 MB more peak
 * RSS on the large corpus (up to 402 MB, over the 400 MB goal), where the main thread's heap
 * holds 300,000 pieces of evidence; it would gain 0.1-0.2 s on the real tree of npm packages
 * (fewer scavenges of big file texts: 2.90-3.16 s against 3.09-3.42 s in alternating runs).
 */
const WORKER_YOUNG_MB = 8;

interface WorkerInit {
  tag: typeof WORKER_TAG;
  /** null: the compiled catalogue; else the entries of a custom matcher. */
  entries: ServiceEntry[] | null;
  reading: Reading;
  /** One Int32: the index of the next file no thread has claimed (see claimFiles). */
  next: SharedArrayBuffer;
}
/** This thread to a worker: more files of the list, in order; `done`: the list is complete. */
interface FilesMessage {
  files: WalkedFile[];
  done: boolean;
}
/** A worker to this thread: the results of the files it claimed from `from` on, or that it has nothing left to claim. */
type WorkerMessage = { from: number; results: FileResult[] } | { finished: true };

/**
 * Claims the next files to scan, at most `size` of them and none at or past `known` (the files
 * this thread has been told of), for the thread that calls it alone: each index is claimed once,
 * whichever thread asks first. Returns [from, to), or null when nothing under `known` is left.
 */
function claimFiles(next: Int32Array, known: number, size: number): [number, number] | null {
  for (;;) {
    const from = Atomics.load(next, 0);
    if (from >= known) return null;
    const to = Math.min(known, from + size);
    if (Atomics.compareExchange(next, 0, from, to) === from) return [from, to];
  }
}

/**
 * How many files a thread claims at a time: enough that a worker's results go back in few
 * messages, few enough at the end of the list that no thread is left with a long run of files
 * while the others wait (files differ in size a thousandfold, and nothing knows their sizes yet).
 */
function claimSize(pending: number, listComplete: boolean): number {
  return listComplete ? Math.max(1, Math.min(CLAIM, Math.floor(pending / 16))) : CLAIM;
}
const CLAIM = 64;

if (!isMainThread && (workerData as WorkerInit | undefined)?.tag === WORKER_TAG) {
  const init = workerData as WorkerInit;
  const matcher = new Matcher(init.entries ?? CATALOGUE);
  const next = new Int32Array(init.next);
  const files: WalkedFile[] = [];
  let finished = false;
  parentPort!.on('message', (m: FilesMessage) => {
    for (const f of m.files) files.push(f);
    // Claims until the files this worker knows of are all taken; more arrive as messages.
    for (let c = claimFiles(next, files.length, claimSize(files.length - Atomics.load(next, 0), m.done)); c; c = claimFiles(next, files.length, claimSize(files.length - Atomics.load(next, 0), m.done))) {
      const [from, to] = c;
      const results: FileResult[] = [];
      for (let i = from; i < to; i++) results.push(scanFile(files[i]!, init.reading, matcher));
      parentPort!.postMessage({ from, results } satisfies WorkerMessage);
    }
    if (m.done && !finished) {
      finished = true;
      parentPort!.postMessage({ finished: true } satisfies WorkerMessage);
    }
  });
}

/**
 * How many worker threads to start: one less than the cores (this thread scans too). Only the
 * built bundle can be re-entered as a worker; from TypeScript sources (tests, tsx) it is 0.
 * PRIVACY_LINT_THREADS=1 turns them off, a higher number sets the total number of threads.
 */
export function workerCount(): number {
  if (!import.meta.url.endsWith('.js')) return 0;
  const asked = Number(process.env.PRIVACY_LINT_THREADS);
  const threads = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
  return Math.max(0, Math.min(MAX_WORKERS, threads - 1));
}

interface Workers {
  threads: Worker[];
  next: Int32Array;
}

/** Starts the scan workers; they load while this thread walks the tree. */
function startWorkers(matcher: Matcher, reading: Reading): Workers {
  const next = new SharedArrayBuffer(4);
  const init: WorkerInit = { tag: WORKER_TAG, entries: matcher.entries === CATALOGUE ? null : matcher.entries, reading, next };
  // A worker that fails to start is not fatal: the files it would have claimed are scanned here.
  // A worker holds a few files at a time: a tight heap makes V8 collect early instead of growing.
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB };
  const threads = Array.from({ length: workerCount() }, () => new Worker(new URL(import.meta.url), { workerData: init, resourceLimits }).on('error', () => {}));
  return { threads, next: new Int32Array(next) };
}

const yieldToEventLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/** Where the files come from: a list known in full, or a walk that lists more as it is asked. */
interface FileSource {
  readonly files: WalkedFile[];
  readonly done: boolean;
  step(atLeast: number): void;
}

const listed = (files: WalkedFile[]): FileSource => ({ files, done: true, step: () => {} });

/** How long this thread scans before it takes the workers' results in. */
const SLICE_MS = 5;

/**
 * Files listed ahead of the claims, so that a worker always knows of files to claim while this
 * thread is busy with a large one (a few hundred milliseconds of scanning at most).
 */
const LISTED_AHEAD = 2048;

/**
 * Scans every file, spread over the workers and this thread; results in the order of `files`.
 * Every thread claims its next few files from one shared counter when it is ready for them, so
 * no thread waits while files are left, and none is left with a queue of them at the end.
 */
async function scanFiles(source: FileSource, reading: Reading, matcher: Matcher, workers: Workers): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const strings = new StringTable();
  const { files } = source;
  if (workers.threads.length === 0) {
    source.step(Infinity);
    files.forEach((f, i) => (results[i] = compactResult(scanFile(f, reading, matcher), f.path, strings)));
    return results;
  }
  const { next } = workers;
  // Every file has its result: the workers have nothing in hand (one still starting need not be waited for).
  let stored = 0;
  let allStored = (): void => {};
  const store = (i: number, r: FileResult): void => {
    results[i] = r;
    if (++stored === files.length && source.done) allStored();
  };
  const finished = workers.threads.map(
    (w) =>
      new Promise<void>((done) => {
        w.on('message', (m: WorkerMessage) => {
          if ('finished' in m) return done();
          m.results.forEach((r, k) => store(m.from + k, compactResult(r, files[m.from + k]!.path, strings, true)));
        });
        w.on('error', () => done());
        w.on('exit', () => done());
      }),
  );
  let told = 0;
  let toldDone = false;
  const tellWorkers = (): void => {
    if (told === files.length && toldDone === source.done) return;
    const message: FilesMessage = { files: files.slice(told), done: source.done };
    for (const w of workers.threads) w.postMessage(message);
    told = files.length;
    toldDone = source.done;
  };
  let sliceStart = performance.now();
  for (;;) {
    while (!source.done && files.length - Atomics.load(next, 0) < LISTED_AHEAD) source.step(LISTED_AHEAD);
    tellWorkers();
    const claimed = claimFiles(next, files.length, claimSize(files.length - Atomics.load(next, 0), source.done));
    if (!claimed) {
      if (source.done) break;
      continue;
    }
    for (let i = claimed[0]; i < claimed[1]; i++) {
      store(i, compactResult(scanFile(files[i]!, reading, matcher), files[i]!.path, strings));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  }
  if (stored < files.length) await Promise.race([Promise.all(finished), new Promise<void>((done) => (allStored = done))]);
  // Files a worker claimed but never answered for (it failed to start, or crashed): scanned here.
  for (let i = 0; i < files.length; i++) results[i] ??= compactResult(scanFile(files[i]!, reading, matcher), files[i]!.path, strings);
  return results;
}

export async function scanRoot(rootArg: string, options: ScanOptions, matcher: Matcher): Promise<ScanResult> {
  const started = performance.now();
  const root = resolve(rootArg);
  const errors: ScanError[] = [];
  let files: WalkedFile[];
  let skippedBy: Record<string, number> = {};

  const rootStat = await stat(root).catch(() => null);
  if (!rootStat) throw new UsageError(`path not found: ${rootArg}`);
  const reading: Reading = { root, maxFileBytes: options.maxFileBytes };
  // A whole tree is worth the threads; a file or a pull request's few files are not.
  let workers: Workers = rootStat.isDirectory() && !options.only ? startWorkers(matcher, reading) : { threads: [], next: new Int32Array(1) };
  let results: FileResult[];
  let tree: TreeWalk | undefined;
  try {
    let source: FileSource;
    if (rootStat.isFile()) {
      const name = root.split(sep).pop()!;
      source = listed([{ path: name, abs: root }]);
    } else if (options.only) {
      // A pull request's files are looked at one by one; the tree is not walked for them.
      const walked = walkPaths(root, options.only, options);
      skippedBy = walked.skippedBy;
      errors.push(...walked.errors);
      source = listed(walked.files);
    } else {
      // The tree is listed as the scan goes (see scanFiles); enough of it first to know whether threads pay.
      source = tree = new TreeWalk(root, options);
      tree.step(MIN_FILES_FOR_WORKERS);
    }
    if (source.done && source.files.length < MIN_FILES_FOR_WORKERS) {
      void Promise.all(workers.threads.map((w) => w.terminate()));
      workers = { ...workers, threads: [] };
    }
    files = source.files;
    results = await scanFiles(source, reading, matcher, workers);
  } finally {
    await Promise.all(workers.threads.map((w) => w.terminate()));
  }
  if (tree) {
    skippedBy = tree.skippedBy;
    errors.push(...tree.errors);
  }
  const evidence: Evidence[] = [];
  const suppressions = new Map<string, Suppression[]>();
  const regions = new Map<string, string>();
  let bytes = 0;
  let scanned = 0;
  results.forEach((r, i) => {
    if (r.skipped) skippedBy[r.skipped] = (skippedBy[r.skipped] ?? 0) + 1;
    else if (r.read) scanned++;
    bytes += r.bytes;
    for (const ev of r.evidence) evidence.push(ev);
    for (const e of r.errors) errors.push(e);
    if (r.suppressions.length) suppressions.set(files[i]!.path, r.suppressions);
    if (r.region) regions.set(files[i]!.path, r.region);
  });

  const { services, unclassified, ownSites } = attribute(evidence, matcher, { firstParty: options.firstParty }, regions);
  const skipped = Object.values(skippedBy).reduce((a, b) => a + b, 0);
  errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  const report: Report = {
    version: 1,
    tool: { ...TOOL },
    root: relative(process.cwd(), root).split(sep).join('/') || '.',
    services,
    unclassified,
    findings: [],
    errors,
    stats: { files: scanned, bytes, skipped, skippedBy, durationMs: Math.round(performance.now() - started) },
  };
  if (ownSites.length) report.ownSites = ownSites;
  return { report, suppressions, evidence };
}

// ---- pull-request scope ----------------------------------------------------------------------
// With --changed-only, a pull request is scanned where it changed plus the dependency manifests
// (src/lint.ts), and compared with the base versions of those same files. Searching the rest of
// the tree for what the change adds would mean reading all of it: on a 100,000-file repository
// even `git grep` for a few dozen domains takes longer than the whole budget of two seconds.

// Which files are manifests is the routing table's to say: isManifestPath() in scan/extract.ts.
export { isManifestPath } from './scan/extract.js';

export class UsageError extends Error {}
