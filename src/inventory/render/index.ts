// One entry point for every document in every format.
import type { Inventory, DocumentKind, DocumentFormat } from '../model.js';
import { documentBlocks, type RenderOptions } from './blocks.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderJson, renderYaml } from './data.js';
import { renderCsv } from './csv.js';

export type { RenderOptions } from './blocks.js';

export class RenderError extends Error {}

export function renderDocument(inv: Inventory, kinds: readonly DocumentKind[], format: DocumentFormat, opts: RenderOptions = {}): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(documentBlocks(inv, kinds, opts));
    case 'html':
      return renderHtml(documentBlocks(inv, kinds, opts), kinds.length === 1 ? `privacy-lint-${kinds[0]}` : 'privacy-lint-inventory');
    case 'json':
      return renderJson(inv, kinds, opts);
    case 'yaml':
      return renderYaml(inv, kinds, opts);
    case 'csv':
      if (kinds.length !== 1) throw new RenderError('a CSV file holds one table: choose one document with --document (subprocessors, cookies, consent-map or ropa)');
      return renderCsv(inv, kinds[0]!);
  }
}
