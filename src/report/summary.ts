// The job summary ($GITHUB_STEP_SUMMARY): the verdict, the services (new ones marked), every
// finding, consent gating, the register entries to paste, scan errors. GitHub refuses a
// summary over 1 MiB, so tables are shortened until it fits, and the cut is stated.
import type { LintResult } from '../lint.js';
import type { Digest } from './digest.js';
import type { RegisterSnippet } from './policy-snippet.js';
import { mdCode, mdText } from './markdown.js';
import { findingsTable, servicesTable, hostsTable, snippetBlock, place, type LinkContext } from './markdown-blocks.js';

export const SUMMARY_LIMIT_BYTES = 1_000_000;

export interface SummaryContext extends LinkContext {
  configName: string;
  snippet: RegisterSnippet | null;
  /** Findings left without an annotation (0 when all fit or annotations are off). */
  annotationsOmitted: number;
  /** Paths of the files written, '' for none. */
  files: { sarif: string; report: string };
  /** How the run compared with the base, e.g. "compared with 1a2b3c4, the base of #12". Built by the
   *  action from the event name, a sha and a number: rendered as Markdown, so "#12" links to the PR. */
  mode: string;
  /** Warnings about the run itself (base not fetched, comment not posted), shown at the top. */
  notes: string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function where(ctx: SummaryContext): string {
  const files = [ctx.files.sarif && `the SARIF file ${mdCode(ctx.files.sarif)}`, ctx.files.report && `the JSON report ${mdCode(ctx.files.report)}`].filter(Boolean);
  return files.length ? files.join(' and ') : 'the JSON report';
}

function render(result: LintResult, d: Digest, ctx: SummaryContext, maxRows: number): string {
  const { report } = result;
  const out: string[] = [];
  const showNew = d.prMode;
  out.push(`## ${d.passed ? '✅' : '❌'} privacy-lint`, '', mdText(d.verdict), '');
  const newPart = (n: number): string => (showNew && n ? ` (${n} new)` : '');
  const newHosts = d.hosts.filter((h) => h.isNew).length;
  out.push(
    [
      `**${plural(d.services.length, 'service')}**${newPart(d.services.filter((s) => s.isNew).length)}`,
      `**${plural(d.hosts.length, 'unclassified host')}**${newPart(newHosts)}`,
      `**${plural(d.active.length, 'finding')}**: ${plural(d.counts.error, 'error')}, ${plural(d.counts.warning, 'warning')}, ${plural(d.counts.notice, 'notice')}${newPart(d.newFindings)}`,
      `consent: ${d.gated} gated, ${d.ungated} loading before consent`,
    ].join(' · '),
    '',
  );
  out.push(`<sub>${ctx.mode} · fail-on ${mdCode(d.failOn)}${d.prMode ? ` · only-new ${mdCode(String(d.onlyNew))}` : ''} · ${plural(report.stats.files, 'file')} scanned in ${report.stats.durationMs} ms · privacy-lint ${mdText(report.tool.version)}</sub>`, '');
  for (const n of ctx.notes) out.push(`> [!WARNING]\n> ${mdText(n)}`, '');
  if (ctx.annotationsOmitted > 0) {
    out.push(`> [!NOTE]\n> GitHub shows 10 annotations per level in a step: ${plural(ctx.annotationsOmitted, 'finding')} got no annotation. Every finding is listed below and in ${where(ctx)}.`, '');
  }
  if (ctx.snippet) out.push('### Register entries to add', '', snippetBlock(ctx.snippet, ctx.configName), '');

  const cut = (n: number, what: string): string => (n > maxRows ? `\n\n_Showing the first ${maxRows} of ${n} ${what}: the summary is limited to 1 MiB. All are in ${where(ctx)}._` : '');
  if (d.active.length) out.push(`### Findings (${d.active.length})`, '', findingsTable(d.active.slice(0, maxRows), ctx, { showNew }) + cut(d.active.length, 'findings'), '');
  if (d.services.length) {
    const rows = [...d.services].sort((a, b) => Number(b.isNew) - Number(a.isNew));
    out.push(`### Services (${d.services.length})`, '', servicesTable(rows.slice(0, maxRows), ctx, { showNew }) + cut(rows.length, 'services'), '');
  } else {
    out.push('No third-party services found.', '');
  }
  if (d.hosts.length) {
    const rows = [...d.hosts].sort((a, b) => Number(b.isNew) - Number(a.isNew));
    out.push(`### Unclassified hosts (${d.hosts.length})`, '', 'Hosts the catalogue does not know. Find out who runs each one, or add your own domains to `first_party`.', '', hostsTable(rows.slice(0, maxRows), ctx, { showNew }) + cut(rows.length, 'hosts'), '');
  }
  if (report.ownSites?.length) {
    const sites = report.ownSites.map((o) => `${mdCode(o.domain)} (${place(o.path, o.line, ctx)})`).join(', ');
    out.push(`Taken as your own site, where the code names it: ${sites}.`, '');
  }
  if (d.suppressed.length) {
    const rows = d.suppressed.slice(0, maxRows).map((f) => `- ${mdCode(f.ruleId)} at ${place(f.path, f.line, ctx)}: ${mdText(f.suppressed?.reason ?? '')}`);
    out.push(`<details><summary>Suppressed in the code (${d.suppressed.length})</summary>`, '', ...rows, cut(d.suppressed.length, 'suppressed findings'), '', '</details>', '');
  }
  if (report.errors.length) {
    const rows = report.errors.slice(0, maxRows).map((e) => `- ${mdCode(e.line ? `${e.path}:${e.line}` : e.path)}: ${mdText(e.message)}`);
    out.push(`### Files not fully read (${report.errors.length})`, '', 'The rest of the scan went on.', '', ...rows, cut(report.errors.length, 'errors'), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

export function renderSummary(result: LintResult, d: Digest, ctx: SummaryContext, limitBytes = SUMMARY_LIMIT_BYTES): string {
  const longest = Math.max(d.active.length, d.services.length, d.hosts.length, d.suppressed.length, result.report.errors.length);
  for (const rows of [longest, 1000, 300, 100, 30, 10, 0]) {
    if (rows > longest) continue;
    const md = render(result, d, ctx, rows);
    if (Buffer.byteLength(md) <= limitBytes) return md;
  }
  return `## ${d.passed ? '✅' : '❌'} privacy-lint\n\n${mdText(d.verdict)}\n\nThe full summary is larger than GitHub allows; every finding is in ${where(ctx)}.\n`;
}
