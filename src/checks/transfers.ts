// Which processing locations need a transfer safeguard, seen from the policy's jurisdiction.
import type { ServiceEntry } from '../catalogue/types.js';
import type { Policy } from '../config/policy.js';

const EEA = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'EU', 'EEA'];
// Countries with an EU adequacy decision (the US only for DPF-certified companies, handled apart).
const EU_ADEQUATE = ['AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'UY', 'GB'];

export function adequateFor(jurisdiction: Policy['jurisdiction']): Set<string> | null {
  if (jurisdiction === 'us' || jurisdiction === 'global') return null;
  return new Set([...EEA, ...EU_ADEQUATE]);
}

/** Locations outside the jurisdiction's adequate area, or ['unknown'] when the catalogue cannot say. */
export function restrictedLocations(entry: ServiceEntry, policy: Policy): string[] {
  const adequate = adequateFor(policy.jurisdiction);
  if (!adequate) return [];
  if (entry.locations.length === 0 || entry.locations.includes('unknown')) return ['unknown'];
  return entry.locations.filter((l) => !adequate.has(l));
}

export function offers(entry: ServiceEntry): string[] {
  const out: string[] = [];
  if (entry.transfers.dpf === 'certified') out.push('is certified under the EU-US Data Privacy Framework (transfer: dpf)');
  if (entry.transfers.sccs === true) out.push('includes Standard Contractual Clauses in its DPA (transfer: sccs)');
  if (entry.transfers.eu_data_residency === true) out.push('offers EU data residency (use its EU endpoint or region, then transfer: eu-hosted)');
  return out;
}
