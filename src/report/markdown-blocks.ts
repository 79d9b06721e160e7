// Blocks shared by the job summary and the PR comment: the findings table, the services
// table, file links and the register snippet. All repository text is escaped (markdown.ts).
import type { Finding, Evidence } from '../model.js';
import type { ServiceRow, HostRow } from './digest.js';
import type { RegisterSnippet } from './policy-snippet.js';
import { mdCode, mdText, mdTable, mdFence } from './markdown.js';
import { repoPath } from './repo-path.js';
import { knownLabel } from './known-entity-label.js';
import { sarifUri } from './sarif.js';

export interface LinkContext {
  /** The scanned folder relative to the repository root. */
  pathPrefix: string;
  /** e.g. https://github.com/o/r/blob/<sha>; absent for local runs. */
  blobUrl?: string;
}

const SEVERITY_LABEL = { error: '🔴 error', warning: '🟠 warning', notice: '🔵 notice' } as const;

/** `path:line` as a code span, linked to the line at the commit when there is a commit. */
export function place(path: string, line: number, ctx: LinkContext): string {
  const full = repoPath(ctx.pathPrefix, path);
  const code = mdCode(`${full}:${line}`, { inTable: true });
  // sarifUri percent-encodes every segment, including ( ) and spaces, so the link target cannot end early.
  return ctx.blobUrl ? `[${code}](${ctx.blobUrl}/${sarifUri(full)}#L${line})` : code;
}

export function findingsTable(findings: Finding[], ctx: LinkContext, opts: { showNew: boolean }): string {
  return mdTable(
    ['Severity', 'Rule', 'Where', 'Finding'],
    findings.map((f) => [
      `${SEVERITY_LABEL[f.severity]}${opts.showNew && f.isNew ? ' **new**' : ''}`,
      f.helpUri ? `[${mdCode(f.ruleId, { inTable: true })}](${f.helpUri})` : mdCode(f.ruleId, { inTable: true }),
      place(f.path, f.line, ctx),
      mdText(f.message),
    ]),
  );
}

const firstSeen = (first: Evidence | undefined, places: number, ctx: LinkContext): string =>
  first ? `${place(first.path, first.line, ctx)}${places > 1 ? ` +${places - 1} more` : ''}` : '';

export function servicesTable(rows: ServiceRow[], ctx: LinkContext, opts: { showNew: boolean }): string {
  return mdTable(
    ['Service', 'Category', 'Consent', 'Vendor', 'Seen at'],
    rows.map((s) => [
      `${mdText(s.name)} ${mdCode(s.id, { inTable: true })}${opts.showNew && s.isNew ? ' **new**' : ''}`,
      mdText(s.category),
      s.consent === 'not gated' ? '⚠️ not gated' : mdText(s.consent),
      mdText(s.vendor),
      firstSeen(s.first, s.places, ctx),
    ]),
  );
}

export function hostsTable(rows: HostRow[], ctx: LinkContext, opts: { showNew: boolean }): string {
  const host = (h: HostRow): string => `${mdCode(h.host, { inTable: true })}${opts.showNew && h.isNew ? ' **new**' : ''}`;
  // The third-party-web column only when it says something about at least one host.
  if (!rows.some((h) => h.knownAs)) return mdTable(['Host', 'Seen at'], rows.map((h) => [host(h), firstSeen(h.first, h.places, ctx)]));
  return mdTable(
    ['Host', 'third-party-web says', 'Seen at'],
    rows.map((h) => [host(h), h.knownAs ? mdText(knownLabel(h.knownAs)) : '', firstSeen(h.first, h.places, ctx)]),
  );
}

export function snippetBlock(snippet: RegisterSnippet, configName: string): string {
  return [
    `To resolve ${snippet.resolves === 1 ? 'the register finding' : `the ${snippet.resolves} register findings`} once the paperwork is in place, add ${snippet.vendors === 1 ? 'this entry' : 'these entries'} under ${mdCode('vendors:')} in ${mdCode(configName)}. Entries already in your register are shown in full: replace them. Record only what is true.`,
    '',
    mdFence(snippet.yaml, 'yaml'),
  ].join('\n');
}
