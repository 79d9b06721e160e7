// Which catalogue entry one piece of evidence names: what the scan asks of each file, on any
// thread. Kept apart from attribution (attribute.ts) so that the scan worker's bundle carries
// the matcher alone, not the known-entities table and the rest of attribution.
import type { Evidence } from '../model.js';
import type { Matcher } from './matcher.js';

// Cloud platforms whose region is set in code or config next to the call rather than in the host.
export const CLOUD_IDS = new Set(['aws', 'google-cloud', 'microsoft-azure', 'amazon-ses', 'amazon-bedrock']);

export function serviceFor(ev: Evidence, matcher: Matcher): string | undefined {
  if (ev.serviceHint) return matcher.byId.has(ev.serviceHint) ? ev.serviceHint : undefined;
  if (ev.host) return matcher.matchHost(ev.host, ev.urlPath ?? '/');
  if (ev.kind === 'dependency' && ev.ecosystem && ev.package) return matcher.matchPackage(ev.ecosystem, ev.package);
  if (ev.kind === 'import' && ev.ecosystem && ev.package) return matcher.matchImport(ev.ecosystem, ev.package);
  return undefined;
}

/** Evidence of a cloud platform whose region only the rest of its file can tell (see attribute). */
export function wantsFileRegion(ev: Evidence, matcher: Matcher): boolean {
  if (ev.region) return false;
  const id = serviceFor(ev, matcher);
  return id !== undefined && CLOUD_IDS.has(id);
}
