// One catalogue entry as a review page: the facts a privacy reviewer needs and what to do
// about them. Pure: the renderers (text, Markdown) and --format json read what this returns.
import type { ConsentCategory, CookieFact, ServiceEntry } from '../catalogue/types.js';
import { sampleText, type SampleText } from './banner.js';
import { dataLabel, hasAdequacy, humanise, inEea, listing, placeName, restrictedFromEu, thePlace, vendorLabel } from './wording.js';

export interface ExplainPage {
  id: string;
  name: string;
  description: string;
  website: string;
  vendor: { name: string; legalEntity: string; country: string; countryName: string; address?: string };
  purposes: string[];
  role: { value: ServiceEntry['role']; meaning: string };
  consent: { category: ConsentCategory; needed: 'yes' | 'usually' | 'no'; summary: string; legalBasis: string[]; notes: string[] };
  /** A library's usage telemetry, on by default: the setting that switches it off (the catalogue's opt_out). */
  optOut?: string;
  cookies: (CookieFact & { needsConsent: boolean })[];
  domains: string[];
  detection: { packages: { ecosystem: string; names: string[] }[]; snippets: number };
  personalData: { code: string; label: string }[];
  transfers: {
    locations: { code: string; name: string }[];
    /** Locations outside the EEA and adequate countries; ['unknown'] when the catalogue cannot say. */
    restricted: string[];
    dpf: ServiceEntry['transfers']['dpf'];
    sccs: ServiceEntry['transfers']['sccs'];
    euDataResidency: ServiceEntry['transfers']['eu_data_residency'];
    mechanism: string[];
    notes?: string;
  };
  dpa: { needed: 'art-28-dpa' | 'art-26-arrangement' | 'none'; offered: ServiceEntry['dpa']['offered']; how?: string; url?: string; summary: string };
  certifications: string[];
  dpia: { recommended: boolean; reason?: string; advice: string };
  alternatives: { id: string; name: string; category: ConsentCategory; locations: string[]; why: string[] }[];
  sample: SampleText;
  actions: string[];
  /** The lines to add to .privacy-lint.yml once the paperwork is done. */
  register: string;
  links: { privacy?: string; subprocessors?: string; dpa?: string };
  sources: { url: string; supports: string[] }[];
  verified: string;
}

const ROLE_MEANING: Record<ServiceEntry['role'], (vendor: string) => string> = {
  processor: (v) => `processor: ${v} handles the data on your instructions and you stay the controller.`,
  controller: (v) => `independent controller: ${v} decides what to do with the data it receives, including for its own purposes.`,
  'joint-controller': (v) => `joint controller: you and ${v} decide together on collecting and transmitting the data (as the CJEU held for embedded plugins in Fashion ID, C-40/17); ${v} then uses it for its own purposes.`,
};

const ART_5_3 = "ePrivacy Directive Art. 5(3): storing or reading information on the visitor's device (cookies, local storage, pixels, fingerprinting) needs prior consent unless it is strictly necessary for a service the visitor explicitly asked for";
const ART_6_1_A = 'GDPR Art. 6(1)(a): consent is the lawful basis for the processing that follows; it must be freely given, specific, informed and unambiguous, and as easy to withdraw as to give (Art. 4(11), Art. 7)';

function consentFacts(entry: ServiceEntry, restricted: string[]): ExplainPage['consent'] {
  const category = entry.consent_category;
  const nonNecessary = entry.cookies.filter((c) => c.category !== 'necessary');
  // A library's own telemetry mostly leaves from the project's servers, where no banner can ask
  // anyone; the catalogue cannot tell that apart from one sent by the visitor's browser, so both
  // readings are given, and switching it off comes first.
  if (entry.opt_out && category !== 'necessary') {
    return {
      category,
      needed: 'usually',
      summary: `Switch it off unless you mean to share the data. The library sends it by default, so it needs a decision even when nobody chose it. Where it runs in the visitor's browser, it needs the "${category}" category of your consent banner. Where it runs on your servers, no banner applies, but ${entry.vendor.name} still receives data about your deployment and its use.`,
      legalBasis: [`In the browser: ${ART_5_3}.`, `GDPR Art. 6(1): on your servers, legitimate interests (f) at most, weighed and documented, and ${entry.vendor.name} named as a recipient in your privacy notice (Art. 13(1)(e)).`],
      notes: [],
    };
  }
  if (category === 'analytics' || category === 'marketing') {
    const notes: string[] = [];
    if (category === 'analytics') notes.push("Some authorities exempt narrowly configured audience measurement (for example the CNIL's exemption for first-party statistics that are not combined with other data); check the tool's settings against your authority's guidance before relying on it.");
    if (entry.cookies.length === 0) notes.push('The catalogue lists no cookies for it. If it really stores and reads nothing on the device, Art. 5(3) does not apply and legitimate interests (GDPR Art. 6(1)(f)) may be argued instead: document that assessment, or ask for consent.');
    return {
      category,
      needed: 'yes',
      summary: `Yes: load it only after the visitor accepts the "${category}" category of your consent banner.`,
      legalBasis: [`${ART_5_3}; ${category === 'marketing' ? 'advertising, attribution and cross-site tracking are not' : 'audience measurement, as a rule, is not'}.`, `${ART_6_1_A}.`],
      notes,
    };
  }
  if (category === 'functional') {
    return {
      category,
      needed: 'usually',
      summary: 'Usually: banners put it in the "functional" (preferences) category. Load it after consent, or only when the visitor asks for it (for example a click-to-load placeholder).',
      legalBasis: [
        `${ART_5_3}; that exemption covers it only when the visitor has asked for the feature itself.`,
        'GDPR Art. 6(1)(a) when it is loaded on consent; when it is loaded on request, the processing can rest on Art. 6(1)(b) (a service the visitor asked for) or (f) (legitimate interests).',
      ],
      notes: nonNecessary.length && nonNecessary.length < entry.cookies.length ? [`Only some of its cookies are non-essential: ${nonNecessary.map((c) => c.name).join(', ')}.`] : [],
    };
  }
  const other = [
    'a lawful basis under GDPR Art. 6(1), usually (b) contract or (f) legitimate interests',
    entry.role === 'processor' ? 'a DPA under GDPR Art. 28' : entry.role === 'joint-controller' ? 'an arrangement under GDPR Art. 26' : `naming ${entry.vendor.name} as a recipient in your privacy notice (GDPR Art. 13(1)(e))`,
    ...(restricted.length ? ['a transfer safeguard under GDPR Chapter V for data leaving the EEA'] : []),
    'an entry in your record of processing (GDPR Art. 30) and your privacy notice',
  ];
  const why = entry.cookies.length
    ? 'its cookies are strictly necessary for a service the user asked for (for example security, fraud prevention or load balancing), which Art. 5(3) exempts from consent'
    : 'used as designed it stores nothing on the user\'s device that needs consent (it runs on the server side or only delivers what the page needs)';
  return {
    category,
    needed: 'no',
    summary: `No consent is needed for the service itself: ${why}.`,
    legalBasis: [`Other rules still apply: ${listing(other)}.`],
    notes: nonNecessary.map((c) => `Its ${c.name} cookie is ${c.category}: that cookie needs consent if you enable it.`),
  };
}

function transferFacts(entry: ServiceEntry, restricted: string[]): ExplainPage['transfers'] {
  const t = entry.transfers;
  const who = vendorLabel(entry);
  const mechanism: string[] = [];
  if (restricted.length === 0) {
    const adequate = entry.locations.filter(hasAdequacy).map(placeName);
    mechanism.push(`No restricted transfer: the data stays in the EEA${adequate.length ? ` or in ${listing(adequate)}, which has an EU adequacy decision` : ''}. No Chapter V safeguard is needed.`);
  } else if (restricted[0] === 'unknown') {
    mechanism.push(`The catalogue does not know where ${who} processes the data: ask, and for any country outside the EEA ask which safeguard applies (Data Privacy Framework or Standard Contractual Clauses).`);
  } else {
    const places = listing(restricted.map(thePlace));
    mechanism.push(`Restricted transfer (GDPR Chapter V) to ${places}.`);
    const usBound = restricted.includes('US') || restricted.includes('global');
    if (t.eu_data_residency === true) mechanism.push('EU data residency is offered: choose the EU region or endpoint to keep the data in the EU (record transfer: eu-hosted).');
    if (t.dpf === 'certified' && usBound) mechanism.push(`${who} is certified under the EU-US Data Privacy Framework: transfers to it in the United States rest on the Commission's adequacy decision of 10 July 2023 (record transfer: dpf). Check the certification is active on dataprivacyframework.gov.`);
    if (t.sccs === true) mechanism.push(`${entry.role === 'processor' ? 'Its DPA includes' : 'Its terms include'} the Standard Contractual Clauses (Commission Decision (EU) 2021/914); back them with a transfer impact assessment (record transfer: sccs).`);
    if (t.dpf !== 'certified' && t.sccs !== true && t.eu_data_residency !== true) {
      const dpf = t.dpf === 'not-certified' ? `${who} is not certified under the Data Privacy Framework` : 'The catalogue has no confirmed Data Privacy Framework certification';
      mechanism.push(`${dpf} and no confirmed Standard Contractual Clauses: ask ${entry.vendor.name} which safeguard covers the transfer before you send it personal data, and record transfer: none until then.`);
    }
  }
  return {
    locations: entry.locations.map((code) => ({ code, name: placeName(code) })),
    restricted,
    dpf: t.dpf,
    sccs: t.sccs,
    euDataResidency: t.eu_data_residency,
    mechanism,
    notes: t.notes,
  };
}

const DPA_HOW: Record<string, string> = {
  'part-of-terms': 'it is part of the terms of service and applies once you accept them; there is nothing to sign, so keep a dated copy as evidence',
  'click-through': 'you accept it online (click-through) in your account or on the vendor\'s site; keep the confirmation',
  'on-request': 'you ask the vendor for it and sign it',
};

function dpaFacts(entry: ServiceEntry): ExplainPage['dpa'] {
  const { offered, url, how } = entry.dpa;
  const howText = how && DPA_HOW[how] ? DPA_HOW[how] : 'how it is concluded is not documented; start from the link';
  const base = { offered, how, url };
  if (entry.role === 'controller') {
    return { ...base, needed: 'none', summary: `No Art. 28 DPA: ${entry.vendor.name} acts as a controller. Check its terms${url ? ` (${url})` : ''}, and name it as a recipient in your privacy notice.` };
  }
  const what = entry.role === 'joint-controller' ? 'An arrangement under GDPR Art. 26 (joint controllers)' : 'A DPA under GDPR Art. 28';
  const needed = entry.role === 'joint-controller' ? 'art-26-arrangement' : 'art-28-dpa';
  if (offered === true) return { ...base, needed, summary: `${what} is needed and ${entry.vendor.name} offers one: ${howText}.${url ? ` ${url}` : ''}` };
  if (offered === false) return { ...base, needed, summary: `${what} is needed but ${entry.vendor.name} does not offer one: without it, do not send it personal data.` };
  return { ...base, needed, summary: `${what} is needed; the catalogue could not confirm that ${entry.vendor.name} offers one: ask for it.` };
}

function dpiaFacts(entry: ServiceEntry): ExplainPage['dpia'] {
  const { value, reason } = entry.dpia_recommended;
  const because = reason ? ` Reason: ${reason.replace(/\.$/, '')}.` : '';
  return value
    ? { recommended: true, reason, advice: `Recommended.${because} Carry it out before going live (GDPR Art. 35): describe the data flows and retention, the transfer safeguards, the risks to the people concerned and the measures that reduce them.` }
    : { recommended: false, reason, advice: `Not flagged for typical use.${because} Reassess if you use it for large-scale special-category data, systematic monitoring or profiling with significant effects (GDPR Art. 35(3)).` };
}

function alternativeFacts(entry: ServiceEntry, byId: ReadonlyMap<string, ServiceEntry>): ExplainPage['alternatives'] {
  return entry.alternatives.flatMap((id) => {
    const alt = byId.get(id);
    if (!alt) return [];
    const why: string[] = [];
    const country = alt.vendor.country;
    if (inEea(country)) why.push(`vendor established in ${thePlace(country)} (EEA)`);
    else if (hasAdequacy(country)) why.push(`vendor in ${thePlace(country)}, which has an EU adequacy decision`);
    const known = alt.locations.filter((l) => l !== 'unknown');
    if (known.length && restrictedFromEu(alt.locations).length === 0) why.push(`processes data in ${listing(known.map(thePlace))}`);
    if (alt.transfers.eu_data_residency === true) why.push('offers EU hosting');
    if (alt.consent_category !== entry.consent_category) why.push(`banner category: ${alt.consent_category}`);
    return [{ id, name: alt.name, category: alt.consent_category, locations: alt.locations, why }];
  });
}

function suggestedTransfer(entry: ServiceEntry, restricted: string[]): string | undefined {
  if (restricted.length === 0 || restricted[0] === 'unknown') return undefined;
  const t = entry.transfers;
  if (t.dpf === 'certified' && (restricted.includes('US') || restricted.includes('global'))) return 'dpf';
  if (t.sccs === true) return 'sccs';
  if (t.eu_data_residency === true) return 'eu-hosted';
  return 'none';
}

function registerLines(entry: ServiceEntry, restricted: string[]): string {
  const dpa = entry.role === 'controller' ? 'not-needed' : 'signed';
  const dpaNote = entry.role === 'controller' ? `# ${entry.vendor.name} is a controller: no Art. 28 DPA` : '# once concluded; add date: and link:';
  const transfer = suggestedTransfer(entry, restricted);
  const transferNote = transfer === 'none' ? '# until a safeguard is confirmed' : transfer === 'eu-hosted' ? '# after choosing the EU region' : '# the safeguard you rely on';
  const lines = ['vendors:', `  ${entry.id}:`, `    dpa: ${dpa}  ${dpaNote}`];
  if (transfer) lines.push(`    transfer: ${transfer}  ${transferNote}`);
  else if (restricted[0] === 'unknown') lines.push(`    # transfer: ask ${entry.vendor.name} where it processes the data, then dpf, sccs or eu-hosted`);
  return lines.join('\n');
}

function transferAction(entry: ServiceEntry, restricted: string[]): string | undefined {
  if (restricted.length === 0) return undefined;
  if (restricted[0] === 'unknown') return `Ask ${entry.vendor.name} where it processes the data and which transfer safeguard applies.`;
  const places = listing(restricted.map(thePlace));
  switch (suggestedTransfer(entry, restricted)) {
    case 'dpf':
      return `Rely on ${vendorLabel(entry)}'s Data Privacy Framework certification for the transfer to the United States (check it is active)${restricted.some((c) => c !== 'US') && entry.transfers.sccs === true ? ', and on the SCCs for other countries' : ''}.`;
    case 'sccs':
      return `Rely on the Standard Contractual Clauses for the transfer to ${places}, with a transfer impact assessment.`;
    case 'eu-hosted':
      return `Choose ${entry.vendor.name}'s EU region or endpoint, so that the data stays in the EU.`;
    default:
      return `Find a safeguard for the transfer to ${places} before going live (see "Where the data goes").`;
  }
}

function actionList(page: Omit<ExplainPage, 'actions'>, entry: ServiceEntry): string[] {
  const actions: string[] = [];
  if (page.optOut) actions.push(`Switch it off unless you mean to share the data: ${page.optOut}`);
  else if (page.consent.needed === 'yes') actions.push(`Block it until the visitor accepts "${page.consent.category}" in your consent banner, and describe it there (the sample text above is a start).`);
  else if (page.consent.needed === 'usually') actions.push('Load it after consent in the "functional" category, or only when the visitor asks for it.');
  if (page.dpa.needed !== 'none') actions.push(page.dpa.offered === true ? `Conclude the ${page.dpa.needed === 'art-28-dpa' ? 'DPA' : 'Art. 26 arrangement'}: ${page.dpa.how && DPA_HOW[page.dpa.how] ? DPA_HOW[page.dpa.how] : 'see the link'}.` : `Get a ${page.dpa.needed === 'art-28-dpa' ? 'DPA' : 'joint-controller arrangement'} from ${entry.vendor.name} before sending it personal data.`);
  const transfer = transferAction(entry, page.transfers.restricted);
  if (transfer) actions.push(transfer);
  if (page.dpia.recommended) actions.push('Carry out a DPIA before going live.');
  if (entry.cookies.length) actions.push(`List its ${entry.cookies.length === 1 ? 'cookie' : `${entry.cookies.length} cookies`} in your cookie policy with name, duration and purpose.`);
  actions.push(`Name ${vendorLabel(entry)} in your privacy notice and record of processing${page.transfers.restricted.length && page.transfers.restricted[0] !== 'unknown' ? ', with the transfer and its safeguard' : ''}.`);
  actions.push('Record the outcome in .privacy-lint.yml (below) so that privacy-lint stops reporting it.');
  return actions;
}

export function buildPage(entry: ServiceEntry, byId: ReadonlyMap<string, ServiceEntry>): ExplainPage {
  const restricted = restrictedFromEu(entry.locations);
  const page: Omit<ExplainPage, 'actions'> = {
    id: entry.id,
    name: entry.name,
    description: entry.description,
    website: entry.website,
    vendor: { name: entry.vendor.name, legalEntity: entry.vendor.legal_entity, country: entry.vendor.country, countryName: placeName(entry.vendor.country), address: entry.vendor.address },
    purposes: entry.purposes,
    role: { value: entry.role, meaning: ROLE_MEANING[entry.role](entry.vendor.name) },
    consent: consentFacts(entry, restricted),
    optOut: entry.opt_out,
    cookies: entry.cookies.map((c) => ({ ...c, needsConsent: c.category !== 'necessary' })),
    domains: entry.detect.domains ?? [],
    detection: {
      packages: Object.entries(entry.detect.packages ?? {}).map(([ecosystem, names]) => ({ ecosystem, names: names ?? [] })),
      snippets: entry.detect.snippets?.length ?? 0,
    },
    personalData: entry.personal_data.map((code) => ({ code, label: dataLabel(code) })),
    transfers: transferFacts(entry, restricted),
    dpa: dpaFacts(entry),
    certifications: entry.certifications,
    dpia: dpiaFacts(entry),
    alternatives: alternativeFacts(entry, byId),
    sample: sampleText(entry),
    register: registerLines(entry, restricted),
    links: { privacy: entry.privacy_url, subprocessors: entry.subprocessors_url, dpa: entry.dpa.url },
    sources: entry.sources.map((s) => ({ url: s.url, supports: s.supports.map(humanise) })),
    verified: entry.verified,
  };
  return { ...page, actions: actionList(page, entry) };
}
