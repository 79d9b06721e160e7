// Scan + catalogue + policy → the inventory (model.ts). Pure and deterministic: the same
// input always gives the same rows in the same order, so generated documents diff cleanly.
import type { Evidence } from '../model.js';
import type { ConsentCategory, ServiceEntry } from '../catalogue/types.js';
import type { Policy, VendorRecord } from '../config/policy.js';
import { processesPersonalData } from '../checks/define-check.js';
import { waitsForConsent } from '../checks/consent.js';
import type { InventoryInput } from './input.js';
import type { Inventory, Subprocessor, CookieRow, ConsentRow, RopaRow, Location, UsedIn } from './model.js';
import { groupOf, groupRank, purposePhrase, joinAnd } from './groups.js';
import { processingLocation, staysInAdequateArea } from './locations.js';
import { runsInBrowser, placesUsed } from './browser.js';
import { consentAttributes } from './consent-attributes.js';

export const CATEGORY_ORDER: ConsentCategory[] = ['necessary', 'functional', 'analytics', 'marketing'];
export const CATEGORY_TITLES: Record<ConsentCategory, string> = { necessary: 'Strictly necessary', functional: 'Functional', analytics: 'Analytics', marketing: 'Marketing' };

const TRANSFER_TITLES: Record<NonNullable<VendorRecord['transfer']>, string> = {
  dpf: 'EU-US Data Privacy Framework',
  sccs: 'Standard Contractual Clauses',
  bcr: 'Binding Corporate Rules',
  adequacy: 'Adequacy decision',
  'eu-hosted': 'Not needed (EU-hosted)',
  none: 'None',
};

const DATA_CATEGORY_TITLES: Record<string, string> = {
  identifiers: 'identifiers',
  'online-identifiers': 'online identifiers (IP address, cookie IDs)',
  contact: 'contact details',
  usage: 'usage data',
  device: 'device data',
  location: 'location',
  payment: 'payment data',
  content: 'content',
  communications: 'communications',
  health: 'health data',
  biometric: 'biometric data',
  'audio-video': 'audio and video',
  financial: 'financial data',
  employment: 'employment data',
  credentials: 'credentials',
};

const compareText = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** "Functional Software, Inc. (Sentry)": the contracting entity, and the service when the entity does not say it. */
export function vendorLabel(entry: ServiceEntry): string {
  const legal = entry.vendor.legal_entity !== 'unknown' ? entry.vendor.legal_entity : entry.vendor.name;
  // "Amazon Web Services (AWS)" is named by "Amazon Web Services EMEA SARL"; "OpenAI API" is not by "OpenAI Ireland Limited".
  const service = entry.name.replace(/\s*\([^)]*\)\s*$/, '');
  const words = (s: string): string => ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
  return words(legal).includes(words(service)) ? legal : `${legal} (${entry.name})`;
}

function purposeText(entry: ServiceEntry, record: VendorRecord | undefined, where: UsedIn[]): string {
  if (record?.purpose) return record.purpose.trim();
  const base = purposePhrase(entry.purposes);
  return where.length ? `${base}; used in ${joinAnd(where.map((w) => `the ${w}`))}` : base;
}

function transferText(entry: ServiceEntry, record: VendorRecord | undefined, location: Location, policy: Policy): string {
  if (record?.transfer) return TRANSFER_TITLES[record.transfer];
  if (policy.jurisdiction === 'us' || policy.jurisdiction === 'global') return 'Not applicable';
  if (staysInAdequateArea(location, policy)) return 'Not needed (adequate location)';
  const offered = [entry.transfers.dpf === 'certified' ? 'DPF' : '', entry.transfers.sccs === true ? 'SCCs' : '', entry.transfers.eu_data_residency === true ? 'EU data residency' : ''].filter(Boolean);
  return offered.length ? `Not recorded (vendor offers ${joinAnd(offered)})` : 'Not recorded';
}

function dpaText(entry: ServiceEntry, record: VendorRecord | undefined): string {
  if (record?.dpa === 'signed') return record.date ? `Signed (${record.date})` : 'Signed';
  if (record?.dpa === 'not-needed') return 'Not needed';
  if (record?.dpa === 'missing') return 'Missing';
  if (entry.role === 'controller') return 'Not applicable (independent controller)';
  if (entry.dpa.offered === true) return `Not recorded (offered${entry.dpa.how && entry.dpa.how !== 'unknown' ? `, ${entry.dpa.how.replace(/-/g, ' ')}` : ''})`;
  if (entry.dpa.offered === false) return 'Not recorded (vendor offers none)';
  return 'Not recorded';
}

function dpiaText(entry: ServiceEntry): string {
  if (!entry.dpia_recommended.value) return 'Not indicated';
  return entry.dpia_recommended.reason ? `Recommended: ${entry.dpia_recommended.reason.replace(/\.$/, '')}` : 'Recommended';
}

interface Used {
  entry: ServiceEntry;
  record: VendorRecord | undefined;
  evidence: Evidence[];
}

/** Services with evidence that counts, in id order (the scan's order). */
function usedServices(input: InventoryInput): Used[] {
  const out: Used[] = [];
  for (const s of input.services) {
    const evidence = input.effective(s.evidence);
    if (evidence.length === 0) continue;
    const entry = input.entry(s.id);
    out.push({ entry, record: input.record(entry), evidence });
  }
  return out;
}

function subprocessorRow(u: Used, policy: Policy): Subprocessor {
  const { entry, record, evidence } = u;
  const where = placesUsed(evidence);
  const location = processingLocation(entry, evidence, record);
  const group = groupOf(entry);
  return {
    id: entry.id,
    service: entry.name,
    legalEntity: entry.vendor.legal_entity !== 'unknown' ? entry.vendor.legal_entity : vendorLabel(entry),
    label: vendorLabel(entry),
    scope: record?.scope ?? 'customer-data',
    group: group.id,
    groupTitle: group.title,
    purpose: purposeText(entry, record, where),
    usedIn: where,
    location,
    certifications: [...entry.certifications],
    transfer: transferText(entry, record, location, policy),
  };
}

function consentRow(u: Used, browser: Evidence[], policy: Policy): ConsentRow {
  const { entry } = u;
  const files = [...new Set(browser.map((e) => e.path))].sort();
  let waits: ConsentRow['waitsForConsent'] = 'not needed';
  let notWaitingIn: string[] = [];
  if (entry.consent_category !== 'necessary') {
    notWaitingIn = files.filter((f) => browser.some((e) => e.path === f && !waitsForConsent(e, entry, policy)));
    waits = notWaitingIn.length === 0 ? 'yes' : notWaitingIn.length === files.length ? 'no' : 'partly';
  }
  const attributes: ConsentRow['attributes'] = {};
  for (const m of policy.consent.managers) attributes[m] = consentAttributes(m, entry, policy);
  return { serviceId: entry.id, service: entry.name, category: entry.consent_category, loadedIn: files, waitsForConsent: waits, notWaitingIn, attributes };
}

function ropaRow(u: Used, sub: Subprocessor): RopaRow {
  const { entry, record } = u;
  return {
    serviceId: entry.id,
    service: entry.name,
    vendor: sub.legalEntity,
    role: entry.role,
    ...(record?.scope ? { scope: record.scope } : {}),
    purpose: sub.purpose,
    dataCategories: entry.personal_data.map((d) => DATA_CATEGORY_TITLES[d] ?? d),
    location: sub.location.text,
    transfer: sub.transfer,
    dpa: dpaText(entry, record),
    dpia: dpiaText(entry),
  };
}

// The order the document prints: customer-data section, then account-data; by function; by name.
const SCOPE_RANK = { 'customer-data': 0, 'account-data': 1 } as const;
const bySectionGroupLabel = (a: Subprocessor, b: Subprocessor): number =>
  SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] || groupRank(a.group) - groupRank(b.group) || compareText(a.label, b.label) || compareText(a.id, b.id);
const byCategory = (a: ConsentCategory, b: ConsentCategory): number => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b);

export function buildInventory(input: InventoryInput): Inventory {
  const { policy } = input;
  const all = usedServices(input);
  const used = all.filter((u) => processesPersonalData(u.entry));
  const rows = new Map(used.map((u) => [u.entry.id, subprocessorRow(u, policy)]));

  const subprocessors = used.filter((u) => u.entry.role === 'processor').map((u) => rows.get(u.entry.id)!).sort(bySectionGroupLabel);
  const ropa = used.map((u) => ropaRow(u, rows.get(u.entry.id)!)).sort((a, b) => compareText(a.service, b.service) || compareText(a.serviceId, b.serviceId));

  // The browser side covers every service whose code runs there, whatever the catalogue says about personal data: a cookie is a cookie.
  const cookies: CookieRow[] = [];
  const withoutFacts: { id: string; name: string }[] = [];
  const consentRows: ConsentRow[] = [];
  for (const u of all) {
    const browser = u.evidence.filter(runsInBrowser);
    if (browser.length === 0) continue;
    consentRows.push(consentRow(u, browser, policy));
    if (u.entry.cookies.length === 0) withoutFacts.push({ id: u.entry.id, name: u.entry.name });
    for (const c of u.entry.cookies) {
      cookies.push({ name: c.name, provider: u.entry.name, serviceId: u.entry.id, category: c.category, party: c.party, duration: c.duration, purpose: c.purpose });
    }
  }
  cookies.sort((a, b) => byCategory(a.category, b.category) || compareText(a.provider, b.provider) || compareText(a.name, b.name));
  consentRows.sort((a, b) => byCategory(a.category, b.category) || compareText(a.service, b.service));
  withoutFacts.sort((a, b) => compareText(a.name, b.name));

  return { subprocessors, cookies, browserServicesWithoutCookieFacts: withoutFacts, consent: { managers: [...policy.consent.managers], rows: consentRows }, ropa };
}
