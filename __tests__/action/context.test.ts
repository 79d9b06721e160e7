import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunContext } from '../../src/action/context.js';

const PAYLOAD = readFileSync(join(__dirname, 'fixtures/pull_request.synchronize.json'), 'utf8');
const env = (over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/event.json',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '99',
  GITHUB_WORKSPACE: '/w',
  ...over,
});

describe('readRunContext', () => {
  it('reads the pull request number, base and head from a real pull_request payload', () => {
    const ctx = readRunContext(env(), () => PAYLOAD);
    expect(ctx).toMatchObject({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'shop',
      workspace: '/w',
      runUrl: 'https://github.com/acme/shop/actions/runs/99',
      sha: 'b1a5c0f7e1d2c3b4a5968778695a4b3c2d1e0f9a',
      pr: { number: 17, baseSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e', headSha: 'b1a5c0f7e1d2c3b4a5968778695a4b3c2d1e0f9a', baseRef: 'main', fromFork: false },
      warnings: [],
    });
  });

  it('knows a pull request from a fork, including one whose fork was deleted', () => {
    const fork = JSON.parse(PAYLOAD) as { pull_request: { head: { repo: unknown } } };
    fork.pull_request.head.repo = { full_name: 'mallory/shop' };
    expect(readRunContext(env(), () => JSON.stringify(fork)).pr!.fromFork).toBe(true);
    fork.pull_request.head.repo = null;
    expect(readRunContext(env(), () => JSON.stringify(fork)).pr!.fromFork).toBe(true);
  });

  it('compares a merge queue group with its base, with no pull request to comment on', () => {
    const group = { merge_group: { base_sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e', head_sha: 'b1a5c0f7e1d2c3b4a5968778695a4b3c2d1e0f9a', base_ref: 'refs/heads/main' } };
    const ctx = readRunContext(env({ GITHUB_EVENT_NAME: 'merge_group' }), () => JSON.stringify(group));
    expect(ctx.pr).toEqual({ baseSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e', headSha: 'b1a5c0f7e1d2c3b4a5968778695a4b3c2d1e0f9a', baseRef: 'refs/heads/main', fromFork: false });
  });

  it('scans the whole tree on push, workflow_dispatch and local runs', () => {
    expect(readRunContext(env({ GITHUB_EVENT_NAME: 'push' }), () => PAYLOAD).pr).toBeUndefined();
    const local = readRunContext({}, () => {
      throw new Error('not read');
    });
    expect([local.eventName, local.pr, local.runUrl, local.underAct, local.warnings]).toEqual(['', undefined, undefined, false, []]);
  });

  it.each([
    ['no payload path', { GITHUB_EVENT_PATH: undefined }, () => PAYLOAD, /without GITHUB_EVENT_PATH/],
    ['unreadable payload', {}, () => '{not json', /cannot read the event payload/],
    ['payload without a base sha', {}, () => JSON.stringify({ pull_request: { number: 1, base: { sha: 'main' } } }), /has no pull_request.number and base.sha/],
  ])('falls back to a full scan with a warning: %s', (_, over, read, warning) => {
    const ctx = readRunContext(env(over), read);
    expect(ctx.pr).toBeUndefined();
    expect(ctx.warnings).toEqual([expect.stringMatching(warning)]);
  });
});
