// Runs the checks: applies the policy's severities, min_confidence and include_dev, the
// inline suppressions, and sorts findings so the same input always reads the same.
import type { Evidence, Finding, Severity } from '../model.js';
import type { Policy, VendorRecord, FailOn } from '../config/policy.js';
import type { ServiceEntry } from '../catalogue/types.js';
import type { Suppression } from '../scan/suppressions.js';
import { CHECKS } from './index.js';
import { helpUri, type CheckInput, type CheckContext, type Check } from './define-check.js';

const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 } as const;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').replace(/\b(inc|llc|ltd|limited|gmbh|corp|corporation|co|bv|sas|sarl|ab|plc)\b/g, '').trim();

/** The register entry for a service: by id, or by its name, vendor name, legal entity or alias. */
export function findRecord(policy: Policy, entry: ServiceEntry): VendorRecord | undefined {
  const byId = policy.vendors[entry.id];
  if (byId) return byId;
  const names = new Set([entry.name, entry.vendor.name, entry.vendor.legal_entity, ...(entry.vendor.aliases ?? [])].map(normalise));
  for (const [key, record] of Object.entries(policy.vendors)) if (names.has(normalise(key))) return record;
  return undefined;
}

export function runChecks(input: CheckInput, suppressions: Map<string, Suppression[]> = new Map(), checks: Check[] = CHECKS): Finding[] {
  const { policy, matcher } = input;
  const minRank = CONFIDENCE_RANK[policy.min_confidence];
  const findings: Finding[] = [];
  const effective = new WeakMap<Evidence[], Evidence[]>();
  for (const check of checks) {
    const configured = policy.rules[check.id];
    if (configured === 'off' || (check.wholeTree && input.partial)) continue;
    const severity: Severity = configured ?? check.severity;
    const ctx: CheckContext = {
      ...input,
      effective: (evs: Evidence[]) => {
        // Every check asks for the same services' evidence: filtered once per list.
        let kept = effective.get(evs);
        if (!kept) effective.set(evs, (kept = evs.filter((e) => CONFIDENCE_RANK[e.confidence] >= minRank && (policy.include_dev || !e.dev))));
        return kept;
      },
      entry: (id: string) => matcher.byId.get(id)!,
      record: (entry: ServiceEntry) => findRecord(policy, entry),
      report: (f) => {
        const finding: Finding = { ruleId: check.id, severity, message: f.message, path: f.path, line: f.line, column: f.column, helpUri: helpUri(check.id) };
        if (f.serviceId) finding.serviceId = f.serviceId;
        if (f.host) finding.host = f.host;
        const sup = (suppressions.get(f.path) ?? []).find((s) => s.line === f.line && (s.rules.includes(check.id) || s.rules.includes('*')));
        if (sup) finding.suppressed = { reason: sup.reason };
        findings.push(finding);
      },
    };
    check.check(ctx);
  }
  return findings.sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || ((a.serviceId ?? a.host ?? '') < (b.serviceId ?? b.host ?? '') ? -1 : 1),
  );
}

/** A finding's identity across base and head: rule and service (or host), not the line, which moves. */
export const findingKey = (f: Finding): string => `${f.ruleId}|${f.serviceId ?? f.host ?? f.path}`;

/** The findings that decide the exit status: unsuppressed, at or above fail_on, and (in a PR with only_new) new. */
export function failing(findings: Finding[], failOn: FailOn, onlyNew: boolean): Finding[] {
  if (failOn === 'never') return [];
  return findings.filter((f) => !f.suppressed && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn] && (!onlyNew || f.isNew !== false));
}
