// Makes the pull request's base commit readable. actions/checkout fetches one commit by
// default, so the base is often missing: fetch just that commit from origin. If that fails
// too, the caller scans the whole tree and says why. git runs with hooks and fsmonitor off.
import { execFileSync } from 'node:child_process';

export type Git = (args: string[]) => void;

const SAFE_GIT = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'];

export const runGit =
  (cwd: string): Git =>
  (args) => {
    execFileSync('git', [...SAFE_GIT, '-C', cwd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  };

export type BaseState = { available: true; fetched: boolean } | { available: false; reason: string };

export function ensureBase(sha: string, git: Git): BaseState {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return { available: false, reason: `"${sha}" is not a commit id` };
  try {
    git(['cat-file', '-e', `${sha}^{commit}`]);
    return { available: true, fetched: false };
  } catch {
    // not here yet: fetch it below
  }
  try {
    git(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
    git(['cat-file', '-e', `${sha}^{commit}`]);
    return { available: true, fetched: true };
  } catch (e) {
    const lines = ((e as { stderr?: Buffer }).stderr?.toString() ?? (e as Error).message).trim().split('\n');
    const detail = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '';
    return { available: false, reason: `the base commit ${sha.slice(0, 7)} is not in the checkout and could not be fetched${detail ? ` (${detail})` : ''}` };
  }
}
