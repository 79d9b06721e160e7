// The GitHub Action: inputs → the same lint() as the CLI → reporters → exit status.
// Reporting channels (summary, comment) never fail the check; only findings at or above
// fail-on, or a configuration error, do — and the last log line says which.
import * as core from '@actions/core';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { lint, type LintResult } from '../lint.js';
import { UsageError } from '../pipeline.js';
import { defaultMatcher } from '../catalogue/index.js';
import { CHECKS } from '../checks/index.js';
import { writeJsonFile } from '../report/json.js';
import { renderText } from '../report/text.js';
import { renderSarif } from '../report/sarif.js';
import { digest, type Digest } from '../report/digest.js';
import { planAnnotations, emitAnnotations } from '../report/annotations.js';
import { renderSummary } from '../report/summary.js';
import { renderComment, renderResolvedComment, commentMarker, RESOLVED_HEADING } from '../report/comment.js';
import { registerSnippet, type RegisterSnippet } from '../report/policy-snippet.js';
import { actionOutputs } from '../report/outputs.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { readRunContext, type RunContext } from './context.js';
import { ensureBase, runGit } from './base.js';
import { syncSticky, explainCommentError, type Desired } from './sticky-comment.js';
import { issueComments } from './github-api.js';
import { logUntrusted } from './log.js';

const toPosix = (p: string): string => p.split(sep).join('/');

export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name), process.env);
    if (inputs.token) core.setSecret(inputs.token);
    const ctx = readRunContext(process.env);
    for (const w of ctx.warnings) core.warning(w);
    await lintAndReport(inputs, ctx);
  } catch (e) {
    if (e instanceof UsageError) core.setFailed(`privacy-lint: ${e.message}`);
    else core.setFailed(`privacy-lint stopped on an unexpected error: ${(e as Error).stack ?? String(e)}`);
  }
}

/** .privacy-lint.yml (or .yaml) beside the scanned folder, then at the workspace root. */
function findConfig(inputs: ActionInputs, scanDir: string, workspace: string): string | undefined {
  if (inputs.config) return resolve(inputs.config);
  for (const dir of [scanDir, workspace]) {
    for (const name of ['.privacy-lint.yml', '.privacy-lint.yaml']) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function comparisonBase(ctx: RunContext, root: string): { base?: string; mode: string; note?: string } {
  if (!ctx.pr) return { mode: `whole tree (${ctx.eventName.replace(/[^a-z_]/g, '') || 'local run'})` };
  const state = ensureBase(ctx.pr.baseSha, runGit(root));
  const of = ctx.pr.number !== undefined ? `the base of #${ctx.pr.number}` : 'the base of the merge group';
  if (state.available) return { base: ctx.pr.baseSha, mode: `compared with ${ctx.pr.baseSha.slice(0, 7)}, ${of}` };
  const note = `${state.reason}; scanned the whole tree instead, so the check counts every finding, not only the ones this change introduces. Use actions/checkout with fetch-depth: 0 to compare with the base.`;
  return { mode: 'whole tree (base unavailable)', note };
}

async function lintAndReport(inputs: ActionInputs, ctx: RunContext): Promise<void> {
  const root = resolve(inputs.path);
  const scanDir = existsSync(root) && statSync(root).isFile() ? dirname(root) : root;
  const pathPrefix = toPosix(relative(ctx.workspace, scanDir));
  const notes: string[] = [];
  const { base, mode: baseMode, note } = comparisonBase(ctx, scanDir);
  const mode = base && inputs.changedOnly ? `${baseMode}, changed files and manifests only` : baseMode;
  if (note) {
    core.warning(note);
    notes.push(note);
  }
  const configPath = findConfig(inputs, scanDir, ctx.workspace);
  const configName = configPath ? toPosix(relative(ctx.workspace, configPath)) : '.privacy-lint.yml';
  const matcher = defaultMatcher();
  const result = await lint(root, matcher, { configPath, base, failOn: inputs.failOn, onlyNew: inputs.onlyNew, changedOnly: inputs.changedOnly });
  const d = digest(result);
  const snippet = registerSnippet(result.report.findings, result.policy, (id) => matcher.byId.get(id));

  core.startGroup(`privacy-lint: ${result.report.services.length} services, ${d.active.length} findings (${mode})`);
  logUntrusted(renderText(result.report, { color: false }), (s) => process.stdout.write(s));
  core.endGroup();

  const files = writeFiles(inputs, result, pathPrefix);
  const places = [inputs.summary ? 'the job summary' : '', files.sarif ? 'the SARIF file' : '', 'the JSON report'].filter(Boolean);
  const elsewhere = places.length > 1 ? `${places.slice(0, -1).join(', ')} and ${places.at(-1)}` : places[0]!;
  // A failing run ends with an ::error:: of its own (the verdict): keep a slot for it.
  const plan = planAnnotations(result.report.findings, { pathPrefix, elsewhere, reservedErrors: d.passed ? 0 : 1 });
  if (inputs.annotations) emitAnnotations(plan, core);

  const links = { pathPrefix, blobUrl: ctx.owner && ctx.repo && ctx.sha ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${ctx.sha}` : undefined };
  const commentId = await comment(inputs, ctx, d, { ...links, marker: commentMarker(pathPrefix || '.'), configName, snippet, runUrl: ctx.runUrl, sha: ctx.sha?.slice(0, 7), version: result.report.tool.version, annotationsOmitted: inputs.annotations ? plan.omitted : 0 }, notes);
  if (inputs.summary) await writeSummary(renderSummary(result, d, { ...links, configName, snippet, annotationsOmitted: inputs.annotations ? plan.omitted : 0, files, mode, notes }));

  for (const [name, value] of Object.entries({ ...actionOutputs(d, files), 'comment-id': commentId ? String(commentId) : '' })) core.setOutput(name, value);
  if (d.passed) core.info(d.verdict);
  else core.setFailed(d.verdict);
}

function writeFiles(inputs: ActionInputs, result: LintResult, pathPrefix: string): { report: string; sarif: string } {
  const report = resolve(inputs.report || join(process.env.RUNNER_TEMP || tmpdir(), 'privacy-lint', 'report.json'));
  mkdirSync(dirname(report), { recursive: true });
  writeJsonFile(report, result.report);
  if (!inputs.sarif) return { report, sarif: '' };
  const sarif = resolve(inputs.sarif);
  mkdirSync(dirname(sarif), { recursive: true });
  writeFileSync(sarif, JSON.stringify(renderSarif(result.report, { checks: CHECKS, pathPrefix }), null, 2) + '\n');
  return { report, sarif: inputs.sarif };
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set (a local run?): no job summary written');
    return;
  }
  try {
    await core.summary.addRaw(markdown).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${(e as Error).message}`);
  }
}

/** Posts, updates or resolves the sticky comment; returns its id. Every failure is a warning. */
async function comment(inputs: ActionInputs, ctx: RunContext, d: Digest, commentCtx: Parameters<typeof renderComment>[1], notes: string[]): Promise<number | undefined> {
  const skip = (why: string, level: 'info' | 'notice' = 'info'): undefined => {
    core[level](`privacy-lint: no pull request comment: ${why}`);
    return undefined;
  };
  if (inputs.comment === 'never') return skip(inputs.commentDefaultReason ?? 'the "comment" input is "never"');
  if (!ctx.pr || ctx.pr.number === undefined) return skip('this run is not for a pull request');
  if (ctx.pr.fromFork && ctx.eventName === 'pull_request') return skip('the pull request comes from a fork, and its token is read-only (see "Forks" in the docs)', 'notice');
  if (!inputs.token) return skip('no token (set the "token" input to a token with pull-requests: write)', 'notice');
  if (!ctx.owner || !ctx.repo) return skip('GITHUB_REPOSITORY is not set', 'notice');
  const desired: Desired =
    inputs.comment === 'always' || d.attention.length > 0 ? { kind: 'report', body: renderComment(d, commentCtx) } : { kind: 'resolved', body: renderResolvedComment(d, commentCtx) };
  try {
    const api = issueComments(inputs.token, ctx.owner, ctx.repo, ctx.pr.number);
    const res = await syncSticky(api, commentCtx.marker, desired, (body) => body.includes(RESOLVED_HEADING));
    core.info(`privacy-lint: pull request comment ${res.action}${res.action !== 'none' ? ` (id ${res.id})` : ' (nothing to report, and no earlier comment)'}`);
    return res.action === 'none' ? undefined : res.id;
  } catch (e) {
    const why = explainCommentError(e);
    core.warning(why);
    notes.push(why);
    return undefined;
  }
}
