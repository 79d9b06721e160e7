// Unclassified hosts carry who third-party-web says they belong to: a hint for the reviewer.
import { describe, it, expect } from 'vitest';
import { KnownEntityIndex, knownEntity } from '../../src/catalogue/known-entities.js';
import { attribute } from '../../src/catalogue/attribute.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { runChecks } from '../../src/checks/run.js';
import { DEFAULT_POLICY } from '../../src/config/policy.js';
import type { Evidence } from '../../src/model.js';
import { hostsTable } from '../../src/report/markdown-blocks.js';

const index = new KnownEntityIndex({
  entities: [
    { name: 'Ads Co', category: 'ad', categoryTitle: 'Advertising' },
    { name: 'Ads Co Static', company: 'Ads Co', category: 'cdn', categoryTitle: 'CDN' },
    { name: 'Exact Only', category: 'utility', categoryTitle: 'Developer Utilities' },
  ],
  domains: [
    ['*.ads.example', 0],
    ['*.static.ads.example', 1],
    ['api.exact.example', 2],
  ],
});

describe('KnownEntityIndex', () => {
  it.each([
    ['ads.example', 'Ads Co'],
    ['px.ads.example', 'Ads Co'],
    ['a.b.ads.example', 'Ads Co'],
    ['cdn.static.ads.example', 'Ads Co Static'],
    ['static.ads.example', 'Ads Co Static'],
    ['PX.Ads.Example.', 'Ads Co'],
    ['api.exact.example', 'Exact Only'],
    ['v2.api.exact.example', undefined],
    ['exact.example', undefined],
    ['notads.example', undefined],
    ['example', undefined],
  ])('%s → %s', (host, name) => {
    expect(index.lookup(host)?.name).toBe(name);
  });

  it('knows real third-party-web entities', () => {
    expect(knownEntity('ads.juicyads.com')).toMatchObject({ name: 'JuicyAds', category: 'ad' });
    expect(knownEntity('no-such-host.invalid')).toBeUndefined();
  });
});

const ev = (host: string): Evidence => ({ kind: 'script-src', path: 'index.html', line: 3, column: 5, match: `https://${host}/tag.js`, confidence: 'high', host });

describe('unclassified hosts with a third-party-web hint', () => {
  const matcher = defaultMatcher();
  const { services, unclassified } = attribute([ev('ads.juicyads.com'), ev('api.nobody-knows.io'), ev('static.hotjar.com')], matcher, { firstParty: [] });

  it('the hint goes on hosts no entry knows, never on catalogue services', () => {
    expect(services.map((s) => s.id)).toEqual(['hotjar']);
    expect(unclassified.map((u) => [u.host, u.knownAs?.name])).toEqual([
      ['ads.juicyads.com', 'JuicyAds'],
      ['api.nobody-knows.io', undefined],
    ]);
  });

  it('the finding names the entity and, for advertising, says consent is usually needed', () => {
    const findings = runChecks({ services, unclassified, policy: structuredClone(DEFAULT_POLICY), matcher }).filter((f) => f.ruleId === 'unclassified-third-party');
    const byHost = new Map(findings.map((f) => [f.host, f.message]));
    expect(byHost.get('ads.juicyads.com')).toMatch(/third-party-web dataset lists it under JuicyAds.*Advertising: services of that kind usually need consent/);
    expect(byHost.get('api.nobody-knows.io')).not.toMatch(/third-party-web/);
  });
});

describe('the hosts table in the summary', () => {
  const row = (host: string, knownAs?: { name: string; company?: string; category: string; categoryTitle: string }) => ({ host, knownAs, isNew: false, first: ev(host), places: 1 });

  it('has a third-party-web column only when some host is known to it', () => {
    expect(hostsTable([row('api.nobody-knows.io')], { pathPrefix: '' }, { showNew: false }).split('\n')[0]).toBe('| Host | Seen at |');
    const table = hostsTable([row('api.nobody-knows.io'), row('x.ads.io', { name: 'Ads [Co]', company: 'Parent', category: 'ad', categoryTitle: 'Advertising' })], { pathPrefix: '' }, { showNew: false }).split('\n');
    expect(table[0]).toBe('| Host | third-party-web says | Seen at |');
    // the name comes from a dataset: escaped as any other text
    expect(table[3]).toContain('| Ads \\[Co\\] (Parent), Advertising |');
    expect(table[2]).toMatch(/^\| `api\.nobody-knows\.io` \|  \| /);
  });
});
