import { describe, it, expect } from 'vitest';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { VendorNames } from '../../src/catalogue/vendor-names.js';
import { compareDocument, expectedDocument, lastUpdatedIn, formatFromPath } from '../../src/inventory/compare.js';
import { kindsInDocument } from '../../src/inventory/detect.js';
import { renderDocument } from '../../src/inventory/render/index.js';
import { inventoryFrom, hit } from './helpers.js';

const names = new VendorNames(defaultMatcher().entries, defaultMatcher());

describe('comparing a committed document with the generated one', () => {
  const before = inventoryFrom([hit('stripe'), hit('mixpanel')]);
  const after = inventoryFrom([hit('stripe'), hit('sentry')]);

  it('is up to date when only line ends and trailing spaces differ', () => {
    const text = renderDocument(before, ['subprocessors'], 'markdown');
    const windows = text.replace(/\n/g, ' \r\n');
    expect(compareDocument(windows, text, 'docs/subprocessors.md').upToDate).toBe(true);
  });

  it('names the services that came and went, and the first line that differs', () => {
    const committed = renderDocument(before, ['subprocessors'], 'markdown');
    const drift = compareDocument(committed, renderDocument(after, ['subprocessors'], 'markdown'), 'docs/subprocessors.md', names);
    expect(drift.upToDate).toBe(false);
    expect(drift.added).toEqual(['sentry']);
    expect(drift.removed).toEqual(['mixpanel']);
    // Mixpanel's Analytics section is the last one; the new Monitoring section comes before Payments.
    expect(committed.split('\n')[drift.line - 1]).toBe('## Payments');
    expect(drift.diff).toMatch(/^--- docs\/subprocessors.md \(committed\)\n\+\+\+ docs\/subprocessors.md \(generated from the code\)\n@@/);
    expect(drift.diff).toContain('\n+| Functional Software, Inc. (Sentry) |');
    expect(drift.diff).toContain('\n-| Mixpanel, Inc. |');
  });

  it('keeps the date the committed document carries, so a date alone never fails the check', () => {
    const committed = renderDocument(before, ['cookies'], 'markdown', { lastUpdated: '2025-12-01' });
    expect(lastUpdatedIn(committed)).toBe('2025-12-01');
    expect(expectedDocument(before, ['cookies'], 'markdown', committed)).toBe(committed);
    const json = renderDocument(before, ['ropa'], 'json', { lastUpdated: '2025-12-01' });
    expect(expectedDocument(before, ['ropa'], 'json', json)).toBe(json);
    const yaml = renderDocument(before, ['ropa'], 'yaml', { lastUpdated: '2025-12-01' });
    expect(expectedDocument(before, ['ropa'], 'yaml', yaml)).toBe(yaml);
  });
});

describe('what a committed file is', () => {
  it.each([
    ['docs/subprocessors.md', 'markdown'],
    ['legal/cookies.HTML', 'html'],
    ['inventory.json', 'json'],
    ['ropa.csv', 'csv'],
    ['consent.yml', 'yaml'],
    ['notes.txt', undefined],
  ])('%s is %s', (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });

  const inv = inventoryFrom([hit('stripe', [{ kind: 'script-src', path: 'index.html', line: 1, column: 1, match: 'x', confidence: 'high' }])]);
  it.each([
    ['subprocessors', 'markdown'],
    ['cookies', 'html'],
    ['consent-map', 'json'],
    ['ropa', 'yaml'],
    ['subprocessors', 'csv'],
    ['cookies', 'csv'],
    ['consent-map', 'csv'],
    ['ropa', 'csv'],
  ] as const)('a generated %s document in %s says which it is', (kind, format) => {
    expect(kindsInDocument(renderDocument(inv, [kind], format), format)).toEqual([kind]);
  });

  it('reads a whole-inventory document as all four', () => {
    const all = ['subprocessors', 'cookies', 'consent-map', 'ropa'] as const;
    expect(kindsInDocument(renderDocument(inv, all, 'markdown'), 'markdown')).toEqual([...all]);
    expect(kindsInDocument(renderDocument(inv, all, 'json'), 'json')).toEqual([...all]);
  });
});
