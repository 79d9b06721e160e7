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
}
interface BatchRequest {
  batch: number;
  files: WalkedFile[];
}
interface BatchResponse {
  batch: number;
  results: FileResult[];
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.tag === WORKER_TAG) {
  const init = workerData as WorkerInit;
  const matcher = new Matcher(init.entries ?? CATALOGUE);
  parentPort!.on('message', ({ batch, files }: BatchRequest) => {
    const response: BatchResponse = { batch, results: files.map((f) => scanFile(f, init.reading, matcher)) };
    parentPort!.postMessage(response);
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

/** Starts the scan workers; they load while this thread walks the tree. */
function startWorkers(matcher: Matcher, reading: Reading): Worker[] {
  const init: WorkerInit = { tag: WORKER_TAG, entries: matcher.entries === CATALOGUE ? null : matcher.entries, reading };
  // A worker that fails to start is not fatal: its batches are scanned here (see scanFiles).
  // A worker holds one batch at a time: a tight heap makes V8 collect early instead of growing.
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB };
  return Array.from({ length: workerCount() }, () => new Worker(new URL(import.meta.url), { workerData: init, resourceLimits }).on('error', () => {}));
}

const yieldToEventLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/** Where the files come from: a list known in full, or a walk that lists more as it is asked. */
interface FileSource {
  readonly files: WalkedFile[];
  readonly done: boolean;
  step(atLeast: number): void;
}

const listed = (files: WalkedFile[]): FileSource => ({ files, done: true, step: () => {} });

/** How long this thread scans before it answers the workers again. */
const SLICE_MS = 5;

/** Files a batch holds while the walk goes on; towards the end batches shrink to keep every thread busy. */
const STREAM_BATCH = 128;

/** Scans every file, spread over the workers and this thread; results in the order of `files`. */
async function scanFiles(source: FileSource, reading: Reading, matcher: Matcher, workers: Worker[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const strings = new StringTable();
  const { files } = source;
  if (workers.length === 0) {
    source.step(Infinity);
    files.forEach((f, i) => (results[i] = compactResult(scanFile(f, reading, matcher), f.path, strings)));
    return results;
  }
  const threads = workers.length + 1;
  const batches: [number, number][] = [];
  let dispatched = 0;
  // The walk goes on here, a few directories whenever a thread needs its next batch, so the
  // workers scan while the rest of the tree is still being listed.
  const take = (): number => {
    while (!source.done && files.length - dispatched < STREAM_BATCH) source.step(STREAM_BATCH * 4);
    const pending = files.length - dispatched;
    if (pending <= 0) return -1;
    const size = source.done ? Math.max(8, Math.min(STREAM_BATCH, Math.floor(pending / (threads * 4)))) : STREAM_BATCH;
    batches.push([dispatched, Math.min(files.length, dispatched + size)]);
    dispatched = batches[batches.length - 1]![1];
    return batches.length - 1;
  };
  const store = (batch: number, batchResults: FileResult[]): void => {
    const [from] = batches[batch]!;
    batchResults.forEach((r, k) => (results[from + k] = compactResult(r, files[from + k]!.path, strings, true)));
  };

  // Batches a worker took but never answered (it failed to start or crashed): this thread scans them.
  const orphaned: number[] = [];
  const finished = workers.map(
    (w) =>
      new Promise<void>((done) => {
        const inFlight = new Set<number>();
        let over = false;
        const end = (): void => {
          if (over) return;
          over = true;
          orphaned.push(...inFlight);
          done();
        };
        const send = (): void => {
          const b = take();
          if (b < 0) return;
          inFlight.add(b);
          const [from, to] = batches[b]!;
          w.postMessage({ batch: b, files: files.slice(from, to) } satisfies BatchRequest);
        };
        w.on('message', (m: BatchResponse) => {
          inFlight.delete(m.batch);
          store(m.batch, m.results);
          send();
          if (inFlight.size === 0) end();
        });
        w.on('error', end);
        w.on('exit', end);
        // Two batches in flight, so a worker never waits while this thread is busy with one.
        send();
        send();
        if (inFlight.size === 0) end();
      }),
  );
  // This thread scans between answering the workers: it stops every few milliseconds to hand
  // them their next batches, or a worker that finished would wait for this thread's batch.
  let sliceStart = performance.now();
  const scanBatch = async (b: number): Promise<void> => {
    const [from, to] = batches[b]!;
    for (let i = from; i < to; i++) {
      results[i] = compactResult(scanFile(files[i]!, reading, matcher), files[i]!.path, strings);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  };
  for (let b = take(); b >= 0; b = take()) await scanBatch(b);
  await Promise.all(finished);
  for (const b of orphaned) await scanBatch(b);
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
  let workers = rootStat.isDirectory() && !options.only ? startWorkers(matcher, reading) : [];
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
      void Promise.all(workers.map((w) => w.terminate()));
      workers = [];
    }
    files = source.files;
    results = await scanFiles(source, reading, matcher, workers);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
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

/** Dependency manifests (the BY_NAME routes of scan/extract.ts), as git pathspecs. */
export const MANIFEST_PATHSPECS = [
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'pyproject.toml', 'Pipfile', 'requirements*.txt',
  'Gemfile', 'Gemfile.lock', 'go.mod', 'composer.json', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'Cargo.toml', 'packages.config', 'mix.exs', '*.csproj',
  '*.fsproj', '*.vbproj', 'Podfile', 'pubspec.yaml', 'Package.swift', 'Directory.Packages.props', 'Directory.Build.props', 'setup.py', 'setup.cfg',
  'environment.yml', 'environment.yaml', 'libs.versions.toml', 'Package.resolved', 'project.pbxproj', 'Cartfile', 'Cartfile.resolved', 'Cartfile.private',
].flatMap((name) => [`:(glob)${name}`, `:(glob)**/${name}`]);

export class UsageError extends Error {}
