import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMatcher } from '../../src/catalogue/index.js';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const seed004 = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('004_'))!), 'utf8');

describe('seed 004: the consent-tool page about SegMetrics', () => {
  const entry = defaultMatcher().byId.get('segmetrics')!;

  it('every domain the page lists is matched to the segmetrics entry', () => {
    const lines = seed004.split('\n');
    const line = lines[lines.findIndex((l) => l.startsWith('Third-party domains contacted')) + 1]!;
    // The page glues the host names together: split before each host that ends in segmetrics.com.
    const hosts = line.replace('Cookies placed', '').match(/(?:[a-z]+\.)?segmetrics\.com/g)!;
    expect(hosts.length).toBe(4);
    for (const h of hosts) expect(defaultMatcher().matchHost(h)).toBe('segmetrics');
  });

  it('every cookie in the page table is in the entry with the same duration and category', () => {
    const rows = [...seed004.matchAll(/^\| (sm_\w+) \| (\w+) \| ([^|]+) \|/gm)];
    expect(rows.length).toBe(5);
    for (const [, name, category, duration] of rows) {
      const cookie = entry.cookies.find((c) => c.name === name);
      expect(cookie, name).toBeDefined();
      expect(cookie!.duration).toBe(duration!.trim());
      expect(cookie!.category).toBe(category);
    }
  });

  it('carries the consent category, US transfer and DPIA advice the page gives', () => {
    expect(entry.consent_category).toBe('marketing');
    expect(entry.locations).toContain('US');
    expect(entry.dpia_recommended.value).toBe(true);
  });
});
