// buildPage: the consent, transfer, DPA and DPIA reasoning, one fact at a time.
import { describe, it, expect } from 'vitest';
import { buildPage } from '../../src/explain/page.js';
import type { ServiceEntry } from '../../src/catalogue/types.js';
import { entryWith, cookie } from './entry-builder.js';

const page = (entry: ServiceEntry, others: ServiceEntry[] = []) => buildPage(entry, new Map([entry, ...others].map((e) => [e.id, e])));

describe('consent', () => {
  it.each([
    ['marketing', 'yes', /advertising, attribution and cross-site tracking are not/],
    ['analytics', 'yes', /audience measurement, as a rule, is not/],
    ['functional', 'usually', /only when the visitor has asked for the feature itself/],
  ] as const)('a %s service: consent %s, with ePrivacy Art. 5(3) as the reason', (category, needed, reason) => {
    const p = page(entryWith({ consent_category: category, cookies: [cookie('_a', '1 year', category)] }));
    expect(p.consent.needed).toBe(needed);
    expect(p.consent.legalBasis[0]).toMatch(/^ePrivacy Directive Art\. 5\(3\)/);
    expect(p.consent.legalBasis[0]).toMatch(reason);
    expect(p.consent.legalBasis[1]).toMatch(/^GDPR Art\. 6\(1\)\(a\)/);
  });

  it('a necessary service needs no consent, but the page lists the rules that still apply', () => {
    const p = page(entryWith({ consent_category: 'necessary', purposes: ['payments'], locations: ['US'] }));
    expect(p.consent.needed).toBe('no');
    expect(p.consent.summary).toMatch(/stores nothing on the user's device/);
    expect(p.consent.legalBasis.join(' ')).toMatch(/Art\. 6\(1\).*Art\. 28.*Chapter V.*Art\. 30/);
  });

  it('a necessary service inside the EEA is not told to find a transfer safeguard', () => {
    const p = page(entryWith({ consent_category: 'necessary', locations: ['DE'] }));
    expect(p.consent.legalBasis.join(' ')).not.toMatch(/Chapter V/);
  });

  it('a necessary service with a non-essential cookie warns about that cookie', () => {
    const p = page(entryWith({ consent_category: 'necessary', cookies: [cookie('sid', 'session', 'necessary'), cookie('_stats', '1 year', 'analytics')] }));
    expect(p.consent.notes).toEqual(['Its _stats cookie is analytics: that cookie needs consent if you enable it.']);
    expect(p.cookies.map((c) => c.needsConsent)).toEqual([false, true]);
  });

  it('an analytics service without documented cookies says when legitimate interests may be argued', () => {
    const p = page(entryWith({ consent_category: 'analytics', cookies: [] }));
    expect(p.consent.notes.join(' ')).toMatch(/lists no cookies.*Art\. 6\(1\)\(f\)/);
  });

  it('a library\'s default telemetry is to be switched off first; the banner applies only where it runs in the browser', () => {
    const p = page(entryWith({ consent_category: 'analytics', opt_out: 'set LIB_TELEMETRY=0 in the environment.' }));
    expect(p.optOut).toBe('set LIB_TELEMETRY=0 in the environment.');
    expect(p.consent.needed).toBe('usually');
    expect(p.consent.summary).toMatch(/^Switch it off.*in the visitor's browser.*"analytics" category.*on your servers, no banner applies/);
    expect(p.consent.legalBasis.join(' ')).toMatch(/legitimate interests \(f\) at most.*Art\. 13\(1\)\(e\)/);
    expect(p.actions[0]).toBe('Switch it off unless you mean to share the data: set LIB_TELEMETRY=0 in the environment.');
    expect(p.actions.join(' ')).not.toMatch(/consent banner/);
  });
});

type Facts = Parameters<typeof entryWith>[0];

const TRANSFER_CASES: [Facts, string[], RegExp, string | undefined][] = [
    [{ locations: ['DE', 'IE'] }, [], /No restricted transfer: the data stays in the EEA\. No Chapter V safeguard/, undefined],
    [{ locations: ['EU', 'CH'] }, [], /or in Switzerland, which has an EU adequacy decision/, undefined],
    [{ locations: ['US'], transfers: { dpf: 'certified' } }, ['US'], /certified under the EU-US Data Privacy Framework/, 'dpf'],
    [{ locations: ['US', 'IN'], transfers: { sccs: true } }, ['US', 'IN'], /Standard Contractual Clauses \(Commission Decision \(EU\) 2021\/914\)/, 'sccs'],
    [{ locations: ['US'], transfers: { eu_data_residency: true } }, ['US'], /EU data residency is offered/, 'eu-hosted'],
    [{ locations: ['US'], transfers: { dpf: 'not-certified' } }, ['US'], /is not certified under the Data Privacy Framework and no confirmed Standard Contractual Clauses/, 'none'],
    [{ locations: ['unknown'] }, ['unknown'], /does not know where Acme Metrics, Inc\. processes the data/, undefined],
];

describe('where the data goes', () => {
  it.each(TRANSFER_CASES)('%j', (facts, restricted, mechanism, transfer) => {
    const p = page(entryWith(facts));
    expect(p.transfers.restricted).toEqual(restricted);
    expect(p.transfers.mechanism.join(' ')).toMatch(mechanism);
    if (transfer) expect(p.register).toMatch(new RegExp(`^    transfer: ${transfer}\\b`, 'm'));
    else expect(p.register).not.toMatch(/^ {4}transfer:/m);
  });

  it('the DPF is not offered as the safeguard for a transfer that does not reach the United States', () => {
    const p = page(entryWith({ locations: ['IN'], transfers: { dpf: 'certified' } }));
    expect(p.transfers.mechanism.join(' ')).not.toMatch(/Data Privacy Framework: transfers/);
    expect(p.register).toMatch(/transfer: none/);
  });
});

const DPA_CASES: [Facts, string, RegExp, string][] = [
    [{ role: 'processor' }, 'art-28-dpa', /A DPA under GDPR Art\. 28 is needed and Acme offers one: it is part of the terms of service/, 'dpa: signed'],
    [{ role: 'processor', dpa: { how: 'on-request' } }, 'art-28-dpa', /you ask the vendor for it and sign it/, 'dpa: signed'],
    [{ role: 'processor', dpa: { offered: false, url: undefined, how: undefined } }, 'art-28-dpa', /does not offer one: without it, do not send it personal data/, 'dpa: signed'],
    [{ role: 'processor', dpa: { offered: 'unknown', url: undefined, how: undefined } }, 'art-28-dpa', /could not confirm that Acme offers one/, 'dpa: signed'],
    [{ role: 'joint-controller' }, 'art-26-arrangement', /An arrangement under GDPR Art\. 26/, 'dpa: signed'],
    [{ role: 'controller' }, 'none', /No Art\. 28 DPA: Acme acts as a controller/, 'dpa: not-needed'],
];

describe('the DPA follows the vendor role', () => {
  it.each(DPA_CASES)('%j', (facts, needed, summary, register) => {
    const p = page(entryWith(facts));
    expect(p.dpa.needed).toBe(needed);
    expect(p.dpa.summary).toMatch(summary);
    expect(p.register).toContain(register);
  });
});

describe('DPIA advice', () => {
  it('gives the catalogue reason and what the assessment must cover when one is recommended', () => {
    const p = page(entryWith({ dpia_recommended: { value: true, reason: 'Profiles visitors across sites.' } }));
    expect(p.dpia.advice).toMatch(/^Recommended\. Reason: Profiles visitors across sites\. Carry it out before going live \(GDPR Art\. 35\)/);
    expect(p.actions).toContain('Carry out a DPIA before going live.');
  });

  it('says when to reassess when none is recommended', () => {
    const p = page(entryWith({ dpia_recommended: { value: false } }));
    expect(p.dpia.advice).toMatch(/^Not flagged for typical use\. Reassess .*Art\. 35\(3\)/);
    expect(p.actions.join(' ')).not.toMatch(/DPIA/);
  });
});

describe('alternatives', () => {
  it('names each alternative and says what makes it less risky', () => {
    const eu = entryWith({ id: 'eu-stats', name: 'EU Stats', vendor: { country: 'EE' }, locations: ['DE'], transfers: { eu_data_residency: true } });
    const nz = entryWith({ id: 'nz-stats', name: 'NZ Stats', vendor: { country: 'NZ' }, locations: ['US'], consent_category: 'necessary' });
    const p = page(entryWith({ consent_category: 'marketing', alternatives: ['eu-stats', 'nz-stats'] }), [eu, nz]);
    expect(p.alternatives).toEqual([
      { id: 'eu-stats', name: 'EU Stats', category: 'analytics', locations: ['DE'], why: ['vendor established in Estonia (EEA)', 'processes data in Germany', 'offers EU hosting', 'banner category: analytics'] },
      { id: 'nz-stats', name: 'NZ Stats', category: 'necessary', locations: ['US'], why: ['vendor in New Zealand, which has an EU adequacy decision', 'banner category: necessary'] },
    ]);
  });
});

describe('sample text', () => {
  it('a consent-banner sentence names the cookies, the longest duration, the data and where it goes', () => {
    const p = page(entryWith({ consent_category: 'marketing', purposes: ['advertising'], locations: ['US', 'global'], cookies: [cookie('_a', '30 minutes', 'marketing'), cookie('_b', '13 months', 'marketing'), cookie('_c', '1 year', 'marketing')] }));
    expect(p.sample).toEqual({
      kind: 'consent-banner',
      text: 'We would like to use Acme Metrics to show you ads and measure how they perform. If you agree, Acme Metrics will store cookies on your device (_a, _b, _c) for up to 13 months and send your IP address and an identifier for your browser and what you do on our website to Acme Metrics, Inc. in the United States and elsewhere in the world. You can change your mind at any time in our cookie settings.',
    });
  });

  it('shortens a long cookie list and leaves out a duration it cannot compare', () => {
    const cookies = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => cookie(n, n === 'h' ? 'persistent' : '1 day'));
    const p = page(entryWith({ cookies }));
    expect(p.sample.text).toContain('will store cookies on your device (a, b, c, d, e, f and 2 more) and send');
  });

  it('without documented cookies, says only that the browser contacts the vendor', () => {
    const p = page(entryWith({ consent_category: 'functional', purposes: ['fonts'], locations: ['US'] }));
    expect(p.sample.text).toContain('If you agree, your browser will contact Acme Metrics, Inc. in the United States, which receives your IP address');
  });

  it('a necessary service gets a privacy-notice sentence, with the safeguard it relies on', () => {
    const p = page(entryWith({ consent_category: 'necessary', purposes: ['payments'], personal_data: ['contact', 'payment'], transfers: { dpf: 'certified' } }));
    expect(p.sample).toEqual({
      kind: 'privacy-notice',
      text: 'We use Acme Metrics to process your payments. This is needed to provide the service you ask for, so it does not depend on your consent. Acme Metrics, Inc. processes your contact details and your payment details on our behalf in the United States, relying on the EU-US Data Privacy Framework for transfers to the United States.',
    });
  });
});

describe('what to do', () => {
  it('lists the steps in the order a reviewer takes them', () => {
    const p = page(entryWith({ consent_category: 'marketing', cookies: [cookie('_a', '1 year', 'marketing')], transfers: { sccs: true }, dpia_recommended: { value: true } }));
    expect(p.actions.map((a) => a.split(/[:,]/)[0])).toEqual([
      'Block it until the visitor accepts "marketing" in your consent banner',
      'Conclude the DPA',
      'Rely on the Standard Contractual Clauses for the transfer to the United States',
      'Carry out a DPIA before going live.',
      'List its cookie in your cookie policy with name',
      'Name Acme Metrics',
      'Record the outcome in .privacy-lint.yml (below) so that privacy-lint stops reporting it.',
    ]);
  });
});
