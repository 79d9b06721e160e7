// Who a host that no catalogue entry knows probably belongs to, by the third-party-web entity
// database (MIT, data/third-party-web). A hint for the reviewer, never an attribution: the
// upstream domains are curated by hand and not confirmed against vendors' pages as entries are.
import type { KnownEntity } from '../model.js';
import { KNOWN_ENTITIES } from './known-entities.generated.js';

export interface KnownEntities {
  entities: KnownEntity[];
  /** [pattern, index into entities]: `*.example.com` covers the domain and its subdomains; a plain name, that host. */
  domains: [string, number][];
}

export class KnownEntityIndex {
  private readonly exact = new Map<string, number>();
  private readonly wildcard = new Map<string, number>();

  constructor(private readonly data: KnownEntities) {
    for (const [pattern, i] of data.domains) {
      if (pattern.startsWith('*.')) this.wildcard.set(pattern.slice(2), i);
      else this.exact.set(pattern, i);
    }
  }

  /** The entity of the most specific pattern covering the host. */
  lookup(host: string): KnownEntity | undefined {
    const h = host.toLowerCase().replace(/\.$/, '');
    const exact = this.exact.get(h);
    if (exact !== undefined) return this.data.entities[exact];
    for (let at = 0; at !== -1; at = h.indexOf('.', at) + 1 || -1) {
      const suffix = h.slice(at);
      if (!suffix.includes('.')) break;
      const i = this.wildcard.get(suffix);
      if (i !== undefined) return this.data.entities[i];
    }
    return undefined;
  }
}

let shared: KnownEntityIndex | undefined;

export function knownEntity(host: string): KnownEntity | undefined {
  shared ??= new KnownEntityIndex(KNOWN_ENTITIES);
  return shared.lookup(host);
}
