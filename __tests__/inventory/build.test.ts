// Which services reach which document, and what each row says.
import { describe, it, expect } from 'vitest';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { buildInventory, vendorLabel } from '../../src/inventory/build.js';
import { inventoryInput } from '../../src/inventory/input.js';
import type { EvidenceKind } from '../../src/model.js';
import { inventoryFrom, hit, ev, policy } from './helpers.js';

const entry = (id: string) => defaultMatcher().byId.get(id)!;

describe('which services each document lists', () => {
  it('leaves out services whose evidence is all in tests or dev dependencies', () => {
    const devOnly = [ev({ path: 'tests/test_api.py', dev: true }), ev({ kind: 'dependency', path: 'package.json', dev: true })];
    const inv = inventoryFrom([hit('mixpanel', devOnly), hit('sentry')]);
    expect(inv.subprocessors.map((s) => s.id)).toEqual(['sentry']);
    expect(inv.ropa.map((r) => r.serviceId)).toEqual(['sentry']);
  });

  it('lists a dev-only service when the policy counts dev evidence (include_dev), as the checks do', () => {
    const inv = inventoryFrom([hit('mixpanel', [ev({ dev: true })])], policy({ include_dev: true }));
    expect(inv.subprocessors.map((s) => s.id)).toEqual(['mixpanel']);
  });

  it('leaves out a service seen only below min_confidence (an environment variable name)', () => {
    const envOnly = [ev({ kind: 'env', path: '.env.example', confidence: 'low' })];
    expect(inventoryFrom([hit('mailgun', envOnly)]).subprocessors).toEqual([]);
    expect(inventoryFrom([hit('mailgun', envOnly)], policy({ min_confidence: 'low' })).subprocessors.map((s) => s.id)).toEqual(['mailgun']);
  });

  it('keeps independent controllers off the subprocessor list but in the record of processing', () => {
    const inv = inventoryFrom([hit('youtube', [ev({ kind: 'iframe', path: 'index.html' })]), hit('stripe')]);
    expect(inv.subprocessors.map((s) => s.id)).toEqual(['stripe']);
    expect(inv.ropa.map((r) => [r.serviceId, r.role])).toEqual([['stripe', 'processor'], ['youtube', 'controller']]);
  });

  it('leaves out services the catalogue says process no personal data', () => {
    const stripe = entry('stripe');
    const input = { ...inventoryInput([hit('stripe')], policy(), defaultMatcher()), entry: () => ({ ...stripe, personal_data: ['none'] }) };
    const inv = buildInventory(input);
    expect(inv.subprocessors).toEqual([]);
    expect(inv.ropa).toEqual([]);
  });
});

describe('the cookie table and consent map list only code that runs in the browser', () => {
  it.each<[EvidenceKind, string, boolean]>([
    ['script-src', 'index.html', true],
    ['inline-script', 'templates/base.html', true],
    ['iframe', 'index.html', true],
    ['img', 'index.html', true],
    ['link', 'index.html', true],
    ['css', 'styles/site.css', true],
    ['code-snippet', 'src/components/Checkout.tsx', true],
    ['import', 'web/checkout.jsx', true],
    ['code-snippet', 'server/payments.py', false],
    ['import', 'server/index.js', false],
    ['code-url', 'server/index.js', false],
    ['dependency', 'package.json', false],
    ['form', 'index.html', false],
    ['csp', 'netlify.toml', false],
    ['infra', 'main.tf', false],
  ])('%s in %s → %s', (kind, path, inBrowser) => {
    const inv = inventoryFrom([hit('stripe', [ev({ kind, path })])]);
    expect(inv.cookies.map((c) => c.name).sort()).toEqual(inBrowser ? ['__stripe_mid', '__stripe_sid', 'm'] : []);
    expect(inv.consent.rows.map((r) => r.serviceId)).toEqual(inBrowser ? ['stripe'] : []);
  });

  it('names browser services the catalogue knows no cookies for, instead of dropping them silently', () => {
    const inv = inventoryFrom([hit('plausible', [ev({ kind: 'script-src', path: 'index.html' })])]);
    expect(inv.cookies).toEqual([]);
    expect(inv.browserServicesWithoutCookieFacts).toEqual([{ id: 'plausible', name: 'Plausible Analytics' }]);
  });

  it('says which files load a tag without waiting for consent', () => {
    const gated = { gated: true, consentAttributes: { type: 'text/plain', 'data-cookieconsent': 'statistics' } };
    const inv = inventoryFrom(
      [hit('hotjar', [ev({ kind: 'script-src', path: 'a.html', ...gated }), ev({ kind: 'script-src', path: 'b.html' }), ev({ kind: 'inline-script', path: 'c.html', ...gated })])],
      policy({ consent: { managers: ['cookiebot'], attributes: [], classes: [] } }),
    );
    expect(inv.consent.rows[0]).toMatchObject({ loadedIn: ['a.html', 'b.html', 'c.html'], waitsForConsent: 'partly', notWaitingIn: ['b.html'], attributes: { cookiebot: 'type="text/plain" data-cookieconsent="statistics"' } });
  });

  it.each([
    ['onetrust', 'marketing', 'meta-pixel', 'type="text/plain" class="optanon-category-C0004"'],
    ['onetrust', 'functional', 'crisp', 'type="text/plain" class="optanon-category-C0003"'],
    ['cookieyes', 'marketing', 'meta-pixel', 'type="text/plain" data-cookieyes="cookieyes-advertisement"'],
    ['iubenda', 'analytics', 'hotjar', 'type="text/plain" class="_iub_cs_activate" data-iub-purposes="4"'],
    ['complianz', 'analytics', 'hotjar', 'type="text/plain" data-category="statistics"'],
    ['usercentrics', 'analytics', 'hotjar', 'type="text/plain" data-usercentrics="Hotjar"'],
    ['google-consent-mode', 'analytics', 'google-analytics', 'consent type analytics_storage, default denied'],
    ['google-consent-mode', 'analytics', 'hotjar', 'not covered by Consent Mode: gate it with a consent manager'],
    ['cookiebot', 'necessary', 'stripe', 'none (runs without consent)'],
  ] as const)('%s puts a %s service (%s) behind: %s', (manager, _category, id, attributes) => {
    const inv = inventoryFrom([hit(id, [ev({ kind: 'script-src', path: 'index.html' })])], policy({ consent: { managers: [manager], attributes: [], classes: [] } }));
    expect(inv.consent.rows[0]!.category).toBe(_category);
    expect(inv.consent.rows[0]!.attributes[manager]).toBe(attributes);
  });
});

describe('what a subprocessor row says', () => {
  it.each([
    ['aws', 'Amazon Web Services EMEA SARL'],
    ['sentry', 'Functional Software, Inc. (Sentry)'],
    ['openai', 'OpenAI Ireland Limited (OpenAI API)'],
    ['help-scout', 'Help Scout PBC'],
    ['singlestore', 'SingleStore, Inc.'],
    ['google-analytics', 'Google LLC (Google Analytics)'],
  ])('%s is named %s', (id, label) => {
    expect(vendorLabel(entry(id))).toBe(label);
  });

  it('describes the purpose from the catalogue and where the code uses the service', () => {
    const inv = inventoryFrom([hit('sentry', [ev({ kind: 'script-src', path: 'index.html' }), ev({ kind: 'import', path: 'app/main.py' })])]);
    expect(inv.subprocessors[0]!.purpose).toBe('Error monitoring, performance monitoring and logging and session replay; used in the website and the back end');
  });

  it.each([
    ['the register’s mechanism', 'sentry', { sentry: { transfer: 'sccs' as const } }, 'eu' as const, 'Standard Contractual Clauses'],
    ['nothing needed inside the EU', 'plausible', {}, 'eu' as const, 'Not needed (adequate location)'],
    ['what the vendor offers when the register is silent', 'stripe', {}, 'eu' as const, 'Not recorded (vendor offers DPF and SCCs)'],
    ['not applicable for a US project', 'stripe', {}, 'us' as const, 'Not applicable'],
  ])('transfer mechanism: %s', (_what, id, vendors, jurisdiction, text) => {
    expect(inventoryFrom([hit(id)], policy({ vendors, jurisdiction })).subprocessors[0]!.transfer).toBe(text);
  });

  it.each([
    [{ dpa: 'signed' as const, date: '2026-02-01' }, 'Signed (2026-02-01)'],
    [{ dpa: 'missing' as const }, 'Missing'],
    [{}, 'Not recorded (offered, part of terms)'],
  ])('DPA status in the record of processing: %j → %s', (record, text) => {
    expect(inventoryFrom([hit('stripe')], policy({ vendors: { stripe: record } })).ropa[0]!.dpa).toBe(text);
  });
});
