// SARIF 2.1.0 for GitHub code scanning: every rule with its help, every finding as a result
// with a region, and our own primaryLocationLineHash so that an alert keeps its identity when
// the lines above it move (code scanning reads only that fingerprint; if absent, upload-sarif
// hashes the line text, which drifts on manifests). Strings are data in JSON, but GitHub reads
// `[text](target)` in message text as a link, so brackets are escaped as SARIF says (§3.11.6).
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result, Notification } from 'sarif';
import type { Finding, Report, Severity, Evidence } from '../model.js';
import type { Check } from '../checks/define-check.js';
import { helpUri } from '../checks/define-check.js';
import { repoPath } from './repo-path.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/privacy-lint/privacy-lint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

export interface SarifOptions {
  checks: Check[];
  /** The scanned folder relative to the repository root ('' for the root). */
  pathPrefix?: string;
}

/** Plain-text SARIF message: a backslash before `\`, `[` and `]` keeps them literal (no embedded links). */
export function sarifText(s: string): string {
  return s.replace(/[\\[\]]/g, '\\$&');
}

/** A relative URI reference: each segment percent-encoded, so `%`, `#`, `?`, `:`, spaces and newlines are data. */
export function sarifUri(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

const camel = (id: string): string => id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

export function sarifRule(check: Check): ReportingDescriptor {
  const uri = helpUri(check.id);
  return {
    id: check.id,
    name: camel(check.id),
    shortDescription: { text: check.description },
    fullDescription: { text: check.description },
    helpUri: uri,
    help: { text: `${check.description} See ${uri}`, markdown: `${check.description}\n\n[How to resolve ${check.id}](${uri})` },
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: { tags: ['privacy', 'gdpr'] },
  };
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The matched text at the finding's place, from the evidence it was raised on ('' when none). */
export function matchedText(report: Report, f: Finding): string {
  const evidence: Evidence[] = f.serviceId
    ? (report.services.find((s) => s.id === f.serviceId)?.evidence ?? [])
    : f.host
      ? (report.unclassified.find((u) => u.host === f.host)?.evidence ?? [])
      : [];
  const at = evidence.find((e) => e.path === f.path && e.line === f.line && e.column === f.column) ?? evidence.find((e) => e.path === f.path);
  return at?.match ?? '';
}

/** rule + service (or host) + path + normalised matched text: no line number, so moving lines keeps it. */
export function lineHash(f: Finding, path: string, matched: string): string {
  return createHash('sha256').update([f.ruleId, f.serviceId ?? f.host ?? '', path, normalise(matched)].join('\u0000')).digest('hex').slice(0, 16);
}

export function renderSarif(report: Report, opts: SarifOptions): Log {
  const prefix = opts.pathPrefix ?? '';
  const rules = opts.checks.map(sarifRule);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const prMode = report.findings.some((f) => f.isNew !== undefined);
  const seen = new Map<string, number>();
  const results: Result[] = report.findings.map((f) => {
    const path = repoPath(prefix, f.path);
    const hash = lineHash(f, path, matchedText(report, f));
    // Two results with the same hash are told apart by their order, as GitHub's own hashes are.
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    const result: Result = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: sarifText(f.message) },
      locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(path) }, region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) } } }],
      partialFingerprints: { primaryLocationLineHash: `${hash}:${n}` },
      properties: { ...(f.serviceId ? { serviceId: f.serviceId } : {}), ...(f.host ? { host: f.host } : {}) },
    };
    const index = ruleIndex.get(f.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    // SARIF: when one result has a baselineState, all must.
    if (prMode) result.baselineState = f.isNew === false ? 'unchanged' : 'new';
    if (f.suppressed) result.suppressions = [{ kind: 'inSource', justification: f.suppressed.reason }];
    return result;
  });
  const notifications: Notification[] = report.errors.map((e) => ({
    level: 'error',
    message: { text: sarifText(e.message) },
    locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(repoPath(prefix, e.path)) }, ...(e.line ? { region: { startLine: e.line } } : {}) } }],
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, semanticVersion: report.tool.version, version: report.tool.version, informationUri: INFORMATION_URI, rules } },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
