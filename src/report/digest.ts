// What the Action's reporters (summary, comment, annotations, outputs) say about one run,
// computed once: findings in reading order, counts, which services are new, which load in the
// browser before consent, and the sentence that explains the exit status.
import type { Evidence, Finding, KnownEntity, Severity } from '../model.js';
import type { LintResult } from '../lint.js';
import { loadsInBrowser } from '../checks/consent-required.js';

export type ConsentState = 'gated' | 'not gated' | 'not needed' | 'no browser code';

export interface ServiceRow {
  id: string;
  name: string;
  vendor: string;
  category: string;
  isNew: boolean;
  consent: ConsentState;
  first: Evidence | undefined;
  places: number;
}

export interface HostRow {
  host: string;
  knownAs?: KnownEntity;
  isNew: boolean;
  first: Evidence | undefined;
  places: number;
}

export interface Digest {
  prMode: boolean;
  onlyNew: boolean;
  failOn: LintResult['policy']['fail_on'];
  /** Unsuppressed findings: new first, then by severity, then by place. */
  active: Finding[];
  suppressed: Finding[];
  failing: Finding[];
  /** What a reviewer must look at: in a pull request that fails only on new findings, the new ones; otherwise all. */
  attention: Finding[];
  counts: Record<Severity, number>;
  newFindings: number;
  services: ServiceRow[];
  hosts: HostRow[];
  newServices: string[];
  /** Analytics and marketing services that load in the browser, by whether they wait for consent. */
  gated: number;
  ungated: number;
  scanErrors: number;
  /** One sentence: why the check passed or failed. */
  verdict: string;
  passed: boolean;
}

const CONFIDENCE_ORDER = { high: 0, medium: 1, low: 2 } as const;
/** The evidence to point at: the most certain, then the first. */
const strongest = (evs: Evidence[]): Evidence | undefined => [...evs].sort((a, b) => CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence])[0];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** New before known, then errors before warnings before notices; the scan's path order otherwise. */
export function readingOrder(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => Number(b.f.isNew === true) - Number(a.f.isNew === true) || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function verdictOf(failing: Finding[], failOn: string, newOnly: boolean): string {
  if (failOn === 'never') return 'privacy-lint passed: fail-on is "never", so findings are reported but never fail the check.';
  if (failing.length === 0) return `privacy-lint passed: no finding at or above "${failOn}"${newOnly ? ' introduced by this change' : ''}.`;
  const byRule = new Map<string, number>();
  for (const f of failing) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule].map(([r, n]) => `${r} ×${n}`).join(', ');
  return `privacy-lint failed: ${plural(failing.length, 'finding')} at or above "${failOn}"${newOnly ? ' introduced by this change' : ''} (${rules}).`;
}

export function digest(result: LintResult): Digest {
  const { report, policy, prMode, newServices } = result;
  const onlyNew = prMode && policy.only_new;
  const active = readingOrder(report.findings.filter((f) => !f.suppressed));
  const suppressed = report.findings.filter((f) => f.suppressed);
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of active) counts[f.severity]++;
  const newSet = new Set(newServices);
  const notGated = new Set(active.filter((f) => f.ruleId === 'consent-required' && f.serviceId).map((f) => f.serviceId!));

  const services: ServiceRow[] = report.services.map((s) => {
    const needsConsent = s.category === 'analytics' || s.category === 'marketing';
    const inBrowser = s.evidence.some(loadsInBrowser);
    const consent: ConsentState = !needsConsent ? 'not needed' : !inBrowser ? 'no browser code' : notGated.has(s.id) ? 'not gated' : 'gated';
    return { id: s.id, name: s.name, vendor: s.vendor, category: s.category, isNew: newSet.has(s.id), consent, first: strongest(s.evidence), places: s.evidence.length };
  });
  const hosts: HostRow[] = report.unclassified.map((u) => ({ host: u.host, knownAs: u.knownAs, isNew: newSet.has(u.host), first: strongest(u.evidence), places: u.evidence.length }));
  return {
    prMode,
    onlyNew,
    failOn: policy.fail_on,
    active,
    suppressed,
    failing: readingOrder(result.failing),
    attention: onlyNew ? active.filter((f) => f.isNew !== false) : active,
    counts,
    newFindings: active.filter((f) => f.isNew === true).length,
    services,
    hosts,
    newServices,
    gated: services.filter((s) => s.consent === 'gated').length,
    ungated: services.filter((s) => s.consent === 'not gated').length,
    scanErrors: report.errors.length,
    verdict: verdictOf(result.failing, policy.fail_on, onlyNew),
    passed: result.failing.length === 0,
  };
}
