import { describe, it, expect } from 'vitest';
import { findingsFor, where, type Case } from '../helpers/check-tester.js';

const GA = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>';
const GA_COOKIEBOT = '<script type="text/plain" data-cookieconsent="statistics" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>';
const GA_ONETRUST = '<script type="text/plain" class="optanon-category-C0002" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>';
const STRIPE_JS = '<script src="https://js.stripe.com/v3/"></script>';
const SENTRY_PKG = JSON.stringify({ dependencies: { '@sentry/node': '8' } }, null, 2);
const OPENAI_PY = 'import openai\nclient = openai.OpenAI()\n';

interface Table {
  valid: Case[];
  invalid: (Case & { expect: string[] })[];
}

// Each rule: cases that must raise nothing, and cases that must raise exactly the listed findings.
const TABLES: Record<string, Table> = {
  'consent-required': {
    valid: [
      { files: { 'index.html': GA_COOKIEBOT } },
      { files: { 'index.html': GA_COOKIEBOT }, policy: 'consent: { manager: cookiebot }' },
      { files: { 'index.html': GA_ONETRUST }, policy: 'consent: { manager: [onetrust] }' },
      { files: { 'index.html': STRIPE_JS } },
      { files: { 'index.html': `<script>gtag('consent', 'default', {analytics_storage: 'denied'});</script>${GA}` }, policy: 'consent: { manager: google-consent-mode }' },
      { files: { 'src/analytics.js': "import posthog from 'posthog-js';\nif (window.Cookiebot.consent.statistics) posthog.init('k');\n" } },
      { files: { 'index.html': '<script type="text/plain" data-ok="1" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>' }, policy: 'consent: { manager: custom, attributes: [data-ok] }' },
      { files: { 'index.html': `<!-- privacy-lint-disable-next-line consent-required -- staff-only page -->\n${GA}` } },
    ],
    invalid: [
      { files: { 'index.html': GA }, expect: ['index.html:1 google-analytics'] },
      // Gated for OneTrust, but the site runs Cookiebot: the script would still run.
      { files: { 'index.html': GA_ONETRUST }, policy: 'consent: { manager: cookiebot }', expect: ['index.html:1 google-analytics'] },
      { files: { 'a.html': GA, 'b.html': `<p>\n${GA}` }, expect: ['a.html:1 google-analytics', 'b.html:2 google-analytics'] },
      { files: { 'index.html': '<img src="https://www.facebook.com/tr?id=1&ev=PageView">' }, expect: ['index.html:1 meta-pixel'] },
      { files: { 'src/components/Tracker.tsx': "import posthog from 'posthog-js';\nposthog.init('k');\n" }, expect: ['src/components/Tracker.tsx:1 posthog'] },
      { files: { 'index.html': `<!-- privacy-lint-disable-next-line dpa-missing -- other rule -->\n${GA}` }, expect: ['index.html:2 google-analytics'] },
    ],
  },
  'dpa-missing': {
    valid: [
      { files: { 'package.json': SENTRY_PKG }, policy: 'vendors: { sentry: { dpa: signed } }' },
      { files: { 'package.json': SENTRY_PKG }, policy: 'vendors: { "Functional Software, Inc.": { dpa: signed } }' },
      { files: { 'package.json': JSON.stringify({ devDependencies: { '@sentry/node': '8' } }) } },
      { files: { 'test/setup.py': OPENAI_PY } },
    ],
    invalid: [
      { files: { 'package.json': SENTRY_PKG }, expect: ['package.json:3 sentry'] },
      { files: { 'package.json': SENTRY_PKG }, policy: 'vendors: { sentry: { dpa: missing } }', expect: ['package.json:3 sentry'] },
      { files: { 'app.py': OPENAI_PY }, policy: 'vendors: { sentry: { dpa: signed } }', expect: ['app.py:1 openai'] },
      { files: { 'package.json': JSON.stringify({ devDependencies: { '@sentry/node': '8' } }) }, policy: 'include_dev: true', expect: ['package.json:1 sentry'] },
    ],
  },
  'transfer-safeguard-missing': {
    valid: [
      { files: { 'app.py': OPENAI_PY }, policy: 'vendors: { openai: { transfer: sccs } }' },
      { files: { 'app.py': OPENAI_PY }, policy: 'jurisdiction: us' },
      // An EU endpoint keeps the data in the EU.
      { files: { 'mail.py': 'URL = "https://api.eu.mailgun.net/v3/acme.io/messages"\n' } },
    ],
    invalid: [
      { files: { 'app.py': OPENAI_PY }, expect: ['app.py:1 openai'] },
      { files: { 'app.py': OPENAI_PY }, policy: 'vendors: { openai: { transfer: none } }', expect: ['app.py:1 openai'] },
      { files: { 'mail.py': 'URL = "https://api.mailgun.net/v3/acme.io/messages"\n' }, expect: ['mail.py:1 mailgun'] },
    ],
  },
  'subprocessor-undeclared': {
    valid: [
      { files: { 'package.json': SENTRY_PKG }, policy: 'subprocessors: { path: SUBPROCESSORS.md }', ...{} , },
      { files: { 'package.json': SENTRY_PKG, 'SUBPROCESSORS.md': '| Functional Software, Inc. (Sentry) | errors | US |\n' }, policy: 'subprocessors: { path: SUBPROCESSORS.md }' },
      // Google Analytics as a controller-role or analytics tool is not a subprocessor by the catalogue's role.
      { files: { 'index.html': '<script src="https://www.facebook.com/tr?id=1"></script>', 'SUBPROCESSORS.md': '' }, policy: 'subprocessors: { path: SUBPROCESSORS.md }' },
    ],
    invalid: [
      { files: { 'package.json': SENTRY_PKG, 'app.py': OPENAI_PY, 'SUBPROCESSORS.md': 'OpenAI, L.L.C. — AI features\n' }, policy: 'subprocessors: { path: SUBPROCESSORS.md }', expect: ['package.json:3 sentry'] },
    ],
  },
  'subprocessor-unused': {
    valid: [
      { files: { 'app.py': OPENAI_PY, 'SUBPROCESSORS.md': 'OpenAI, L.L.C.\n' }, policy: 'subprocessors: { path: SUBPROCESSORS.md }' },
      // The list names the company that publishes it: with its domain first party, that is not a vendor.
      { files: { 'app.py': OPENAI_PY, 'SUBPROCESSORS.md': 'Clerk.io engages these subprocessors:\nOpenAI, L.L.C.\n' }, policy: 'first_party: [clerk.io]\nsubprocessors: { path: SUBPROCESSORS.md }' },
    ],
    invalid: [{ files: { 'app.py': OPENAI_PY, 'SUBPROCESSORS.md': 'OpenAI, L.L.C.\nZendesk, Inc.\n' }, policy: 'subprocessors: { path: SUBPROCESSORS.md }', expect: ['SUBPROCESSORS.md:2 zendesk'] }],
  },
  'new-third-party': {
    valid: [
      { files: { 'app.py': OPENAI_PY }, base: { services: ['openai'] } },
      { files: { 'app.py': OPENAI_PY } },
    ],
    invalid: [
      { files: { 'app.py': OPENAI_PY }, base: { services: [] }, expect: ['app.py:1 openai'] },
      { files: { 'a.js': 'fetch("https://api.unknown-vendor.io/v1")' }, base: { services: [], hosts: [] }, expect: ['a.js:1 api.unknown-vendor.io'] },
    ],
  },
  'unclassified-third-party': {
    valid: [
      { files: { 'a.js': 'fetch("https://api.acme.io/v1")' }, policy: 'first_party: [acme.io]' },
      { files: { 'a.js': '// fetch("https://api.unknown-vendor.io/v1")' } },
      { files: { 'test/a.test.js': 'fetch("https://api.unknown-vendor.io/v1")' } },
      { files: { 'a.js': 'const ns = "http://www.w3.org/2000/svg";' } },
    ],
    invalid: [{ files: { 'a.js': '\nfetch("https://api.unknown-vendor.io/v1")\nfetch("https://api.unknown-vendor.io/v2")' }, expect: ['a.js:2 api.unknown-vendor.io'] }],
  },
  'denied-service': {
    valid: [{ files: { 'app.py': OPENAI_PY }, policy: 'vendors: { openai: { allowed: true } }' }],
    invalid: [
      { files: { 'app.py': OPENAI_PY }, policy: 'vendors: { openai: { allowed: false, note: use the EU provider } }', expect: ['app.py:1 openai'] },
      { files: { 'index.html': '<script src="https://mc.yandex.ru/metrika/tag.js"></script>' }, policy: 'deny_locations: [RU]', expect: ['index.html:1 yandex-metrica'] },
    ],
  },
  'telemetry-on-by-default': {
    valid: [
      { files: { 'requirements.txt': 'chromadb\n', '.env': 'ANONYMIZED_TELEMETRY=False\n' } },
      // Switched off, even where low-confidence evidence counts.
      { files: { 'requirements.txt': 'chromadb\n', '.env': 'ANONYMIZED_TELEMETRY=False\n' }, policy: 'min_confidence: low' },
      { files: { 'requirements.txt': 'requests\n' } },
    ],
    invalid: [{ files: { 'requirements.txt': 'flask\nchromadb\n', '.env.example': 'OPENAI_API_KEY=\n' }, expect: ['requirements.txt:2 chroma-telemetry'] }],
  },
  'dpia-recommended': {
    valid: [{ files: { 'index.html': STRIPE_JS } }],
    invalid: [{ files: { 'index.html': '<img src="https://www.facebook.com/tr?id=1">' }, expect: ['index.html:1 meta-pixel'] }],
  },
};

describe.each(Object.entries(TABLES))('%s', (ruleId, table) => {
  it.each(table.valid.map((c, i) => [i, c] as const))('valid case %i raises nothing', (_i, c) => {
    expect(where(findingsFor(c, ruleId).filter((f) => !f.suppressed))).toEqual([]);
  });
  it.each(table.invalid.map((c, i) => [i, c] as const))('invalid case %i raises exactly the expected findings', (_i, c) => {
    const fs = findingsFor(c, ruleId).filter((f) => !f.suppressed);
    expect(where(fs)).toEqual(c.expect);
    for (const f of fs) {
      expect(f.helpUri).toMatch(new RegExp(`/docs/rules/${ruleId}\\.md$`));
      expect(f.message.length).toBeGreaterThan(20);
    }
  });
});

describe('policy severities and suppressions', () => {
  it('a rule set to off raises nothing, and a severity override applies', () => {
    const c: Case = { files: { 'index.html': GA }, policy: 'rules: { consent-required: off, dpa-missing: warning }' };
    const fs = findingsFor(c);
    expect(fs.some((f) => f.ruleId === 'consent-required')).toBe(false);
    expect(fs.find((f) => f.ruleId === 'dpa-missing')!.severity).toBe('warning');
  });

  it('a suppressed finding is kept with its reason', () => {
    const fs = findingsFor({ files: { 'index.html': `<!-- privacy-lint-disable-next-line consent-required -- staff-only page -->\n${GA}` } }, 'consent-required');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.suppressed).toEqual({ reason: 'staff-only page' });
  });

  it('names what the vendor offers so the transfer fix is one line', () => {
    const [f] = findingsFor({ files: { 'app.py': OPENAI_PY } }, 'transfer-safeguard-missing');
    expect(f!.message).toMatch(/Standard Contractual Clauses/);
    expect(f!.message).toMatch(/vendors: openai: transfer/);
  });
});
