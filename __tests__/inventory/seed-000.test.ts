// Seed 000 is SegMetrics' published subprocessor list. The fixture repository
// inventory-segmetrics uses the same ten services; the list generated from it must name the
// same vendors, in the same two sections, under the functions and in the locations the
// seed gives. Every expectation below is transcribed from the seed page by hand.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventoryOf, FIXTURES } from './helpers.js';
import { renderDocument } from '../../src/inventory/render/index.js';
import type { Inventory } from '../../src/inventory/model.js';

// Seed row → [catalogue id, section, function group, location as the seed states it (the country)].
const SEED_000: [string, string, 'customer-data' | 'account-data', string, string][] = [
  // A. Subprocessors that may process Customer Personal Data
  ['DigitalOcean, LLC — Primary application hosting and compute', 'digitalocean', 'customer-data', 'Infrastructure and hosting', 'United States'],
  ['Amazon Web Services, Inc. — managed database infrastructure; object storage (S3)', 'aws', 'customer-data', 'Infrastructure and hosting', 'United States'],
  ['SingleStore, Inc. — Managed analytics database', 'singlestore', 'customer-data', 'Infrastructure and hosting', 'United States'],
  ['Cloudflare, Inc. — CDN, DDoS protection, WAF', 'cloudflare', 'customer-data', 'Infrastructure and hosting', 'United States'],
  ['Functional Software, Inc. (Sentry) — error and performance monitoring', 'sentry', 'customer-data', 'Monitoring', 'United States'],
  ['OpenAI, LLC — AI Insights feature', 'openai', 'customer-data', 'AI', 'United States'],
  ['Help Scout, Inc. — Customer support ticketing', 'help-scout', 'customer-data', 'Customer support', 'United States'],
  // B. Service providers that process SegMetrics account holder data only
  ['ActiveCampaign, LLC — Marketing automation and product communications', 'activecampaign', 'account-data', 'Sales and marketing', 'United States'],
  ['Sinch America, Inc. (Mailgun) — Transactional email delivery', 'mailgun', 'account-data', 'Email and messaging', 'United States'],
  ['Stripe, Inc. — Payment processing for subscription billing', 'stripe', 'account-data', 'Payments', 'United States'],
];

describe('the subprocessor list generated from a repository using the subprocessors of seed 000', () => {
  let inv: Inventory;
  beforeAll(async () => {
    inv = await inventoryOf('inventory-segmetrics');
  });

  it('lists exactly the ten vendors of the seed, and not the analytics service only its tests call', () => {
    expect(inv.subprocessors.map((s) => s.id).sort()).toEqual(SEED_000.map(([, id]) => id).sort());
    expect(inv.subprocessors.map((s) => s.id)).not.toContain('mixpanel');
  });

  it.each(SEED_000)('%s', (_row, id, scope, group, country) => {
    const row = inv.subprocessors.find((s) => s.id === id)!;
    expect(row.scope).toBe(scope);
    expect(row.groupTitle).toBe(group);
    expect(row.location.places).toEqual([country]);
  });

  it('keeps the seed order of sections: customer-data providers first, then account-holder providers', () => {
    const scopes = inv.subprocessors.map((s) => s.scope);
    expect(scopes.lastIndexOf('customer-data')).toBeLessThan(scopes.indexOf('account-data'));
  });

  it('names Sentry the way the seed does: the legal entity with the trade name in brackets', () => {
    expect(inv.subprocessors.find((s) => s.id === 'sentry')!.label).toBe('Functional Software, Inc. (Sentry)');
  });

  it('uses the wording of the register for the purpose column, as the seed uses its own', () => {
    expect(inv.subprocessors.find((s) => s.id === 'singlestore')!.purpose).toBe('Managed analytics database');
  });

  it('renders the two sections of the seed, each grouped by function', () => {
    const md = renderDocument(inv, ['subprocessors'], 'markdown');
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Subprocessors',
      '## A. Subprocessors that may process customer personal data',
      '### Infrastructure and hosting',
      '### Monitoring',
      '### AI',
      '### Customer support',
      '## B. Service providers that process account-holder data only',
      '### Payments',
      '### Email and messaging',
      '### Sales and marketing',
    ]);
  });

  it('is the document the fixture commits as docs/subprocessors.md', () => {
    const committed = readFileSync(join(FIXTURES, 'inventory-segmetrics', 'docs', 'subprocessors.md'), 'utf8');
    expect(renderDocument(inv, ['subprocessors'], 'markdown', { lastUpdated: '2026-05-26' })).toBe(committed);
  });
});
