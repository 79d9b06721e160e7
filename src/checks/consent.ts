// Whether a piece of browser evidence waits for consent, per consent manager.
import type { Evidence } from '../model.js';
import type { Policy, ConsentManager } from '../config/policy.js';
import type { ServiceEntry } from '../catalogue/types.js';

type Attrs = Record<string, string>;
const has = (a: Attrs, k: string): boolean => a[k] !== undefined;

const BY_MANAGER: Record<Exclude<ConsentManager, 'custom' | 'google-consent-mode'>, (a: Attrs) => boolean> = {
  cookiebot: (a) => has(a, 'data-cookieconsent') || has(a, 'data-cookieblock-src'),
  onetrust: (a) => /\boptanon-category-/.test(a.class ?? ''),
  usercentrics: (a) => has(a, 'data-usercentrics'),
  didomi: (a) => has(a, 'data-vendor') || /didomi/i.test(a.type ?? ''),
  klaro: (a) => has(a, 'data-name'),
  cookieyes: (a) => has(a, 'data-cookieyes') || /\bcookieyes-/.test(a.class ?? ''),
  osano: (a) => Object.keys(a).some((k) => k.startsWith('data-osano')),
  iubenda: (a) => /\b_iub_cs_activate/.test(a.class ?? ''),
  complianz: (a) => has(a, 'data-category') || has(a, 'data-service') || /\bcmplz-/.test(a.class ?? ''),
  tarteaucitron: (a) => /tarteaucitron/i.test(a['consent-check'] ?? '') || has(a, 'data-tarteaucitron'),
};

export const MANAGER_HINT: Record<ConsentManager, (category: string) => string> = {
  cookiebot: (c) => `add type="text/plain" data-cookieconsent="${c === 'analytics' ? 'statistics' : c}" to the tag`,
  onetrust: (c) => `add type="text/plain" class="optanon-category-${c === 'analytics' ? 'C0002' : 'C0004'}" to the tag`,
  usercentrics: () => 'add type="text/plain" data-usercentrics="<service name>" to the tag',
  didomi: () => 'add type="didomi/javascript" data-vendor="<vendor id>" to the tag',
  klaro: () => 'add type="text/plain" data-type="text/javascript" data-name="<service>" to the tag (data-src for the URL)',
  cookieyes: (c) => `add type="text/plain" data-cookieyes="cookieyes-${c}" to the tag`,
  osano: () => 'load it through Osano\'s script blocking (data-osano category) instead of directly',
  iubenda: (c) => `add type="text/plain" class="_iub_cs_activate" data-iub-purposes="${c === 'analytics' ? 4 : 5}" to the tag`,
  complianz: (c) => `add type="text/plain" data-category="${c === 'analytics' ? 'statistics' : c}" to the tag`,
  tarteaucitron: () => 'declare it as a tarteaucitron job instead of loading it directly',
  'google-consent-mode': () => "set gtag('consent', 'default', {analytics_storage: 'denied', ad_storage: 'denied'}) before the tag",
  custom: () => 'gate it with your consent attributes (see consent.attributes in .privacy-lint.yml)',
};

const EXECUTABLE = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;
/** The browser will not run or load it as written: a non-script type, or the address parked in data-src. */
const heldBack = (a: Attrs): boolean => (a.type !== undefined && !EXECUTABLE.test(a.type.trim())) || has(a, 'data-src');

const isGoogle = (entry: ServiceEntry): boolean => entry.id.startsWith('google-') || entry.id === 'youtube' || /^Google\b/.test(entry.vendor.name);

export function waitsForConsent(ev: Evidence, entry: ServiceEntry, policy: Policy): boolean {
  const a = ev.consentAttributes ?? {};
  // Code that checks the consent manager's API before loading the service.
  if (a['consent-check']) return true;
  const managers = policy.consent.managers;
  if (managers.includes('google-consent-mode') && a['consent-mode'] === 'default-denied' && isGoogle(entry)) return true;
  if (managers.includes('custom') && heldBack(a)) {
    if (policy.consent.attributes.some((k) => has(a, k)) || policy.consent.classes.some((c) => (a.class ?? '').split(/\s+/).some((cls) => cls.startsWith(c)))) return true;
  }
  if (!ev.gated) return false;
  if (managers.length === 0) return true;
  return managers.some((m) => m !== 'google-consent-mode' && m !== 'custom' && BY_MANAGER[m](a));
}
