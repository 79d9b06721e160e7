// The inventory as data (JSON or YAML) for other tools: the same rows the tables show, with
// the structure kept (location places, certifications as lists). Keys in a fixed order.
import { stringify } from 'yaml';
import type { Inventory, DocumentKind } from '../model.js';
import type { RenderOptions } from './blocks.js';

const KEYS: Record<DocumentKind, string> = { subprocessors: 'subprocessors', cookies: 'cookies', 'consent-map': 'consentMap', ropa: 'ropa' };

function section(kind: DocumentKind, inv: Inventory): unknown {
  switch (kind) {
    case 'subprocessors':
      return inv.subprocessors;
    case 'cookies':
      return { cookies: inv.cookies, withoutCookieFacts: inv.browserServicesWithoutCookieFacts };
    case 'consent-map':
      return inv.consent;
    case 'ropa':
      return inv.ropa;
  }
}

export function inventoryData(inv: Inventory, kinds: readonly DocumentKind[], opts: RenderOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { generator: 'privacy-lint' };
  if (opts.lastUpdated) out.lastUpdated = opts.lastUpdated;
  for (const k of kinds) out[KEYS[k]] = section(k, inv);
  return out;
}

export function renderJson(inv: Inventory, kinds: readonly DocumentKind[], opts: RenderOptions): string {
  return JSON.stringify(inventoryData(inv, kinds, opts), null, 2) + '\n';
}

export function renderYaml(inv: Inventory, kinds: readonly DocumentKind[], opts: RenderOptions): string {
  // lineWidth 0: never fold long purposes, so a one-word change is a one-line diff.
  return stringify(inventoryData(inv, kinds, opts), { lineWidth: 0 });
}
