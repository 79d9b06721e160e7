import { extractFile } from '../../src/pipeline.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { attribute } from '../../src/catalogue/attribute.js';
import type { Evidence } from '../../src/model.js';

/** Evidence from one in-memory file, with the real catalogue's detectors. */
export function evidenceOf(path: string, text: string): Evidence[] {
  return extractFile(path, text, defaultMatcher()).evidence;
}

/** Service ids attributed from one in-memory file. */
export function servicesOf(path: string, text: string, firstParty: string[] = []): string[] {
  return attribute(evidenceOf(path, text), defaultMatcher(), { firstParty }).services.map((s) => s.id);
}

/** Unclassified hosts from one in-memory file. */
export function unclassifiedOf(path: string, text: string): string[] {
  return attribute(evidenceOf(path, text), defaultMatcher(), { firstParty: [] }).unclassified.map((u) => u.host);
}
