// Check-run annotations through workflow commands (core.error/warning/notice). GitHub keeps
// only the first 10 of each level per step and silently drops the rest, so we choose which 10:
// new findings first, then by place; when some are left out, one notice says how many and
// where they all are. The toolkit escapes command data and properties (%, CR, LF, and `:` `,`
// in properties), so file names and messages from the repository cannot start a new command.
import type { Finding, Severity } from '../model.js';
import { readingOrder } from './digest.js';
import { repoPath } from './repo-path.js';

export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: Severity;
  message: string;
  title: string;
  file: string;
  startLine: number;
  startColumn: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings that got no annotation. */
  omitted: number;
  /** The notice that says so, when omitted > 0. */
  overflow?: string;
}

export interface AnnotationSink {
  error(message: string, props: AnnotationProps): void;
  warning(message: string, props: AnnotationProps): void;
  notice(message: string, props?: AnnotationProps): void;
}
export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface PlanOptions {
  pathPrefix?: string;
  perLevel?: number;
  /** Where every finding can be read when annotations run out, e.g. "the job summary and the SARIF file". */
  elsewhere?: string;
  /** Error slots kept free, e.g. 1 for the ::error:: that says why the check failed. */
  reservedErrors?: number;
}

export function planAnnotations(findings: Finding[], opts: PlanOptions = {}): AnnotationPlan {
  const perLevel = opts.perLevel ?? ANNOTATIONS_PER_LEVEL;
  const ordered = readingOrder(findings.filter((f) => !f.suppressed));
  const byLevel: Record<Severity, Finding[]> = { error: [], warning: [], notice: [] };
  for (const f of ordered) byLevel[f.severity].push(f);
  const fits = (lvl: Severity, room: number): Finding[] => byLevel[lvl].slice(0, room);
  let chosen = { error: fits('error', perLevel - (opts.reservedErrors ?? 0)), warning: fits('warning', perLevel), notice: fits('notice', perLevel) };
  let omitted = ordered.length - chosen.error.length - chosen.warning.length - chosen.notice.length;
  // The overflow notice is itself a notice: it takes the last notice slot when all are used.
  if (omitted > 0 && chosen.notice.length === perLevel) {
    chosen = { ...chosen, notice: fits('notice', perLevel - 1) };
    omitted++;
  }
  const annotations = (['error', 'warning', 'notice'] as const).flatMap((level) =>
    chosen[level].map((f) => ({
      level,
      message: f.message,
      title: f.isNew ? `${f.ruleId} (new)` : f.ruleId,
      file: repoPath(opts.pathPrefix ?? '', f.path),
      startLine: Math.max(1, f.line),
      startColumn: Math.max(1, f.column),
    })),
  );
  if (omitted === 0) return { annotations, omitted };
  const elsewhere = opts.elsewhere ?? 'the job summary and the JSON report';
  return {
    annotations,
    omitted,
    overflow: `${omitted} more ${omitted === 1 ? 'finding has' : 'findings have'} no annotation: GitHub shows ${perLevel} annotations per level in a step. All ${ordered.length} findings are in ${elsewhere}.`,
  };
}

export function emitAnnotations(plan: AnnotationPlan, sink: AnnotationSink): void {
  for (const a of plan.annotations) {
    sink[a.level](a.message, { title: a.title, file: a.file, startLine: a.startLine, startColumn: a.startColumn });
  }
  if (plan.overflow) sink.notice(plan.overflow, { title: 'privacy-lint: more findings than annotations' });
}
