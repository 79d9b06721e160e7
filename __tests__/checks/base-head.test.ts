import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';

let repo = '';
const git = (...args: string[]): string => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'pl-git-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'test');
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ dependencies: { stripe: '1' } }, null, 2));
  mkdirSync(join(repo, 'src'));
  writeFileSync(join(repo, 'src', 'pay.js'), "import Stripe from 'stripe';\n");
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  writeFileSync(join(repo, 'src', 'ai.py'), 'import openai\nURL = "https://api.unknown-vendor.io/v1"\n');
  git('add', '.');
  git('commit', '-qm', 'head');
  // an uncommitted edit counts as part of the change too
  writeFileSync(join(repo, 'src', 'pay.js'), "import Stripe from 'stripe';\n// touched\n");
});

describe('pull-request mode (--base)', () => {
  it('finds what the change adds, reading the base from git without a checkout', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main' });
    expect(result.prMode).toBe(true);
    expect(result.newServices.sort()).toEqual(['api.unknown-vendor.io', 'openai']);
    const added = result.report.findings.filter((f) => f.ruleId === 'new-third-party').map((f) => `${f.path}:${f.line} ${f.serviceId ?? f.host}`);
    expect(added.sort()).toEqual(['src/ai.py:1 openai', 'src/ai.py:2 api.unknown-vendor.io']);
  });

  it('marks findings new or existing, and fails only on the new ones by default', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main' });
    const stripeDpa = result.report.findings.find((f) => f.ruleId === 'dpa-missing' && f.serviceId === 'stripe')!;
    const openaiDpa = result.report.findings.find((f) => f.ruleId === 'dpa-missing' && f.serviceId === 'openai')!;
    expect(stripeDpa.isNew).toBe(false);
    expect(openaiDpa.isNew).toBe(true);
    expect(result.failing.some((f) => f.serviceId === 'stripe')).toBe(false);
    expect(result.failing.some((f) => f.serviceId === 'openai')).toBe(true);
    const all = await lint(repo, defaultMatcher(), { base: 'main', onlyNew: false });
    expect(all.failing.some((f) => f.serviceId === 'stripe')).toBe(true);
  });

  it('an unknown base is a usage error that says what to do', async () => {
    await expect(lint(repo, defaultMatcher(), { base: 'no-such-branch' })).rejects.toThrow(/not a commit.*fetch/);
  });
});
