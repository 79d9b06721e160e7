import { defineCheck, at, label } from './define-check.js';
import { waitsForConsent, MANAGER_HINT } from './consent.js';
import type { Evidence } from '../model.js';

// Evidence that makes a browser load or run the service.
const LOADS = new Set(['script-src', 'inline-script', 'iframe', 'img']);
// SDK code runs in the browser only in front-end files.
const BROWSER_FILE = /\.(html?|xhtml|vue|svelte|astro|jsx|tsx|hbs|handlebars|ejs|erb|liquid|njk|twig|volt|php|jsp|cshtml|vbhtml|j2|jinja2?|mustache|haml|slim|pug|jade)$|(^|\/)(public|static|client|frontend|web|www|assets|components|pages|src\/app|app\/javascript|resources\/js|themes?|templates)\//;

export function loadsInBrowser(ev: Evidence): boolean {
  if (LOADS.has(ev.kind)) return true;
  return (ev.kind === 'code-snippet' || ev.kind === 'import') && BROWSER_FILE.test(ev.path);
}

export default defineCheck({
  id: 'consent-required',
  severity: 'error',
  description: 'An analytics or marketing service loads in the browser without waiting for consent.',
  check(ctx) {
    for (const s of ctx.services) {
      const entry = ctx.entry(s.id);
      if (entry.consent_category !== 'analytics' && entry.consent_category !== 'marketing') continue;
      const seenFiles = new Set<string>();
      for (const ev of ctx.effective(s.evidence)) {
        if (!loadsInBrowser(ev) || waitsForConsent(ev, entry, ctx.policy) || seenFiles.has(ev.path)) continue;
        seenFiles.add(ev.path);
        const managers = ctx.policy.consent.managers;
        const hint = managers.length
          ? managers.map((m) => MANAGER_HINT[m](entry.consent_category)).join(', or ')
          : `load it through your consent manager in the ${entry.consent_category} category (and name the manager under consent.manager in .privacy-lint.yml)`;
        ctx.report({
          ...at(ev),
          serviceId: s.id,
          message: `${label(entry)} is ${entry.consent_category === 'marketing' ? 'marketing tracking' : 'analytics'} and loads here without waiting for consent (ePrivacy Art. 5(3), GDPR Art. 6(1)(a)): ${hint}.`,
        });
      }
    }
  },
});
