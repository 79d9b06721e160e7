// Where a service processes this project's data, most specific source first: the region the
// code pins (a regional endpoint, a Terraform region), then what the register implies (an
// EU-hosted setup, a DPF transfer to the US), then the catalogue's facts about the vendor.
import type { Evidence } from '../model.js';
import type { ServiceEntry } from '../catalogue/types.js';
import type { VendorRecord, Policy } from '../config/policy.js';
import { adequateFor } from '../checks/transfers.js';
import type { Location } from './model.js';

// A fixed table, not Intl.DisplayNames: ICU renames countries between Node versions, and a
// committed document must not change when the runtime does.
const COUNTRY: Record<string, string> = {
  AD: 'Andorra', AR: 'Argentina', AT: 'Austria', AU: 'Australia', BE: 'Belgium', BG: 'Bulgaria', BR: 'Brazil',
  CA: 'Canada', CH: 'Switzerland', CN: 'China', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany', DK: 'Denmark',
  EE: 'Estonia', ES: 'Spain', FI: 'Finland', FO: 'Faroe Islands', FR: 'France', GB: 'United Kingdom', GG: 'Guernsey',
  GR: 'Greece', HK: 'Hong Kong', HR: 'Croatia', HU: 'Hungary', IE: 'Ireland', IL: 'Israel', IM: 'Isle of Man',
  IN: 'India', IS: 'Iceland', IT: 'Italy', JE: 'Jersey', JP: 'Japan', KR: 'South Korea', LI: 'Liechtenstein',
  LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MT: 'Malta', MX: 'Mexico', NL: 'Netherlands', NO: 'Norway',
  NZ: 'New Zealand', PL: 'Poland', PT: 'Portugal', RO: 'Romania', RU: 'Russia', SE: 'Sweden', SG: 'Singapore',
  SI: 'Slovenia', SK: 'Slovakia', TW: 'Taiwan', US: 'United States', UY: 'Uruguay', ZA: 'South Africa',
  EU: 'EU', EEA: 'EEA',
};

// Regions as evidence carries them: 'eu', 'us', a country code, or a cloud region prefix.
const REGION: Record<string, string> = {
  eu: 'EU', us: 'US', ap: 'Asia Pacific', asia: 'Asia', australia: 'AU', ca: 'CA', sa: 'South America',
  southamerica: 'South America', northamerica: 'North America', me: 'Middle East', af: 'Africa', il: 'IL', mx: 'MX',
};

export function placeName(code: string): string {
  return COUNTRY[code] ?? code;
}

/** A region from evidence as a catalogue-style code ('US', 'EU', 'GB') or a plain name; undefined when it says nothing. */
export function regionCode(region: string): string | undefined {
  if (region === 'other') return undefined;
  if (/^[A-Z]{2}$/.test(region)) return region;
  return REGION[region.toLowerCase()];
}

function uniqueInOrder(xs: string[]): string[] {
  return [...new Set(xs)];
}

function render(places: string[], qualifier: string | undefined): string {
  const names = places.map(placeName).join(', ');
  return qualifier ? `${names} (${qualifier})` : names;
}

/** Codes (or names) of the places, and how sure the documents may be about them. */
export function processingLocation(entry: ServiceEntry, evidence: Evidence[], record: VendorRecord | undefined): Location {
  const make = (codes: string[], source: Location['source'], qualifier?: string): Location => ({
    codes,
    places: codes.map(placeName),
    ...(qualifier ? { qualifier } : {}),
    source,
    text: render(codes, qualifier),
  });
  if (record?.transfer === 'eu-hosted') return make(['EU'], 'register');
  const pinned = uniqueInOrder(evidence.map((e) => (e.region ? regionCode(e.region) : undefined)).filter((r): r is string => r !== undefined)).sort(byPlace);
  if (pinned.length) return make(pinned, 'code');
  // The Data Privacy Framework only covers transfers to the United States.
  if (record?.transfer === 'dpf') return make(['US'], 'register');
  const named = entry.locations.filter((l) => l !== 'global' && l !== 'unknown');
  const global = entry.locations.includes('global');
  if (named.length) return make(named, 'catalogue', global ? 'global network' : undefined);
  const home = entry.vendor.country !== 'unknown' ? [entry.vendor.country] : [];
  if (global) return home.length ? make(home, 'catalogue', 'global network') : make(['Global'], 'catalogue');
  return home.length ? make(home, 'catalogue', "vendor's country; processing locations not published") : make(['Not published'], 'catalogue');
}

function byPlace(a: string, b: string): number {
  return placeName(a) < placeName(b) ? -1 : placeName(a) > placeName(b) ? 1 : 0;
}

/** True when every place is inside the jurisdiction's adequate area (no transfer safeguard needed). */
export function staysInAdequateArea(location: Location, policy: Policy): boolean {
  const adequate = adequateFor(policy.jurisdiction);
  if (!adequate || location.qualifier) return false;
  return location.codes.length > 0 && location.codes.every((c) => adequate.has(c));
}
