import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBase, runGit } from '../../src/action/base.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();

describe('ensureBase', () => {
  let origin: string;
  let baseSha: string;
  beforeAll(() => {
    origin = mkdtempSync(join(tmpdir(), 'pl-origin-'));
    git(origin, 'init', '-q');
    writeFileSync(join(origin, 'a.txt'), 'base\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'base');
    baseSha = git(origin, 'rev-parse', 'HEAD');
    writeFileSync(join(origin, 'a.txt'), 'head\n');
    git(origin, 'commit', '-qam', 'head');
    // Let a shallow clone fetch a commit that is not a branch tip, as github.com allows.
    git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  });

  it('finds a base that is already in the checkout', () => {
    expect(ensureBase(baseSha, runGit(origin))).toEqual({ available: true, fetched: false });
  });

  it('fetches the base into a one-commit checkout, as actions/checkout leaves it', () => {
    const work = mkdtempSync(join(tmpdir(), 'pl-shallow-'));
    git(work, 'clone', '-q', '--depth=1', `file://${origin}`, '.');
    expect(() => git(work, 'cat-file', '-e', `${baseSha}^{commit}`)).toThrow();
    expect(ensureBase(baseSha, runGit(work))).toEqual({ available: true, fetched: true });
    expect(git(work, 'cat-file', '-t', baseSha)).toBe('commit');
  });

  it('says why when the base cannot be had', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'pl-lonely-'));
    git(lonely, 'init', '-q');
    const state = ensureBase('0123456789abcdef0123456789abcdef01234567', runGit(lonely));
    expect(state.available).toBe(false);
    expect(state.available === false && state.reason).toMatch(/^the base commit 0123456 is not in the checkout and could not be fetched \(.*origin.*\)$/);
  });

  it('refuses something that is not a commit id, without running git', () => {
    const calls: string[][] = [];
    expect(ensureBase('main; rm -rf /', (args) => void calls.push(args))).toEqual({ available: false, reason: '"main; rm -rf /" is not a commit id' });
    expect(calls).toEqual([]);
  });
});
