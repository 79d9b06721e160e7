// Golden tests: each fixture repository commits the documents its policy names, written by
// hand from the fixture's code, its register and the catalogue's facts. Generating them from
// the code must give the same bytes.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventoryOf, FIXTURES } from './helpers.js';
import { renderDocument } from '../../src/inventory/render/index.js';
import type { DocumentKind, DocumentFormat } from '../../src/inventory/model.js';

const GOLDEN: [fixture: string, file: string, kind: DocumentKind, format: DocumentFormat, lastUpdated?: string][] = [
  ['inventory-shop', 'docs/subprocessors.md', 'subprocessors', 'markdown'],
  ['inventory-shop', 'docs/cookies.md', 'cookies', 'markdown'],
  ['inventory-shop', 'docs/consent-map.md', 'consent-map', 'markdown'],
  ['inventory-shop', 'docs/ropa.csv', 'ropa', 'csv'],
  ['inventory-segmetrics', 'docs/subprocessors.md', 'subprocessors', 'markdown', '2026-05-26'],
];

describe('generated documents equal the hand-written ones the fixtures commit', () => {
  it.each(GOLDEN)('%s: %s', async (fixture, file, kind, format, lastUpdated) => {
    const inv = await inventoryOf(fixture);
    const expected = readFileSync(join(FIXTURES, fixture, file), 'utf8');
    expect(renderDocument(inv, [kind], format, lastUpdated ? { lastUpdated } : {})).toBe(expected);
  });

  it('gives the same bytes on every run (no timestamps, stable order)', async () => {
    const a = await inventoryOf('inventory-shop');
    const b = await inventoryOf('inventory-shop');
    for (const format of ['markdown', 'html', 'json', 'yaml'] as const) {
      const all = ['subprocessors', 'cookies', 'consent-map', 'ropa'] as const;
      expect(renderDocument(a, all, format)).toBe(renderDocument(b, all, format));
      expect(renderDocument(a, all, format)).not.toMatch(/\d{4}-\d{2}-\d{2}T|Last updated/);
    }
  });
});
