// The built Action (dist/index.js) run the way the runner runs it: a node process with the
// GITHUB_* and INPUT_* environment, a real pull_request payload, and GITHUB_API_URL pointing
// at a local HTTP server that plays the REST API and records every call.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server, type IncomingMessage } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist/index.js');
const FIXTURE = join(__dirname, '../fixtures/action-repo');
const PAYLOAD = join(__dirname, 'fixtures/pull_request.synchronize.json');
const TOKEN = 'ghs_e2eTestTokenNeverPrinted0123456789';
// A file name that tries to inject workflow commands; its content names a host the catalogue does not know.
const HOSTILE_NAME = 'x%0A::warning::pwned\n::set-output name=conclusion::success,a:b.html';
const HOSTILE_HTML = '<script src="https://cdn.evil-cdn.io/@everyone/<img src=x onerror=alert(1)>.js"></script>\n';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/ when it is missing or older than the sources it is made from. */
function ensureBuilt(): void {
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'rules')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (existsSync(DIST) && statSync(DIST).mtimeMs >= sources) return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
}

interface Call {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

/** The REST endpoints the sticky comment uses, over an in-memory thread. */
function fakeGitHub(opts: { failWrites?: number } = {}) {
  const calls: Call[] = [];
  const comments: { id: number; body: string; user: { login: string } }[] = [{ id: 1, body: 'Looks good to me', user: { login: 'octocat' } }];
  let nextId = 500;
  const read = (req: IncomingMessage): Promise<string> =>
    new Promise((res) => {
      let s = '';
      req.on('data', (c: Buffer) => (s += c.toString()));
      req.on('end', () => res(s));
    });
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    calls.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
    const send = (status: number, data: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    const url = new URL(req.url!, 'http://x');
    if (req.method !== 'GET' && opts.failWrites) return send(opts.failWrites, { message: 'Resource not accessible by integration' });
    if (req.method === 'GET' && url.pathname === '/repos/acme/shop/issues/17/comments') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const per = Number(url.searchParams.get('per_page') ?? 30);
      return send(200, comments.slice((page - 1) * per, page * per));
    }
    if (req.method === 'POST' && url.pathname === '/repos/acme/shop/issues/17/comments') {
      const c = { id: nextId++, body: (body as { body: string }).body, user: { login: 'github-actions[bot]' } };
      comments.push(c);
      return send(201, c);
    }
    const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (req.method === 'PATCH' && patch) {
      const c = comments.find((x) => x.id === Number(patch[1]));
      if (!c) return send(404, { message: 'Not Found' });
      c.body = (body as { body: string }).body;
      return send(200, c);
    }
    send(404, { message: 'Not Found' });
  });
  return {
    calls,
    comments,
    start: () => new Promise<string>((res) => server.listen(0, '127.0.0.1', () => res(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((res) => server.close(() => res())),
  };
}

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=dev@acme.example', '-c', 'user.name=dev', '-c', 'init.defaultBranch=main', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, encoding: 'utf8' }).trim();

/** The fixture repository as a pull request: the base without the feedback page, the head with it. */
function pullRequestRepo(): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pl-action-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const feedback = readFileSync(join(dir, 'src/feedback.html'), 'utf8');
  rmSync(join(dir, 'src/feedback.html'));
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'checkout page');
  const base = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(join(dir, 'src/feedback.html'), feedback);
  writeFileSync(join(dir, 'src', HOSTILE_NAME), HOSTILE_HTML);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'feedback page');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Parses the GITHUB_OUTPUT file format: name<<delimiter / value / delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

async function runAction(cwd: string, env: Record<string, string>): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-runner-'));
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  mkdirSync(join(dir, 'temp'));
  const child = spawn(process.execPath, [DIST], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost',
      GITHUB_WORKSPACE: cwd,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: join(dir, 'temp'),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  return { code, stdout, stderr, summary: readFileSync(summaryFile, 'utf8'), outputs: parseOutputs(readFileSync(outputFile, 'utf8')) };
}

function prEnv(repo: { dir: string; base: string }, head: string, api: string, extra: Record<string, string> = {}): Record<string, string> {
  const payload = JSON.parse(readFileSync(PAYLOAD, 'utf8')) as { pull_request: { base: { sha: string }; head: { sha: string } } };
  payload.pull_request.base.sha = repo.base;
  payload.pull_request.head.sha = head;
  const eventPath = join(mkdtempSync(join(tmpdir(), 'pl-event-')), 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: head,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: api,
    INPUT_PATH: '.',
    INPUT_CONFIG: '.privacy-lint.yml',
    INPUT_TOKEN: TOKEN,
    INPUT_ANNOTATIONS: 'true',
    INPUT_SARIF: 'privacy-lint.sarif',
    ...extra,
  };
}

/** Lines the runner would take as workflow commands: outside ::stop-commands:: blocks, starting with "::". */
function commandLines(stdout: string): string[] {
  const out: string[] = [];
  let stopToken: string | null = null;
  for (const line of stdout.split('\n')) {
    if (stopToken) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1]!;
    else if (line.startsWith('::')) out.push(line);
  }
  expect(stopToken).toBeNull();
  return out;
}

describe('the built action, end to end', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  describe('on a pull request that adds Hotjar, an unknown widget and a hostile file name', () => {
    const api = fakeGitHub();
    let url: string;
    let repo: ReturnType<typeof pullRequestRepo>;
    let first: Run;
    beforeAll(async () => {
      url = await api.start();
      repo = pullRequestRepo();
      first = await runAction(repo.dir, prEnv(repo, repo.head, url));
    }, 120_000);
    afterAll(() => api.stop());

    it('fails the check with a last line that says why', () => {
      expect(first.code).toBe(1);
      const last = first.stdout.trim().split('\n').pop();
      // Hotjar keeps its data in the EU (AWS Ireland): no transfer safeguard is asked for.
      expect(last).toBe('::error::privacy-lint failed: 2 findings at or above "error" introduced by this change (consent-required ×1, dpa-missing ×1).');
    });

    it('annotates the new findings on their files and lines, and nothing the runner would take as an injected command', () => {
      const commands = commandLines(first.stdout);
      const annotations = commands.filter((l) => /^::(error|warning|notice) /.test(l));
      // Hotjar is recognised by its snippet "_hjSettings={hjid:" (src/feedback.html line 10, column 11);
      // the widget's URL starts at line 17, column 16, and the hostile file's at line 1, column 14.
      expect(annotations).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^::error title=consent-required \(new\),file=src\/feedback\.html,line=10,col=11::Hotjar \(Hotjar Ltd\) is analytics and loads here without waiting for consent/),
          expect.stringMatching(/^::error title=dpa-missing \(new\),file=src\/feedback\.html,line=10,col=11::Hotjar/),
          expect.stringMatching(/^::warning title=new-third-party \(new\),file=src\/feedback\.html,line=17,col=16::This change adds a connection to widgets\.acme-feedback\.io/),
          '::warning title=new-third-party (new),file=src/x%250A%3A%3Awarning%3A%3Apwned%0A%3A%3Aset-output name=conclusion%3A%3Asuccess%2Ca%3Ab.html,line=1,col=14::This change adds a connection to cdn.evil-cdn.io, a third party the catalogue does not know. Find out who runs it and what data it receives.',
        ]),
      );
      // Stripe was already on the base and is in the register: nothing about it.
      expect(annotations.join('\n')).not.toMatch(/index\.html|Stripe/);
      for (const line of commands) expect(line).toMatch(/^::(error|warning|notice|group|endgroup|add-mask)( [^\n]*)?::/);
      expect(commands.join('\n')).not.toMatch(/^::(warning::pwned|set-output)/m);
    });

    it('prints the token only to mask it, and sends it only to the API host of the run', () => {
      expect(first.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
      expect(first.stderr).not.toContain(TOKEN);
      expect(first.summary).not.toContain(TOKEN);
      expect(JSON.stringify(first.outputs)).not.toContain(TOKEN);
      expect(new Set(api.calls.map((c) => c.auth))).toEqual(new Set([`token ${TOKEN}`]));
    });

    it('writes the job summary: new services marked, findings, and the YAML that resolves the register findings', () => {
      expect(first.summary).toContain('## ❌ privacy-lint');
      expect(first.summary).toContain('| Hotjar `hotjar` **new** | analytics | ⚠️ not gated | Hotjar Ltd |');
      expect(first.summary).toContain('| Stripe `stripe` | necessary | not needed | Stripe, Inc. |');
      expect(first.summary).toMatch(/\| 🔴 error \*\*new\*\* \| \[`consent-required`\]\(https:\/\/github\.com\/privacy-lint\/privacy-lint\/blob\/main\/docs\/rules\/consent-required\.md\) \| \[`src\/feedback\.html:10`\]\(https:\/\/github\.com\/acme\/shop\/blob\/[0-9a-f]{40}\/src\/feedback\.html#L10\) \|/);
      expect(first.summary).toMatch(/```yaml\nvendors:\n  hotjar:  # Hotjar\n    dpa: signed  # [^\n]+\n```/);
      // The hostile name is a code span on one line, its link target percent-encoded.
      expect(first.summary).toContain('`src/x%0A::warning::pwned ::set-output name=conclusion::success,a:b.html:1`');
      expect(first.summary).not.toMatch(/<img|@everyone/);
    });

    it('sets the outputs and writes the SARIF and JSON files', () => {
      expect(first.outputs).toMatchObject({ conclusion: 'failure', 'new-services': '["hotjar","cdn.evil-cdn.io","widgets.acme-feedback.io"]', 'sarif-file': 'privacy-lint.sarif' });
      expect(Number(first.outputs.errors)).toBe(2);
      expect(Number(first.outputs['comment-id'])).toBe(500);
      const sarif = JSON.parse(readFileSync(join(repo.dir, 'privacy-lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string; baselineState: string }[] }[] };
      expect(sarif.runs[0]!.results.filter((r) => r.baselineState === 'new').map((r) => r.ruleId)).toContain('consent-required');
      const report = JSON.parse(readFileSync(first.outputs.report!, 'utf8')) as { services: { id: string }[] };
      expect(report.services.map((s) => s.id).sort()).toEqual(['hotjar', 'stripe']);
    });

    it('creates one comment, then updates it on the next push instead of adding another, then marks it resolved', async () => {
      expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /repos/acme/shop/issues/17/comments?per_page=100&page=1', 'POST /repos/acme/shop/issues/17/comments']);
      const created = api.comments.find((c) => c.id === 500)!;
      expect(created.body.startsWith('<!-- privacy-lint:comment path=. -->\n### ❌ privacy-lint: ')).toBe(true);
      expect(created.body).toContain('**This change adds:** Hotjar (analytics; Hotjar Ltd)');

      // A second push: the README changes, the findings stay.
      writeFileSync(join(repo.dir, 'README.md'), 'Fixture, second push.\n');
      git(repo.dir, 'commit', '-qam', 'second push');
      const second = await runAction(repo.dir, prEnv(repo, git(repo.dir, 'rev-parse', 'HEAD'), url));
      expect(second.code).toBe(1);
      expect(api.calls.slice(2).map((c) => `${c.method} ${c.url}`)).toEqual(['GET /repos/acme/shop/issues/17/comments?per_page=100&page=1', 'PATCH /repos/acme/shop/issues/comments/500']);
      expect(api.comments.filter((c) => c.body.startsWith('<!-- privacy-lint:comment'))).toHaveLength(1);
      expect(api.comments.find((c) => c.id === 500)!.body).toContain(`updated for \`${git(repo.dir, 'rev-parse', '--short=7', 'HEAD')}\``);

      // A third push removes the feedback page and the hostile file: the check passes and the comment says resolved.
      git(repo.dir, 'rm', '-q', 'src/feedback.html', `src/${HOSTILE_NAME}`);
      git(repo.dir, 'commit', '-qm', 'drop the feedback page');
      const third = await runAction(repo.dir, prEnv(repo, git(repo.dir, 'rev-parse', 'HEAD'), url));
      expect(third.code).toBe(0);
      expect(third.outputs.conclusion).toBe('success');
      expect(api.calls.slice(4).map((c) => c.method)).toEqual(['GET', 'PATCH']);
      expect(api.comments.find((c) => c.id === 500)!.body).toContain('### ✅ privacy-lint: resolved');
      expect(third.stdout.trim().split('\n').pop()).toBe('privacy-lint passed: no finding at or above "error" introduced by this change.');
    }, 60_000);
  });

  it('runs locally with no token and no event payload: annotations and summary, no REST call', async () => {
    const api = fakeGitHub();
    const url = await api.start();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'pl-local-'));
      cpSync(FIXTURE, dir, { recursive: true });
      const run = await runAction(dir, { GITHUB_API_URL: url, INPUT_PATH: '.' });
      expect(run.code).toBe(1);
      expect(commandLines(run.stdout).filter((l) => l.startsWith('::error title=consent-required,file=src/feedback.html,line=10,col=11::'))).toHaveLength(1);
      expect(run.stdout).toContain('privacy-lint: no pull request comment: this run is not for a pull request');
      expect(run.summary).toContain('whole tree (local run)');
      expect(api.calls).toEqual([]);
    } finally {
      await api.stop();
    }
  });

  it.each([
    ['under act, where the comment is off unless asked for', { ACT: 'true' }, undefined, /no pull request comment: running under act/],
    ['on a pull request from a fork (read-only token)', {}, 'mallory/shop', /::notice::privacy-lint: no pull request comment: the pull request comes from a fork/],
    ['with comment: never', { INPUT_COMMENT: 'never' }, undefined, /no pull request comment: the "comment" input is "never"/],
  ])('posts nothing %s', async (_, extra, forkRepo, message) => {
    const api = fakeGitHub();
    const url = await api.start();
    try {
      const repo = pullRequestRepo();
      const env = prEnv(repo, repo.head, url, extra);
      if (forkRepo) {
        const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH!, 'utf8')) as { pull_request: { head: { repo: { full_name: string } } } };
        payload.pull_request.head.repo.full_name = forkRepo;
        writeFileSync(env.GITHUB_EVENT_PATH!, JSON.stringify(payload));
      }
      const run = await runAction(repo.dir, env);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(message);
      expect(api.calls).toEqual([]);
      expect(run.summary).toContain('## ❌ privacy-lint');
    } finally {
      await api.stop();
    }
  });

  it('with changed-only, reads the changed files and says so, and still fails on what they add', async () => {
    const api = fakeGitHub();
    const url = await api.start();
    try {
      const repo = pullRequestRepo();
      const run = await runAction(repo.dir, prEnv(repo, repo.head, url, { 'INPUT_CHANGED-ONLY': 'true', INPUT_COMMENT: 'never' }));
      expect(run.code).toBe(1);
      const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as { stats: { files: number }; services: { id: string; evidence: { path: string }[] }[] };
      // the feedback page and the hostile file; not the unchanged index.html
      expect(report.stats.files).toBe(2);
      expect(report.services.flatMap((s) => s.evidence.map((e) => e.path))).not.toContain('index.html');
      expect(JSON.parse(run.outputs['new-services']!)).toContain('hotjar');
      expect(run.summary).toContain('changed files and manifests only');
    } finally {
      await api.stop();
    }
  });

  it('never fails the check because the comment could not be written (403)', async () => {
    const api = fakeGitHub({ failWrites: 403 });
    const url = await api.start();
    try {
      const repo = pullRequestRepo();
      const run = await runAction(repo.dir, prEnv(repo, repo.head, url, { 'INPUT_FAIL-ON': 'never' }));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^::warning::could not write the pull request comment \(HTTP 403\): the token needs "pull-requests: write"/m);
      expect(run.summary).toContain('> [!WARNING]\n> could not write the pull request comment (HTTP 403): the token needs');
      expect(run.outputs['comment-id']).toBe('');
    } finally {
      await api.stop();
    }
  });

  it('fails by name on a bad input, before scanning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-bad-'));
    const run = await runAction(dir, { 'INPUT_FAIL-ON': 'errors' });
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe('::error::privacy-lint: input "fail-on": expected error|warning|notice|never, got "errors"');
  });
});
