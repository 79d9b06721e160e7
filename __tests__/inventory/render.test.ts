// The project's own wording (register purposes) goes into every format: it must never break
// a table row, inject markup or make a spreadsheet evaluate a cell.
import { describe, it, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderDocument } from '../../src/inventory/render/index.js';
import { inventoryFrom, hit, policy } from './helpers.js';

const tricky = policy({ vendors: { stripe: { purpose: 'Billing | invoices <b>"paid"</b>\nand refunds' }, sentry: { purpose: '=HYPERLINK("http://x")' } } });
const inv = inventoryFrom([hit('stripe'), hit('sentry')], tricky);

describe('escaping the register’s wording', () => {
  it('Markdown: pipes and markup are escaped and line breaks folded, so each row keeps five cells', () => {
    const md = renderDocument(inv, ['subprocessors'], 'markdown');
    const row = md.split('\n').find((l) => l.startsWith('| Stripe'))!;
    expect(row).toContain('Billing \\| invoices \\<b\\>"paid"\\</b\\> and refunds');
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
  });

  it('HTML: markup in a purpose is text, not tags', () => {
    const html = renderDocument(inv, ['subprocessors'], 'html');
    expect(html).toContain('<td>Billing | invoices &lt;b&gt;&quot;paid&quot;&lt;/b&gt;\nand refunds</td>');
    expect(html).not.toContain('<b>');
    expect(html.startsWith('<section class="privacy-lint-subprocessors">\n<h1>Subprocessors</h1>')).toBe(true);
  });

  it('CSV: quotes fields with commas, quotes or line breaks, and defuses formulas', () => {
    const csv = renderDocument(inv, ['subprocessors'], 'csv');
    expect(csv).toContain('"Billing | invoices <b>""paid""</b>\nand refunds"');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('JSON and YAML carry the same rows and read back to the same data', () => {
    const json = JSON.parse(renderDocument(inv, ['subprocessors', 'ropa'], 'json')) as Record<string, unknown>;
    const yaml = parseYaml(renderDocument(inv, ['subprocessors', 'ropa'], 'yaml')) as Record<string, unknown>;
    expect(yaml).toEqual(json);
    expect(Object.keys(json)).toEqual(['generator', 'subprocessors', 'ropa']);
    expect((json.subprocessors as { id: string }[]).map((s) => s.id)).toEqual(['sentry', 'stripe']);
  });

  it('refuses a CSV of several documents: a CSV file holds one table', () => {
    expect(() => renderDocument(inv, ['subprocessors', 'cookies'], 'csv')).toThrow(/one table/);
  });
});

describe('empty documents say so', () => {
  const empty = inventoryFrom([]);
  it.each([
    ['subprocessors', 'No subprocessors were found in the code.'],
    ['cookies', 'No third-party code runs in the browser.'],
    ['consent-map', 'No third-party code runs in the browser.'],
    ['ropa', 'No services that process personal data were found in the code.'],
  ] as const)('%s', (kind, sentence) => {
    expect(renderDocument(empty, [kind], 'markdown')).toContain(`\n${sentence}\n`);
  });
});
