// The sample text an explain page offers: a consent-banner sentence for services that need
// consent, a privacy-notice sentence for the others. Built only from the entry's facts.
import type { ServiceEntry } from '../catalogue/types.js';
import { dataForVisitor, inPlace, listing, longestDuration, purposePhrase, restrictedFromEu, vendorLabel } from './wording.js';

export interface SampleText {
  kind: 'consent-banner' | 'privacy-notice';
  text: string;
}

const MAX_COOKIE_NAMES = 6;

export const needsConsent = (entry: ServiceEntry): boolean => entry.consent_category !== 'necessary';

function wherePhrase(entry: ServiceEntry): string {
  const places = entry.locations.filter((l) => l !== 'unknown');
  if (places.length === 0) return '';
  const named = places.filter((l) => l !== 'global').map(inPlace);
  if (places.includes('global')) named.push(named.length ? 'elsewhere in the world' : "on the vendor's worldwide network");
  return ` ${listing(named)}`;
}

function storagePhrase(entry: ServiceEntry): string {
  const cookies = entry.cookies.filter((c) => c.category !== 'necessary');
  const listed = cookies.length ? cookies : entry.cookies;
  const names = listed.slice(0, MAX_COOKIE_NAMES).map((c) => c.name);
  const more = listed.length > MAX_COOKIE_NAMES ? ` and ${listed.length - MAX_COOKIE_NAMES} more` : '';
  const longest = longestDuration(listed.map((c) => c.duration));
  return `store cookies on your device (${names.join(', ')}${more})${longest ? ` for up to ${longest}` : ''}`;
}

function consentSentence(entry: ServiceEntry): string {
  const data = dataForVisitor(entry.personal_data);
  const who = vendorLabel(entry);
  // Without documented cookies the sentence says only what is known: the browser contacts the vendor.
  const effect = entry.cookies.length
    ? `${entry.name} will ${storagePhrase(entry)}${data ? ` and send ${data} to ${who}${wherePhrase(entry)}` : ''}`
    : `your browser will contact ${who}${wherePhrase(entry)}${data ? `, which receives ${data}` : ''}`;
  return `We would like to use ${entry.name} to ${purposePhrase(entry.purposes)}. If you agree, ${effect}. You can change your mind at any time in our cookie settings.`;
}

function noticeSentence(entry: ServiceEntry): string {
  const who = vendorLabel(entry);
  const data = dataForVisitor(entry.personal_data);
  const how = entry.role === 'processor' ? `${who} processes ${data || 'this data'} on our behalf` : `${who} receives ${data || 'this data'} and uses it under its own privacy policy`;
  const restricted = restrictedFromEu(entry.locations);
  const usBound = restricted.includes('US') || restricted.includes('global');
  const safeguard = entry.transfers.dpf === 'certified' && usBound ? ', relying on the EU-US Data Privacy Framework for transfers to the United States' : entry.transfers.sccs === true && restricted.length && restricted[0] !== 'unknown' ? ', under the Standard Contractual Clauses for transfers outside the EEA' : '';
  return `We use ${entry.name} to ${purposePhrase(entry.purposes)}. This is needed to provide the service you ask for, so it does not depend on your consent. ${how}${wherePhrase(entry)}${safeguard}.`;
}

export function sampleText(entry: ServiceEntry): SampleText {
  return needsConsent(entry) ? { kind: 'consent-banner', text: consentSentence(entry) } : { kind: 'privacy-notice', text: noticeSentence(entry) };
}
