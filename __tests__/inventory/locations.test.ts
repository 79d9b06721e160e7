import { describe, it, expect } from 'vitest';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { processingLocation } from '../../src/inventory/locations.js';
import type { VendorRecord } from '../../src/config/policy.js';
import type { ServiceEntry } from '../../src/catalogue/types.js';
import { ev } from './helpers.js';

const base = defaultMatcher().byId.get('mailgun')!;
const entry = (locations: string[], country = 'US'): ServiceEntry => ({ ...base, locations, vendor: { ...base.vendor, country } });

describe('where a service processes the data, most specific source first', () => {
  it.each<[string, ServiceEntry, string[], VendorRecord | undefined, string, string]>([
    ['a regional endpoint in the code pins the region', entry(['US', 'EU']), ['eu'], undefined, 'EU', 'code'],
    ['two pinned regions are both listed, by name', entry(['US', 'EU']), ['us', 'eu', 'us'], undefined, 'EU, United States', 'code'],
    ['a cloud region prefix becomes a region name', entry(['global']), ['ap'], undefined, 'Asia Pacific', 'code'],
    ['"other" says nothing: the catalogue decides', entry(['US', 'EU']), ['other'], undefined, 'United States, EU', 'catalogue'],
    ['an EU-hosted register entry beats the code', entry(['US', 'EU']), ['us'], { transfer: 'eu-hosted' }, 'EU', 'register'],
    ['a DPF transfer means the United States', entry(['US', 'EU', 'AU']), [], { transfer: 'dpf' }, 'United States', 'register'],
    ['the code beats a DPF transfer', entry(['US', 'EU']), ['eu'], { transfer: 'dpf' }, 'EU', 'code'],
    ['SCCs say nothing about where', entry(['US', 'EU', 'AU']), [], { transfer: 'sccs' }, 'United States, EU, Australia', 'catalogue'],
    ['named places and a global network', entry(['US', 'global']), [], undefined, 'United States (global network)', 'catalogue'],
    ['only a global network: the vendor’s country', entry(['global'], 'US'), [], undefined, 'United States (global network)', 'catalogue'],
    ['only a global network and no country', entry(['global'], 'unknown'), [], undefined, 'Global', 'catalogue'],
    ['unknown: the vendor’s country, said to be a guess', entry(['unknown'], 'MT'), [], undefined, "Malta (vendor's country; processing locations not published)", 'catalogue'],
    ['unknown with no country', entry(['unknown'], 'unknown'), [], undefined, 'Not published', 'catalogue'],
  ])('%s', (_what, e, regions, record, text, source) => {
    const location = processingLocation(e, regions.map((region) => ev({ region })), record);
    expect(location.text).toBe(text);
    expect(location.source).toBe(source);
  });
});
