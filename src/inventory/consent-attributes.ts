// What to add to a script or iframe tag so each consent manager holds it back until the
// visitor accepts the category. Category names differ per manager (Cookiebot "statistics",
// OneTrust "C0002", CookieYes "advertisement"), so every manager maps all four categories.
import type { ConsentCategory, ServiceEntry } from '../catalogue/types.js';
import type { ConsentManager, Policy } from '../config/policy.js';

type Categories = Record<ConsentCategory, string>;

const COOKIEBOT: Categories = { necessary: 'necessary', functional: 'preferences', analytics: 'statistics', marketing: 'marketing' };
const ONETRUST: Categories = { necessary: 'C0001', functional: 'C0003', analytics: 'C0002', marketing: 'C0004' };
const COOKIEYES: Categories = { necessary: 'necessary', functional: 'functional', analytics: 'analytics', marketing: 'advertisement' };
const IUBENDA: Categories = { necessary: '1', functional: '3', analytics: '4', marketing: '5' };
const COMPLIANZ: Categories = { necessary: 'functional', functional: 'preferences', analytics: 'statistics', marketing: 'marketing' };
const OSANO: Categories = { necessary: 'ESSENTIAL', functional: 'PERSONALIZATION', analytics: 'ANALYTICS', marketing: 'MARKETING' };
const CONSENT_MODE: Omit<Categories, 'necessary'> = { functional: 'functionality_storage', analytics: 'analytics_storage', marketing: 'ad_storage, ad_user_data, ad_personalization' };

export const MANAGER_NAMES: Record<ConsentManager, string> = {
  cookiebot: 'Cookiebot',
  onetrust: 'OneTrust',
  usercentrics: 'Usercentrics',
  didomi: 'Didomi',
  klaro: 'Klaro',
  cookieyes: 'CookieYes',
  osano: 'Osano',
  iubenda: 'iubenda',
  complianz: 'Complianz',
  tarteaucitron: 'tarteaucitron',
  'google-consent-mode': 'Google Consent Mode',
  custom: 'custom gating',
};

const isGoogle = (entry: ServiceEntry): boolean => entry.id.startsWith('google-') || entry.id === 'youtube' || /^Google\b/.test(entry.vendor.name);

/** The markup change for one service under one manager; strictly necessary services run as they are. */
export function consentAttributes(manager: ConsentManager, entry: ServiceEntry, policy: Policy): string {
  const c = entry.consent_category;
  if (c === 'necessary') return 'none (runs without consent)';
  switch (manager) {
    case 'cookiebot':
      return `type="text/plain" data-cookieconsent="${COOKIEBOT[c]}"`;
    case 'onetrust':
      return `type="text/plain" class="optanon-category-${ONETRUST[c]}"`;
    case 'usercentrics':
      return `type="text/plain" data-usercentrics="${entry.name}"`;
    case 'didomi':
      return `type="didomi/javascript" data-vendor="c:${entry.id}" (the custom vendor id in your Didomi console)`;
    case 'klaro':
      return `type="text/plain" data-type="text/javascript" data-name="${entry.id}" (src moved to data-src)`;
    case 'cookieyes':
      return `type="text/plain" data-cookieyes="cookieyes-${COOKIEYES[c]}"`;
    case 'osano':
      return `classify it as ${OSANO[c]} in the Osano dashboard`;
    case 'iubenda':
      return `type="text/plain" class="_iub_cs_activate" data-iub-purposes="${IUBENDA[c]}"`;
    case 'complianz':
      return `type="text/plain" data-category="${COMPLIANZ[c]}"`;
    case 'tarteaucitron':
      return `a tarteaucitron job for ${entry.name} instead of the tag`;
    case 'google-consent-mode':
      return isGoogle(entry) ? `consent type ${CONSENT_MODE[c]}, default denied` : 'not covered by Consent Mode: gate it with a consent manager';
    case 'custom': {
      const attr = policy.consent.attributes[0];
      const cls = policy.consent.classes[0];
      if (attr) return `type="text/plain" ${attr}="${c}"`;
      if (cls) return `type="text/plain" class="${cls}${c}"`;
      return `your consent attributes for the ${c} category`;
    }
  }
}
