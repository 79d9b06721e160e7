// Phrases both explain renderers (text and Markdown) print the same way.
import type { ExplainPage } from './page.js';

export function tristate(value: boolean | 'unknown', yes: string, no: string): string {
  return value === true ? yes : value === false ? no : 'not confirmed';
}

export function tristateDpf(dpf: ExplainPage['transfers']['dpf']): string {
  return dpf === 'certified' ? 'certified (EU-US Data Privacy Framework)' : dpf === 'not-certified' ? 'not certified' : 'not confirmed';
}

export function domainsLine(page: ExplainPage): string {
  if (page.domains.length === 0) return 'None listed: it is used from the server side or recognised by its packages.';
  return `${page.domains.join(', ')} (each with its subdomains)`;
}

/** "npm packages (stripe, @stripe/*), 4 code snippets": how the scanner finds it besides domains. */
export function detectionLine(page: ExplainPage): string {
  const parts = page.detection.packages.map((p) => `${p.ecosystem} ${p.names.length === 1 ? 'package' : 'packages'} (${p.names.slice(0, 4).join(', ')}${p.names.length > 4 ? ', …' : ''})`);
  if (page.detection.snippets) parts.push(`${page.detection.snippets} code ${page.detection.snippets === 1 ? 'pattern' : 'patterns'}`);
  return parts.join(', ');
}

export function sampleHeading(page: ExplainPage): string {
  return page.sample.kind === 'consent-banner' ? 'Sample consent-banner text' : 'Sample privacy-notice text (no banner choice needed)';
}

/** "Stripe, Inc., United States — 354 Oyster Point Blvd, …", saying what the catalogue does not know. */
export function vendorLine(page: ExplainPage): string {
  const { name, legalEntity, country, countryName, address } = page.vendor;
  const missing = [legalEntity === 'unknown' && 'legal entity', country === 'unknown' && 'country'].filter(Boolean);
  const who = legalEntity !== 'unknown' ? legalEntity : name;
  const where = country !== 'unknown' ? `, ${countryName}` : '';
  return `${who}${where}${missing.length ? ` (${missing.join(' and ')} not documented)` : ''}${address ? ` — ${address}` : ''}`;
}
