// The compliance documents the policy names (documents.subprocessors, .cookies, .consent_map,
// .ropa): which kind each is, its format, and its committed text. The only file reads of the
// inventory-out-of-date rule happen here, before the checks run.
import { readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Policy } from '../config/policy.js';
import { decode } from '../scan/source-file.js';
import type { DocumentKind, DocumentFormat } from './model.js';
import { formatFromPath } from './compare.js';

export interface CommittedDocument {
  kind: DocumentKind;
  /** The policy key that names it ("consent_map"), for messages. */
  key: keyof Policy['documents'];
  /** Relative to the scanned root, as written in the policy. */
  path: string;
  format: DocumentFormat;
  /** null when the file cannot be compared; `unreadable` says why. */
  text: string | null;
  unreadable?: 'missing' | 'not-a-file' | 'too-large';
}

export const POLICY_KEYS: Record<keyof Policy['documents'], DocumentKind> = {
  subprocessors: 'subprocessors',
  cookies: 'cookies',
  consent_map: 'consent-map',
  ropa: 'ropa',
};

/** Formats by extension; an unknown extension is Markdown, except the record of processing, which is a CSV. */
export function documentFormat(kind: DocumentKind, path: string): DocumentFormat {
  return formatFromPath(path) ?? (kind === 'ropa' ? 'csv' : 'markdown');
}

const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function readCommittedDocuments(root: string, policy: Policy): CommittedDocument[] {
  const out: CommittedDocument[] = [];
  for (const key of Object.keys(POLICY_KEYS) as (keyof Policy['documents'])[]) {
    const path = policy.documents[key];
    if (!path) continue;
    const kind = POLICY_KEYS[key];
    const doc = { kind, key, path, format: documentFormat(kind, path) };
    // Never followed out of the tree, never a device: a hostile policy cannot make the check read /dev/zero.
    const st = lstatSync(join(root, path), { throwIfNoEntry: false });
    if (!st) out.push({ ...doc, text: null, unreadable: 'missing' });
    else if (!st.isFile()) out.push({ ...doc, text: null, unreadable: 'not-a-file' });
    else if (st.size > MAX_DOCUMENT_BYTES) out.push({ ...doc, text: null, unreadable: 'too-large' });
    else out.push({ ...doc, text: decode(readFileSync(join(root, path))) });
  }
  return out;
}
