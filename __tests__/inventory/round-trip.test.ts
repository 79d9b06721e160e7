// A generated subprocessor list, read back by the vendor-name recogniser that `privacy-lint
// vendors` and the subprocessor checks use, must name exactly the services it lists: no
// vendor lost to a legal-entity spelling, none invented from a heading or a purpose.
import { describe, it, expect } from 'vitest';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { VendorNames } from '../../src/catalogue/vendor-names.js';
import { processesPersonalData } from '../../src/checks/define-check.js';
import { renderDocument } from '../../src/inventory/render/index.js';
import { DOCUMENT_FORMATS } from '../../src/inventory/model.js';
import { inventoryOf, inventoryFrom, hit, ev, policy } from './helpers.js';

const names = new VendorNames(defaultMatcher().entries, defaultMatcher());
const readBack = (text: string): string[] => [...new Set(names.find(text).map((v) => v.id))].sort();

describe('round trip: a generated subprocessor list read back names exactly what it lists', () => {
  it.each(DOCUMENT_FORMATS)('the seed-000 fixture, as %s', async (format) => {
    const inv = await inventoryOf('inventory-segmetrics');
    const listed = inv.subprocessors.map((s) => s.id).sort();
    expect(listed).toHaveLength(10);
    expect(readBack(renderDocument(inv, ['subprocessors'], format))).toEqual(listed);
  });

  it.each(DOCUMENT_FORMATS)('every processor of the catalogue at once, as %s', (format) => {
    // One browser tag per catalogue entry: the list then holds every processor with personal data.
    const entries = defaultMatcher().entries;
    const inv = inventoryFrom(entries.map((e) => hit(e.id, [ev({ kind: 'script-src', path: 'index.html' })])));
    const expected = entries.filter((e) => e.role === 'processor' && processesPersonalData(e)).map((e) => e.id).sort();
    expect(inv.subprocessors.map((s) => s.id).sort()).toEqual(expected);
    expect(readBack(renderDocument(inv, ['subprocessors'], format))).toEqual(expected);
  });

  it('with both sections and the project’s own purposes', () => {
    const p = policy({ vendors: { stripe: { scope: 'account-data', purpose: 'Billing for our plans' }, mailgun: { scope: 'account-data' } } });
    const inv = inventoryFrom([hit('stripe'), hit('mailgun'), hit('sentry'), hit('openai')], p);
    expect(readBack(renderDocument(inv, ['subprocessors'], 'markdown'))).toEqual(['mailgun', 'openai', 'sentry', 'stripe']);
  });
});
