// npm run bench [-- --sizes small,medium,large] [--runs N] [--skip growth,pr,startup] [--seed N] [--json FILE] [--cli FILE] [--tree DIR …]
//
// Times the built CLI on generated corpora next to ripgrep extracting every URL host from the
// same tree, then the cost of a 10× larger catalogue, pull-request mode and start-up.
// Medians of several runs after one warm-up run each (so both tools read from the page cache).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus, SIZES, DEFAULT_SEED, type CorpusSize, type CorpusSummary } from './corpus.js';
import { timeCommand, median, peakRssNote, type Timing } from './measure.js';
import { measureGrowth } from './growth.js';
import { preparePullRequest } from './pr.js';

const REPO = resolve(import.meta.dirname, '..');

const CORPORA = join(import.meta.dirname, '.corpus');
const RG_ARGS = ['-o', '--no-filename', 'https?://[A-Za-z0-9.-]+'];
const log = (s = ''): void => void process.stdout.write(s + '\n');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'small,medium,large' },
    runs: { type: 'string', default: '5' },
    skip: { type: 'string', default: '' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    json: { type: 'string' },
    /** A bundled CLI to time instead of dist/cli/index.js (which is then not rebuilt). */
    cli: { type: 'string' },
    /** Real trees to time next to the generated corpora (a checkout of your monorepo). */
    tree: { type: 'string', multiple: true, default: [] },
  },
});
const CLI = resolve(values.cli ?? join(REPO, 'dist', 'cli', 'index.js'));
const sizes = values.sizes.split(',').map((s) => s.trim()).filter(Boolean) as CorpusSize[];
for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size "${s}" (small, medium, large)`);
const runs = Math.max(1, Number(values.runs));
const skip = new Set(values.skip.split(',').filter(Boolean));
const seed = Number(values.seed);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/ is rebuilt when any source or catalogue file is newer than the bundled CLI. */
function ensureBuilt(): void {
  const stale = !existsSync(CLI) || Math.max(newestMtime(join(REPO, 'src')), newestMtime(join(REPO, 'rules'))) > statSync(CLI).mtimeMs;
  if (!stale) return log(`dist/cli/index.js is up to date`);
  log('building dist/ (npm run build) …');
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function findRipgrep(): string | null {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0]! : null;
}

const lintArgs = (root: string, extra: string[] = []): string[] => [CLI, root, '--format', 'json', '--output', '/dev/null', '--fail-on', 'never', ...extra];

/** One warm-up, then `n` runs; the median run's time, the largest peak RSS. */
async function measure(cmd: string, args: string[], n: number, cwd?: string): Promise<{ seconds: number; peakRssMb?: number; all: number[] }> {
  const check = (t: Timing): Timing => {
    // rg exits 1 when nothing matched; anything else is a failure
    if (t.status !== 0 && !(cmd === 'rg' && t.status === 1)) throw new Error(`${cmd} ${args.join(' ')} failed (${t.status}): ${t.stderr.slice(0, 500)}`);
    return t;
  };
  check(await timeCommand(cmd, args, { cwd }));
  const timings: Timing[] = [];
  for (let i = 0; i < n; i++) timings.push(check(await timeCommand(cmd, args, { cwd })));
  const rss = timings.map((t) => t.peakRssMb ?? 0);
  return { seconds: median(timings.map((t) => t.seconds)), peakRssMb: Math.max(...rss) || undefined, all: timings.map((t) => t.seconds) };
}

/** The JSON report of one scan, without its duration. */
function reportOf(root: string, env: NodeJS.ProcessEnv): unknown {
  const out = join(tmpdir(), `privacy-lint-bench-report-${process.pid}.json`);
  const r = spawnSync('node', [CLI, root, '--format', 'json', '--output', out, '--fail-on', 'never'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`privacy-lint failed on ${root}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { stats: { durationMs?: number } };
  rmSync(out, { force: true });
  delete report.stats.durationMs;
  return report;
}

function sameReportOnAllThreads(root: string): boolean {
  const one = reportOf(root, { ...process.env, PRIVACY_LINT_THREADS: '1' });
  const { PRIVACY_LINT_THREADS: _, ...env } = process.env;
  const all = reportOf(root, env);
  return JSON.stringify(one) === JSON.stringify(all);
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const pad = (cells: string[], widths: number[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

/** Files and bytes of a real tree, as the generated corpora count them (.git aside). */
function treeSummary(dir: string): CorpusSummary {
  let files = 0;
  let bytes = 0;
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  visit(dir);
  return { files, bytes } as CorpusSummary;
}

interface SizeRow {
  size: string;
  corpus: CorpusSummary;
  lint: { seconds: number; peakRssMb?: number; all: number[] };
  rg?: { seconds: number; peakRssMb?: number; all: number[] };
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  log(`privacy-lint benchmark — ${availableParallelism()} cores (${cpu}), node ${process.version}, ${runs} runs per measurement (median), seed ${seed}`);
  const rg = findRipgrep();
  log(rg ? `ripgrep: ${rg}` : 'ripgrep (rg) not found: install it (apt-get install ripgrep) to get the comparison; the rg columns stay empty');
  if (values.cli) log(`timing ${CLI}`);
  else ensureBuilt();

  // The pull request is prepared before any timing, so every measurement sees the same tree.
  const prSize = [...sizes].sort((a, b) => SIZES[b] - SIZES[a])[0];
  // Without a generated corpus (only --tree) there is nothing to grow the catalogue on or to change.
  if (!prSize) for (const part of ['growth', 'pr']) skip.add(part);
  const corpora = new Map<CorpusSize, CorpusSummary>();
  for (const size of sizes) corpora.set(size, ensureCorpus(join(CORPORA, size), size, seed, log));
  let changed: string[] = [];
  if (!skip.has('pr')) {
    log(`preparing the pull request on the ${prSize} corpus (git init, two commits; once) …`);
    changed = preparePullRequest(join(CORPORA, prSize!), seed);
  }

  const rows: SizeRow[] = [];
  for (const size of sizes) {
    const root = join(CORPORA, size);
    log(`timing the ${size} corpus …`);
    const lint = await measure('node', lintArgs(root), runs);
    const rgTiming = rg ? await measure('rg', [...RG_ARGS, root], runs) : undefined;
    rows.push({ size, corpus: corpora.get(size)!, lint, rg: rgTiming });
  }
  for (const dir of values.tree) {
    const root = resolve(dir);
    log(`timing the tree ${root} …`);
    const lint = await measure('node', lintArgs(root), runs);
    const rgTiming = rg ? await measure('rg', [...RG_ARGS, root], runs) : undefined;
    rows.push({ size: root.split('/').pop() || root, corpus: treeSummary(root), lint, rg: rgTiming });
  }

  // Threads must not change the report: the smallest corpus is scanned on one thread and on all.
  const smallest = [...sizes].sort((a, b) => SIZES[a] - SIZES[b])[0];
  if (smallest) {
    const sameReport = sameReportOnAllThreads(join(CORPORA, smallest));
    log(`report on the ${smallest} corpus with 1 thread and with ${availableParallelism()}: ${sameReport ? 'identical' : 'DIFFERENT'}`);
    if (!sameReport) process.exitCode = 1;
  }

  log('');
  const widths = [8, 8, 7, 16, 8, 7, 9, 7, 13];
  log(pad(['size', 'files', 'MB', 'privacy-lint s', 'rg s', 'ratio', 'files/s', 'MB/s', 'peak RSS MB'], widths));
  for (const r of rows) {
    const mb = r.corpus.bytes / 1e6;
    log(
      pad(
        [
          r.size,
          r.corpus.files.toLocaleString('en'),
          fmt(mb, 0),
          fmt(r.lint.seconds),
          r.rg ? fmt(r.rg.seconds) : '—',
          r.rg ? `${fmt(r.lint.seconds / r.rg.seconds, 1)}×` : '—',
          Math.round(r.corpus.files / r.lint.seconds).toLocaleString('en'),
          fmt(mb / r.lint.seconds, 0),
          r.lint.peakRssMb ? fmt(r.lint.peakRssMb, 0) : '—',
        ],
        widths,
      ),
    );
  }
  log(`(${peakRssNote}; rg: ${RG_ARGS.map((a) => (a.includes(' ') || a.includes('?') ? `'${a}'` : a)).join(' ')})`);
  if (rows.length > 1) {
    const perMb = rows.map((r) => `${r.size} ${fmt((r.lint.seconds / r.corpus.bytes) * 1e8, 2)} s`).join(', ');
    log(`linearity, seconds per 100 MB: ${perMb}`);
  }

  const extra: Record<string, unknown> = {};
  if (!skip.has('growth')) {
    const size = sizes.includes('medium') ? 'medium' : sizes.includes('small') ? 'small' : sizes[0]!;
    log('');
    log(`catalogue growth on the ${size} corpus (in-process scan from the TypeScript sources, one thread) …`);
    const g = await measureGrowth(join(CORPORA, size), runs);
    log(`catalogue ${g.baseEntries} → ${g.grownEntries} entries: ${fmt(g.baseSeconds)} s → ${fmt(g.grownSeconds)} s (${g.slowdown >= 0 ? '+' : ''}${fmt(g.slowdown * 100, 1)} %)`);
    extra.growth = g;
  }
  if (!skip.has('pr')) {
    const root = join(CORPORA, prSize!);
    log('');
    log(`pull-request mode on the ${prSize} corpus, ${changed.length} files changed (--base HEAD~1):`);
    const scoped = await measure('node', lintArgs(root, ['--base', 'HEAD~1', '--changed-only']), runs, root);
    log(`  --changed-only (changed files + manifests): ${fmt(scoped.seconds)} s, peak RSS ${scoped.peakRssMb ? fmt(scoped.peakRssMb, 0) : '—'} MB`);
    const whole = await measure('node', lintArgs(root, ['--base', 'HEAD~1']), Math.min(runs, 3), root);
    log(`  whole tree and base comparison:            ${fmt(whole.seconds)} s, peak RSS ${whole.peakRssMb ? fmt(whole.peakRssMb, 0) : '—'} MB`);
    extra.pr = { size: prSize!, changed: changed.length, changedOnly: scoped, wholeTree: whole };
  }
  if (!skip.has('startup')) {
    log('');
    const version = await measure('node', [CLI, '--version'], Math.max(runs, 10));
    const bare = await measure('node', ['-e', '0'], Math.max(runs, 10));
    log(`start-up, node dist/cli/index.js --version: ${fmt(version.seconds * 1000, 0)} ms (node -e 0 alone: ${fmt(bare.seconds * 1000, 0)} ms)`);
    extra.startup = { cli: version.seconds, node: bare.seconds };
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), cpu, node: process.version, rg, runs, seed, rows, ...extra }, null, 2) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
