import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type LintResult } from '../../../src/lint.js';
import { defaultMatcher } from '../../../src/catalogue/index.js';
import type { Evidence } from '../../../src/model.js';

// A small shop backend in Go, Python, Ruby and PHP: order mail through Mailgun's EU API, SMS
// through Twilio, summaries from OpenAI over plain HTTP, receipts in S3 eu-central-1, errors to
// Sentry's EU ingest. Comments and docstrings name the US endpoints it must not use.
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/backend');

const row = (service: string, e: Evidence): string => [`${e.path}:${e.line}`, e.kind, service, e.confidence, e.region, e.dev ? 'dev' : undefined].filter(Boolean).join(' ');

const EXPECTED = [
  '.env.example:2 env mailgun low eu',
  '.env.example:3 env mailgun low eu',
  '.env.example:4 env mailgun low eu',
  '.env.example:4 code-url mailgun medium eu',
  '.env.example:5 env twilio low',
  '.env.example:6 env twilio low',
  '.env.example:7 env openai low',
  '.env.example:8 env sentry low eu',
  '.env.example:8 code-url sentry medium eu',
  '.env.example:9 env aws low eu',
  'deploy/helm/values.yaml:4 env sentry low eu',
  'deploy/helm/values.yaml:4 code-url sentry medium eu',
  'deploy/helm/values.yaml:6 env mailgun low eu',
  'deploy/helm/values.yaml:7 env mailgun low eu',
  'docker-compose.yml:5 env sentry low eu',
  'docker-compose.yml:5 code-url sentry medium eu',
  'docker-compose.yml:6 env mailgun low eu',
  'docker-compose.yml:8 env openai low',
  'go/go.mod:6 dependency aws high eu',
  'go/go.mod:7 dependency aws high eu',
  'go/go.mod:8 dependency aws high eu',
  'go/go.mod:9 dependency sentry high eu',
  'go/go.mod:10 dependency mailgun high eu',
  'go/go.mod:11 dependency twilio high',
  'go/notify.go:16 import aws high eu',
  'go/notify.go:17 import aws high eu',
  'go/notify.go:18 import aws high eu',
  'go/notify.go:19 import sentry high eu',
  'go/notify.go:20 import mailgun high eu',
  'go/notify.go:21 import twilio high',
  'go/notify.go:22 import twilio high',
  'go/notify.go:33 code-url openai medium',
  'go/notify.go:36 code-url sentry medium eu',
  'go/notify.go:39 code-snippet sentry high eu',
  'go/notify.go:43 env mailgun low eu',
  'go/notify.go:44 code-url mailgun medium eu',
  'go/notify.go:52 env twilio low',
  'go/notify.go:53 env twilio low',
  'go/notify.go:57 env twilio low',
  'go/notify.go:72 env openai low',
  'go/notify_test.go:7 code-url openai medium dev',
  'infra/main.tf:4 infra aws high eu',
  'infra/main.tf:11 infra aws high eu',
  'infra/main.tf:20 infra aws high eu',
  'infra/main.tf:24 infra aws high eu',
  'php/composer.json:5 dependency aws high eu',
  'php/composer.json:7 dependency mailgun high eu',
  'php/composer.json:8 dependency sentry high eu',
  'php/composer.json:9 dependency twilio high',
  'php/src/Notify.php:7 import aws high eu',
  'php/src/Notify.php:9 import mailgun high eu',
  'php/src/Notify.php:10 import twilio high',
  'php/src/Notify.php:20 env mailgun low eu',
  'php/src/Notify.php:20 code-url mailgun medium eu',
  'php/src/Notify.php:21 code-url openai medium',
  'php/src/Notify.php:26 import sentry high eu',
  'php/src/Notify.php:26 code-url sentry medium eu',
  'php/src/Notify.php:31 env mailgun low eu',
  'php/src/Notify.php:37 env twilio low',
  'php/src/Notify.php:37 env twilio low',
  'php/src/Notify.php:38 env twilio low',
  'php/src/Notify.php:48 env openai low',
  'php/tests/NotifyTest.php:10 code-url mailgun medium eu dev',
  'php/tests/NotifyTest.php:10 env mailgun low eu dev',
  'python/app/notify.py:9 import aws high eu',
  'python/app/notify.py:11 import sentry high eu',
  'python/app/notify.py:12 import twilio high',
  'python/app/notify.py:16 code-url sentry medium eu',
  'python/app/notify.py:20 code-url mailgun medium eu',
  'python/app/notify.py:21 code-url openai medium',
  'python/app/notify.py:24 code-snippet aws high eu',
  'python/app/notify.py:31 env mailgun low eu',
  'python/app/notify.py:38 env twilio low',
  'python/app/notify.py:38 env twilio low',
  'python/app/notify.py:39 env twilio low',
  'python/app/notify.py:47 env openai low',
  'python/requirements.txt:1 dependency aws high eu',
  'python/requirements.txt:3 dependency sentry high eu',
  'python/requirements.txt:4 dependency twilio high',
  'python/tests/test_notify.py:13 code-url openai medium dev',
  'ruby/Gemfile:3 dependency aws high eu',
  'ruby/Gemfile:4 dependency mailgun high eu',
  'ruby/Gemfile:5 dependency sentry high eu',
  'ruby/Gemfile:6 dependency twilio high',
  'ruby/lib/notify.rb:5 import aws high eu',
  'ruby/lib/notify.rb:6 import mailgun high eu',
  'ruby/lib/notify.rb:7 import sentry high eu',
  'ruby/lib/notify.rb:8 import twilio high',
  'ruby/lib/notify.rb:44 env openai low',
  'ruby/lib/notify.rb:18 code-url openai medium',
  'ruby/lib/notify.rb:25 code-snippet sentry high eu',
  'ruby/lib/notify.rb:30 code-snippet mailgun high eu',
  'ruby/lib/notify.rb:35 code-snippet twilio high',
  'ruby/lib/notify.rb:51 code-snippet aws high eu',
  'ruby/lib/notify.rb:26 code-url sentry medium eu',
  'ruby/lib/notify.rb:30 env mailgun low eu',
  'ruby/lib/notify.rb:30 code-url mailgun medium eu',
  'ruby/lib/notify.rb:35 env twilio low',
  'ruby/lib/notify.rb:35 env twilio low',
  'ruby/lib/notify.rb:36 env twilio low',
  'ruby/lib/notify.rb:44 env openai low',
  'ruby/spec/notify_spec.rb:6 code-url openai medium dev',
];

// Lines that are only a comment, docstring, =begin block or heredoc-in-a-comment naming a host.
const COMMENT_LINES = [
  '.env.example:1', 'deploy/helm/values.yaml:2', 'docker-compose.yml:7',
  'go/notify.go:5', 'go/notify.go:6', 'go/notify.go:28', 'go/notify.go:30', 'go/notify_test.go:6',
  'php/src/Notify.php:15', 'php/src/Notify.php:16', 'php/src/Notify.php:25', 'php/src/Notify.php:46', 'php/tests/NotifyTest.php:9',
  'python/app/notify.py:3', 'python/app/notify.py:4', 'python/app/notify.py:5', 'python/app/notify.py:14', 'python/app/notify.py:22', 'python/app/notify.py:28', 'python/app/notify.py:55',
  'ruby/lib/notify.rb:11', 'ruby/lib/notify.rb:13', 'ruby/lib/notify.rb:15', 'ruby/lib/notify.rb:21', 'ruby/lib/notify.rb:22',
];

describe('a backend in Go, Python, Ruby and PHP', () => {
  let result: LintResult;
  let rows: string[];
  beforeAll(async () => {
    result = await lint(FIXTURE, defaultMatcher());
    rows = result.report.services.flatMap((s) => s.evidence.map((e) => row(s.id, e)));
  });

  it('finds the five services and no unknown host', () => {
    expect(result.report.services.map((s) => s.id)).toEqual(['aws', 'mailgun', 'openai', 'sentry', 'twilio']);
    expect(result.report.unclassified).toEqual([]);
    expect(result.report.errors).toEqual([]);
  });

  it('reports every use with file:line, kind, confidence and region, and nothing else', () => {
    expect([...rows].sort()).toEqual([...EXPECTED].sort());
  });

  it('reports nothing on a line that is only a comment or docstring', () => {
    const lines = new Set(rows.map((r) => r.split(' ')[0]));
    expect(COMMENT_LINES.filter((l) => lines.has(l))).toEqual([]);
  });

  it('never reports the hosts that appear only in comments and docstrings', () => {
    const hosts = new Set(result.report.services.flatMap((s) => s.evidence.map((e) => e.host)).filter(Boolean));
    for (const host of ['api.mailgun.net', 'o4507.ingest.us.sentry.io', 'api.twilio.com', 'platform.openai.com', 'documentation.mailgun.com', 'docs.sentry.io', 'shop-receipts.s3.eu-central-1.amazonaws.com']) {
      expect(hosts.has(host), host).toBe(false);
    }
  });

  it('the EU endpoints raise no transfer finding; Twilio and OpenAI (US) do, at the line that decides it', () => {
    const transfers = result.report.findings.filter((f) => f.ruleId === 'transfer-safeguard-missing').map((f) => `${f.serviceId} ${f.path}:${f.line}`);
    expect(transfers).toEqual(['twilio go/go.mod:11', 'openai go/notify.go:33']);
  });

  it('no finding points at a test file or at a low-confidence variable', () => {
    const lowOrDev = new Set(result.report.services.flatMap((s) => s.evidence.filter((e) => e.dev || e.confidence === 'low').map((e) => `${e.path}:${e.line}:${e.column}`)));
    const atLowOrDev = result.report.findings.filter((f) => lowOrDev.has(`${f.path}:${f.line}:${f.column}`));
    expect(atLowOrDev).toEqual([]);
  });
});

describe('confidence and regions in the policy', () => {
  let root: string;
  const write = (files: Record<string, string>): void => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'privacy-lint-backend-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a variable name alone is low-confidence evidence: shown, but no finding at the default min_confidence', async () => {
    const dir = join(root, 'env-only');
    mkdirSync(dir);
    writeFileSync(join(dir, '.env.example'), 'STRIPE_SECRET_KEY=\n');
    const { report } = await lint(dir, defaultMatcher());
    expect(report.services.map((s) => [s.id, s.evidence.map((e) => `${e.kind} ${e.confidence}`)])).toEqual([['stripe', ['env low']]]);
    expect(report.findings).toEqual([]);

    writeFileSync(join(dir, '.privacy-lint.yml'), 'min_confidence: low\n');
    const low = await lint(dir, defaultMatcher());
    expect(low.report.findings.filter((f) => f.serviceId === 'stripe').map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toContain('dpa-missing .env.example:1');
  });

  it('an SDK used with its default (US) endpoint in one file decides the transfer, though another file uses the EU endpoint', async () => {
    root = join(root, 'mixed');
    write({
      'mail.py': 'import requests\n\nAPI = "https://api.eu.mailgun.net/v3"\n',
      'mailer.go': 'package mail\n\nimport "github.com/mailgun/mailgun-go/v4"\n\nvar mg = mailgun.NewMailgun("mg.shop.example", key)\n',
      'composer.json': '{"require": {"mailgun/mailgun-php": "^4.3"}}\n',
    });
    const { report } = await lint(root, defaultMatcher());
    const transfers = report.findings.filter((f) => f.ruleId === 'transfer-safeguard-missing').map((f) => `${f.serviceId} ${f.path}:${f.line}`);
    expect(transfers).toEqual(['mailgun mailer.go:3']);
  });
});
