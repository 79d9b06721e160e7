// The sticky pull-request comment: what this change needs from its author, in one comment
// that is edited on every push (found again by the hidden marker at its very start), and
// edited to "resolved" once nothing is left. GitHub rejects bodies over 65,536 characters:
// the comment shortens its table, then drops it, and always links to the full job summary.
import { knownLabel } from './known-entity-label.js';
import type { Digest } from './digest.js';
import type { RegisterSnippet } from './policy-snippet.js';
import { mdCode, mdText } from './markdown.js';
import { findingsTable, snippetBlock, type LinkContext } from './markdown-blocks.js';

export const COMMENT_LIMIT = 65_536;
export const RESOLVED_HEADING = '### ✅ privacy-lint: resolved';
const DEFAULT_ROWS = 50;

/** The hidden marker; one comment per scanned path, so two jobs on two folders do not overwrite each other. */
export function commentMarker(key: string): string {
  // Only characters that cannot end an HTML comment ("--" is collapsed too).
  const safe = key.replace(/[^A-Za-z0-9._/-]+/g, '_').replace(/-{2,}/g, '-') || '.';
  return `<!-- privacy-lint:comment path=${safe} -->`;
}

export interface CommentContext extends LinkContext {
  marker: string;
  configName: string;
  snippet: RegisterSnippet | null;
  /** Link to the run's job summary; absent locally. */
  runUrl?: string;
  /** Short head sha the comment describes. */
  sha?: string;
  version: string;
  /** Findings that got no annotation because GitHub shows 10 per level. */
  annotationsOmitted?: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function footer(ctx: CommentContext): string {
  const parts = [ctx.runUrl ? `[Full report in the job summary](${ctx.runUrl})` : '', ctx.sha ? `updated for ${mdCode(ctx.sha)}` : '', `privacy-lint ${mdText(ctx.version)}`].filter(Boolean);
  return `<sub>${parts.join(' · ')}</sub>`;
}

function render(d: Digest, ctx: CommentContext, rows: number, withSnippet: boolean): string {
  const out = [ctx.marker];
  const scope = d.onlyNew ? ' introduced by this change' : '';
  const n = d.attention.length;
  out.push(`### ${d.passed ? (n ? '⚠️' : '✅') : '❌'} privacy-lint: ${n ? `${plural(n, 'finding')}${scope}` : `no findings${scope}`}`, '', mdText(d.verdict), '');
  const newServices = d.services.filter((s) => s.isNew);
  const newHosts = d.hosts.filter((h) => h.isNew);
  if (d.prMode && (newServices.length || newHosts.length)) {
    const items = [...newServices.map((s) => `${mdText(s.name)} (${mdText(s.category)}; ${mdText(s.vendor)})`), ...newHosts.map((h) => `${mdCode(h.host)} (not in the catalogue${h.knownAs ? `; third-party-web: ${mdText(knownLabel(h.knownAs))}` : ''})`)];
    out.push(`**This change adds:** ${items.join(', ')}`, '');
  }
  if (n && rows > 0) {
    out.push(findingsTable(d.attention.slice(0, rows), ctx, { showNew: false }), '');
    if (n > rows) out.push(`_…and ${n - rows} more: see the job summary._`, '');
  } else if (n) {
    out.push(`_The findings are too many to list here: see the job summary._`, '');
  }
  const omitted = ctx.annotationsOmitted ?? 0;
  if (omitted > 0) out.push(`GitHub shows 10 annotations per level: ${plural(omitted, 'finding')} ${omitted === 1 ? 'is' : 'are'} not annotated in the diff; all are in the job summary.`, '');
  const older = d.active.length - n;
  if (older > 0) out.push(`${plural(older, 'finding')} already on the base branch ${older === 1 ? 'is' : 'are'} not listed here (they are in the job summary).`, '');
  if (ctx.snippet && withSnippet) out.push(snippetBlock(ctx.snippet, ctx.configName), '');
  out.push(footer(ctx));
  return out.join('\n');
}

export function renderComment(d: Digest, ctx: CommentContext, limit = COMMENT_LIMIT): string {
  for (const [rows, snippet] of [[DEFAULT_ROWS, true], [20, true], [5, true], [0, true], [0, false]] as const) {
    const body = render(d, ctx, rows, snippet);
    if (body.length <= limit) return body;
  }
  return `${ctx.marker}\n### privacy-lint\n\n${mdText(d.verdict)}\n\n${footer(ctx)}`.slice(0, limit);
}

/** What the comment becomes when nothing is left to report. */
export function renderResolvedComment(d: Digest, ctx: CommentContext): string {
  const older = d.active.length - d.attention.length;
  return [
    ctx.marker,
    RESOLVED_HEADING,
    '',
    `Everything this comment reported is resolved${ctx.sha ? ` as of ${mdCode(ctx.sha)}` : ''}.${older > 0 ? ` ${plural(older, 'finding')} from the base branch remain${older === 1 ? 's' : ''} (see the job summary).` : ''}`,
    '',
    footer(ctx),
  ].join('\n');
}
