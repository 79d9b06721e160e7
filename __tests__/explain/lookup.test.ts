import { describe, it, expect } from 'vitest';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { lookupService, closestIds, compactKey } from '../../src/explain/lookup.js';

const matcher = defaultMatcher();
const find = (q: string): string => {
  const r = lookupService(q, matcher);
  return r.kind === 'found' ? `${r.entry.id} by ${r.via}` : r.kind;
};

describe('lookupService finds the entry a person means', () => {
  it.each([
    // by id, in any case
    ['segmetrics', 'segmetrics by id'],
    ['SegMetrics', 'segmetrics by id'],
    // by service name, vendor name, legal entity or alias; case, punctuation, accents and legal suffixes do not matter
    ['Mixpanel, Inc.', 'mixpanel by name'],
    ['mixpanel-inc', 'mixpanel by name'],
    ['help scout', 'help-scout by name'],
    ['HelpScout', 'help-scout by name'],
    ['Stripe Inc', 'stripe by name'],
    ['Sinch America, Inc.', 'mailgun by name'],
    ['Astrodon', 'loops by name'],
    ['Microsoft Azure', 'microsoft-azure by name'],
    ['Piwik PRO S.A.', 'piwik-pro by name'],
    ['Plausible Insights OU', 'plausible by name'],
    ['Sentry.io', 'sentry by name'],
    // by host, with or without a URL around it
    ['js.stripe.com', 'stripe by domain'],
    ['tracking.segmetrics.com', 'segmetrics by domain'],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-XXXX', 'google-tag-manager by domain'],
    // by package, in any ecosystem, with an optional ecosystem prefix
    ['@sentry/browser', 'sentry by package'],
    ['sentry-sdk', 'sentry by package'],
    ['sentry_sdk', 'sentry by package'],
    ['pypi:sentry-sdk', 'sentry by package'],
    ['com.stripe:stripe-java', 'stripe by package'],
    ['Stripe.net', 'stripe by package'],
    ['github.com/stripe/stripe-go/v76', 'stripe by package'],
  ])('%j → %s', (query, expected) => {
    expect(find(query)).toBe(expected);
  });

  it('a name several entries share is ambiguous, and the entries are listed', () => {
    const r = lookupService('Google', matcher);
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.via).toBe('name');
    expect(r.ids).toEqual(expect.arrayContaining(['google-analytics', 'google-fonts', 'google-tag-manager', 'youtube']));
    expect(r.ids).not.toContain('stripe');
  });

  it('a legal entity behind two services names both (Sentry and Codecov are Functional Software)', () => {
    const r = lookupService('Functional Software, Inc.', matcher);
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect([...r.ids].sort()).toEqual(['codecov', 'sentry']);
  });

  it.each([
    ['segmetric', 'segmetrics'],
    ['hotjr', 'hotjar'],
    ['Clerkk', 'clerk'],
  ])('an unknown %j suggests the closest ids, %s first', (query, first) => {
    const r = lookupService(query, matcher);
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') {
      expect(r.suggestions[0]).toBe(first);
      expect(r.suggestions).toHaveLength(3);
    }
  });
});

describe('helpers', () => {
  it('compactKey ignores case, accents, spaces and punctuation', () => {
    expect(compactKey('Plausible Insights OÜ')).toBe('plausibleinsightsou');
    expect(compactKey('Help-Scout')).toBe(compactKey('help scout'));
  });

  it('closestIds ranks prefixes before distant spellings', () => {
    const entries = [matcher.byId.get('segment')!, matcher.byId.get('segmetrics')!, matcher.byId.get('stripe')!];
    expect(closestIds('segmetr', entries, 2)).toEqual(['segmetrics', 'segment']);
  });
});
