// Which document a committed file is, read from the file itself (its title, its keys, its
// CSV header), so `--check FILE` works without --document or a policy entry.
import { DOCUMENT_KINDS, type DocumentKind, type DocumentFormat } from './model.js';
import { TITLES, ROPA_COLUMNS } from './render/blocks.js';

const DATA_KEYS: [string, DocumentKind][] = [['subprocessors', 'subprocessors'], ['cookies', 'cookies'], ['consentMap', 'consent-map'], ['ropa', 'ropa']];
const CSV_HEADERS: [string, DocumentKind][] = [['Scope,Function,Subprocessor', 'subprocessors'], ['Cookie,Provider', 'cookies'], ['Service,Category,Loaded in', 'consent-map'], [ROPA_COLUMNS.slice(0, 3).join(','), 'ropa']];

export function kindsInDocument(text: string, format: DocumentFormat): DocumentKind[] {
  if (format === 'csv') {
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const hit = CSV_HEADERS.find(([h]) => header.startsWith(h));
    return [hit ? hit[1] : 'ropa'];
  }
  if (format === 'json' || format === 'yaml') {
    const keys = DATA_KEYS.filter(([k]) => new RegExp(`^\\s*"?${k}"?\\s*:`, 'm').test(text)).map(([, kind]) => kind);
    return keys.length ? keys : [...DOCUMENT_KINDS];
  }
  // Markdown or HTML: the first heading is the document's title.
  const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? /<h1>([^<]+)<\/h1>/i.exec(text)?.[1];
  const kind = DOCUMENT_KINDS.find((k) => TITLES[k] === title?.trim());
  return kind ? [kind] : [...DOCUMENT_KINDS];
}
