// The register entries that resolve the paperwork findings, as YAML ready to paste under
// `vendors:` in .privacy-lint.yml: dpa-missing → `dpa: signed`, transfer-safeguard-missing →
// `transfer: <the safeguard the vendor offers>`. Entries already in the register are shown in
// full, with their own key, so pasting replaces them without a duplicate key.
import type { Finding } from '../model.js';
import type { Policy, VendorRecord } from '../config/policy.js';
import type { ServiceEntry } from '../catalogue/types.js';
import { findRecord } from '../checks/run.js';

export const REGISTER_RULES = new Set(['dpa-missing', 'transfer-safeguard-missing']);

export interface RegisterSnippet {
  /** The YAML, starting with `vendors:`. */
  yaml: string;
  /** How many findings it resolves, and for how many vendors. */
  resolves: number;
  vendors: number;
}

type Field = { key: keyof VendorRecord; value: string | boolean; comment?: string };

const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
// Plain scalars only for enum-like words; anything else is a JSON string, which YAML reads as a double-quoted scalar.
const scalar = (v: string | boolean): string => (typeof v === 'boolean' ? String(v) : /^[a-z][a-z0-9-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|y|n)$/.test(v) ? v : JSON.stringify(v));
const yamlKey = (k: string): string => (/^[a-z0-9][a-z0-9_-]*$/i.test(k) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(k) ? k : JSON.stringify(k));

/** The safeguard to record, best first: DPF certification, SCCs in the DPA, then EU hosting. */
export function suggestedTransfer(entry: ServiceEntry): { value: 'dpf' | 'sccs' | 'eu-hosted'; comment: string } {
  const who = entry.vendor.name;
  if (entry.transfers.dpf === 'certified') return { value: 'dpf', comment: `${who} is certified under the EU-US Data Privacy Framework` };
  if (entry.transfers.sccs === true) return { value: 'sccs', comment: `${who}'s DPA includes Standard Contractual Clauses` };
  if (entry.transfers.eu_data_residency === true) return { value: 'eu-hosted', comment: `only once you use ${who}'s EU region or endpoint` };
  return { value: 'sccs', comment: `unconfirmed: check ${who}'s DPA for SCCs before recording this` };
}

function dpaComment(entry: ServiceEntry): string {
  const who = entry.vendor.name;
  const what = entry.role === 'joint-controller' ? 'joint-controller arrangement (GDPR Art. 26)' : 'DPA';
  if (entry.dpa.offered === false) return `${who} does not offer a ${what}: record this only once you have one`;
  if (entry.dpa.offered === 'unknown') return `ask ${who} for a ${what}`;
  const how = entry.dpa.how && entry.dpa.how !== 'unknown' ? ` (${entry.dpa.how.replace(/-/g, ' ')})` : '';
  return `${who} offers a ${what}${how}${entry.dpa.url ? `: ${entry.dpa.url}` : ''}`;
}

/** Null when no unsuppressed finding is a register finding. */
export function registerSnippet(findings: Finding[], policy: Policy, lookup: (id: string) => ServiceEntry | undefined): RegisterSnippet | null {
  const perVendor = new Map<string, { entry: ServiceEntry; key: string; record: VendorRecord; needs: Set<string>; count: number }>();
  for (const f of findings) {
    if (f.suppressed || !REGISTER_RULES.has(f.ruleId) || !f.serviceId) continue;
    const entry = lookup(f.serviceId);
    if (!entry) continue;
    const record = findRecord(policy, entry);
    // One register entry can cover several services (keyed by vendor name): one block per key.
    const key = (record && Object.keys(policy.vendors).find((k) => policy.vendors[k] === record)) ?? entry.id;
    let item = perVendor.get(key);
    if (!item) {
      item = { entry, key, record: record ?? {}, needs: new Set(), count: 0 };
      perVendor.set(key, item);
    }
    item.needs.add(f.ruleId);
    item.count++;
  }
  if (perVendor.size === 0) return null;

  const lines = ['vendors:'];
  let resolves = 0;
  for (const item of [...perVendor.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    resolves += item.count;
    const fields = new Map<keyof VendorRecord, Field>();
    for (const [k, v] of Object.entries(item.record) as [keyof VendorRecord, string | boolean][]) if (v !== undefined) fields.set(k, { key: k, value: v });
    if (item.needs.has('dpa-missing')) fields.set('dpa', { key: 'dpa', value: 'signed', comment: dpaComment(item.entry) });
    if (item.needs.has('transfer-safeguard-missing')) {
      const t = suggestedTransfer(item.entry);
      fields.set('transfer', { key: 'transfer', value: t.value, comment: t.comment });
    }
    lines.push(`  ${yamlKey(item.key)}:  # ${oneLine(item.entry.name)}`);
    for (const f of fields.values()) lines.push(`    ${f.key}: ${scalar(f.value)}${f.comment ? `  # ${oneLine(f.comment)}` : ''}`);
  }
  return { yaml: lines.join('\n') + '\n', resolves, vendors: perVendor.size };
}
