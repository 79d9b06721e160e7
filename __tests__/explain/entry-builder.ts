// A minimal catalogue entry with overrides, so page tests state only the facts they are about.
import type { ServiceEntry } from '../../src/catalogue/types.js';

type Overrides = Partial<Omit<ServiceEntry, 'vendor' | 'transfers' | 'dpa'>> & {
  vendor?: Partial<ServiceEntry['vendor']>;
  transfers?: Partial<ServiceEntry['transfers']>;
  dpa?: Partial<ServiceEntry['dpa']>;
};

export function entryWith(o: Overrides = {}): ServiceEntry {
  const { vendor, transfers, dpa, ...rest } = o;
  return {
    id: 'acme',
    name: 'Acme Metrics',
    description: 'A test service that counts page views.',
    website: 'https://acme.example',
    purposes: ['analytics'],
    consent_category: 'analytics',
    role: 'processor',
    detect: { domains: ['acme-metrics.io'] },
    personal_data: ['online-identifiers', 'usage'],
    cookies: [],
    locations: ['US'],
    certifications: [],
    dpia_recommended: { value: false },
    alternatives: [],
    sources: [{ url: 'https://acme.example/dpa', supports: ['dpa'] }],
    verified: '2026-01-02',
    ...rest,
    vendor: { name: 'Acme', legal_entity: 'Acme Metrics, Inc.', country: 'US', ...vendor },
    transfers: { dpf: 'unknown', sccs: 'unknown', eu_data_residency: 'unknown', ...transfers },
    dpa: { offered: true, url: 'https://acme.example/dpa', how: 'part-of-terms', ...dpa },
  };
}

export const cookie = (name: string, duration: string, category: ServiceEntry['consent_category'] = 'analytics'): ServiceEntry['cookies'][number] => ({
  name,
  party: 'first',
  duration,
  purpose: `Test cookie ${name}.`,
  category,
});
