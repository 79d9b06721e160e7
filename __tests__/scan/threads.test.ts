// The built CLI scans a tree on worker threads while it is still listing it (threads asked for
// with PRIVACY_LINT_THREADS start for a tree of any size). Whatever the number of threads, the
// report must be the same: same files, same order, same evidence.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { CATALOGUE } from '../../src/catalogue/catalogue.generated.js';
import { WORKER_TAG, detectionEntry, type WorkerInit, type WorkerMessage } from '../../src/scan/worker.js';
import { threadsPayFor } from '../../src/pipeline.js';

const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'index.js');

function report(root: string, threads: number, nodeFlags: string[] = []): Record<string, unknown> {
  const out = execFileSync(process.execPath, [...nodeFlags, CLI, root, '--format', 'json', '--fail-on', 'never'], { env: { ...process.env, PRIVACY_LINT_THREADS: String(threads) }, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  const r = JSON.parse(out) as { stats: { durationMs?: number } };
  delete r.stats.durationMs;
  return r as unknown as Record<string, unknown>;
}

describe('scanning on worker threads', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pl-threads-'));
    const write = (path: string, text: string): void => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('.gitignore', 'ignored/\n');
    write('package.json', JSON.stringify({ dependencies: { stripe: '1', '@sentry/node': '8' } }));
    // Enough files in enough folders that the walk is still going when the threads start, and
    // goes on while they claim files (the walk keeps 2,048 files listed ahead of the claims).
    for (let d = 0; d < 60; d++) {
      for (let f = 0; f < 60; f++) {
        const n = d * 60 + f;
        const body = [
          `export const f${n} = () => ${n};`,
          n % 7 === 0 ? `fetch('https://api.vendor-${n % 5}.io/v1/x');` : '',
          n % 11 === 0 ? "import posthog from 'posthog-js';\nposthog.init('k');" : '',
          n % 13 === 0 ? '<script src="https://static.hotjar.com/c/hotjar-1.js"></script>' : '',
        ].join('\n');
        write(`pkg-${d}/src/file-${f}.${n % 13 === 0 ? 'html' : 'ts'}`, body);
      }
      write(`pkg-${d}/README.md`, 'See https://docs.vendor-x.io');
      write(`ignored/${d}.js`, "fetch('https://api.ignored.io')");
    }
  });

  it('one thread and three give the same report', () => {
    const one = report(root, 1);
    const three = report(root, 3);
    expect((one as { stats: { files: number } }).stats.files).toBe(3601);
    expect(three).toEqual(one);
    const services = (one as { services: { id: string }[] }).services.map((s) => s.id);
    expect(services).toEqual(expect.arrayContaining(['hotjar', 'posthog', 'sentry', 'stripe']));
  });

  // --jitless turns WebAssembly off: the snippet prefilter's gram loop falls back to JavaScript.
  it('without WebAssembly the report is the same', () => {
    expect(report(root, 1, ['--jitless'])).toEqual(report(root, 1));
  });
});

// The workers run a bundle of their own (dist/scan-worker/), with the catalogue cut to what
// detection reads. A worker that cannot start is not fatal (its files are scanned on the main
// thread), so the comparison above would not notice one that never works: this asks it directly.
describe("the scan worker's bundle", () => {
  it('claims the files it is sent, scans them with the entries it is given, and says when it is done', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-worker-'));
    writeFileSync(join(root, 'pay.js'), "const stripe = Stripe('pk_live_x');\nfetch('https://api.stripe.com/v1/charges');\n");
    writeFileSync(join(root, 'page.html'), '<script src="https://static.hotjar.com/c/hotjar-1.js"></script>\n');
    const next = new SharedArrayBuffer(4);
    const init: WorkerInit = { tag: WORKER_TAG, entries: CATALOGUE.map(detectionEntry), reading: { root, maxFileBytes: 1 << 20 }, next };
    const worker = new Worker(join(__dirname, '..', '..', 'dist', 'scan-worker', 'index.js'), { workerData: init });
    const messages: WorkerMessage[] = [];
    await new Promise<void>((done, fail) => {
      worker.on('error', fail);
      worker.on('message', (m: WorkerMessage) => {
        messages.push(m);
        if ('finished' in m) done();
      });
      worker.postMessage({ files: [{ path: 'pay.js' }, { path: 'page.html' }], done: true });
    });
    await worker.terminate();
    const results = messages.flatMap((m) => ('results' in m ? m.results : []));
    expect(results).toHaveLength(2);
    expect(new Int32Array(next)[0]).toBe(2);
    expect(results[0]!.evidence.map((e) => e.host).filter(Boolean)).toEqual(['api.stripe.com']);
    expect(results[1]!.evidence.map((e) => [e.kind, e.host])).toEqual([['script-src', 'static.hotjar.com']]);
  });
});

// On two cores a worker slows this thread while its JIT warms up: a smaller tree gets threads
// only when the pace of its scan says several seconds are left (src/pipeline.ts).
describe('when a smaller tree gets threads', () => {
  it.each([
    [300, 20, 150, false], // 15 ms a file, 2.25 s left
    [300, 20, 200, true], // 3 s left
    [300, 3000, 7000, false], // a fast scan: 0.7 s left
    [100, 1, 5000, false], // too early to tell
    [300, 0, 1000, true], // one file has taken all this time
  ])('%d ms for %d files, %d left: %s', (spent, scanned, left, expected) => {
    expect(threadsPayFor(spent, scanned, left)).toBe(expected);
  });
});
