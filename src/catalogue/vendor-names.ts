// Recognises catalogue vendors named in a document (a subprocessor list, a DPA annex, a
// cookie policy): by service name, vendor name, legal entity or alias. Tolerates legal
// suffixes, punctuation and text glued together without spaces ("ProcessorChargebeeLegal"),
// and never matches inside another word ("Ada" in "Canada", "Zoom" in "Zoomed").
import type { ServiceEntry } from './types.js';
import type { Matcher } from './matcher.js';
import { LineIndex } from '../scan/source-file.js';

export interface NamedVendor {
  id: string;
  name: string;
  line: number;
}

const LEGAL_SUFFIX = /[\s,]*(?:\b(?:inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|b\.?v|n\.?v|sarl|s\.?a\.?r\.?l|sas|s\.?a|s\.?l|ab|as|aps|oy|oyj|ag|se|plc|corp|corporation|co|company|pty|pte|kk|k\.k|srl|spa|unlimited company|holdings?)\b\.?)+$/i;

function cores(raw: string): string[] {
  const out = new Set<string>();
  const add = (s: string): void => {
    const t = s.trim().replace(LEGAL_SUFFIX, '').replace(/[\s,.]+$/, '').trim();
    if (t.length >= 2) out.add(t);
  };
  add(raw);
  // "Functional Software, Inc. (d/b/a Sentry)" → both parts
  const paren = /^(.*?)\s*\((?:d\/b\/a\s+|dba\s+|formerly\s+)?([^)]+)\)\s*$/i.exec(raw);
  if (paren) {
    add(paren[1]!);
    if (!PLACE.test(paren[2]!.trim())) add(paren[2]!);
  }
  return [...out];
}

// "(France)", "(EU)", "(PaaS)" qualify a name; they are not names themselves.
const PLACE = /^(eu|eea|us|usa|uk|emea|apac|global|europe|united states|united kingdom|france|germany|ireland|netherlands|sweden|luxembourg|japan|australia|canada|india|singapore|paas|saas|iaas|cdn)$/i;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words may be separated by any run of spaces or punctuation, or by nothing when glued. */
function namePattern(name: string): string {
  return name
    .split(/[\s\-_.,&/]+/)
    .filter(Boolean)
    .map(escapeRe)
    .join('[\\s\\-_.,&/]*');
}

export class VendorNames {
  private readonly re: RegExp | null;
  private readonly owners = new Map<string, { id: string; name: string; singleWord: boolean }>();

  constructor(entries: ServiceEntry[], private readonly matcher?: Matcher) {
    // Who claims each name, and how strongly: the service's own name (3) beats the vendor's
    // name (2), the legal entity (1) and an alias (0). "Stripe" is Stripe's name and only an
    // alias (parent company) of Lemon Squeezy, so it means Stripe.
    const claims = new Map<string, Map<string, number>>();
    for (const e of entries) {
      const raws: [string, number][] = [[e.name, 3], [e.vendor.name, 2], ...(e.vendor.legal_entity !== 'unknown' ? [[e.vendor.legal_entity, 1] as [string, number]] : []), ...(e.vendor.aliases ?? []).map((a) => [a, 0] as [string, number])];
      for (const [raw, strength] of raws) {
        for (const core of cores(raw)) {
          const key = core.toLowerCase().replace(/[\s\-_.,&/]+/g, ' ');
          const byId = claims.get(key) ?? new Map<string, number>();
          byId.set(e.id, Math.max(byId.get(e.id) ?? -1, strength));
          claims.set(key, byId);
          if (!this.owners.has(key)) this.owners.set(key, { id: e.id, name: core, singleWord: !/[\s\-_.,&/]/.test(core) });
        }
      }
    }
    for (const [key, byId] of claims) {
      const best = Math.max(...byId.values());
      const winners = [...byId].filter(([, s]) => s === best).map(([id]) => id);
      // Equal claims (a parent company's legal entity shared by its products) cannot tell them apart.
      if (winners.length > 1) this.owners.delete(key);
      else this.owners.get(key)!.id = winners[0]!;
    }
    const names = [...this.owners.values()].map((o) => o.name).sort((a, b) => b.length - a.length);
    this.re = names.length ? new RegExp(names.map(namePattern).join('|'), 'gi') : null;
  }

  find(text: string): NamedVendor[] {
    if (!this.re) return [];
    const lines = new LineIndex(text);
    const hits: { id: string; name: string; start: number; end: number }[] = [];
    this.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.re.exec(text)) !== null) {
      const matched = m[0];
      const start = m.index;
      const end = start + matched.length;
      const key = matched.toLowerCase().replace(/[\s\-_.,&/]+/g, ' ');
      const owner = this.owners.get(key);
      if (!owner || !this.acceptable(text, start, end, owner)) {
        this.re.lastIndex = start + 1;
        continue;
      }
      hits.push({ id: owner.id, name: matched, start, end });
    }
    const found = new Map<string, NamedVendor>();
    hits.forEach((h, i) => {
      // "MessageBird B.V. (d/b/a SparkPost)": the name in brackets says which service is meant.
      const next = hits[i + 1];
      if (next && next.id !== h.id && /^[\s,.]*(?:(?:inc|llc|ltd|b\.?v|gmbh|sarl|s\.?a)\.?[\s,]*)*\((?:d\/b\/a|dba|t\/a|trading as|operating as)?\s*$/i.test(text.slice(h.end, next.start))) return;
      if (!found.has(h.id)) found.set(h.id, { id: h.id, name: h.name, line: lines.position(h.start).line });
    });
    return [...found.values()].sort((a, b) => a.line - b.line || (a.id < b.id ? -1 : 1));
  }

  private acceptable(text: string, start: number, end: number, owner: { id: string; singleWord: boolean }): boolean {
    const first = text[start]!;
    const last = text[end - 1]!;
    const before = text[start - 1] ?? ' ';
    const after = text[end] ?? ' ';
    const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
    const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
    const isLetter = (c: string): boolean => isLower(c) || isUpper(c);
    // Part of an e-mail address, a URL path or a host name: not a mention of the vendor.
    if (before === '@' || before === '/' || (before === '.' && isLetter(text[start - 2] ?? ' '))) return false;
    // Glued on the left only at a camel-case seam: "ProcessorChargebee", never "Canada".
    if (isLetter(before) || /\d/.test(before)) {
      if (!(isLower(before) && isUpper(first))) return false;
    }
    // Glued on the right only where a capital starts the next word: "ChargebeeLegal", never "Zoomed".
    if (isLower(after) || /\d/.test(after)) return false;
    if (isUpper(after) && !isLower(last) && !isUpper(last)) return false;
    // A single common word must be written as a name, capitalised.
    if (owner.singleWord && !isUpper(first) && !/\d/.test(first)) return false;
    // "Clerk.io" is a different company from Clerk (clerk.com): a domain after the name must be the vendor's.
    const domain = /^\.([a-z]{2,})\b/i.exec(text.slice(end, end + 20));
    if (domain && this.matcher) {
      const host = `${text.slice(start, end)}.${domain[1]}`.toLowerCase().replace(/\s+/g, '');
      if (this.matcher.matchHost(host) !== owner.id) return false;
    }
    return true;
  }
}
