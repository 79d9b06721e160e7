// Where a piece of evidence runs: in the visitor's browser (the cookie table and the consent
// map are about those), on the project's servers, or in its infrastructure configuration.
import type { Evidence } from '../model.js';
import { loadsInBrowser } from '../checks/consent-required.js';
import type { UsedIn } from './model.js';

// Stylesheets, fonts and preloads are fetched by the browser too, and can set cookies.
const FETCHED_BY_BROWSER = new Set(['link', 'css']);
const INFRA_FILE = /\.(tf|hcl)$/;

/** Code that runs in (or is fetched by) the browser: the services a cookie policy must name. */
export function runsInBrowser(ev: Evidence): boolean {
  return loadsInBrowser(ev) || FETCHED_BY_BROWSER.has(ev.kind);
}

export function usedIn(ev: Evidence): UsedIn {
  if (runsInBrowser(ev) || ev.kind === 'form' || ev.kind === 'csp') return 'website';
  if (ev.kind === 'infra' || INFRA_FILE.test(ev.path)) return 'infrastructure';
  return 'back end';
}

const USED_IN_ORDER: UsedIn[] = ['website', 'back end', 'infrastructure'];

export function placesUsed(evidence: Evidence[]): UsedIn[] {
  const seen = new Set(evidence.map(usedIn));
  return USED_IN_ORDER.filter((u) => seen.has(u));
}
