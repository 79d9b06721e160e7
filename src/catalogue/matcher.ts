// The compiled catalogue: indices built once so that matching costs the same with 200 or
// 2,000 entries. Hosts are looked up by walking a host's suffixes, packages and imports
// by name and name prefixes, snippets through a literal prefilter (see SnippetIndex).
import type { ServiceEntry } from './types.js';
import type { Detectors, SnippetHit } from '../scan/context.js';
import { CODE_GRAMS_PER_MILLION } from './code-grams.generated.js';
import { SNIPPET_PLAN } from './snippet-plan.generated.js';
import { GRAM, GRAM_MASK, gramKey, gramHits } from './gram-scan.js';
import { isWordCode } from '../scan/source-file.js';
import { getPublicSuffix } from 'tldts';

interface HostRule {
  id: string;
  /** null: the whole host; else a path pattern. */
  path: RegExp | null;
  pathLength: number;
}

const IMPORT_SEPARATORS: Record<string, string> = { c: '/', python: '.', java: '.', csharp: '.', elixir: '.', php: '\\', ruby: '/', rust: '::', go: '/', npm: '/' };

function pathPattern(path: string): RegExp {
  const body = path
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${body}`, 'i');
}

export const normalisePypi = (n: string): string => n.toLowerCase().replace(/[._]+/g, '-');

/** A package name as the index holds it: PyPI names normalised, Composer and Swift package names and image repositories in lower case. */
const packageName = (ecosystem: string, name: string): string =>
  ecosystem === 'pypi' ? normalisePypi(name) : ecosystem === 'composer' || ecosystem === 'swiftpm' || ecosystem === 'docker' ? name.toLowerCase() : name;

const HOST_CACHE_LIMIT = 50_000;

/** The first answer `found` gives for a host's suffixes, `a.b.c` then `b.c` then `c`: the names a host rule may be written for. */
function bySuffix<T>(host: string, found: (suffix: string) => T | undefined): T | undefined {
  for (let h = host; ; ) {
    const answer = found(h);
    if (answer !== undefined) return answer;
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

/** What a switched_off pattern's owner ends with: a space, which no entry id holds (nor a comma). */
const SWITCHED_OFF = ' off';
// A snippet written against markup: a tag (`<hyvor-talk-comments\b`) or an attribute's name and
// its `=` (`class=['"]g-recaptcha`, `\bdata-ad-client\s*=`), not a script's assignment (`_hmt =`).
const MARKUP_SHAPED = /<[a-z]|(?:^|\\b|[^\w.$\\])(?:class|id|name|rel|type|property|content|custom-element|data-[\w-]+)(?:\\s\*)?=/;

/** The lengths and first bytes of the first segments of a language's imports: most import lines of a file are ruled out by a byte and a length. */
export interface ImportHeads {
  lengths: ReadonlySet<number>;
  firstBytes: Uint8Array;
}

export class Matcher implements Detectors {
  readonly byId = new Map<string, ServiceEntry>();
  private readonly hosts = new Map<string, HostRule[]>();
  /**
   * Rules of domains written with `.*` for their public suffix (`maps.google.*`: a company's
   * country domains, maps.google.de and google.com.au/maps), by the host's name without it.
   */
  private readonly anySuffixHosts = new Map<string, HostRule[]>();
  /** The label before each `.*` (`google.`): a host without one needs no public-suffix lookup. */
  private readonly anySuffixLabels: string[] = [];
  private readonly regions = new Map<string, string>();
  private readonly packages = new Map<string, string>();
  private readonly packagePrefixes = new Map<string, string>();
  private readonly imports = new Map<string, string>();
  private readonly env = new Map<string, string>();
  private readonly envPrefixes = new Map<string, string>();
  /** The first segment (up to and with its underscore) of every catalogue variable and prefix. */
  private readonly envHeads = new Set<string>();
  private readonly terraform = new Map<string, string>();
  private readonly snippetIndex: SnippetIndex;
  /** The snippets that spell markup (a tag, an attribute): searched in a page's start tags. */
  private readonly markupIndex: SnippetIndex;

  constructor(readonly entries: ServiceEntry[]) {
    const snippetSources: string[] = [];
    const snippetOwners: string[] = [];
    // Libraries that read the same opt-out (ANONYMIZED_TELEMETRY) share one pattern.
    const switchedOff = new Map<string, string[]>();
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const d of e.detect.domains ?? []) {
        const clean = d.replace(/^\*\./, '').toLowerCase();
        const slash = clean.indexOf('/');
        let host = slash < 0 ? clean : clean.slice(0, slash);
        const path = slash < 0 ? null : clean.slice(slash);
        let index = this.hosts;
        if (host.endsWith('.*')) {
          host = host.slice(0, -2);
          index = this.anySuffixHosts;
          const label = host.slice(host.lastIndexOf('.') + 1) + '.';
          if (!this.anySuffixLabels.includes(label)) this.anySuffixLabels.push(label);
        }
        const rules = index.get(host) ?? [];
        rules.push({ id: e.id, path: path ? pathPattern(path) : null, pathLength: path?.length ?? 0 });
        rules.sort((a, b) => b.pathLength - a.pathLength);
        index.set(host, rules);
      }
      for (const r of e.detect.regions ?? []) this.regions.set(r.host.replace(/^\*\./, '').toLowerCase(), r.region);
      for (const [eco, names] of Object.entries(e.detect.packages ?? {})) {
        for (const raw of names ?? []) {
          const name = packageName(eco, raw);
          if (name.endsWith('/*') || name.endsWith(':*')) this.packagePrefixes.set(`${eco}:${name.slice(0, -1)}`, e.id);
          else this.packages.set(`${eco}:${name}`, e.id);
          // Imports that equal the package name: npm, go module paths, crates (with - → _), gems.
          if (eco === 'npm') this.imports.set(`npm:${name.replace(/\/\*$/, '')}`, e.id);
          if (eco === 'go') this.imports.set(`go:${name}`, e.id);
          if (eco === 'cargo') this.imports.set(`rust:${name.replace(/-/g, '_')}`, e.id);
          if (eco === 'gem') this.imports.set(`ruby:${name}`, e.id);
          // …unless the entry names modules of the package as its imports: then only those talk to
          // the service (geoip2.webservice does, geoip2.database reads a local file).
          if (eco === 'pypi' && !/[-.]/.test(raw) && !e.detect.imports?.python?.some((i) => i.toLowerCase().startsWith(`${raw.toLowerCase()}.`))) this.imports.set(`python:${raw.toLowerCase()}`, e.id);
          if (eco === 'pub') this.imports.set(`pub:${name}`, e.id);
          // A pod's Swift module mostly has the pod's name (import Firebase, import Mixpanel).
          // Segment's old pod is called Analytics, as are many apps' own analytics modules.
          if (eco === 'cocoapods' && /^[A-Za-z_]\w*$/.test(raw) && raw !== 'Analytics') this.imports.set(`swift:${raw}`, e.id);
        }
      }
      for (const [lang, names] of Object.entries(e.detect.imports ?? {})) {
        for (const n of names ?? []) this.imports.set(`${lang}:${n.replace(/\\+$/, '')}`, e.id);
      }
      for (const v of e.detect.env ?? []) {
        if (v.endsWith('_')) this.envPrefixes.set(v, e.id);
        else this.env.set(v, e.id);
        this.envHeads.add(v.slice(0, v.indexOf('_') + 1));
      }
      for (const v of camelCaseSpellings(e)) {
        if (this.env.has(v)) continue;
        this.env.set(v, e.id);
        this.envHeads.add(v.slice(0, v.indexOf('_') + 1));
      }
      for (const t of e.detect.terraform ?? []) this.terraform.set(t, e.id);
      for (const s of e.detect.snippets ?? []) {
        snippetSources.push(s);
        snippetOwners.push(e.id);
      }
      for (const s of e.detect.switched_off ?? []) switchedOff.set(s, [...(switchedOff.get(s) ?? []), e.id]);
    }
    // Searched in the same pass as the snippets, under an owner no entry id can be: the ids it
    // switches off, then SWITCHED_OFF.
    for (const [s, ids] of switchedOff) {
      snippetSources.push(s);
      snippetOwners.push(ids.join(',') + SWITCHED_OFF);
    }
    this.snippetIndex = new SnippetIndex(snippetSources, snippetOwners);
    const markup = snippetSources.map((_, i) => i).filter((i) => MARKUP_SHAPED.test(snippetSources[i]!) && !snippetOwners[i]!.endsWith(SWITCHED_OFF));
    this.markupIndex = new SnippetIndex(
      markup.map((i) => snippetSources[i]!),
      markup.map((i) => snippetOwners[i]!),
    );
  }

  /** Per host, the entry owning it when no rule on its suffixes narrows by path; null when one does. */
  private readonly hostIds = new Map<string, string | undefined | null>();

  /** The entry owning a host (longest matching suffix; path-narrowed rules first). */
  matchHost(host: string, path = '/'): string | undefined {
    // Evidence repeats hosts (a large tree: 300,000 pieces, a few thousand hosts), so a host
    // that no path-narrowed rule concerns is looked up once; the cache is bounded.
    const known = this.hostIds.get(host);
    if (known !== undefined && known !== null) return known;
    if (known === undefined && this.hostIds.has(host)) return undefined;
    if (known === null) return this.walkHost(host, path);
    if (this.hostIds.size >= HOST_CACHE_LIMIT) this.hostIds.clear();
    if (this.narrowedByPath(host)) {
      this.hostIds.set(host, null);
      return this.walkHost(host, path);
    }
    const id = this.walkHost(host, path);
    this.hostIds.set(host, id);
    return id;
  }

  /** Some rule on one of the host's suffixes narrows by path. */
  private narrowedByPath(host: string): boolean {
    const pathRule = (index: Map<string, HostRule[]>) => (h: string): true | undefined => (index.get(h)?.some((r) => r.path) ? true : undefined);
    if (bySuffix(host.toLowerCase(), pathRule(this.hosts))) return true;
    const name = this.withoutPublicSuffix(host);
    return name !== undefined && bySuffix(name, pathRule(this.anySuffixHosts)) === true;
  }

  private walkHost(host: string, path: string): string | undefined {
    const first = (index: Map<string, HostRule[]>, name: string): string | undefined => bySuffix(name, (h) => index.get(h)?.find((r) => !r.path || r.path.test(path))?.id);
    const id = first(this.hosts, host.toLowerCase());
    if (id !== undefined) return id;
    const name = this.withoutPublicSuffix(host);
    return name === undefined ? undefined : first(this.anySuffixHosts, name);
  }

  /** `maps.google.com.au` → `maps.google`, when a `.*` rule may concern the host; else undefined. */
  private withoutPublicSuffix(host: string): string | undefined {
    const h = host.toLowerCase();
    if (!this.anySuffixLabels.some((label) => h.startsWith(label) || h.includes('.' + label))) return undefined;
    const suffix = getPublicSuffix(h, { allowPrivateDomains: false });
    return suffix && h.length > suffix.length + 1 && h.endsWith('.' + suffix) ? h.slice(0, -suffix.length - 1) : undefined;
  }

  regionFor(host: string): string | undefined {
    let h = host.toLowerCase();
    for (;;) {
      const r = this.regions.get(h);
      if (r) return r;
      const dot = h.indexOf('.');
      if (dot < 0) return undefined;
      h = h.slice(dot + 1);
    }
  }

  matchPackage(ecosystem: string, name: string): string | undefined {
    const n = packageName(ecosystem, name);
    const exact = this.packages.get(`${ecosystem}:${n}`);
    if (exact) return exact;
    if (ecosystem === 'npm' && n.startsWith('@')) return this.packagePrefixes.get(`npm:${n.slice(0, n.indexOf('/') + 1)}`);
    if (ecosystem === 'maven') return this.packagePrefixes.get(`maven:${n.slice(0, n.indexOf(':') + 1)}`);
    if (ecosystem === 'go') return this.matchImport('go', n);
    // An image under a vendor's own organisation or registry path: datadog/*, gcr.io/datadoghq/*.
    if (ecosystem === 'docker') {
      for (let cut = n.lastIndexOf('/'); cut > 0; cut = n.lastIndexOf('/', cut - 1)) {
        const id = this.packagePrefixes.get(`docker:${n.slice(0, cut + 1)}`);
        if (id) return id;
      }
    }
    // A CocoaPods subspec (Firebase/Analytics) belongs to its pod unless the catalogue names the subspec.
    if (ecosystem === 'cocoapods' && n.includes('/')) return this.packages.get(`cocoapods:${n.slice(0, n.indexOf('/'))}`);
    return undefined;
  }

  /** Import paths match on whole segments: com.stripe matches com.stripe.model but not com.stripes. */
  matchImport(language: string, module: string): string | undefined {
    const sep = IMPORT_SEPARATORS[language] ?? '.';
    let m = language === 'php' ? module.replace(/^\\/, '') : module;
    if (language === 'npm') return this.matchPackage('npm', m) ?? this.imports.get(`npm:${m}`);
    if (language === 'python') m = m.toLowerCase();
    for (;;) {
      const id = this.imports.get(`${language}:${m}`);
      if (id) return id;
      const cut = m.lastIndexOf(sep);
      if (cut <= 0) break;
      m = m.slice(0, cut);
    }
    if (language === 'go') {
      // github.com/stripe/stripe-go/v76 → github.com/stripe/stripe-go
      const noMajor = module.replace(/\/v\d+(?=\/|$)/, '');
      if (noMajor !== module) return this.matchImport('go', noMajor);
    }
    return undefined;
  }

  snippets(code: string, source?: string): SnippetHit[] {
    return this.snippetIndex.find(code, source).flatMap(([at, match, owner]): SnippetHit[] =>
      owner.endsWith(SWITCHED_OFF) ? owner.slice(0, -SWITCHED_OFF.length).split(',').map((id) => [at, match, id, true]) : [[at, match, owner]],
    );
  }
  snippetMatchesIn(code: string, source: string): boolean {
    return this.snippetIndex.matchesIn(code, source);
  }

  mayHaveSnippets(text: string): boolean {
    return this.snippetIndex.mayMatch(text);
  }

  markupSnippets(text: string): SnippetHit[] {
    if (!this.markupIndex.mayMatch(text)) return [];
    return this.markupIndex.find(text, text).map(([at, match, owner]): SnippetHit => [at, match, owner]);
  }

  knownHost(host: string, path?: string): boolean {
    return this.matchHost(host, path) !== undefined;
  }

  listsHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  private claimedDomains: Set<string> | undefined;

  /** Whether an entry claims this domain or a host under it (jquery.com holds the CDN's code.jquery.com). */
  claimsUnder(domain: string): boolean {
    if (!this.claimedDomains) {
      this.claimedDomains = new Set();
      for (const host of this.hosts.keys()) {
        for (let rest = host; ; rest = rest.slice(rest.indexOf('.') + 1)) {
          this.claimedDomains.add(rest);
          if (!rest.includes('.')) break;
        }
      }
    }
    return this.claimedDomains.has(domain);
  }

  knownImport(language: string, module: string): boolean {
    return this.matchImport(language, module) !== undefined;
  }

  private readonly heads = new Map<string, ImportHeads>();

  /** The first path segments of a language's catalogue imports, for a prefilter over raw bytes (see ImportHeads). */
  importHeads(language: string): ImportHeads {
    let heads = this.heads.get(language);
    if (!heads) {
      const sep = IMPORT_SEPARATORS[language] ?? '.';
      const names = new Set<string>();
      for (const key of this.imports.keys()) if (key.startsWith(`${language}:`)) names.add(key.slice(language.length + 1).split(sep)[0]!);
      const firstBytes = new Uint8Array(256);
      for (const n of names) firstBytes[n.charCodeAt(0) & 255] = 1;
      heads = { lengths: new Set([...names].map((n) => n.length)), firstBytes };
      this.heads.set(language, heads);
    }
    return heads;
  }

  envName(name: string, prefixes = true): string | undefined {
    const id = this.envNameAsWritten(name, prefixes);
    if (id !== undefined) return id;
    // A framework's prefix puts a variable in the browser bundle or its own settings
    // (VITE_SENTRY_DSN, EXPO_PUBLIC_SENTRY_DSN, DJANGO_SENTRY_DSN): the rest is the vendor's name.
    const m = FRAMEWORK_FIRST.has(name.charCodeAt(0)) ? FRAMEWORK_PREFIX.exec(name) : null;
    if (m) {
      const framework = this.envNameAsWritten(name.slice(m[0].length), prefixes);
      if (framework !== undefined) return framework;
    }
    // A project's own prefix of one or two words before a vendor's variable (NEXT_PRIVATE_RESEND_API_KEY,
    // ACME_SENTRY_DSN): only a name the catalogue lists whole, never a vendor's prefix alone.
    for (let i = name.indexOf('_'), words = 0; i > 0 && words < 2; i = name.indexOf('_', i + 1), words++) {
      const cut = name.indexOf('_', i + 1);
      if (cut < 0 || !this.envHeads.has(name.slice(i + 1, cut + 1))) continue;
      const exact = this.env.get(name.slice(i + 1));
      if (exact !== undefined) return exact;
    }
    return undefined;
  }

  private envNameAsWritten(name: string, prefixes: boolean): string | undefined {
    // Most upper-case names in code (MAX_RETRIES, HTTP_OK) share no first segment with any vendor's.
    const cut = name.indexOf('_');
    if (cut > 0 && !this.envHeads.has(name.slice(0, cut + 1))) return undefined;
    const exact = this.env.get(name);
    if (exact || !prefixes) return exact;
    // Prefixes end at an underscore, so try each underscore-delimited head of the name.
    for (let i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
      const id = this.envPrefixes.get(name.slice(0, i + 1));
      if (id) return id;
    }
    return undefined;
  }

  envHead(segment: string): boolean {
    return this.envHeads.has(segment + '_');
  }

  /** Each catalogue variable cut at one or two of its underscores: first piece → the pieces after it. Built when first asked. */
  private spellings: Map<string, string[][]> | undefined;

  spellsEnvName(pieces: ReadonlySet<string>): boolean {
    this.spellings ??= envSpellings(this.env.keys());
    for (const piece of pieces) for (const rest of this.spellings.get(piece) ?? []) if (rest.every((r) => pieces.has(r))) return true;
    return false;
  }

  terraformProvider(name: string): string | undefined {
    return this.terraform.get(name);
  }
}

/**
 * A vendor whose name has a capital inside (SendGrid, PayPal, OpenAI) has its variables written
 * whole (SENDGRID_API_KEY), but a config key spells the name as it is written (`"SendGrid":
 * {"ApiKey": …}` in an appsettings.json), and the key reader splits it at the capital
 * (SEND_GRID_API_KEY, as envSegment() does). Each such variable is also known in that spelling.
 */
function camelCaseSpellings(e: ServiceEntry): string[] {
  const out: string[] = [];
  for (const word of new Set(`${e.name} ${e.vendor.name}`.split(/[^A-Za-z0-9]+/))) {
    if (!/[a-z0-9][A-Z]/.test(word)) continue;
    const glued = word.toUpperCase();
    const split = word.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
    for (const v of e.detect.env ?? []) if (!v.endsWith('_') && v.startsWith(glued + '_')) out.push(split + v.slice(glued.length));
  }
  return out;
}

// Next.js, Create React App, Vite, Expo, Nuxt, Gatsby, Vue CLI, SvelteKit and Astro, Storybook, Django settings.
const FRAMEWORK_PREFIXES = ['NEXT_PUBLIC', 'REACT_APP', 'VITE', 'EXPO_PUBLIC', 'NUXT_PUBLIC', 'NUXT_ENV', 'GATSBY', 'VUE_APP', 'PUBLIC', 'STORYBOOK', 'DJANGO'];
const FRAMEWORK_PREFIX = new RegExp(`^(?:${FRAMEWORK_PREFIXES.join('|')})_`);
const FRAMEWORK_FIRST = new Set(FRAMEWORK_PREFIXES.map((p) => p.charCodeAt(0)));

/** Every way of writing each name as one, two or three pieces joined by '_' (a config key spells one piece a segment): first piece → the rest. */
function envSpellings(names: Iterable<string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const add = (first: string, rest: string[]): void => {
    const list = out.get(first);
    if (list) list.push(rest);
    else out.set(first, [rest]);
  };
  for (const name of names) {
    const cuts: number[] = [];
    for (let i = name.indexOf('_'); i >= 0; i = name.indexOf('_', i + 1)) cuts.push(i);
    add(name, []);
    for (let a = 0; a < cuts.length; a++) {
      const first = name.slice(0, cuts[a]);
      add(first, [name.slice(cuts[a]! + 1)]);
      for (let b = a + 1; b < cuts.length; b++) add(first, [name.slice(cuts[a]! + 1, cuts[b]), name.slice(cuts[b]! + 1)]);
    }
  }
  return out;
}

// Snippets are regular expressions, hundreds of them. One alternation of them all costs V8
// tens of microseconds per character (every alternative is tried at every offset), which made
// a 3 MB bundle take minutes. So each snippet is indexed by a literal that every match contains;
// one pass over the text with a rolling hash of GRAM characters finds which literals occur, and
// only the snippets whose literal occurs (usually none) run, each as its own regular expression
// (so V8 can skip ahead to its literal), merged so that the matches are exactly those the
// alternation of all snippets in catalogue order would find.

// Words every codebase is full of: a gram inside one of them would send most files to the regexes.
const COMMON_WORDS = ['function', 'return', 'window', 'document', 'import', 'export', 'require', 'const', 'class', 'script', 'string', 'https', 'http', 'www.', '.com', '.net', '.org', '.io/', '.js', 'init', 'track', 'new ', 'this.', 'var ', 'data', 'type', 'name', 'config', 'client', 'api.', 'cdn.', 'static', 'event', 'user', 'load', 'create', 'set', 'get', 'from', 'process.env', 'push', 'call', 'page', 'send', 'query', 'util', 'analytics', 'id=', 'class=', 'src=', 'href=', '<html', 'group', 'module', 'default', 'tion', 'ing', 'ent', 'the', 'and', 'con', 'pro', 'com', 'ion', 'ate', 'ter', 'res', 'per', 'ver', 'rea', 'ace', 'app'];

/** How common a gram is in ordinary code and markup, by hand: the tie-break among grams the table calls rare. */
function gramGuess(gram: string): number {
  let cost = 0;
  for (const c of gram) {
    if (' etaoinsrlcdu.()\'";,=\n\t'.includes(c)) cost += 4;
    else if (/[a-z/:\-<>]/.test(c)) cost += 3;
    else if (/[A-Z0-9_]/.test(c)) cost += 2;
    else cost += 1;
  }
  if (/^[a-z]+$/.test(gram)) cost += 3;
  if (COMMON_WORDS.some((w) => w.includes(gram))) cost += 8;
  return cost;
}

const GRAM_FREQUENCY = new Map(Object.entries(CODE_GRAMS_PER_MILLION));

/**
 * A cost of a gram appearing in ordinary code: lower is rarer. Measured frequencies in real code
 * (data/code-grams.json) first: a gram the table knows costs more than any it does not, the
 * commoner the more; the hand-made guess orders the rest.
 */
function gramCost(gram: string): number {
  const perMillion = GRAM_FREQUENCY.get(gram);
  return perMillion === undefined ? gramGuess(gram) / 100 : 1 + Math.log2(1 + perMillion);
}

/** The rarest gram of a literal: [offset, cost]. */
function rarestGram(literal: string): [number, number] {
  let best: [number, number] = [0, Infinity];
  for (let i = 0; i + GRAM <= literal.length; i++) {
    const cost = gramCost(literal.slice(i, i + GRAM));
    if (cost < best[1]) best = [i, cost];
  }
  return best;
}

/** End of the group or class that opens at `i` (exclusive), honouring escapes and nested classes. */
function skipBracketed(src: string, i: number): number {
  if (src[i] === '[') {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === ']') return j + 1;
    }
    return src.length;
  }
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = skipBracketed(src, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** The top-level alternatives of a pattern. */
function topLevelBranches(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[' || c === '(') i = skipBracketed(src, i) - 1;
    else if (c === '|') {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

const ESCAPED_CHARS: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };

/**
 * What every match of a pattern without top-level `|` contains: runs of literal characters,
 * and the groups it must pass through (their inner pattern).
 */
export function mandatoryParts(src: string): { literals: string[]; groups: string[]; wordStarts: Set<string> } {
  const runs: string[] = [];
  const groups: string[] = [];
  // Runs right after \b that begin with a word character: every match has them at a word's start.
  const wordStarts = new Set<string>();
  let run = '';
  let runStartsWord = false;
  let afterBoundary = false;
  const endRun = (): void => {
    if (run) runs.push(run);
    if (run && runStartsWord) wordStarts.add(run);
    run = '';
    runStartsWord = false;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const boundaryBefore = afterBoundary;
    afterBoundary = c === '\\' && src[i + 1] === 'b';
    // atom: a literal character, or null for anything that is not one (classes, groups, escapes like \s)
    let atom: string | null = null;
    let group: string | null = null;
    let zeroWidth = false;
    if (c === '\\') {
      const e = src[i + 1] ?? '';
      i += 2;
      if (e === 'b' || e === 'B') zeroWidth = true;
      else if (ESCAPED_CHARS[e]) atom = ESCAPED_CHARS[e]!;
      else if (/[A-Za-z0-9]/.test(e) || e === '') {
        // \d \s \w, back-references, \xHH, \uHHHH, \cX, \k<name>, \p{…}: not a literal; skip their arguments
        if (e === 'x') i += 2;
        else if (e === 'u') i = src[i] === '{' ? src.indexOf('}', i) + 1 : i + 4;
        else if (e === 'c') i += 1;
        else if ((e === 'k' && src[i] === '<') || ((e === 'p' || e === 'P') && src[i] === '{')) i = src.indexOf(src[i] === '<' ? '>' : '}', i) + 1;
        if (i <= 0) i = src.length;
      } else atom = e;
    } else if (c === '[') {
      i = skipBracketed(src, i);
    } else if (c === '(') {
      const end = skipBracketed(src, i);
      const inner = src.slice(i + 1, end - 1);
      // (?:…) and (?<name>…) are groups; lookarounds match nothing
      const m = /^(?:\?(?::|<(?![=!])[^>]*>))?/.exec(inner)!;
      if (!/^\?<?[=!]/.test(inner)) group = inner.slice(m[0].length);
      i = end;
    } else if (c === '.') {
      i++;
    } else if (c === '^' || c === '$') {
      zeroWidth = true;
      i++;
    } else {
      atom = c;
      i++;
    }
    // quantifier
    let min = 1;
    let exact = true;
    const q = src[i];
    if (q === '*' || q === '?' || q === '+') {
      min = q === '+' ? 1 : 0;
      exact = false;
      i++;
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (m) {
        min = Number(m[1]);
        exact = m[2] === undefined || m[3] === m[1];
        i += m[0].length;
      }
    }
    if (src[i] === '?' && (q === '*' || q === '?' || q === '+' || q === '{')) i++; // lazy
    if (group !== null && min > 0) groups.push(group);
    // A space ends a literal too: comments are blanked to spaces in the code snippets run on, so
    // a literal with a space could occur in the code and not in the text it came from, and the
    // text's candidates must cover the code's (see find()).
    if (zeroWidth || atom === null || min === 0 || atom === ' ') {
      endRun();
      continue;
    }
    if (run === '' && boundaryBefore && WORD_CHAR.test(atom)) runStartsWord = true;
    run += atom.repeat(min);
    if (!exact) endRun();
  }
  endRun();
  return { literals: runs, groups, wordStarts };
}

/** A character \b counts as part of a word (snippets are compiled without the u and i flags). */
const WORD_CHAR = /^\w/;

/** A literal the prefilter looks for; `wordStart`: only where it starts a word (it follows \b in the snippet). */
interface Anchor {
  literal: string;
  wordStart: boolean;
}

/**
 * Literals such that every match of a snippet contains at least one of them, chosen to be rare
 * in ordinary code: per top-level alternative its rarest mandatory literal, or else the
 * literals of a group it must pass through. Null when there are none of at least GRAM
 * characters (such a snippet runs on every text).
 */
export function requiredLiterals(source: string): string[] | null {
  return requiredClauses(source)?.map((clause) => clause[0]!) ?? null;
}

/** How many of a branch's mandatory literals the prefilter requires together. */
const LITERALS_PER_CLAUSE = 2;

/**
 * Like requiredLiterals, but each alternative stands as a clause of up to two of its rarest
 * mandatory literals, all of which every match of that alternative contains: a text must hold
 * every literal of some clause. `new\s+Expo\s*\(\s*\{\s*accessToken` needs "Expo" and
 * "accessToken", so a file that only says "Export" is never searched for it.
 */
export function requiredClauses(source: string): string[][] | null {
  return requiredAnchors(source)?.map((clause) => clause.map((a) => a.literal)) ?? null;
}

/**
 * requiredClauses with, for each literal, whether every match has it at the start of a word:
 * `\bire\(` must not send every file that calls `require` to the search.
 */
function requiredAnchors(source: string): Anchor[][] | null {
  const out: Anchor[][] = [];
  for (const branch of topLevelBranches(source)) {
    const { literals, groups, wordStarts } = mandatoryParts(branch);
    const ranked = [...new Set(literals.filter((l) => l.length >= GRAM))]
      .map((literal) => ({ literal, wordStart: wordStarts.has(literal), cost: rarestGram(literal)[1] }))
      .sort((a, b) => a.cost - b.cost || b.literal.length - a.literal.length);
    if (ranked.length > 0) {
      out.push(ranked.slice(0, LITERALS_PER_CLAUSE).map(({ literal, wordStart }) => ({ literal, wordStart })));
      continue;
    }
    const inGroup = groups.map(requiredAnchors).find((g) => g !== null);
    if (!inGroup) return null;
    out.push(...inGroup);
  }
  return out;
}

/**
 * What the prefilter looks for in one snippet, per clause: [literal, starts a word, offset of the
 * literal's rarest gram]. Worked out for the catalogue's snippets at build time (SNIPPET_PLAN):
 * it took 50 ms of every thread's start.
 */
export type SnippetPlan = [string, boolean, number][][] | null;

export function planSnippet(source: string): SnippetPlan {
  return requiredAnchors(source)?.map((clause) => clause.map(({ literal, wordStart }): [string, boolean, number] => [literal, wordStart, rarestGram(literal)[0]])) ?? null;
}

/** Whether `literal` occurs at `at` in `text`, and (for a word-start anchor) no word character precedes it. */
const anchoredAt = (text: string, literal: string, wordStart: boolean, at: number): boolean =>
  text.startsWith(literal, at) && !(wordStart && at > 0 && isWordCode(text.charCodeAt(at - 1)));

/** Whether an anchor occurs anywhere in `text`. */
function anchorIn(text: string, literal: string, wordStart: boolean): boolean {
  if (!wordStart) return text.includes(literal);
  for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) if (anchoredAt(text, literal, true, at)) return true;
  return false;
}

class SnippetIndex {
  private readonly anchors: string[] = [];
  private readonly wordStart: boolean[] = [];
  /** Offset of each anchor's rarest gram: where the one pass over a text looks for it. */
  private readonly gramAt: number[] = [];
  /** For each anchor that is the first (rarest) literal of some clause, the snippets with such a clause. */
  private readonly anchorSnippets: number[][] = [];
  /** For each snippet, its clauses as anchor ids, rarest first: a text that holds every anchor of one clause is searched. */
  private readonly clauses: number[][][] = [];
  /** Gram hash → anchor, offset of the gram in the anchor, anchor, offset, … (first literals only) */
  private readonly grams = new Map<number, number[]>();
  private readonly gramBits = new Uint32Array((GRAM_MASK + 1) >>> 5);
  /** Snippets without a usable literal: they run on every text. */
  private readonly always: number[] = [];
  private readonly regexps: (RegExp | undefined)[] = [];
  /** Per text: 1 = the anchor occurs, 2 = it was looked for and does not. */
  private readonly seen: Uint8Array;

  constructor(
    private readonly sources: string[],
    private readonly owners: string[],
  ) {
    const anchorIds = new Map<string, number>();
    const anchorFor = ([literal, wordStart, at]: [string, boolean, number]): number => {
      const key = (wordStart ? 'w' : '-') + literal;
      let a = anchorIds.get(key);
      if (a === undefined) {
        a = this.anchors.length;
        anchorIds.set(key, a);
        this.anchors.push(literal);
        this.wordStart.push(wordStart);
        this.gramAt.push(at);
        this.anchorSnippets.push([]);
      }
      return a;
    };
    const scanned = new Set<number>();
    sources.forEach((src, s) => {
      const clauses = Object.hasOwn(SNIPPET_PLAN, src) ? SNIPPET_PLAN[src]! : planSnippet(src);
      this.clauses.push(clauses?.map((c) => c.map(anchorFor)) ?? []);
      if (!clauses) {
        this.always.push(s);
        return;
      }
      // Only a clause's rarest literal is looked for in the one pass over the text; the others
      // (often common words: "init", "track") are checked with includes() once it is found.
      for (const [first] of this.clauses[s]!) {
        if (!this.anchorSnippets[first!]!.includes(s)) this.anchorSnippets[first!]!.push(s);
        scanned.add(first!);
      }
    });
    for (const a of scanned) {
      const lit = this.anchors[a]!;
      const at = this.gramAt[a]!;
      const key = gramKey(lit, at);
      const list = this.grams.get(key) ?? [];
      list.push(a, at);
      this.grams.set(key, list);
      this.gramBits[key >>> 5]! |= 1 << (key & 31);
    }
    this.seen = new Uint8Array(this.anchors.length);
  }

  /** The snippets that can match somewhere in the text, in catalogue order. */
  private candidates(text: string): number[] {
    const found: number[] = [];
    for (const i of gramHits(text, this.gramBits)) this.verify(text, gramKey(text, i - (GRAM - 1)), i - (GRAM - 1), found);
    if (found.length === 0) return this.always;
    const seen = this.seen;
    const looked: number[] = [];
    const holds = (a: number): boolean => {
      if (seen[a] === 0) {
        seen[a] = anchorIn(text, this.anchors[a]!, this.wordStart[a]!) ? 1 : 2;
        looked.push(a);
      }
      return seen[a] === 1;
    };
    const snippets = new Set(this.always);
    for (const a of found) {
      for (const s of this.anchorSnippets[a]!) {
        if (!snippets.has(s) && this.clauses[s]!.some((clause) => seen[clause[0]!] === 1 && clause.every(holds))) snippets.add(s);
      }
    }
    for (const a of found) seen[a] = 0;
    for (const a of looked) seen[a] = 0;
    return [...snippets].sort((x, y) => x - y);
  }

  /** The last text mayMatch() looked at, and its candidates, for find() on that text's code. */
  private last: { text: string; candidates: number[] } | undefined;

  /** False only when no snippet can match anywhere in the text. */
  mayMatch(text: string): boolean {
    const candidates = this.candidates(text);
    this.last = { text, candidates };
    return candidates.length > 0;
  }

  /**
   * Whether a snippet matches somewhere in `code`: the candidates of `source` (the last text
   * mayMatch() looked at, which `code` is, or is with its comments blanked) are kept for find().
   */
  matchesIn(code: string, source: string): boolean {
    const snippets = this.last?.text === source ? this.last.candidates : this.candidates(code);
    return snippets.some((s) => {
      const re = this.regexp(s);
      re.lastIndex = 0;
      return re.test(code);
    });
  }

  /** Records the anchors that the gram at `gramStart` really starts or continues. */
  private verify(text: string, h: number, gramStart: number, found: number[]): void {
    const list = this.grams.get(h)!;
    for (let k = 0; k < list.length; k += 2) {
      const a = list[k]!;
      if (this.seen[a]) continue;
      const start = gramStart - list[k + 1]!;
      if (start >= 0 && anchoredAt(text, this.anchors[a]!, this.wordStart[a]!, start)) {
        this.seen[a] = 1;
        found.push(a);
      }
    }
  }

  private regexp(s: number): RegExp {
    return (this.regexps[s] ??= new RegExp(this.sources[s]!, 'g'));
  }

  /**
   * The matches of the alternation of `snippets` (in catalogue order), computed from each
   * snippet's own next match: the leftmost wins, the earlier snippet on a tie, and snippets
   * whose next match the winner overlaps search again from where it ends.
   */
  find(code: string, source?: string): [number, string, string][] {
    // `code` is `source` with comments blanked to spaces, and no literal holds a space: every
    // literal in the code is in the source, so the source's candidates, if known, cover the code's.
    const snippets = source !== undefined && this.last?.text === source ? this.last.candidates : this.candidates(code);
    this.last = undefined;
    if (snippets.length === 0) return [];
    const next: (RegExpExecArray | null)[] = snippets.map((s) => {
      const re = this.regexp(s);
      re.lastIndex = 0;
      return re.exec(code);
    });
    const out: [number, string, string][] = [];
    for (;;) {
      let win = -1;
      for (let k = 0; k < snippets.length; k++) {
        const m = next[k];
        if (m && (win < 0 || m.index < next[win]!.index)) win = k;
      }
      if (win < 0) return out;
      const m = next[win]!;
      if (m[0].length > 0) out.push([m.index, m[0], this.owners[snippets[win]!]!]);
      const pos = m.index + Math.max(1, m[0].length);
      for (let k = 0; k < snippets.length; k++) {
        if (next[k] && next[k]!.index < pos) {
          const re = this.regexp(snippets[k]!);
          re.lastIndex = pos;
          next[k] = re.exec(code);
        }
      }
    }
  }
}
