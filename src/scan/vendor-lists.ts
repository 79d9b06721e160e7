// A file whose code URLs name dozens of different catalogue vendors is a list of vendors (a
// tracker database, a catalogue like this project's own, an integrations registry), not a
// program that talks to them. Its URLs stay in the report, at low confidence, so they raise
// no finding unless the policy asks for low-confidence evidence.
import type { Evidence } from '../model.js';

/** Distinct vendors whose code URLs make a file a list of vendors. */
export const VENDOR_LIST_SIZE = 25;

/** Lowers the confidence of a vendor list's code URLs; returns whether the file is one. */
export function markVendorList(evidence: Evidence[], serviceOf: (ev: Evidence) => string | undefined): boolean {
  const services = new Set<string>();
  for (const ev of evidence) {
    if (ev.kind !== 'code-url' || !ev.host) continue;
    const id = serviceOf(ev);
    if (id) services.add(id);
  }
  if (services.size < VENDOR_LIST_SIZE) return false;
  for (const ev of evidence) if (ev.kind === 'code-url' && ev.host) ev.confidence = 'low';
  return true;
}
