// Finds the catalogue entry a person means: by id, then by name (service, vendor, legal
// entity, alias), then by domain or URL, then by package or import name in any ecosystem.
import { ECOSYSTEMS, IMPORT_LANGUAGES, type ServiceEntry } from '../catalogue/types.js';
import type { Matcher } from '../catalogue/matcher.js';
import { nameCores } from '../catalogue/vendor-names.js';

export type LookupVia = 'id' | 'name' | 'domain' | 'package';

export type Lookup =
  | { kind: 'found'; entry: ServiceEntry; via: LookupVia }
  | { kind: 'ambiguous'; via: LookupVia; ids: string[] }
  | { kind: 'unknown'; suggestions: string[] };


/** Case-, accent-, space- and punctuation-free: "Help-Scout" = "helpscout", "OÜ" = "ou". */
export function compactKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

type NameIndex = Map<string, Map<string, number>>;
const nameIndexes = new WeakMap<Matcher, NameIndex>();

/** Each name form → the entries claiming it, with the claim's strength (own name 3 … alias 0). */
function nameIndex(matcher: Matcher): NameIndex {
  let index = nameIndexes.get(matcher);
  if (index) return index;
  index = new Map();
  for (const e of matcher.entries) {
    const raws: [string, number][] = [[e.name, 3], [e.vendor.name, 2], [e.vendor.legal_entity, 1], ...(e.vendor.aliases ?? []).map((a): [string, number] => [a, 0])];
    for (const [raw, strength] of raws) {
      if (raw === 'unknown') continue;
      for (const form of [raw, ...nameCores(raw).map((c) => c.text)]) {
        const key = compactKey(form);
        if (key.length < 2) continue;
        const byId = index.get(key) ?? new Map<string, number>();
        byId.set(e.id, Math.max(byId.get(e.id) ?? -1, strength));
        index.set(key, byId);
      }
    }
  }
  nameIndexes.set(matcher, index);
  return index;
}

function byName(query: string, matcher: Matcher): string[] {
  const index = nameIndex(matcher);
  const claims = new Map<string, number>();
  for (const form of [query, ...nameCores(query).map((c) => c.text)]) {
    for (const [id, strength] of index.get(compactKey(form)) ?? []) claims.set(id, Math.max(claims.get(id) ?? -1, strength));
  }
  if (claims.size === 0) return [];
  const best = Math.max(...claims.values());
  return [...claims].filter(([, s]) => s === best).map(([id]) => id).sort();
}

function byDomain(query: string, matcher: Matcher): string[] {
  if (/\s/.test(query) || !query.includes('.')) return [];
  let host = query;
  let path = '/';
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(query) ? query : `https://${query.replace(/^\*\./, '')}`);
    host = url.hostname;
    path = url.pathname || '/';
  } catch {
    return [];
  }
  const id = matcher.matchHost(host, path);
  return id ? [id] : [];
}

function byPackage(query: string, matcher: Matcher): string[] {
  // "npm:@sentry/node", "pypi:sentry-sdk": an explicit ecosystem; maven names keep their own colon.
  const prefixed = /^([a-z]+):(.+)$/.exec(query);
  const eco = prefixed && (ECOSYSTEMS as readonly string[]).includes(prefixed[1]!) ? prefixed[1]! : undefined;
  const name = eco ? prefixed![2]! : query;
  const ids = new Set<string>();
  for (const e of eco ? [eco] : ECOSYSTEMS) {
    const id = matcher.matchPackage(e, name);
    if (id) ids.add(id);
  }
  if (!eco && ids.size === 0) {
    for (const lang of IMPORT_LANGUAGES) {
      const id = matcher.matchImport(lang, name);
      if (id) ids.add(id);
    }
  }
  return [...ids].sort();
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The ids whose id or name is closest to what was typed, best first. */
export function closestIds(query: string, entries: ServiceEntry[], count = 3): string[] {
  const q = compactKey(query);
  const score = (candidate: string): number => {
    const c = compactKey(candidate);
    if (!c || !q) return Infinity;
    if (c.startsWith(q) || q.startsWith(c)) return Math.abs(c.length - q.length) / Math.max(c.length, q.length) / 2;
    if (c.includes(q) || q.includes(c)) return 0.5;
    return levenshtein(q, c) / Math.max(q.length, c.length);
  };
  return entries
    .map((e) => ({ id: e.id, s: Math.min(score(e.id), score(e.name), score(e.vendor.name)) }))
    .sort((a, b) => a.s - b.s || (a.id < b.id ? -1 : 1))
    .slice(0, count)
    .map((x) => x.id);
}

export function lookupService(queryRaw: string, matcher: Matcher): Lookup {
  const query = queryRaw.trim();
  const exact = matcher.byId.get(query.toLowerCase());
  if (exact) return { kind: 'found', entry: exact, via: 'id' };
  const steps: [LookupVia, (q: string, m: Matcher) => string[]][] = [
    ['name', byName],
    ['domain', byDomain],
    ['package', byPackage],
  ];
  for (const [via, find] of steps) {
    const ids = find(query, matcher);
    if (ids.length === 1) return { kind: 'found', entry: matcher.byId.get(ids[0]!)!, via };
    if (ids.length > 1) return { kind: 'ambiguous', via, ids };
  }
  return { kind: 'unknown', suggestions: closestIds(query, matcher.entries) };
}
