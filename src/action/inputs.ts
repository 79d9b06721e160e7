// The Action's inputs, read and checked in one place. Defaults that depend on the run (the
// event, act) are decided here too, so action.yml only documents them. A bad value fails by
// name: `input "fail-on": expected error|warning|notice|never, got "errors"`.
import { UsageError } from '../pipeline.js';
import type { FailOn } from '../config/policy.js';

export type CommentMode = 'always' | 'on-findings' | 'never';

export interface ActionInputs {
  path: string;
  /** undefined: .privacy-lint.yml (or .yaml) in the scanned folder, then in the workspace, else the built-in policy. */
  config?: string;
  /** undefined: the policy's fail_on. */
  failOn?: FailOn;
  /** undefined: the policy's only_new (true unless the file says otherwise). */
  onlyNew?: boolean;
  /** On a pull request: scan the changed files and the manifests only (a large monorepo's fast path). */
  changedOnly: boolean;
  comment: CommentMode;
  /** Why the comment mode is what it is, when it was not asked for (e.g. under act). */
  commentDefaultReason?: string;
  sarif: string;
  report: string;
  annotations: boolean;
  summary: boolean;
  token: string;
}

export const DEFAULT_CONFIG = '.privacy-lint.yml';
const FAIL_ON = ['error', 'warning', 'notice', 'never'] as const;
const COMMENT = ['always', 'on-findings', 'never'] as const;

type GetInput = (name: string) => string;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`input "${name}": expected ${allowed.join('|')}, got "${value}"`);
  return value as T;
}

function bool(name: string, value: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new UsageError(`input "${name}": expected true or false, got "${value}"`);
}

/** `get` returns '' for an input that is not set (as core.getInput does). */
export function readInputs(get: GetInput, env: NodeJS.ProcessEnv): ActionInputs {
  const input = (name: string): string => get(name).trim();
  const config = input('config');
  const failOn = input('fail-on');
  const onlyNew = input('only-new');
  const comment = input('comment');
  const underAct = env.ACT === 'true';
  return {
    path: input('path') || '.',
    config: config && config !== DEFAULT_CONFIG ? config : undefined,
    failOn: failOn ? oneOf('fail-on', failOn, FAIL_ON) : undefined,
    onlyNew: onlyNew ? bool('only-new', onlyNew) : undefined,
    changedOnly: input('changed-only') ? bool('changed-only', input('changed-only')) : false,
    // act fills in a real token from `gh auth token`: a local run must not comment on a real PR unless asked to.
    comment: comment ? oneOf('comment', comment, COMMENT) : underAct ? 'never' : 'on-findings',
    commentDefaultReason: !comment && underAct ? 'running under act: the PR comment is off unless the "comment" input is set' : undefined,
    sarif: input('sarif'),
    report: input('report'),
    annotations: input('annotations') ? bool('annotations', input('annotations')) : true,
    summary: input('summary') ? bool('summary', input('summary')) : true,
    token: input('token'),
  };
}
