// files → evidence → services. Walks the root, reads and extracts every file (on worker
// threads as well as this one when the repository is large and the machine has cores),
// attributes the evidence. Checks and reporters consume what this returns.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve, relative, sep, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evidence, Report, ScanError } from './model.js';
import { TreeWalk, walkPaths, type WalkedFile } from './scan/walk.js';
import type { Suppression } from './scan/suppressions.js';
import { attribute } from './catalogue/attribute.js';
import { Matcher } from './catalogue/matcher.js';
import { TOOL } from './version.js';
import { scanFile, type FileResult, type Reading } from './scan/file-scan.js';
import { WORKER_TAG, claimFiles, claimSize, detectionEntry, type WorkerInit, type FilesMessage, type WorkerMessage } from './scan/worker.js';

// One file's reading and extraction live in scan/file-scan.ts; these are the pipeline's API too.
export { extractFile, keptEvidence } from './scan/file-scan.js';

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
// The scan workers run a bundle of their own, dist/scan-worker/ (src/scan-worker.ts): the scan
// of one file and the matcher, without the catalogue's paperwork, the checks, the reporters and
// the Action, so that it starts sooner. Its side of the protocol is in scan/worker.ts.

/**
 * On two cores a second thread pays only for a scan of some seconds: it runs cold (its JIT warms
 * up on the files it is given) and slows this thread by about 1.4× while both run. Alternating
 * runs on samples of the medium corpus, one thread against two: 1,823 files 1.11 s against
 * 1.23 s, 4,565 files 1.86 s against 2.06 s, 9,000 files 3.0 s against 2.93 s, 18,238 files
 * 5.4 s against 4.7 s. So a tree of this many files keeps the threads it started with; a
 * smaller one starts them only when what is left of it looks like more than WORKERS_PAY_MS of
 * scanning.
 */
const MIN_FILES_FOR_WORKERS = 8000;
const WORKERS_PAY_MS = 2500;
/**
 * What is left is estimated from the pace of the scan after its first WARM_UP_MS (the JIT's
 * warm-up makes the first files several times slower), over at least as long again.
 */
const WARM_UP_MS = 250;
const MAX_WORKERS = 7;
const WORKER_HEAP_MB = 256;
/**
 * A worker's young generation. V8's default (three 16 MB semi-spaces) took 30-60 MB more peak
 * RSS on the large corpus (up to 402 MB, over the 400 MB goal), where the main thread's heap
 * holds 300,000 pieces of evidence; it would gain 0.1-0.2 s on the real tree of npm packages
 * (fewer scavenges of big file texts: 2.90-3.16 s against 3.09-3.42 s in alternating runs).
 */
const WORKER_YOUNG_MB = 8;

/**
 * The worker's bundle, built beside the Action's (dist/scan-worker/ next to dist/index.js) and
 * reached from the CLI's (dist/cli/); none when running from TypeScript sources (tests, tsx).
 */
// (Paths, not `new URL('./…', import.meta.url)`: the bundler would copy that file into the bundle.)
const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER_SCRIPT: string | undefined = import.meta.url.endsWith('.js') ? [join(HERE, 'scan-worker', 'index.js'), join(HERE, '..', 'scan-worker', 'index.js')].find((p) => existsSync(p)) : undefined;

/**
 * How many worker threads to start: one less than the cores (this thread scans too); none
 * without the worker's bundle. PRIVACY_LINT_THREADS=1 turns them off, a higher number sets the
 * total number of threads and starts them for a tree of any size (threadsAsked).
 */
export function workerCount(): number {
  if (WORKER_SCRIPT === undefined) return 0;
  const asked = Number(process.env.PRIVACY_LINT_THREADS);
  const threads = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
  return Math.max(0, Math.min(MAX_WORKERS, threads - 1));
}

/** Whether PRIVACY_LINT_THREADS asks for threads: then a small tree gets them too. */
const threadsAsked = (): boolean => Number(process.env.PRIVACY_LINT_THREADS) > 1;

/** The scan's threads besides this one (see MIN_FILES_FOR_WORKERS), and the counter every thread claims files from. */
interface Workers {
  threads: Worker[];
  next: Int32Array;
}

/** Starts the scan workers, which claim files from the shared counter `next`. */
function startWorkers(matcher: Matcher, reading: Reading, next: Int32Array): Worker[] {
  const init: WorkerInit = { tag: WORKER_TAG, entries: matcher.entries.map(detectionEntry), reading, next: next.buffer as SharedArrayBuffer };
  // A worker that fails to start is not fatal: the files it would have claimed are scanned here.
  // A worker holds a few files at a time: a tight heap makes V8 collect early instead of growing.
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB };
  return Array.from({ length: workerCount() }, () => new Worker(WORKER_SCRIPT!, { workerData: init, resourceLimits }).on('error', () => {}));
}

/**
 * Whether threads pay for the rest of a smaller tree: the pace of its scan over `spentMs` since
 * the warm-up (`scanned` files), times the files `left`, is more than WORKERS_PAY_MS.
 */
export function threadsPayFor(spentMs: number, scanned: number, left: number): boolean {
  return spentMs >= WARM_UP_MS && (spentMs / Math.max(1, scanned)) * left > WORKERS_PAY_MS;
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
async function scanFiles(source: FileSource, reading: Reading, matcher: Matcher, workers: Workers, threaded: boolean): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const strings = new StringTable();
  const { files } = source;
  const { next } = workers;
  // Every file has its result: the workers have nothing in hand (one still starting need not be waited for).
  let stored = 0;
  let allStored = (): void => {};
  const store = (i: number, r: FileResult): void => {
    results[i] = r;
    if (++stored === files.length && source.done) allStored();
  };
  const listen = (w: Worker): Promise<void> =>
    new Promise<void>((done) => {
      w.on('message', (m: WorkerMessage) => {
        if ('finished' in m) return done();
        m.results.forEach((r, k) => store(m.from + k, compactResult(r, files[m.from + k]!.path, strings, true)));
      });
      w.on('error', () => done());
      w.on('exit', () => done());
    });
  const finished = workers.threads.map(listen);
  const start = (): void => {
    for (const w of startWorkers(matcher, reading, next)) {
      workers.threads.push(w);
      finished.push(listen(w));
    }
  };
  let told = 0;
  let toldDone = false;
  const tellWorkers = (): void => {
    if (workers.threads.length === 0 || (told === files.length && toldDone === source.done)) return;
    const message: FilesMessage = { files: files.slice(told), done: source.done };
    for (const w of workers.threads) w.postMessage(message);
    told = files.length;
    toldDone = source.done;
  };
  // A smaller tree than MIN_FILES_FOR_WORKERS gets threads once its files prove slow to scan.
  let mayStart = threaded && workers.threads.length === 0 && workerCount() > 0;
  const began = performance.now();
  let scannedHere = 0;
  let warm: { at: number; scanned: number } | undefined;
  const threadsPay = (): boolean => {
    const now = performance.now();
    if (!warm) {
      if (now - began >= WARM_UP_MS) warm = { at: now, scanned: scannedHere };
      return false;
    }
    return threadsPayFor(now - warm.at, scannedHere - warm.scanned, files.length - Atomics.load(next, 0));
  };
  let sliceStart = performance.now();
  for (;;) {
    while (!source.done && files.length - Atomics.load(next, 0) < LISTED_AHEAD) source.step(LISTED_AHEAD);
    if (mayStart && threadsPay()) {
      mayStart = false;
      start();
    }
    tellWorkers();
    const claimed = claimFiles(next, files.length, claimSize(files.length - Atomics.load(next, 0), source.done));
    if (!claimed) {
      if (source.done) break;
      continue;
    }
    for (let i = claimed[0]; i < claimed[1]; i++) {
      store(i, compactResult(scanFile(files[i]!, reading, matcher), files[i]!.path, strings));
      scannedHere++;
      if (performance.now() - sliceStart > SLICE_MS) {
        // (The workers' results come in on the event loop; with none, nothing waits there.)
        if (workers.threads.length > 0) await yieldToEventLoop();
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
  const workers: Workers = { threads: [], next: new Int32Array(new SharedArrayBuffer(4)) };
  // A whole tree may be worth the threads; a file or a pull request's few files are not. They
  // load while the walk lists the first files, and a small tree stops them (MIN_FILES_FOR_WORKERS).
  const threaded = rootStat.isDirectory() && !options.only;
  if (threaded) workers.threads = startWorkers(matcher, reading, workers.next);
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
      // The tree is listed as the scan goes (see scanFiles); enough of it first to know whether
      // threads pay, unless they were asked for.
      source = tree = new TreeWalk(root, options);
      tree.step(threadsAsked() ? LISTED_AHEAD : MIN_FILES_FOR_WORKERS);
    }
    if (source.done && source.files.length < MIN_FILES_FOR_WORKERS && !threadsAsked()) {
      void Promise.all(workers.threads.map((w) => w.terminate()));
      workers.threads = [];
    }
    files = source.files;
    results = await scanFiles(source, reading, matcher, workers, threaded);
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
