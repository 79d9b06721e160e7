// What kind of run this is, from the runner's environment and the event payload: a pull
// request (with its base commit and whether it comes from a fork), a push or manual run,
// or a local run (act, @github/local-action) with no payload at all.
import { readFileSync } from 'node:fs';

export interface PullRequestInfo {
  /** Absent for a merge queue group, which has no pull request to comment on. */
  number?: number;
  baseSha: string;
  headSha?: string;
  baseRef?: string;
  /** The head lives in another repository: on `pull_request` the token is read-only. */
  fromFork: boolean;
}

export interface RunContext {
  eventName: string;
  owner?: string;
  repo?: string;
  pr?: PullRequestInfo;
  /** Commit the files on disk are at, for links. */
  sha?: string;
  workspace: string;
  serverUrl: string;
  runUrl?: string;
  underAct: boolean;
  /** Problems reading the payload; the run goes on as a full scan. */
  warnings: string[];
}

export const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

interface PullRequestPayload {
  pull_request?: {
    number?: number;
    base?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    head?: { sha?: string; repo?: { full_name?: string } | null };
  };
  merge_group?: { base_sha?: string; head_sha?: string; base_ref?: string };
  repository?: { full_name?: string };
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function readRunContext(env: NodeJS.ProcessEnv, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): RunContext {
  const warnings: string[] = [];
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const ctx: RunContext = {
    eventName,
    owner: owner || undefined,
    repo: repo || undefined,
    sha: env.GITHUB_SHA && SHA.test(env.GITHUB_SHA) ? env.GITHUB_SHA : undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    serverUrl,
    runUrl: owner && repo && env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    underAct: env.ACT === 'true',
    warnings,
  };
  if (!PR_EVENTS.has(eventName)) return ctx;

  let payload: PullRequestPayload = {};
  const path = env.GITHUB_EVENT_PATH;
  if (!path) {
    warnings.push(`${eventName} event without GITHUB_EVENT_PATH: scanning the whole tree`);
    return ctx;
  }
  try {
    payload = JSON.parse(readFile(path)) as PullRequestPayload;
  } catch (e) {
    warnings.push(`cannot read the event payload (${(e as Error).message}): scanning the whole tree`);
    return ctx;
  }
  const group = payload.merge_group;
  if (eventName === 'merge_group') {
    if (!group?.base_sha || !SHA.test(group.base_sha)) {
      warnings.push('merge_group payload has no merge_group.base_sha: scanning the whole tree');
      return ctx;
    }
    const headSha = group.head_sha && SHA.test(group.head_sha) ? group.head_sha : undefined;
    ctx.pr = { baseSha: group.base_sha, headSha, baseRef: group.base_ref, fromFork: false };
    if (headSha) ctx.sha = headSha;
    return ctx;
  }
  const pr = payload.pull_request;
  const baseSha = pr?.base?.sha;
  if (!pr || typeof pr.number !== 'number' || !baseSha || !SHA.test(baseSha)) {
    warnings.push(`${eventName} payload has no pull_request.number and base.sha: scanning the whole tree`);
    return ctx;
  }
  const baseRepo = pr.base?.repo?.full_name ?? payload.repository?.full_name;
  const headRepo = pr.head?.repo?.full_name;
  ctx.pr = {
    number: pr.number,
    baseSha,
    headSha: pr.head?.sha && SHA.test(pr.head.sha) ? pr.head.sha : undefined,
    baseRef: pr.base?.ref,
    // A deleted fork has head.repo null: treat it as a fork.
    fromFork: !headRepo || headRepo !== baseRepo,
  };
  // On pull_request the checkout is the merge commit; link to the PR head, which is what reviewers see.
  if (ctx.pr.headSha) ctx.sha = ctx.pr.headSha;
  return ctx;
}
