// A committed document against what the code would generate now: equal after normalising
// line ends and trailing spaces, or a unified diff plus the services that came and went.
import type { VendorNames } from '../catalogue/vendor-names.js';
import type { Inventory, DocumentKind, DocumentFormat } from './model.js';
import { renderDocument } from './render/index.js';
import { formatUnified, diffLines, splitLines } from './diff.js';

const EXTENSIONS: [RegExp, DocumentFormat][] = [
  [/\.(md|markdown|mdx)$/i, 'markdown'],
  [/\.html?$/i, 'html'],
  [/\.json$/i, 'json'],
  [/\.csv$/i, 'csv'],
  [/\.ya?ml$/i, 'yaml'],
];

export function formatFromPath(path: string): DocumentFormat | undefined {
  return EXTENSIONS.find(([re]) => re.test(path))?.[1];
}

// "Last updated: 2026-05-26" (Markdown, HTML) or lastUpdated: 2026-05-26 (JSON, YAML).
const LAST_UPDATED = /(?:Last updated:|"?lastUpdated"?\s*:)\s*["']?(\d{4}-\d{2}-\d{2})/;

/** The date a committed document carries: a person's choice, kept when the document is regenerated. */
export function lastUpdatedIn(text: string): string | undefined {
  return LAST_UPDATED.exec(text)?.[1];
}

/** The document the code would produce, dated like the committed one so the date alone never fails the check. */
export function expectedDocument(inv: Inventory, kinds: readonly DocumentKind[], format: DocumentFormat, committed: string | null): string {
  const lastUpdated = committed === null ? undefined : lastUpdatedIn(committed);
  return renderDocument(inv, kinds, format, lastUpdated ? { lastUpdated } : {});
}

export function normalise(text: string): string {
  return splitLines(text.replace(/^\uFEFF/, ''))
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

export interface Drift {
  upToDate: boolean;
  /** Unified diff from the committed document to the generated one; empty when up to date. */
  diff: string;
  /** 1-based line of the first difference in the committed document. */
  line: number;
  /** Catalogue ids named by the generated document only, and by the committed one only. */
  added: string[];
  removed: string[];
}

export function compareDocument(committed: string, generated: string, path: string, names?: VendorNames): Drift {
  const a = normalise(committed);
  const b = normalise(generated);
  if (a === b) return { upToDate: true, diff: '', line: 0, added: [], removed: [] };
  const aLines = splitLines(a);
  const edits = diffLines(aLines, splitLines(b));
  const diff = formatUnified(edits, `${path} (committed)`, `${path} (generated from the code)`);
  const firstChange = edits.find((e) => e.op !== ' ');
  const line = Math.min((firstChange?.a ?? 0) + 1, Math.max(1, aLines.length));
  let added: string[] = [];
  let removed: string[] = [];
  if (names) {
    const before = new Set(names.find(committed).map((v) => v.id));
    const after = new Set(names.find(generated).map((v) => v.id));
    added = [...after].filter((id) => !before.has(id)).sort();
    removed = [...before].filter((id) => !after.has(id)).sort();
  }
  return { upToDate: false, diff, line, added, removed };
}
