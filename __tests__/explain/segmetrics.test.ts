// `explain segmetrics` against seed 004 (a consent-tool page about SegMetrics): the page must
// carry the seed's facts, checked here against values read from the seed by hand, and must say
// them in our own words.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import type { ExplainPage } from '../../src/explain/page.js';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const seed004 = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('004_'))!), 'utf8');

async function explain(...args: string[]): Promise<string> {
  let stdout = '';
  const code = await runCli(['explain', 'segmetrics', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: process.cwd(), env: {} });
  expect(code).toBe(0);
  return stdout;
}

// From the seed's cookie table and its paragraph on first- and third-party cookies.
const COOKIES: [name: string, party: string, duration: string][] = [
  ['sm_uid', 'first', '2 years'],
  ['sm_sid', 'first', '30 minutes'],
  ['sm_first', 'first', '2 years'],
  ['sm_last', 'first', '90 days'],
  ['sm_visitor', 'third', '2 years'],
];

describe('privacy-lint explain segmetrics', () => {
  it('text: the five sm_ cookies with party and duration, all marketing', async () => {
    const text = await explain();
    expect(text).toContain('Cookies (5)');
    for (const [name, party, duration] of COOKIES) expect(text).toMatch(new RegExp(`^ {2}${name} +${party} party, ${duration}, marketing$`, 'm'));
  });

  it('text: the domain the seed lists, its subdomains included', async () => {
    const text = await explain();
    const domains = text.slice(text.indexOf('Domains contacted'), text.indexOf('Personal data'));
    expect(domains).toContain('segmetrics.com');
    expect(domains).toContain('subdomains');
  });

  it('text: marketing category, prior consent under ePrivacy Art. 5(3) and GDPR Art. 6(1)(a)', async () => {
    const text = await explain();
    expect(text).toContain('Consent (banner category: marketing)');
    expect(text).toMatch(/Yes: load it only after the visitor accepts the "marketing" category/);
    expect(text).toContain('ePrivacy Directive Art. 5(3)');
    expect(text).toContain('GDPR Art. 6(1)(a)');
  });

  it('text: a US transfer that needs a safeguard, a DPIA and the EU-hosted alternatives', async () => {
    const text = await explain();
    expect(text).toMatch(/Processed in +United States/);
    expect(text).toMatch(/Restricted transfer \(GDPR Chapter V\) to the United States/);
    expect(text).toMatch(/DPIA\n-+\nRecommended\./);
    expect(text).toMatch(/- Matomo \(matomo\):[^]*?processes data in Germany and Ireland; offers EU hosting/);
    expect(text).toMatch(/- Piwik PRO \(piwik-pro\): vendor established in Poland \(EEA\);[^]*?offers EU hosting/);
  });

  it('text: a sample consent sentence built from those facts', async () => {
    const text = await explain();
    const sample = text.slice(text.indexOf('Sample consent-banner text'), text.indexOf('What to do')).replace(/\s+/g, ' ');
    expect(sample).toContain('sm_uid, sm_sid, sm_first, sm_last, sm_visitor');
    expect(sample).toContain('for up to 2 years');
    expect(sample).toContain('SegMetrics, Inc. in the United States');
    expect(sample).toContain('your contact details');
  });

  it('says it in its own words: no run of eight words of the seed page in the text explain writes', async () => {
    const page = JSON.parse(await explain('--format', 'json')) as ExplainPage;
    // What explain composes; the entry's own free text (description, cookie purposes, notes) is the catalogue's.
    const written = [page.consent.summary, ...page.consent.legalBasis, ...page.consent.notes, ...page.transfers.mechanism, page.dpa.summary, page.dpia.advice.replace(page.dpia.reason ?? '', ''), ...page.alternatives.flatMap((a) => a.why), page.sample.text, ...page.actions].join(' ');
    const words = (s: string): string[] => s.toLowerCase().replace(/[^a-z0-9_ ]+/g, ' ').split(/\s+/).filter(Boolean);
    const runs = (w: string[]): string[] => w.slice(0, Math.max(0, w.length - 7)).map((_, i) => w.slice(i, i + 8).join(' '));
    const seedRuns = new Set(runs(words(seed004)));
    expect(runs(words(written)).filter((r) => seedRuns.has(r))).toEqual([]);
    expect(page.sample.text).not.toBe(seed004.split('\n')[seed004.split('\n').indexOf('Sample consent text') + 1]);
  });

  it('markdown: a cookie table and the same sections', async () => {
    const md = await explain('--format', 'markdown');
    expect(md.startsWith('# SegMetrics (`segmetrics`)\n')).toBe(true);
    for (const [name, party, duration] of COOKIES) expect(md).toContain(`| \`${name}\` | ${party} | ${duration} | marketing |`);
    for (const section of ['## Consent', '## Where the data goes', '## Data processing agreement', '## DPIA', '## Alternatives', '## Sample consent-banner text', '## What to do', '## Sources']) expect(md).toContain(`\n${section}`);
  });

  it('json: the facts as data', async () => {
    const page = JSON.parse(await explain('--format', 'json')) as ExplainPage & { query: string; matchedBy: string };
    expect(page.matchedBy).toBe('id');
    expect(page.cookies.map((c) => [c.name, c.party, c.duration])).toEqual(COOKIES);
    expect(page.cookies.every((c) => c.category === 'marketing' && c.needsConsent)).toBe(true);
    expect(page.domains).toContain('segmetrics.com');
    expect(page.consent).toMatchObject({ category: 'marketing', needed: 'yes' });
    expect(page.transfers.restricted).toEqual(['US']);
    expect(page.dpia.recommended).toBe(true);
    expect(page.alternatives.map((a) => a.id)).toEqual(['matomo', 'piwik-pro']);
    expect(page.sample.kind).toBe('consent-banner');
    expect(page.dpa).toMatchObject({ needed: 'art-28-dpa', offered: true, url: 'https://segmetrics.io/dpa/' });
  });
});
