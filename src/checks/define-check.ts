// A check is data (id, default severity, what it is about) plus one function that reads the
// detected services and the policy and reports findings. Checks never do I/O.
import type { Evidence, ServiceHit, UnclassifiedHost, Severity } from '../model.js';
import type { Policy, VendorRecord } from '../config/policy.js';
import type { Matcher } from '../catalogue/matcher.js';
import type { ServiceEntry } from '../catalogue/types.js';
import type { NamedVendor } from '../catalogue/vendor-names.js';
import type { CommittedDocument } from '../inventory/documents.js';

export const DOCS_BASE = 'https://github.com/privacy-lint/privacy-lint/blob/main/docs/rules/';

export interface CheckInput {
  services: ServiceHit[];
  unclassified: UnclassifiedHost[];
  policy: Policy;
  matcher: Matcher;
  /** The published subprocessor list, when the policy names one. */
  subprocessorList?: { path: string; vendors: NamedVendor[] };
  /** The generated documents the policy names (documents.*), as committed; read by lint(). */
  documents?: CommittedDocument[];
  /** Pull-request mode: what the base already had, and the files the change touched. */
  base?: { services: Set<string>; hosts: Set<string> };
  changedFiles?: Set<string>;
  /** Only part of the tree was scanned (pull-request mode with changed-only). */
  partial?: boolean;
}

export interface RawFinding {
  path: string;
  line: number;
  column: number;
  message: string;
  serviceId?: string;
  host?: string;
}

export interface CheckContext extends CheckInput {
  report(f: RawFinding): void;
  /** Evidence that counts for findings: at or above min_confidence, and not dev-only unless include_dev. */
  effective(evidence: Evidence[]): Evidence[];
  entry(id: string): ServiceEntry;
  record(entry: ServiceEntry): VendorRecord | undefined;
}

export interface Check {
  id: string;
  severity: Severity;
  /** One sentence: what the rule reports. */
  description: string;
  /** The rule judges the whole tree ("found nowhere in the code"): it does not run on a partial scan. */
  wholeTree?: boolean;
  check(ctx: CheckContext): void;
}

export function defineCheck(check: Check): Check {
  return check;
}

export const helpUri = (id: string): string => `${DOCS_BASE}${id}.md`;

export function at(ev: Evidence): Pick<RawFinding, 'path' | 'line' | 'column'> {
  return { path: ev.path, line: ev.line, column: ev.column };
}

/** "Stripe (Stripe, Inc.)": how a service is named in messages. */
export function label(entry: ServiceEntry): string {
  const who = entry.vendor.legal_entity !== 'unknown' ? entry.vendor.legal_entity : entry.vendor.name;
  return who && who !== entry.name ? `${entry.name} (${who})` : entry.name;
}

export function processesPersonalData(entry: ServiceEntry): boolean {
  return !(entry.personal_data.length === 1 && entry.personal_data[0] === 'none');
}
