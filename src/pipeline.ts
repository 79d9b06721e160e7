// files → evidence → services. Reads files (with a bounded number in flight), runs the
// extractors, attributes the evidence. Checks and reporters consume what this returns.
import { open, stat } from 'node:fs/promises';
import { resolve, relative, sep } from 'node:path';
import type { Evidence, Report, ScanError } from './model.js';
import { walk, skipReasonForName, type WalkedFile } from './scan/walk.js';
import { decode, looksBinary } from './scan/source-file.js';
import { ExtractContext } from './scan/context.js';
import { routeFor, isTestPath } from './scan/extract.js';
import { firstRegionIn } from './scan/extractors/infra.js';
import { parseSuppressions, type Suppression } from './scan/suppressions.js';
import { attribute } from './catalogue/attribute.js';
import type { Matcher } from './catalogue/matcher.js';
import { TOOL } from './version.js';

export interface ScanOptions {
  ignore: string[];
  includeGenerated: boolean;
  maxFileBytes: number;
  firstParty: string[];
  /** Scan only these root-relative paths (pull-request mode); undefined scans everything. */
  only?: Set<string>;
}

export const DEFAULT_SCAN_OPTIONS: ScanOptions = { ignore: [], includeGenerated: false, maxFileBytes: 5 * 1024 * 1024, firstParty: [] };

export interface ScanResult {
  report: Report;
  suppressions: Map<string, Suppression[]>;
  evidence: Evidence[];
}

const CONCURRENCY = 32;

/** Extracts evidence from one file's text. Pure: used by the scanner, the tests and the fuzzer. */
export function extractFile(path: string, text: string, matcher: Matcher): ExtractContext {
  const ctx = new ExtractContext(path, text, matcher, isTestPath(path));
  const route = routeFor(path);
  if (route) route(ctx);
  return ctx;
}

export async function scanRoot(rootArg: string, options: ScanOptions, matcher: Matcher): Promise<ScanResult> {
  const started = performance.now();
  const root = resolve(rootArg);
  const errors: ScanError[] = [];
  let files: WalkedFile[];
  let skippedBy: Record<string, number> = {};

  const rootStat = await stat(root).catch(() => null);
  if (!rootStat) throw new UsageError(`path not found: ${rootArg}`);
  if (rootStat.isFile()) {
    const name = root.split(sep).pop()!;
    files = [{ path: name, abs: root }];
  } else {
    const walked = walk(root, options);
    files = walked.files;
    skippedBy = walked.skippedBy;
    errors.push(...walked.errors);
  }
  if (options.only) files = files.filter((f) => options.only!.has(f.path));

  const evidence: Evidence[] = [];
  const suppressions = new Map<string, Suppression[]>();
  const fileRegions = new Map<string, string>();
  let bytes = 0;
  let scanned = 0;
  const skip = (reason: string): void => {
    skippedBy[reason] = (skippedBy[reason] ?? 0) + 1;
  };

  const processOne = async (file: WalkedFile): Promise<void> => {
    const route = routeFor(file.path);
    if (!route || skipReasonForName(file.path)) {
      skip('no-extractor');
      return;
    }
    let buf: Buffer;
    try {
      const fh = await open(file.abs, 'r');
      try {
        const st = await fh.stat();
        if (!st.isFile()) return skip('not-a-regular-file');
        if (st.size > options.maxFileBytes) return skip('too-large');
        buf = await fh.readFile();
      } finally {
        await fh.close();
      }
    } catch (e) {
      errors.push({ path: file.path, message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    if (looksBinary(buf)) return skip('binary');
    bytes += buf.length;
    scanned++;
    const text = decode(buf);
    try {
      const ctx = extractFile(file.path, text, matcher);
      evidence.push(...ctx.evidence);
      errors.push(...ctx.errors);
      if (ctx.evidence.length) {
        const region = firstRegionIn(text);
        if (region) fileRegions.set(file.path, region.region);
      }
    } catch (e) {
      errors.push({ path: file.path, message: `could not be scanned: ${(e as Error).message}` });
    }
    const sup = parseSuppressions(text);
    if (sup.suppressions.length) suppressions.set(file.path, sup.suppressions);
    for (const p of sup.problems) errors.push({ path: file.path, line: p.line, message: p.message });
  };

  let next = 0;
  const workers = Array.from({ length: Math.min(CONCURRENCY, files.length) }, async () => {
    while (next < files.length) await processOne(files[next++]!);
  });
  await Promise.all(workers);

  const { services, unclassified } = attribute(evidence, matcher, { firstParty: options.firstParty }, fileRegions);
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
  return { report, suppressions, evidence };
}

export class UsageError extends Error {}
