// One document as one CSV table (RFC 4180 quoting, LF line ends so it diffs like the rest).
import type { Inventory, DocumentKind } from '../model.js';
import { CATEGORY_TITLES } from '../build.js';
import { MANAGER_NAMES } from '../consent-attributes.js';
import { ROPA_COLUMNS, ropaCells, waitsText } from './blocks.js';

function field(s: string): string {
  // A leading =, +, - or @ makes spreadsheets evaluate the cell: quote it as text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function table(columns: string[], rows: string[][]): string {
  return [columns, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

export function renderCsv(inv: Inventory, kind: DocumentKind): string {
  switch (kind) {
    case 'subprocessors':
      return table(
        ['Scope', 'Function', 'Subprocessor', 'Service', 'Purpose', 'Location', 'Certifications', 'Transfer mechanism'],
        inv.subprocessors.map((s) => [s.scope, s.groupTitle, s.label, s.service, s.purpose, s.location.text, s.certifications.join('; '), s.transfer]),
      );
    case 'cookies':
      return table(
        ['Cookie', 'Provider', 'Category', 'Party', 'Duration', 'Purpose'],
        inv.cookies.map((c) => [c.name, c.provider, CATEGORY_TITLES[c.category], c.party, c.duration, c.purpose]),
      );
    case 'consent-map': {
      const { managers, rows } = inv.consent;
      return table(
        ['Service', 'Category', 'Loaded in', 'Waits for consent', ...managers.map((m) => MANAGER_NAMES[m])],
        rows.map((r) => [r.service, CATEGORY_TITLES[r.category], r.loadedIn.join('; '), waitsText(r), ...managers.map((m) => r.attributes[m] ?? '')]),
      );
    }
    case 'ropa':
      return table(ROPA_COLUMNS, ropaCells(inv, ''));
  }
}
