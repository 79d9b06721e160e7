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

const SUFFIX_WORDS = 'inc|incorporated|llc|l\\.l\\.c|ltd|limited|gmbh|b\\.?v|n\\.?v|sarl|s\\.?a\\.?r\\.?l|s\\.?à\\s?r\\.?l|sas|s\\.?a\\.?s|s\\.?a|s\\.?l|ab|as|a/s|aps|oy|oyj|ag|se|plc|pbc|corp|corporation|co|company|pty|pte|kk|k\\.k|srl|s\\.?r\\.?l|spa|dac|oü|ou|unlimited company|holdings?|publ';
const LEGAL_SUFFIX = new RegExp(`[\\s,]*(?:(?<![\\p{L}\\d])(?:${SUFFIX_WORDS})(?![\\p{L}\\d])\\.?|\\((?:publ)\\))+$`, 'iu');
/** A legal suffix right after a name: "Stripe, Inc.", "Text S.A.", "Online SAS". */
const SUFFIX_AFTER = new RegExp(`^[\\s,]*(?:${SUFFIX_WORDS})(?![\\p{L}\\d])`, 'iu');

// "(France)", "(EU)", "(PaaS)" qualify a name; they are not names themselves.
const PLACE = /^(eu|eea|us|usa|uk|emea|apac|latam|global|europe|united states|united kingdom|france|germany|ireland|netherlands|sweden|luxembourg|japan|australia|canada|india|singapore|malta|switzerland|austria|belgium|denmark|finland|norway|poland|spain|italy|portugal|estonia|latvia|lithuania|czech republic|czechia|slovakia|hungary|romania|bulgaria|greece|cyprus|israel|brazil|china|korea|south korea|hong kong|taiwan|new zealand|south africa|mexico|argentina|turkey|uae|united arab emirates|paas|saas|iaas|cdn)$/i;
// "(d/b/a Sentry)", "(formerly Sendinblue)": the bracket holds a name the company trades under.
const TRADE_NAME = /^(?:d\/b\/a|dba|formerly|t\/a|trading as|operating as)\s+/i;

/**
 * Names that are also ordinary words, so that "Segment the audience", "Heap memory" or
 * "Render" as a verb are not read as vendors. Written as the keys VendorNames compares.
 */
const ORDINARY_WORDS = new Set([
  'adjust', 'bird', 'block', 'branch', 'cohere', 'crisp', 'drift', 'drip', 'elastic', 'heap', 'impact', 'june', 'kit', 'loom', 'loops',
  'neon', 'online', 'railway', 'render', 'replicate', 'resend', 'segment', 'singular', 'slack', 'snap', 'square', 'text', 'zoom',
  'message systems', 'prospect one', 'so you start',
]);
const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/i;

interface Core {
  text: string;
  /** Written as a bare name (not only as "X, Inc." or as a parent in brackets). */
  bare: boolean;
}

/** A bracket's content is a name only when it reads like one: "(Sentry)", not "(video encoding API)". */
function looksLikeName(s: string): boolean {
  return !PLACE.test(s) && !/[,/;]|\bincl\b/i.test(s) && s.split(/\s+/).every((w) => !/^\p{Ll}/u.test(w));
}

function stripSuffix(s: string): string {
  return s.trim().replace(LEGAL_SUFFIX, '').replace(/[\s,.]+$/, '').trim();
}

/** The forms a catalogue name can take in a document. Exported for lookups by name. */
export function nameCores(raw: string): Core[] {
  const out = new Map<string, Core>();
  const add = (s: string, bareIfUnchanged: boolean): void => {
    const t = stripSuffix(s);
    if (t.length < 2) return;
    const bare = bareIfUnchanged && t === s.trim().replace(/[\s,.]+$/, '');
    const prev = out.get(t);
    out.set(t, { text: t, bare: bare || (prev?.bare ?? false) });
  };
  // "Functional Software, Inc. (d/b/a Sentry)" → both parts, never the two glued together
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(raw);
  if (!paren) add(raw, true);
  else {
    add(paren[1]!, true);
    const inner = paren[2]!.trim();
    const trade = TRADE_NAME.test(inner);
    const name = inner.replace(TRADE_NAME, '');
    if (trade || looksLikeName(name)) add(name, trade);
  }
  return [...out.values()];
}

const SEPARATORS = /[\s\-_.,&/()]+/g;

/** Case-, space- and punctuation-insensitive key: "Help-Scout" = "help scout" = "HelpScout". */
export function nameKey(s: string): string {
  return s.toLowerCase().replace(SEPARATORS, '');
}

/** The words of a name, for telling "Amazon" apart from "Amazon Web Services". */
const words = (s: string): string => s.toLowerCase().replace(SEPARATORS, ' ').trim();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}
const SEP = ' ';

/**
 * One regular expression for every name, as a trie ("str(?:ipe|...)"), so that matching costs
 * about the same with 300 or 3,000 names. Words may be separated by any run of spaces or
 * punctuation, or by nothing when glued; a longer name wins over its prefix (greedy groups).
 */
function namesPattern(names: string[]): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const name of names) {
    let node = root;
    for (const atom of words(name).split('').map((c) => (c === ' ' ? SEP : c))) {
      let next = node.children.get(atom);
      if (!next) node.children.set(atom, (next = { children: new Map(), terminal: false }));
      node = next;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const parts = [...node.children].map(([atom, child]) => (atom === SEP ? '[\\s\\-_.,&/()]*' : escapeRe(atom)) + emit(child));
    if (parts.length === 0) return '';
    const alt = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
    return node.terminal ? `(?:${alt})?` : alt;
  };
  return emit(root);
}

/** The name as found, without a bracket it opened but did not close ("Functional Software, Inc. (d/b/a Sentry"). */
function tidy(matched: string): string {
  const open = (matched.match(/\(/g) ?? []).length;
  const close = (matched.match(/\)/g) ?? []).length;
  return (open === close ? matched : matched.replace(/[()]/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The text between the start of the line and `start`, at most 200 characters of it. */
function lineHead(text: string, start: number): string {
  let i = start;
  while (i > 0 && start - i < 200 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return text.slice(i, start);
}

const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLetter = (c: string): boolean => isLower(c) || isUpper(c);

interface Owner {
  id: string;
  /** The name as the catalogue writes it. */
  name: string;
  singleWord: boolean;
  ordinary: boolean;
  bare: boolean;
  /** Some spelling in the catalogue starts lower-case ("productboard, Inc."): the capital rule is off. */
  lowerOk?: boolean;
}

export class VendorNames {
  private readonly re: RegExp | null;
  private readonly owners = new Map<string, Owner>();
  /** Every entry that claims a key, winners and losers: tells "MessageBird B.V. (SparkPost)" apart. */
  private readonly claims = new Map<string, Map<string, number>>();
  /** Who writes a name in exactly this spelling: "PLAID" is KARTE's company, "Plaid" the fintech. */
  private readonly spellings = new Map<string, Set<string>>();

  constructor(entries: ServiceEntry[], private readonly matcher?: Matcher) {
    // Who claims each name, and how strongly: the service's own name (3) beats the vendor's
    // name (2), the legal entity (1) and an alias (0). "Stripe" is Stripe's name and only an
    // alias (parent company) of Lemon Squeezy, so it means Stripe.
    const bareKeys = new Set<string>();
    const spaced = new Map<string, string>();
    // Every spelling of a key goes into the pattern: "Content Square" and "ContentSquare" alike.
    const forms = new Map<string, string[]>();
    for (const e of entries) {
      const raws: [string, number][] = [[e.name, 3], [e.vendor.name, 2], ...(e.vendor.legal_entity !== 'unknown' ? [[e.vendor.legal_entity, 1] as [string, number]] : []), ...(e.vendor.aliases ?? []).map((a) => [a, 0] as [string, number])];
      for (const [raw, strength] of raws) {
        for (const core of nameCores(raw)) {
          const key = nameKey(core.text);
          const byId = this.claims.get(key) ?? new Map<string, number>();
          byId.set(e.id, Math.max(byId.get(e.id) ?? -1, strength));
          this.claims.set(key, byId);
          if (core.bare) bareKeys.add(key);
          spaced.set(key, words(core.text));
          forms.set(key, [...(forms.get(key) ?? []), core.text]);
          this.spellings.set(core.text, (this.spellings.get(core.text) ?? new Set()).add(e.id));
          if (!this.owners.has(key)) this.owners.set(key, { id: e.id, name: core.text, singleWord: !words(core.text).includes(' '), ordinary: ORDINARY_WORDS.has(words(core.text)), bare: false });
          if (isLower(core.text[0] ?? '')) this.owners.get(key)!.lowerOk = true;
        }
      }
    }
    // Multi-word names by their first word: "amazon" → "Amazon Web Services", "Amazon SES", …
    const byFirstWord = new Map<string, string[]>();
    for (const [k, w] of spaced) {
      const space = w.indexOf(' ');
      if (space > 0) byFirstWord.set(w.slice(0, space), [...(byFirstWord.get(w.slice(0, space)) ?? []), k]);
    }
    for (const [key, byId] of this.claims) {
      const best = Math.max(...byId.values());
      const winners = [...byId].filter(([, s]) => s === best).map(([id]) => id);
      // Equal claims (a parent company's legal entity shared by its products) cannot tell them apart.
      if (winners.length > 1) {
        this.owners.delete(key);
        continue;
      }
      const owner = this.owners.get(key)!;
      owner.id = winners[0]!;
      owner.bare = bareKeys.has(key);
      // A company name that also begins other entries' names ("Amazon" of "Amazon Web Services",
      // "Amazon SES") names a family of services, not the one entry that happens to claim it bare.
      if (owner.singleWord && best < 3 && (byFirstWord.get(spaced.get(key)!) ?? []).some((k) => !this.claims.get(k)!.has(owner.id))) this.owners.delete(key);
    }
    const names = [...this.owners.keys()].flatMap((k) => forms.get(k)!);
    this.re = names.length ? new RegExp(namesPattern(names), 'gi') : null;
  }

  find(text: string): NamedVendor[] {
    if (!this.re) return [];
    const lines = new LineIndex(text);
    const hits: { id: string; key: string; name: string; start: number; end: number }[] = [];
    this.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.re.exec(text)) !== null) {
      const matched = m[0];
      const start = m.index;
      const end = start + matched.length;
      const key = nameKey(matched);
      const owner = this.owners.get(key);
      if (!owner || !this.acceptable(text, start, end, owner)) {
        this.re.lastIndex = start + 1;
        continue;
      }
      // Two vendors whose names differ only in case: the exact spelling decides.
      const spelled = this.spellings.get(matched);
      const id = spelled && spelled.size === 1 && !spelled.has(owner.id) ? [...spelled][0]! : owner.id;
      hits.push({ id, key, name: matched, start, end });
    }
    const dropped = new Set<number>();
    hits.forEach((h, i) => {
      const next = hits[i + 1];
      if (!next || next.id === h.id) return;
      const between = text.slice(h.end, next.start);
      if (!/^[\s,.]*(?:(?:inc|llc|ltd|limited|b\.?v|gmbh|sarl|s\.?a)\.?[\s,]*)*\((?:d\/b\/a|dba|t\/a|trading as|operating as|formerly)?\s*$/i.test(between)) return;
      // "X (Y)": one of the two names the other's vendor. "MessageBird B.V. (d/b/a SparkPost)" and
      // "Twilio Inc. (SendGrid)" mean the bracketed service; "Mailgun (Sinch)" means Mailgun.
      if (this.claims.get(h.key)?.has(next.id)) dropped.add(i);
      else if (this.claims.get(next.key)?.has(h.id)) dropped.add(i + 1);
      else if (/\((?:d\/b\/a|dba|t\/a|trading as|operating as)/i.test(between)) dropped.add(i);
    });
    const found = new Map<string, NamedVendor>();
    hits.forEach((h, i) => {
      if (!dropped.has(i) && !found.has(h.id)) found.set(h.id, { id: h.id, name: tidy(h.name), line: lines.position(h.start).line });
    });
    return [...found.values()].sort((a, b) => a.line - b.line || (a.id < b.id ? -1 : 1));
  }

  private acceptable(text: string, start: number, end: number, owner: Owner): boolean {
    const first = text[start]!;
    const last = text[end - 1]!;
    const before = text[start - 1] ?? ' ';
    const after = text[end] ?? ' ';
    // Part of an e-mail address, a URL path or a host name: not a mention of the vendor.
    if (before === '@' || after === '@' || before === '/' || (before === '.' && isLetter(text[start - 2] ?? ' '))) return false;
    // Glued on the left only at a camel-case seam: "ProcessorChargebee", never "Canada".
    if (isLetter(before) || /\d/.test(before)) {
      if (!(isLower(before) && isUpper(first))) return false;
    }
    // Glued on the right only where a capital starts the next word: "ChargebeeLegal", never "Zoomed".
    if (isLower(after) || /\d/.test(after)) return false;
    if (isUpper(after) && !isLower(last) && !isUpper(last)) return false;
    // A name the vendor writes capitalised must be capitalised: "help scout" in prose is not Help Scout.
    if (isUpper(owner.name[0]!) && !owner.lowerOk && !isUpper(first) && !/\d/.test(first)) return false;
    // "Clerk.io" is a different company from Clerk (clerk.com): a domain after the name must be the vendor's.
    const domain = /^\.([a-z]{2,})\b/i.exec(text.slice(end, end + 20));
    if (domain && this.matcher) {
      const host = `${text.slice(start, end)}.${domain[1]}`.toLowerCase().replace(/\s+/g, '');
      if (this.matcher.matchHost(host) !== owner.id) return false;
    }
    if (owner.ordinary && !this.readsAsName(text, start, end, owner)) return false;
    return true;
  }

  /** For a name that is also an ordinary word: does the context show it is used as a name? */
  private readsAsName(text: string, start: number, end: number, owner: Owner): boolean {
    const rest = text.slice(end, end + 40);
    // Written as a company: "Block, Inc.", "Online SAS" (capitalised, so "Render as HTML" is not).
    if (SUFFIX_AFTER.test(rest) && /^[\s,]*\p{Lu}/u.test(rest)) return true;
    // Known only as "Text, Inc." or as a parent in brackets: the bare word is not enough.
    if (!owner.bare) return false;
    const head = lineHead(text, start);
    // "June 3, 2026", "3 June": a date.
    if (MONTHS.test(owner.name) && (/^[\s,]*\d/.test(rest) || /\d[\s,]*$/.test(head))) return false;
    // Glued at a camel-case seam ("Sub-ProcessorZoom"): a table cell.
    if (/\p{Ll}$/u.test(head)) return true;
    // Followed by a word: a sentence ("Segment the audience") unless the word comes mid-sentence
    // after a lowercase word, where a capital marks a name ("we use Segment for").
    if (!/^[ \t]+\p{L}/u.test(rest)) return true;
    const prev = head.replace(/^\s*(?:[-*•·>#]+|\d+[.)])\s*/, '').trimEnd();
    if (prev === '' || /[.!?:;|"“(\[]$/.test(prev)) return false;
    const prevWord = /(\p{L}[\p{L}\d'’-]*)\W*$/u.exec(prev)?.[1];
    return prevWord === undefined || !/^\p{Lu}/u.test(prevWord) || /[,]$/.test(prev);
  }
}
