// Source code and config in any language: URLs and catalogue hosts in string literals (never
// in comments or docstrings), SDK imports, catalogue snippets, and vendor environment variables
// and config keys. Every search runs over the lexer's output, so a comment can't be evidence.
import type { ExtractContext, Detectors } from '../context.js';
import { lex, lexIncrementally, LANGUAGES, stringAt, firstStringFrom, type Language, type Lexed, type StringToken, type IncrementalLex } from '../lexer.js';
import { findUrls, type UrlMatch, bareHost, registrableDomain, siteDomain, urlFrom, neverAFlow, hostNeverAFlow, placeholderDomain } from '../urls.js';
import { lineStartOf, lineEndOf, isWordCode } from '../source-file.js';
import type { Evidence, EvidenceKind } from '../../model.js';
import { extractCspValue, mayHoldPolicy, CSP_WORDS, CSP_FETCH_DIRECTIVE } from './csp.js';
import { connectionStringHosts, hostListHosts, listedServers, mayHoldConnectionString, HOST_LIST_KEY, OWN_KEY_PREFIX } from '../connection-strings.js';
import { siteKeyBefore } from '../site-address.js';

export type CodeLanguage = Language;

interface FoundImport {
  /** Offset of the module name. */
  offset: number;
  /** The module as written: import path, namespace, package. */
  module: string;
  /** The statement, for the evidence's match. */
  statement: string;
}

type ImportFinder = (code: string, strings: StringToken[]) => FoundImport[];

interface ImportRule {
  ecosystem: string;
  find: ImportFinder;
  /**
   * For the gate (codeGate): a search of the raw text, comments included, that finds every
   * module `find` finds in the lexed code, and may find more; `true` when it cannot tell. Without
   * one, `find` itself runs on the raw text with no strings.
   */
  gate?: (text: string) => string[] | true;
  /** Turns the module into the name the catalogue knows, or null to drop it (relative paths, built-ins). */
  normalise?: (module: string) => string | null;
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|http$|https$|url$|util$|crypto$|stream$|events$|child_process$|net$|tls$|dns$|zlib$|buffer$|assert$|readline$|worker_threads$)/;

// Deno's and the browser's ways to name an npm package: `npm:stripe@14`, and ES module CDNs that
// serve one by name (`https://esm.sh/@supabase/supabase-js@2`, Skypack, jsDelivr's /npm/, unpkg,
// JSPM). The CDN is evidence of its own (its URL); the package after it is the SDK imported.
const NPM_SPECIFIER = /^(?:npm:|https?:\/\/(?:esm\.sh|cdn\.skypack\.dev|esm\.run|jspm\.dev|unpkg\.com|cdn\.jsdelivr\.net\/npm|ga\.jspm\.io\/npm:)\/?)/;

function npmPackageName(spec: string): string | null {
  // A path into node_modules names the package after it: '~/node_modules/vue2-google-maps'.
  const installed = spec.lastIndexOf('node_modules/');
  if (installed >= 0) spec = spec.slice(installed + 'node_modules/'.length);
  const viaRegistry = NPM_SPECIFIER.exec(spec);
  if (viaRegistry) spec = spec.slice(viaRegistry[0].length).replace(/[?#].*$/, '');
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('~') || spec.startsWith('#') || NODE_BUILTINS.test(spec)) return null;
  if (/^[a-z]+:/.test(spec)) return null; // virtual:, data:, https: imports
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : null) : parts[0]!;
  // A registry specifier carries a version: stripe@14, @supabase/supabase-js@2.39.0.
  return name && viaRegistry ? name.replace(/(?<=.)@.*$/, '') : name;
}

/** Import statements matched by a pattern (flag g) whose group 1 is the module: the reference byKeyword and byStatementStart are tested against. */
export function byPattern(re: RegExp, split?: (group: string, at: number) => [string, number][]): ImportFinder {
  return (code, strings) => importsFrom(code.matchAll(re), strings, split);
}

/**
 * Like byPattern, for a pattern that starts with one of the JavaScript module keywords (as a
 * whole word): one regular-expression pass finds the keywords of all three import patterns, and
 * each pattern is tried only where its words stand, so three passes over the file become one.
 * The matches are those matchAll would give: leftmost first, none starting inside the one before.
 */
export function byKeyword(words: string[], pattern: RegExp): ImportFinder {
  const re = new RegExp(pattern.source.replace(/^\\b/, ''), 'y');
  return (code, strings) => {
    const matches: RegExpExecArray[] = [];
    let end = 0;
    for (const [at, word] of moduleKeywords(code)) {
      if (at < end || !words.includes(word)) continue;
      re.lastIndex = at;
      const m = re.exec(code);
      if (!m) continue;
      matches.push(m);
      end = at + Math.max(1, m[0].length);
    }
    return importsFrom(matches, strings);
  };
}

const MODULE_KEYWORD = /\b(?:import|export|require)\b/g;
let keywordsOf: { code: string; found: [number, string][] } | undefined;

/** Where import, export and require stand as words in `code`, in order; kept for the last text searched. */
function moduleKeywords(code: string): [number, string][] {
  if (keywordsOf?.code === code) return keywordsOf.found;
  const found: [number, string][] = [];
  for (const m of code.matchAll(MODULE_KEYWORD)) found.push([m.index!, m[0]]);
  keywordsOf = { code, found };
  return found;
}

/**
 * Like byPattern, for a pattern anchored at the start of a line (`^[ \t]*import…`, or
 * `(?:^|;)[ \t]*import…` where a statement may follow a semicolon), with flags gm, whose
 * statement starts with one of `words`. V8 tries a `^` under the m flag at every offset of the
 * file; here indexOf finds the words, and the pattern runs only where one stands first on its
 * line (or after a semicolon), from that line's start. The matches are those matchAll gives.
 */
export function byStatementStart(words: string[], pattern: RegExp, split?: (group: string, at: number) => [string, number][]): ImportFinder {
  const re = new RegExp(pattern.source, 'my');
  const afterSemicolon = pattern.source.startsWith('(?:^|;)');
  return (code, strings) => {
    const starts = new Set<number>();
    for (const word of words) {
      for (let at = code.indexOf(word); at >= 0; at = code.indexOf(word, at + word.length)) {
        let j = at;
        while (j > 0 && (code.charCodeAt(j - 1) === 32 || code.charCodeAt(j - 1) === 9)) j--;
        const before = j > 0 ? code.charCodeAt(j - 1) : -1;
        if (before === -1 || before === 10 || before === 13 || before === 0x2028 || before === 0x2029) starts.add(j);
        else if (before === 59 && afterSemicolon) starts.add(j - 1); // ;
      }
    }
    const matches: RegExpExecArray[] = [];
    let end = 0;
    for (const start of [...starts].sort((a, b) => a - b)) {
      if (start < end) continue;
      re.lastIndex = start;
      const m = re.exec(code);
      if (!m) continue;
      matches.push(m);
      end = start + Math.max(1, m[0].length);
    }
    return importsFrom(matches, strings, split);
  };
}

/**
 * The gate's search for a byStatementStart pattern: the statement from each of its words,
 * wherever the word stands (in the lexed code a blanked comment before it leaves it first on its
 * line; in the raw text it may not be). Only a block comment inside the statement itself (`import
 * /* x *\/ com.vendor.Sdk;`) reads differently raw, and there the search cannot tell.
 */
function statementsAnywhere(words: string[], pattern: RegExp, split?: (group: string, at: number) => [string, number][]): (text: string) => string[] | true {
  const tail = new RegExp(pattern.source.replace(/^(?:\(\?:\^\|;\)|\^)\[ \\t\]\*/, ''), 'y');
  return (text) => {
    const modules: string[] = [];
    for (const word of words) {
      // The next block comment and line end at or after the word, each searched for only when
      // passed: a line of thousands of failed statements is not searched once per statement.
      let comment = -2;
      let lineEnd = -2;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        tail.lastIndex = at;
        const m = tail.exec(text);
        if (m) {
          for (const [module] of split ? split(m[1]!, 0) : [[m[1]!]]) modules.push(module);
          continue;
        }
        if (comment !== -1 && comment < at) comment = text.indexOf('/*', at);
        if (comment === -1) continue;
        if (lineEnd !== -1 && lineEnd < at) lineEnd = text.indexOf('\n', at);
        if (comment < (lineEnd < 0 ? text.length : lineEnd)) return true;
      }
    }
    return modules;
  };
}

/** An import rule for a statement that starts a line (see byStatementStart), with its gate search. */
function statementRule(ecosystem: string, words: string[], pattern: RegExp, split?: (group: string, at: number) => [string, number][], normalise?: (module: string) => string | null): ImportRule {
  return { ecosystem, find: byStatementStart(words, pattern, split), gate: statementsAnywhere(words, pattern, split), ...(normalise ? { normalise } : {}) };
}

/** Imports from pattern matches whose group 1 is the module; a match whose keyword sits inside a string is not one. */
function importsFrom(matches: Iterable<RegExpMatchArray>, strings: StringToken[], split?: (group: string, at: number) => [string, number][]): FoundImport[] {
  const out: FoundImport[] = [];
  for (const m of matches) {
    const lead = m[0].length - m[0].trimStart().length;
    if (stringAt(strings, m.index! + lead) >= 0) continue;
    const group = m[1]!;
    const at = m.index! + m[0].lastIndexOf(group);
    const statement = m[0].trim();
    for (const [module, offset] of split ? split(group, at) : [[group, at] as [string, number]]) out.push({ offset, module, statement });
  }
  return out;
}

/** `import a, b.c as d` → a, b.c */
function commaList(group: string, at: number): [string, number][] {
  const out: [string, number][] = [];
  let pos = 0;
  for (const part of group.split(',')) {
    const lead = part.length - part.trimStart().length;
    const name = part.trim().split(/\s/)[0]!;
    if (name) out.push([name, at + pos + lead]);
    pos += part.length + 1;
  }
  return out;
}

const GO_IMPORT_KEYWORD = /\bimport\b/g;

/** Go: single imports (with or without an alias) and grouped import blocks, read from the lexed strings. */
const goImports: ImportFinder = (code, strings) => {
  const out: FoundImport[] = [];
  const keywords = [...code.matchAll(GO_IMPORT_KEYWORD)].map((m) => m.index!).filter((at) => stringAt(strings, at) < 0);
  let paren = -1;
  for (let n = 0; n < keywords.length; n++) {
    const at = keywords[n]!;
    let j = at + 6;
    while (j < code.length && /\s/.test(code[j]!)) j++;
    const block = code[j] === '(';
    // A block ends at its ')', or at the next import if it is never closed; the ')' search only moves forward.
    if (block && paren < j) paren = code.indexOf(')', j) >>> 0;
    const end = block ? Math.min(paren, keywords[n + 1] ?? code.length) : code.indexOf('\n', j);
    const stop = end < 0 ? code.length : Math.min(end, code.length);
    // Where the previous token ended: each string is read from there, never from the block's
    // start (a block of thousands of strings on one line would be read once per string).
    let prev = j + (block ? 1 : 0);
    for (let k = firstStringFrom(strings, j); k < strings.length && strings[k]!.start < stop; k++) {
      const s = strings[k]!;
      // Between the previous token and the path only an alias (name, _ or .) may stand.
      const lineStart = lineStartOf(code, s.start, s.start - prev);
      const before = code.slice(lineStart, s.start - 1).trim();
      prev = s.start + s.value.length + 1;
      if (before && !/^[A-Za-z_.][\w]*$/.test(before)) continue;
      if (!/^[a-z0-9.-]+\.[a-z]{2,}\//.test(s.value)) continue; // the standard library has no dot
      const from = block ? lineStartOf(code, s.start, LINE_LIMIT) : at;
      out.push({ offset: s.start, module: s.value, statement: code.slice(from, lineEndOf(code, s.start, LINE_LIMIT)).trim() });
      if (!block) break;
    }
  }
  return out;
};

// Every string goImports() can take: a module path in quotes or backticks, wherever it stands.
const GO_MODULE_STRING = /["`]([a-z0-9.-]+\.[a-z]{2,}\/[^"`\n]*)(?=["`])/g;
const goModulePaths = (text: string): string[] => Array.from(text.matchAll(GO_MODULE_STRING), (m) => m[1]!);

const PHP_QUALIFIED_NAME = /(?<![\w\\$>:])\\([A-Za-z_]\w*(?:\\[A-Za-z_]\w*)+)/g;

/** PHP fully qualified names used without a `use`: `\Sentry\init(…)`, `new \Twilio\Rest\Client(…)`. */
const phpQualifiedNames: ImportFinder = (code, strings) => {
  const out: FoundImport[] = [];
  const seen = new Set<string>();
  for (const m of code.matchAll(PHP_QUALIFIED_NAME)) {
    if (stringAt(strings, m.index!) >= 0 || seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    out.push({ offset: m.index! + 1, module: m[1]!, statement: m[0] });
  }
  return out;
};

const RUST_LOCAL = new Set(['crate', 'self', 'super', 'std', 'core', 'alloc']);

const IMPORTS: Partial<Record<CodeLanguage, ImportRule[]>> = {
  js: [
    { ecosystem: 'npm', normalise: npmPackageName, find: byKeyword(['import', 'export'], /\b(?:import|export)\s[^'"`;]{0,2000}?\bfrom\s*['"]([^'"\n]+)['"]/) },
    { ecosystem: 'npm', normalise: npmPackageName, find: byKeyword(['import'], /\bimport\s*['"]([^'"\n]+)['"]/) },
    { ecosystem: 'npm', normalise: npmPackageName, find: byKeyword(['require', 'import'], /\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/) },
  ],
  python: [
    statementRule('python', ['import'], /(?:^|;)[ \t]*import[ \t]+([A-Za-z_][\w.]*(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*(?:[ \t]+as[ \t]+\w+)?)*)/gm, commaList),
    statementRule('python', ['from'], /(?:^|;)[ \t]*from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b/gm),
  ],
  go: [{ ecosystem: 'go', find: goImports, gate: goModulePaths }],
  ruby: [
    statementRule('ruby', ['require'], /^[ \t]*require[ \t(]+['"]([\w/.-]+)['"]/gm),
    // bundler/inline scripts declare their gems in the code.
    statementRule('ruby', ['gem'], /^[ \t]*gem[ \t(]+['"]([\w.-]+)['"]/gm),
  ],
  php: [
    statementRule('php', ['use'], /^[ \t]*use[ \t]+(?:function[ \t]+|const[ \t]+)?\\?([A-Za-z_][\w\\]*)/gm),
    { ecosystem: 'php', find: phpQualifiedNames },
  ],
  java: [statementRule('java', ['import'], /^[ \t]*import[ \t]+(?:static[ \t]+)?([a-z][\w.]*)/gm)],
  kotlin: [statementRule('java', ['import'], /^[ \t]*import[ \t]+(?:static[ \t]+)?([a-z][\w.]*)/gm)],
  // Swift imports modules (import Firebase, @testable import App, import struct Foo.Bar); a pod's
  // module is mostly the pod's name, and the catalogue lists the ones that differ (AppsFlyerLib).
  swift: [statementRule('swift', ['import', '@testable'], /^[ \t]*(?:@testable[ \t]+)?import[ \t]+(?:(?:typealias|struct|class|enum|protocol|let|var|func)[ \t]+)?([A-Za-z_]\w*)/gm)],
  // Objective-C imports a framework's header or module: #import <Branch/Branch.h>, @import Firebase;
  // the framework is the pod's module, as in Swift.
  objc: [statementRule('swift', ['#import', '@import'], /^[ \t]*(?:#import[ \t]*[<"]|@import[ \t]+)([A-Za-z_]\w*)/gm)],
  // Dart imports pub packages by name: import 'package:firebase_core/firebase_core.dart';
  dart: [statementRule('pub', ['import', 'export'], /^[ \t]*(?:import|export)[ \t]+['"]package:([a-z0-9_]+)\//gm)],
  csharp: [statementRule('csharp', ['global', 'using'], /^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:[A-Za-z_]\w*[ \t]*=[ \t]*)?([A-Z][\w.]*)[ \t]*;/gm)],
  rust: [statementRule('rust', ['pub', 'use', 'extern'], /^[ \t]*(?:pub(?:\([\w ]+\))?[ \t]+)?(?:use|extern[ \t]+crate)[ \t]+(?:::)?([a-z_]\w*)/gm, undefined, (m) => (RUST_LOCAL.has(m) ? null : m))],
  elixir: [statementRule('elixir', ['alias', 'import', 'use', 'require'], /^[ \t]*(?:alias|import|use|require)[ \t]+([A-Z][\w.]*)/gm)],
};

// JSX and HTML-in-strings: the tag a URL sits in decides what kind of evidence it is. In a
// string the attribute's quote may be escaped (`<a href=\"https://…\">` in a JSON document).
const TAG_BEFORE = /<(script|Script|iframe|img|Image|Img|link|form)\b[^<>]*?\b(src|href|action)\s*=\s*\{?\s*\\?$/;
// In config and data files, a URL under a metadata key is a link about the project, not a
// connection it makes: links (homepage, repository, docs, licence, social profiles) are never
// evidence; site and asset addresses stay evidence only when the catalogue knows their host.
// The code just before a value assigned to a variable, attribute or key with one of these names
// (not a property of another object: `a.url =`), a Python string prefix allowed: `url = r'…`.
const assignedTo = (names: string): RegExp => new RegExp(`(?:^|[^\\w$.])["']?(?:${names})["']?\\s*[:=]\\s*[rRbBuUfF]?$`, 'i');
// (A repository's URL of a scheme findUrls() does not start at, `oci://registry-1.docker.io/…`,
// `git+ssh://…`, has it before; not a connection string's `Source=tcp:host`.)
const KEY = (names: string): RegExp => new RegExp(`(?:^|[\\s{,"'])["']?(?:${names})["']?\\s*[:=]\\s*["']?(?:(?:oci|git(?:\\+[a-z]+)?|ssh|s3|gs):)?$`, 'i');
const LINK_KEY_BEFORE = KEY('home_?page|homepage_url|repo(?:sitory)?(?:_url)?|website|docs?|documentation(?:_url)?|license|licen[cs]e_url|bugs|issues?(?:_url)?|source(?:_code)?(?:_url)?|changelog|funding|author_url|link|href|twitter|facebook|linkedin|instagram|youtube|github|gitlab|bitbucket|stackoverflow|flickr|mastodon|bluesky|reddit|twitch|dribbble|behance|dev_?to|codepen|keybase|orcid|researchgate|(?:google_?)?scholar|pinterest|tiktok|weibo|zhihu|douban|xing|soundcloud|spotify|strava|goodreads|lastfm|steam|patreon|ko_?fi|buymeacoffee|donate|donation|sponsor|\\$schema|\\$id|xmlns(?::\\w+)?|description|summary|help(?:_?text)?|message|hint|comment|note|\\w*placeholder|examples?');
// A site's menus, social links, footer and sidebar lists: their `url`s are pages people open
// (Hugo's `[[menu.main]]` and `[[params.social_links]]`, a Jekyll theme's `social:` list).
const LINK_LIST_SECTION = /(?:^|[._-])(?:menus?|nav(?:igation|bar)?|social\w*|links|footer|sidebar|profiles?|contacts?|share|sharing|donat\w*|sponsors?|friends|blogroll)(?:$|[._-])/i;
const URL_KEY_LINE = /^[ \t]*(?:-[ \t]+)?["']?(?:url|link|href)["']?[ \t]*[:=]/i;
const API_ADDRESS = /^api[0-9]*[.-]/;
const API_PATH = /^\/(?:api|v[0-9]+)(?:[/?#]|$)/;
// A versioned path (`/0.2/detect`, `/v1.1/`) is an API's; a year's (`/2024/…`) a page's.
const VERSION_PATH = /^\/(?:[0-9]{1,2}(?:\.[0-9]+)+|v[0-9]+(?:\.[0-9]+)+)(?:[/?#]|$)/;
// A settings block for a client of some service (`check_mail_api {`, `geoip_service:`): its `url` is the endpoint.
const SERVICE_KEY = /(?:^|[._-])(?:api|apis|service|services|client|endpoint|webhook)s?$|[a-z](?:Api|Service|Client|Endpoint)$/;
const underServiceKey = (code: string, offset: number): boolean => enclosingKeys(code, offset).slice(0, 2).some((k) => SERVICE_KEY.test(k));
const SITE_KEY_BEFORE = KEY('site_?url|base_?url|url|image|icon|logo|avatar|thumbnail|schema|namespace');

/** How far back the `<` of a tag may be: JSX attributes before an href (a long className) run to hundreds of characters. */
const TAG_WINDOW = 2000;

/** The markup tag `end` sits in, from its `<` up to `end`, or '' when no tag is open there (a `>` closed it, or none within TAG_WINDOW). */
function openTagBefore(text: string, end: number): string {
  const window = text.slice(Math.max(0, end - TAG_WINDOW), end);
  const lt = window.lastIndexOf('<');
  return lt < 0 || window.includes('>', lt) ? '' : window.slice(lt);
}

// A link a person clicks (<a href>, <Link href>) is not a use of the service it points to.
const ANCHOR_BEFORE = /<(a|A|Link|NavLink|ExternalLink)\b[^<>]*?\bhref\s*=\s*\{?\s*\\?$/;
// React Email's <Img> is an image the reader's mail client loads.
const TAG_KIND: Record<string, EvidenceKind> = { script: 'script-src', Script: 'script-src', iframe: 'iframe', img: 'img', Image: 'img', Img: 'img', link: 'link', form: 'form' };
// CSS held in a string (styled-components' createGlobalStyle, Emotion's css``, a `<style>` written by
// script) loads the stylesheet an `@import` names, as a stylesheet would: a font, not a link.
const CSS_IMPORT_BEFORE = /@import\s+(?:url\(\s*)?['"]?$/;
const DYNAMIC_SRC_BEFORE = /\.(?:src|href)\s*=\s*$|setAttribute\(\s*['"](?:src|href)['"]\s*,\s*$/;

// A URL in a sentence ("See https://aka.ms/tsconfig for details") or in a message the program
// prints, logs or throws is a link for a person to follow, not a connection the program makes.
const MESSAGE_CALL = /(?:\bconsole\.(?:log|warn|error|info|debug|trace)|\b(?:logger|log|logging|LOG|Log|warnings)\.\w+|\b(?:warn|warning|deprecate|deprecated|print|println|eprintln|printf|eprintf|puts|alert|panic|abort|die|fatalError|bail|anyhow|trigger_error|user_error)|\bfmt\.(?:Print\w*|Fprint\w*|Errorf)|\berrors\.New|\b(?:[A-Z]\w*)?(?:Error|Exception)|\braise\s+\w+)(?:\.(?:bind|call|apply))?\s*!?\s*$/;
// Calls without parentheses: Ruby `puts "…"`, `raise "…"`, shell `echo "…"`.
const MESSAGE_WORD_BEFORE = /(?:^|[\s;{(])(?:puts|print|warn|raise|echo|printf|die|abort|fail)\s+$/;
// Two words in a row (a full stop or comma between them allowed), or a run of Chinese,
// Japanese or Korean script, which has no spaces: text written for a reader.
const PROSE_TEXT = /\p{L}{2,}[.,]?[ \t]+\p{L}{2,}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/u;
// Markup, assignments, shell operators and code in a string mean it is not a sentence, whatever its words.
const NOT_PROSE = /[<>={}&|$`]/;
// A Gradle build's URLs are where the build goes (Maven repositories, a Sonar server, a plugin
// portal): build-time traffic, reported as dev evidence. Only the values it writes into the app
// (buildConfigField, resValue, manifestPlaceholders) are what the app connects to.
const GRADLE_FILE = /\.gradle(?:\.kts)?$/;
const APP_CONFIG_LINE = /\b(?:buildConfigField|resValue|manifestPlaceholders)\b/;
// Keys whose values, blocks of lines included, are text for people to read.
const PROSE_KEY = /^(?:description|long_?description|summary|help(?:_?text)?|long_?help|examples?|usage|notes?|remarks|comments?)$/i;
// The key or list dash that starts a config line, before its value.
const CONFIG_KEY_PREFIX = /^[ \t]*(?:-[ \t]+)?(?:["']?[\w.-]+["']?[ \t]*[:=][ \t]*)?/;

/** How far back or on a line is read from a match when only its neighbourhood matters (a key at the line's start, a word nearby). */
const LINE_LIMIT = 1000;

/** How far around a URL a string is read when judging whether it is a sentence. */
const PROSE_WINDOW = 300;
// A line break in a string: a real one, or an escaped one in the source (`\n`, `\r`).
const LINE_BREAK = /\r|\n|\\[nr]/g;

/**
 * The line of the string holding a URL reads as a sentence around it. Only that line, and at
 * most PROSE_WINDOW characters each side: a string can be a whole embedded file (a bundled
 * .d.ts, a template of a page) with thousands of URLs, and reading all of it for each one would
 * make the scan quadratic in the string's length.
 */
function isProse(value: string, index: number, length: number): boolean {
  const before = lineBefore(value, index);
  const tail = value.slice(index + length, index + length + PROSE_WINDOW);
  LINE_BREAK.lastIndex = 0;
  const cut = LINE_BREAK.exec(tail);
  let rest = before + ' ' + (cut ? tail.slice(0, cut.index) : tail);
  // A URL on a line of its own is read with the line above it: "…the documentation at:\n\n  https://…".
  if (rest.trim() === '') rest = lineAbove(value, index - before.length);
  // A template's placeholders and Markdown's code spans are words of the sentence:
  // `Use '${name}' instead. See https://…`, "the variables in `hovertemplate` are described at https://…".
  if (rest.includes('${')) rest = rest.replace(PLACEHOLDER, 'x');
  if (rest.includes('`')) rest = rest.replace(CODE_SPAN, 'x');
  // Other URLs are no words of a sentence: a list of them ("https://a.io https://b.io", a
  // Content-Security-Policy source list) would otherwise read as "io https".
  if (rest.includes('//')) rest = rest.replace(OTHER_URL, ' ');
  // A Content-Security-Policy's bare hosts ("cdn.jsdelivr.net js.sentry-cdn.com") are no words either.
  if (NOT_PROSE.test(rest) || CSP_WORDS.test(rest)) return false;
  return PROSE_TEXT.test(rest) || SEE_BEFORE.test(before);
}

const PLACEHOLDER = /\$\{[^{}`<>=]*\}/g;
const OTHER_URL = /[^\s'"(]*\/\/[^\s'")]+/g;
const CODE_SPAN = /`[^`\s]+`/g;
// "See https://…" as a message of its own, the rest of the sentence in another string.
const SEE_BEFORE = /(?:^|[\s(])(?:see|visit|read|consult|refer to)\s*:?\s*$/i;

/** The last line with text before the line starting at `lineStart`, within PROSE_WINDOW characters. */
function lineAbove(value: string, lineStart: number): string {
  const head = value.slice(Math.max(0, lineStart - PROSE_WINDOW), lineStart);
  const lines = head.split(/\r\n|\r|\n|\\[nr]/);
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim()) return lines[i]!;
  return '';
}

/** The string's text on the URL's line before it, at most PROSE_WINDOW characters. */
function lineBefore(value: string, index: number): string {
  let from = Math.max(0, index - PROSE_WINDOW);
  const head = value.slice(from, index);
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(head); m; m = LINE_BREAK.exec(head)) from = index - head.length + m.index + m[0].length;
  return value.slice(from, index);
}

// Links in a document a string holds: Markdown `[text](https://…)`, JSDoc `{@link https://…}`,
// and reStructuredText's `text <https://…>`_ and `.. _name: https://…` (Python's docstrings and help).
const DOCUMENT_LINK_BEFORE = /\]\($|\{@link(?:code|plain)?\s+$/;
const RST_TARGET_BEFORE = /(?:^|\n|\\n)[ \t]*\.\. _[^:\n]{1,80}:[ \t]+$/;

/** The URL is the target of a Markdown, JSDoc or reStructuredText link in the string (`[Bing](https://www.bing.com/webmaster/help)`). */
function isDocumentLink(value: string, index: number, length: number): boolean {
  if (DOCUMENT_LINK_BEFORE.test(value.slice(Math.max(0, index - 12), index))) return true;
  if (value[index - 1] === '<' && value.startsWith('>`_', index + length)) return true;
  return RST_TARGET_BEFORE.test(value.slice(Math.max(0, index - 100), index));
}

// A menu or footer item of a docs site's config: a label and where it goes (Docusaurus'
// `{ label: 'Privacy Policy', to: 'https://…' }`, VitePress' and VuePress' `{ text, link }`).
const NAV_TARGET_KEY = /\b(?:to|href|link)\s*:\s*$/;
const NAV_LABEL_KEY = /[{,\s](?:label|text|title)\s*:\s*["'`]/;

/** The string after `near` is the target of a menu item: its key says so, and its object (still open) has a label. */
function navItemTarget(near: string): boolean {
  if (!NAV_TARGET_KEY.test(near)) return false;
  const open = near.lastIndexOf('{');
  return open >= 0 && near.indexOf('}', open) < 0 && NAV_LABEL_KEY.test(near.slice(open));
}

const WINDOW_OPEN_BEFORE = /\bwindow\.open\(\s*$/;
const HREF_BEFORE = /\.href\s*=\s*$/;
/** An anchor's href set to a site's top, on any of its hosts (`link.href = "https://beian.miit.gov.cn"`): a link. */
const anchorAtSiteTop = (before: string, path: string): boolean => (path === '' || path === '/') && HREF_BEFORE.test(before);

// A comment opened earlier on the line, in code a string holds: a shader, a script, a page.
const EMBEDDED_COMMENT = /(?:^|\s)(?:\/\/+|\/\*|#+|<!--|--)(?:\s|$)|^\s*\*\s/;

/** The URL sits in a comment of code that a string holds (`// see https://…` in a GLSL chunk). */
function inEmbeddedComment(value: string, index: number): boolean {
  return EMBEDDED_COMMENT.test(lineBefore(value, index));
}

// Pages for people to read: documentation, guides, blogs, references, forums and issue trackers.
// A URL to one in code is a link someone follows, whatever the site. A host the catalogue lists
// by name is a product even when it looks like documentation (docs.google.com).
const READING_PATH = /^\/(?:[a-z]{2}(?:[-_][a-zA-Z]{2})?\/)?(?:docs?|documentation|guides?|blog|wiki|manual|tutorials?|learn|kb|faq|articles|reference|handbook|changelog|release-notes|latest|stable)(?:[/#?.]|$)/i;
// A site's legal pages, the whole path: a privacy policy or notice, terms of service, an
// agreement people accept (a EULA, a domain registration agreement), an imprint.
const LEGAL_PAGE = /^\/(?:[a-z]{2}(?:[-_][a-zA-Z]{2})?\/)?(?:legal\/)?(?:privacy(?:-policy|-notice)?|terms(?:-of-(?:service|use))?|tos|legal|cookie-policy|imprint|impressum|eula|acceptable-use(?:-policy)?|(?:[a-z]+-)*agreement)(?:\.html?)?\/?$/i;
// A legal page deeper in a site, by its last segment: /about/privacy, /services-privacy-statement/,
// /ironsource-mobile-privacy-policy/, /en/terms/policy/, /legal/#privacy-policy.
const LEGAL_SEGMENT = /^(?:[\w-]{0,80}-)?privacy(?:-(?:policy|notice|statement))?(?:\.html?)?$/i;

/** Whether a path ends at a legal page (LEGAL_SEGMENT). An API host's /privacy is an endpoint (a user's settings). */
function isLegalTail(host: string, path: string): boolean {
  if (API_ADDRESS.test(host)) return false;
  const hash = path.indexOf('#');
  const fragment = hash >= 0 ? path.slice(hash + 1) : '';
  let page = hash >= 0 ? path.slice(0, hash) : path;
  if (page.endsWith('/')) page = page.slice(0, -1);
  const last = page.slice(page.lastIndexOf('/') + 1);
  return LEGAL_SEGMENT.test(last) || page.endsWith('/terms/policy') || (last === 'legal' && /^privacy(?:-policy)?$/i.test(fragment));
}
// Deeper in a path, only the longest word: an API's paths hold `docs` (Dropbox Paper's /2/paper/docs/create).
const READING_SEGMENT = /\/documentation(?:[/#?.]|$)/i;
const READING_HOST = /^(?:bugs|bugzilla|issues|docs|developers|help|support|learn|community|forums?|blog|wiki|kb)\./;
// A campaign or referral tag in the query (`?utm_source=…`, an affiliate's `?fpr=`): the link a
// person follows from the page, tagged for the site they arrive at. APIs take no such tags. (`ref=`
// is left out: code hosts' APIs take a git ref so, `/contents/x?ref=main`.)
const REFERRAL_QUERY = /[?&](?:utm_(?:source|medium|campaign|content|term)|fpr|aff(?:iliate)?(?:_?id)?)=/i;

/** A code URL that points at a page for people: documentation, a guide, a blog, a bug tracker, a tagged referral link. `listed`: the catalogue names this very host. */
export function isReadingLink(host: string, path: string, listed = false): boolean {
  return (READING_HOST.test(host) && !listed) || READING_PATH.test(path) || READING_SEGMENT.test(path) || LEGAL_PAGE.test(path) || isLegalTail(host, path) || REFERRAL_QUERY.test(path);
}

/**
 * Where the string opening at `quoteAt` sits makes its URL a link for a person, or a name (an XML
 * namespace in a namespace map or a variable named for one): the `url` of a
 * lint rule's metadata (`docs: { url: 'https://eslint.style/rules/…' }`), whatever the host; and,
 * for a host no catalogue entry knows, a page opened in a window (`window.open(url)`) or the front
 * page of a site named as a url or homepage (`{ name, url: 'https://x.org' }`, a lexer's
 * `url = 'https://crystal-lang.org'`) or set as an anchor's href (`a.href = 'https://vendor.com/'`).
 */
function isLinkByPlace(code: string, quoteAt: number, host: string, path: string, detectors: Detectors): boolean {
  const near = code.slice(Math.max(0, quoteAt - 400), quoteAt);
  if (DOCS_URL_BEFORE.test(near) || NAMESPACE_BEFORE.test(near)) return true;
  const before = code.slice(Math.max(0, quoteAt - 40), quoteAt);
  if (LINK_NAME_BEFORE.test(before) || navItemTarget(near)) return true;
  if (detectors.knownHost(host)) return false;
  if (HREF_KEY_BEFORE.test(before)) return true;
  const frontPage = isFrontPage(host, path, true);
  return WINDOW_OPEN_BEFORE.test(before) || (frontPage && SITE_NAME_BEFORE.test(before)) || anchorAtSiteTop(before, path);
}

// Where code names its own site: Next.js `metadataBase: new URL(…)`, a `siteUrl` (Gatsby,
// next-sitemap, Nuxt), a `canonical` address, an Open Graph `url`, Django's list of the origins
// it trusts (`CSRF_TRUSTED_ORIGINS`, django-cors-headers' `CORS_ALLOWED_ORIGINS`), and the origins
// other frameworks' CORS settings let call the app (ASP.NET's `WithOrigins(`, Spring's
// `allowedOrigins(`, the cors package's `origin:`): sites that send to the app, never sent to.
const SITE_ADDRESS_BEFORE = /(?:\b(?:CSRF_TRUSTED_ORIGINS|CORS_ALLOWED_ORIGINS|CORS_ORIGIN_WHITELIST)\s*=\s*[[(][^\])=]*|\b(?:WithOrigins|allowedOrigins|allowedOriginPatterns|setAllowedOrigins|addAllowedOrigin|AllowOrigins)\s*\(\s*(?:[\w.]+\s*\(\s*|new\s+[\w.]+\s*\[\s*\]\s*\{\s*)?[^(){};]*|\bcors\s*\(\s*\{[^{}]*\borigin\s*:\s*(?:\[[^\]]*)?|\bmetadataBase\s*[:=]\s*new\s+URL\(\s*|(?:^|[^\w$.])["']?(?:siteUrl|siteURL|site_url|SITE_URL|canonical|canonicalUrl|canonicalURL|canonical_url)["']?\s*[:=]\s*(?:process\.env\.\w+\s*(?:\|\||\?\?)\s*)?|\bopenGraph\s*:\s*\{[^{}]*[,{]\s*["']?url["']?\s*:\s*)$/;

// A source of a Content-Security-Policy written as data: a directive's list of sources
// (django-csp's `CSP_SCRIPT_SRC = (…)`, Django 6's `SECURE_CSP = {'script-src': (…)}`, helmet's
// `scriptSrc: [...]`) or the rest of a policy string (`"script-src 'self' https://…"`).
const CSP_SOURCE_BEFORE = new RegExp(
  String.raw`(?:\b(?:${CSP_FETCH_DIRECTIVE})-src(?:-elem|-attr)?['"]?\s*[:=]\s*[[(]|\b(?:${CSP_FETCH_DIRECTIVE})Src(?:Elem|Attr)?['"]?\s*:\s*\[|\bCSP_(?:${CSP_FETCH_DIRECTIVE.toUpperCase()})_SRC\s*=\s*[[(])[^\])}=;]*$|\b(?:${CSP_FETCH_DIRECTIVE})-src(?:-elem|-attr)?\s[^;\n]*$`,
);

// A URL inside a User-Agent, after the product token (`MetalDetector/0.1 +https://…`, `Mozilla/5.0
// (compatible; AcmeBot/2.1; +https://…)`): the sender's own site, by the convention of bots and API clients.
const USER_AGENT_BEFORE = /\b[A-Za-z][\w.-]*\/v?\d[\w.-]*\s*(?:\(\s*(?:[^()]*;\s*)?\+?|[;\s]\s*\+)$/;

/** Whether the text before a URL ends as a User-Agent's comment opens (`+`, `(`, `; `): only then is the pattern tried. */
function userAgentSite(before: string): boolean {
  const last = before.trimEnd().slice(-1);
  return (last === '+' || last === '(' || last === ';') && USER_AGENT_BEFORE.test(before);
}

// A variable or key that names a page for people, whatever the host: `DOCS_URL =`, `helpUrl:`,
// `privacyPolicyUrl =`, `learn_more_link:`, a share button's `shareUrl:`, a person's
// `portfolio_url` or `profileUrl` (not a `docUrl`, which may be a document's address).
const LINK_NAME_BEFORE = assignedTo('\\w*?(?:docs|documentation|help|faq|learn_?more|terms|tos|privacy_?policy|changelog|release_?notes|portfolio|profile|share|sharer)_?(?:url|uri|link|href|page)');

// The `url` of a `docs`, `rule` or `deprecated` object (ESLint, typescript-eslint and stylelint
// rule metadata: `docs: { url }`, `deprecated: { url, replacedBy: [{ rule: { name, url } }] }`),
// the string right after it: nothing between but the object's other keys.
const DOCS_URL_BEFORE = /\b(?:docs|rule|deprecated)\s*:\s*\{[^{}]*[,{]\s*["']?url["']?\s*:\s*$/;

// An XML namespace is a name, never fetched: the value of a prefix in a namespace map (lxml's and
// ElementTree's `ns = {"cmd": "http://www.clarin.eu/cmd/"}`, `namespaces={…}`, `nsmap`) or of
// a variable or constant named for one (`CMD_NS =`, `atomNamespace =`, SimplePie's
// `define('SIMPLEPIE_NAMESPACE_GEORSS', …)` and `const NAMESPACE_MEDIARSS =`), whatever the host and path.
const NAMESPACE_BEFORE = /(?:\b(?:ns|nsmap|ns_?map|namespaces?|xmlns)["']?\s*[:=]\s*\{[^{}]*|\w_ns["']?\s*[:=]\s*|namespace(?:_?ur[il])?["']?\s*[:=]\s*|namespace_\w+["']?\s*(?:[:=]|,)\s*)$/i;

// Social networks' and media sites' own sites, where a URL in code is a page for a person: a
// profile, a post, a video or photo page, a share link. Their SDKs, widgets, embeds, oEmbed and
// APIs live on other hosts (platform.twitter.com, connect.facebook.net, player.vimeo.com) or on
// paths no page has (/tr, /plugins/, /embed/, /oembed).
const SOCIAL_SITES = new Set([
  'twitter.com', 'x.com', 'facebook.com', 'fb.com', 'instagram.com', 'linkedin.com', 'youtube.com', 'youtu.be', 'tiktok.com',
  'pinterest.com', 'reddit.com', 'threads.net', 'threads.com', 'bsky.app', 'mastodon.social', 'discord.gg', 'discord.com', 't.me',
  'telegram.me', 'wa.me', 'medium.com', 'dribbble.com', 'behance.net', 'twitch.tv', 'snapchat.com', 'tumblr.com', 'vk.com',
  'producthunt.com', 'patreon.com', 'ko-fi.com', 'buymeacoffee.com', 'opencollective.com', 'vimeo.com', 'flickr.com', 'soundcloud.com',
  'weibo.com', 'quora.com', 'unsplash.com',
]);
// Page paths: a profile (/acme, /@acme, /in/acme, /company/acme, /c/acme, /r/acme, a template's
// `/${handle}`, which the URL reader ends at the `$`), a post
// (/acme/status/1, /p/Cx1, /watch?v=, /shorts/x), a photo's download page, a share link (/intent/tweet, /sharer/sharer.php,
// /sharing/share-offsite, /pin/create/button); first segments that are resources never are.
const SOCIAL_PAGE_PATH = /^\/(?:(?:@?[\w.-]+\/?)|\$|(?:in|company|school|showcase|pub|c|channel|user|u|r|groups|pages|people|hashtag|p|reel|shorts|pin|invite|status|photos|channels)\/[\w@.%-]+\/?|@?[\w.-]+\/(?:status|video|posts|videos)\/[\w-]+\/?|photos\/[\w-]+\/download\/?|watch|playlist|intent\/\w+|share|sharer(?:\/sharer)?\.php|sharing\/share-offsite\/?|shareArticle|pin\/create\/button\/?|submit)?$/;
const SOCIAL_RESOURCE = /^\/(?:tr|plugins|embed|oembed|services|player|embed\.js|iframe_api|player_api|widgets\.js|sdk\.js|oauth2?|api|graphql|ajax|dialog|login|i|v\d[\d.]*)(?:[/?#.]|$)|\.js(?:[?#]|$)/i;

/** A URL to a social network's page for people (a profile, a post, a share link), not to its SDK, widget, embed or API. */
export function isSocialPage(host: string, path: string): boolean {
  const site = host.replace(/^(?:www|m|mobile)\./, '');
  if (!SOCIAL_SITES.has(site)) return false;
  const bare = path.replace(/[?#].*$/, '');
  return !SOCIAL_RESOURCE.test(bare) && SOCIAL_PAGE_PATH.test(bare);
}

// Links that open a web app for the person with something filled in: add to Google or Outlook
// Calendar, open Gmail or Outlook, Google Maps URLs (`/maps/search/?api=1`, not the embed),
// WhatsApp click-to-chat, a Google search. The app sends nothing; the person's browser goes
// there if they follow the link. By host, then path.
const APP_LINKS = new Map<string, RegExp>([
  ['calendar.google.com', /^\/calendar\/(?:render|r\/eventedit|event)\b/],
  ['mail.google.com', /^\/mail\//],
  ['outlook.live.com', /^\/(?:(?:calendar|mail|owa)\/|$)/],
  // Webmail inboxes (a newsletter's "open your inbox" links): their APIs are on other hosts, or under /api.
  ['mail.yahoo.com', /^\//],
  ['mail.aol.com', /^\//],
  ['mail.proton.me', /^\/(?!api(?:\/|$))/],
  ['e.mail.ru', /^\//],
  ['app.hey.com', /^\//],
  ['www.icloud.com', /^\/(?:mail|calendar)(?:\/|$)/],
  ['outlook.office.com', /^\/(?:calendar|mail|owa)\//],
  ['outlook.office365.com', /^\/(?:calendar|mail|owa)\//],
  ['www.google.com', /^\/(?:maps\/(?:search|dir|place)\/|search\?)/],
  ['maps.google.com', /^\/(?:maps)?\/?\?(?:q|daddr|saddr|ll)=/],
  ['wa.me', /^\//],
  ['api.whatsapp.com', /^\/send\b/],
  ['web.whatsapp.com', /^\/send\b/],
]);

/** A link that opens a web app with something filled in (add to calendar, directions, click to chat), not a use of its API. */
export function isAppLink(host: string, path: string): boolean {
  return APP_LINKS.get(host)?.test(path) === true;
}

// A variable, attribute or key that names a site: `url =`, `homepage:`, `"website": `.
const SITE_NAME_BEFORE = assignedTo('url|homepage|home_?page|website|web_?site|site|home|link');
// An object's `href` (a footer logo's, a nav item's) is where a click goes, whatever the page.
const HREF_KEY_BEFORE = assignedTo('href');

/**
 * The front page of a site (`https://www.vendor.com`, `https://vendor.com/`): a link to it, not an
 * endpoint. `sharedHosts`: a site on a shared host (name.github.io, name.netlify.app) counts as
 * a site of its own; only for hosts no catalogue entry knows, since a cloud API's regional host
 * (account.us-east-1.amazonaws.com) is such a site to the public suffix list as well.
 */
function isFrontPage(host: string, path: string, sharedHosts = false): boolean {
  if (path !== '' && path !== '/') return false;
  const domain = (sharedHosts ? siteDomain(host) : null) ?? registrableDomain(host);
  return host === domain || host === `www.${domain}`;
}

// Between two strings: a concatenation (`+`, PHP's `.`, or none, as in Python), or a list's comma.
const JOINED = /^["'`]{1,3}\s*(?:\+|\.)?\s*[rRbBuUfF]{0,2}["'`]{1,3}$/;
const LISTED = /^["'`]{1,3}\s*,\s*[rRbBuUfF]{0,2}["'`]{1,3}$/;
// The end of a sentence that introduces the URL after it: "… see", "… available at".
const LEAD_IN = /(?:^|[\s(])(?:see|visit|read|consult|refer to|(?:available|described|documented|explained|found|listed|more|details|information)\s+(?:at|on|here))\s*:?\s*$/i;

/** The string holds nothing but the URL, a little punctuation and line breaks: `'(https://…),\\n'`. */
function onlyUrl(value: string, raw: string): boolean {
  // Looked at for every URL of a string: one that holds a whole file has thousands.
  if (value.length > raw.length + 12) return false;
  const rest = value.replace(raw, '').replace(/\\[nrt]/g, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** Words in a sentence, no markup or code among them. */
const sentence = (t: string): boolean => !NOT_PROSE.test(t) && PROSE_TEXT.test(t);

/**
 * A string that is only a URL is part of a text for a person: it is joined to a sentence
 * (`'For more details, see ' + 'https://…'`), or follows one that introduces it in a list of
 * lines (`['… documentation available at', 'https://…', ''].join(' ')`). A list of a name and an
 * address (`['Events', 'https://api…']`) is no text.
 */
function partOfText(code: string, strings: StringToken[], s: StringToken): boolean {
  const k = stringAt(strings, s.start);
  if (k < 0) return false;
  const between = (a: StringToken, b: StringToken): string => code.slice(a.start + a.value.length, b.start);
  const prev = strings[k - 1];
  if (prev) {
    const gap = between(prev, s);
    const tail = lineBefore(prev.value, prev.value.length);
    if (JOINED.test(gap) && sentence(tail)) return true;
    if (LISTED.test(gap) && sentence(tail) && LEAD_IN.test(tail)) return true;
  }
  const next = strings[k + 1];
  return next !== undefined && JOINED.test(between(s, next)) && sentence(next.value.slice(0, PROSE_WINDOW));
}

/** A page of a site, not an API's address: no `api.` host, `/api` or `/vN` path, or query. */
const isSitePage = (host: string, path: string): boolean => !API_ADDRESS.test(host) && !API_PATH.test(path) && !path.includes('?');

/**
 * A site's page listed with a sentence that describes it, as a table of libraries or partners
 * has them: `_VersionedLibrary('click', 'http://click.pocoo.org/', 'A command line library for
 * Python.', …)`. Nothing describes an endpoint so.
 */
function describedSite(code: string, strings: StringToken[], s: StringToken): boolean {
  const k = stringAt(strings, s.start);
  const next = k < 0 ? undefined : strings[k + 1];
  if (next === undefined || !LISTED.test(code.slice(s.start + s.value.length, next.start))) return false;
  const text = next.value.slice(0, PROSE_WINDOW);
  return sentence(text) && !ADDRESS_WORDS.test(text);
}
// A flag's help text that says the URL is an address (`DEFINE_string('api', 'https://bigquery.googleapis.com',
// 'API endpoint to talk to.')`) describes a default, not a site.
const ADDRESS_WORDS = /\b(?:endpoints?|api|server|url|uri|host(?:name)?|address|base)\b/i;

/** How far back the call a message string is an argument of may open: a message can be an array of lines joined. */
const MESSAGE_CALL_WINDOW = 1000;

/**
 * The string starting at `quoteAt` (its opening quote) is an argument of a print, log, warning
 * or error call. Objects and placeholders among the arguments before it (`JSON.stringify({ … })`,
 * `${name}`) are passed over whole; a `;`, or a `{` that opens a block around the string, ends the statement.
 */
function inMessageCall(code: string, quoteAt: number): boolean {
  if (MESSAGE_WORD_BEFORE.test(code.slice(Math.max(0, quoteAt - 40), quoteAt))) return true;
  let depth = 0;
  let braces = 0;
  for (let j = quoteAt - 1; j >= Math.max(0, quoteAt - MESSAGE_CALL_WINDOW); j--) {
    const c = code.charCodeAt(j);
    if (c === 41) depth++; // )
    else if (c === 40) {
      // (
      if (depth-- === 0) return braces === 0 && MESSAGE_CALL.test(code.slice(Math.max(0, j - 60), j));
    } else if (c === 125) braces++; // }
    else if (c === 123) {
      // {
      if (braces-- === 0) return false;
    } else if (c === 59 && braces === 0) return false; // ;
  }
  return false;
}

// Code that asks a consent manager before loading a service waits for consent.
const CONSENT_API = /\b(?:Cookiebot\.consent|CookieConsent\.consent|Cookiebot\.(?:onaccept|onconsentready)|Optanon(?:Active|Wrapper)|OnetrustActiveGroups|OneTrust\.OnConsentChanged|UC_UI\.|__ucCmp|Didomi\.getUserConsentStatus|didomiOnReady|klaro\.getManager|getCkyConsent|cookieyes_consent|Osano\.cm|_iub\.cs|tarteaucitron\.(?:job|user)|cmplz_has_consent|hasConsent\s*\(|consentGranted|__tcfapi\s*\()/;

/** The names that can be environment variables: the matches of `\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b`. */
export const ENV_TOKEN = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b/g;

const isUpperOrDigit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isLowerCode = (c: number): boolean => c >= 97 && c <= 122;

/**
 * ENV_TOKEN's matches, in order, as [offset, name]. Every match is a whole word holding an
 * underscore, so only such words are looked at (indexOf finds the underscores) rather than the
 * pattern being tried at every offset: snake_case code is full of underscores, but a word
 * with a lower-case letter is turned away at once, and an underscore with a lower-case letter
 * beside it before its word is walked at all (that halved the search on Python's snake_case).
 */
export function envTokens(text: string): [number, string][] {
  const out: [number, string][] = [];
  for (let u = text.indexOf('_'); u >= 0; ) {
    if (isLowerCode(text.charCodeAt(u - 1)) || isLowerCode(text.charCodeAt(u + 1))) {
      u = text.indexOf('_', u + 1);
      continue;
    }
    let start = u;
    while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
    let end = u + 1;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
    let ok = text.charCodeAt(start) >= 65 && text.charCodeAt(start) <= 90 && isUpperOrDigit(text.charCodeAt(end - 1));
    for (let i = start + 1; ok && i < end - 1; i++) ok = isUpperOrDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 95;
    if (ok) out.push([start, text.slice(start, end)]);
    u = text.indexOf('_', end);
  }
  return out;
}
// A string that may be nothing but a host name, checked before the costlier public-suffix lookup.
const MAYBE_BARE_HOST = /^[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63}(?::\d{1,5})?(?:\/\S*)?$/i;
// Unquoted hosts in config (smtp.sendgrid.net, api.eu.mailgun.net) after '=', ':' or a list dash.
const CONFIG_BARE_HOST = /(?:[=:]|^[ \t]*-)[ \t]*["']?([a-z0-9][a-z0-9.-]*\.[a-z]{2,})(?::\d+)?["']?[ \t]*$/gim;
/**
 * A pattern for the lexed code whose line ends in blanks (`[ \t]*$`), made for the raw text:
 * there a comment the code has blanked may still follow the blanks.
 */
function allowingTrailingComment(re: RegExp): RegExp {
  const source = re.source.replace(/\[ \\t\]\*(\\r\?)?\$$/, '(?:[ \\t].*)?$1$');
  if (source === re.source) throw new Error(`no line end to widen in /${re.source}/`);
  return new RegExp(source, re.flags);
}
const CONFIG_BARE_HOST_RAW = allowingTrailingComment(CONFIG_BARE_HOST);
// An unquoted settings value with a `;` or `,` in it: a connection string or a list of hosts.
const CONFIG_LIST_VALUE = /[=:][ \t]*([^\s'"`#;,][^\n'"`#]{0,600}?[;,][^\n'"`#]{0,600}?)[ \t]*$/gm;
// A host alone as an XML attribute value or element text: an Android deep link's
// `android:host="acme.app.link"`, an entitlement's `<string>applinks:acme.app.link</string>`,
// a property list's `<key>api.vendor.com</key>` (App Transport Security's exception domains).
const XML_BARE_HOST = /(?:>|=[ \t]*["'])[ \t]*(?:applinks:|webcredentials:|activitycontinuation:)?([a-z0-9][a-z0-9.-]*\.[a-z]{2,63})[ \t]*[<"']/gi;
const XML_WINDOW = 2000;
// An XML value named for a page people open: `<string name="privacy_policy_url">`, `android:name="terms"`.
const XML_LINK_NAME = /\bname[ \t]*=[ \t]*["'][^"']*(?:privacy|terms|tos\b|legal|licen[cs]e|help|support|faq|docs?\b|documentation|about|website|homepage|home_page|store|play_?store|app_?store|market|rate|review|feedback|contact|twitter|facebook|instagram|youtube|linkedin|github|discord)[^"']*["'][^<]*>[^<]*$/i;
// A string that is a registrable domain alone, `taboola.com`, `gmail.com`; DOMAIN_LIST_SIZE of
// them make a list of sites.
const APEX_DOMAIN = /^[a-z0-9][a-z0-9-]*\.(?:[a-z]{2,63}|co\.[a-z]{2}|com\.[a-z]{2})$/i;

// An array of strings under a name that makes it a list of sites rather than of endpoints: what
// a test or an extension blocks (`ALL_BLACKLISTED`, `BLOCK_DOMAINS`, `IGNORED_HOSTS`), any host;
// a list of domains (`AD_DOMAINS = ["facebook.net", "taboola.com"]`), its bare registrable domains.
const ARRAY_OF_STRINGS_BEFORE = /\[(?:\s*(?:"[^"\n]{0,300}"|'[^'\n]{0,300}')\s*,)*\s*$/;
const LIST_NAME_BEFORE = /([A-Za-z_$][\w$]{0,80})["']?\s*(?::\s*[\w$<>[\]|, ]{1,60})?\s*(?:=|:|=>)\s*(?:new\s+Set\s*\(\s*|(?:frozen)?set\s*\(\s*)?$/;
const BLOCKING_NAME = /block|black|deny|denied|ban(?:ned)?(?:_|$|[A-Z])|ignor|exclu|skip|filter|tracker/i;
const SITES_NAME = /(?:domains|sites|websites)$/i;

/**
 * The name of the array of strings whose item opens with the quote at `quote` (a variable's or a
 * key's), or undefined. The list a string is in is looked for within 3,000 characters before it;
 * an item that follows the last one asked about, a comma apart, is in the same list (a list of
 * 100,000 hosts is read once, whatever its length).
 */
class ListNames {
  private end = -1;
  private name: string | undefined;

  constructor(private readonly code: string) {}

  of(quote: number, valueLength: number): string | undefined {
    const code = this.code;
    if (this.end < 0 || !/^\s*,\s*$/.test(code.slice(this.end, quote))) {
      const window = code.slice(Math.max(0, quote - 3000), quote);
      const open = ARRAY_OF_STRINGS_BEFORE.exec(window);
      this.name = open ? LIST_NAME_BEFORE.exec(window.slice(Math.max(0, open.index - 200), open.index))?.[1] : undefined;
    }
    // (Past the closing quote.)
    this.end = quote + valueLength + 2;
    return this.name;
  }
}

/** Whether a bare host is an item of a list named for sites or for what it blocks (see ARRAY_OF_STRINGS_BEFORE). */
function inListOfSites(name: string | undefined, host: string): boolean {
  if (!name) return false;
  return BLOCKING_NAME.test(name) || (SITES_NAME.test(name) && registrableDomain(host) === host);
}

// OpenTelemetry's attribute names look like hosts on the .host and .name TLDs (`http.host`, `net.peer.name`, `server.address`).
const OTEL_ATTRIBUTE = /^(?:http|net|server|client|url|db|messaging|rpc|network|peer|host|user_agent|process|service|k8s|cloud|faas|destination|source)(?:\.[a-z_]+)*\.(?:host|name|address|port|domain|ip|hostname)$/;

const EXTENSION_MANIFEST = /(?:^|\/)manifest(?:[._-][\w-]+)?\.json$/;
const MATCH_PATTERN_LIST = /"(?:matches|exclude_matches|include_globs|exclude_globs|host_permissions|optional_host_permissions|permissions|optional_permissions)"\s*:\s*\[/g;

/** Where an extension manifest's lists of match patterns run, from each list's `[` to its `]`, in one pass. */
function matchPatternSpans(code: string): [number, number][] {
  if (!code.includes('manifest_version')) return [];
  const spans: [number, number][] = [];
  for (const m of code.matchAll(MATCH_PATTERN_LIST)) {
    const from = m.index! + m[0].length - 1;
    // Patterns hold no `]` (a URL's path may not either, unescaped): the list ends at the first.
    const to = code.indexOf(']', from);
    spans.push([from, to < 0 ? code.length : to]);
  }
  return spans;
}
const DOMAIN_LIST_SIZE = 8;
const HOST_AFTER_PLACEHOLDER = /^((?:[a-z0-9](?:[a-z0-9-]{0,62})\.)+[a-z]{2,63})(?::\d{1,5})?$/i;

// A value named for the host a program connects to: `MAIL_HOST=smtp.mail.ru`, `host: smtp.zoho.eu`
// in a mail block, `'host' => 'mx.vendor.de'`, nodemailer's `{ host: 'smtp.vendor.io' }`, Java's
// `props.put("mail.smtp.host", "smtp.vendor.net")`, `"SmtpServer": "…"`, `S3_ENDPOINT=…`, Kafka's
// `bootstrap.servers=…` and `KAFKA_BROKER=…`. Such a
// host is a connection whether the catalogue knows it or not (an unknown one is an unclassified
// third party); elsewhere a bare domain is taken only when the catalogue knows it.
const HOST_KEY_BEFORE = /(?:^|[^\w.-])["']?([\w.-]*?(?:host|hostname|server|endpoint|bootstrap[._-]?servers|brokers?))["']?[ \t]*(?:[:=,]|=>)[ \t]*["']?$/i;
// …except keys that name the project's own site or where it listens (`VIRTUAL_HOST`, `APP_HOST`,
// `bind_host`, Django's `ALLOWED_HOSTS` is plural and never matches).
const OWN_HOST_KEY = new RegExp(String.raw`(?:${OWN_KEY_PREFIX}|base)[_.-]?(?:host|hostname|server|endpoint)$`, 'i');
// …and the hosts a Kubernetes ingress, a route or a certificate serves: the site's own.
const SERVED_HOSTS_SECTION = /^(?:ingress(?:es)?|rules|tls|routes?|hosts|domains?|virtualservices?|gateways?|certificates?|dnsNames)$/i;

/**
 * The URLs of a string whose slashes are escaped, as JSON encoders write them (PHP's
 * json_encode, Shopify's settings: `https:\/\/use.typekit.net\/abc.js`), at their offsets in the
 * escaped string; host and path are read unescaped.
 */
function escapedSlashUrls(value: string): UrlMatch[] {
  const at: number[] = [];
  let plain = '';
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) === 92 && value.charCodeAt(i + 1) === 47) continue; // \ before /
    at.push(i);
    plain += value[i];
  }
  // The sentence and document checks read the text as it is meant (addUrl reads the escaped one).
  return findUrls(plain)
    .filter((u) => !isProse(plain, u.index, u.raw.length) && !isDocumentLink(plain, u.index, u.raw.length))
    .map((u) => {
      const start = at[u.index]!;
      const end = at[u.index + u.raw.length - 1]! + 1;
      return { ...u, index: start, raw: value.slice(start, end) };
    });
}

/**
 * For the gate: whether the host starting at `at` may be one namedAsRemoteHost() takes: its key,
 * on the same line before it, names a host to connect to. A separator must come first (after
 * blanks and a quote), which rules out most strings at a few characters' cost.
 */
function namedHostAt(text: string, at: number, host: string): boolean {
  let j = at - 1;
  for (let c = text.charCodeAt(j); c === 32 || c === 9 || c === 34 || c === 39; c = text.charCodeAt(--j));
  const c = text.charCodeAt(j);
  if (c !== 58 && c !== 61 && c !== 44 && c !== 62) return false; // : = , >
  if (hostKeyBefore(text, at) === undefined || !bareHost(host)) return false;
  return !placeholderDomain(host.toLowerCase());
}

/** The key on the value's line that names it as a host to connect to (`MAIL_HOST`, `host`), if one does. */
function hostKeyBefore(text: string, offset: number): string | undefined {
  return HOST_KEY_BEFORE.exec(text.slice(lineStartOf(text, offset, 120), offset))?.[1];
}

/** Whether the value at `offset` is named as a host to connect to, by its key on the same line. */
function namedAsRemoteHost(text: string, code: string, offset: number): boolean {
  const key = hostKeyBefore(text, offset);
  if (!key || OWN_HOST_KEY.test(key)) return false;
  return !enclosingKeys(code, offset).some((k) => SERVED_HOSTS_SECTION.test(k));
}

// Some vendors' SDKs are the common client of a protocol other services speak too, and send
// where the code's base URL says. OpenAI's are the client of OpenAI-compatible APIs
// (`createOpenAI({ baseURL: 'https://api.groq.com/openai/v1' })`, `ChatOpenAI(base_url=
// "https://openrouter.ai/api/v1")`, Azure's endpoint, a local Ollama); AWS's S3 clients that of
// S3-compatible storage (`boto3.client('s3', endpoint_url='http://minio:9000')`, R2, Spaces,
// Backblaze). Pointed at another host they send nothing to the vendor: their import and the
// constructor's snippet are kept at low confidence, and the base URL is evidence of its own.
interface RedirectableClient {
  service: string;
  packages: Set<string>;
  /** A base URL's setting, its host in the first group (placeholders such as `${host}`, `#{…}` and `{region}` kept). */
  baseUrl: RegExp;
  /** Hosts that are the vendor's own. */
  ownHost: RegExp;
  /** Code that uses the client with some other service in every case (Azure OpenAI). */
  always?: RegExp;
}
const REDIRECTABLE_CLIENTS: RedirectableClient[] = [
  {
    service: 'openai',
    packages: new Set(['openai', '@ai-sdk/openai', '@langchain/openai', 'langchain_openai', 'langchain-openai']),
    // ruby-openai's `config.uri_base` too; a host built from a variable (`http://#{ENV['OLLAMA_HOST']}:11434`) is no OpenAI host either.
    baseUrl: /\b(?:base_?url|baseURL|api_base|apiBase|openai_api_base|base_path|basePath|azure_endpoint|azureEndpoint|uri_base)["']?\s*[:=]\s*['"`](?:https?:)?\/\/((?:[\w.-]|[#$]?\{[^}\n]*\})+)/gi,
    ownHost: /(?:^|\.)openai\.com$/,
    // Azure OpenAI's clients live in OpenAI's SDKs too, and send to the customer's Azure resource.
    always: /\b(?:AzureOpenAI|AzureChatOpenAI|AzureOpenAIEmbeddings|azure_endpoint|azureOpenAIApiInstanceName|azureOpenAIEndpoint)\b/,
  },
  {
    service: 'aws',
    packages: new Set(['boto3', 'aioboto3', 'botocore', 'aiobotocore', '@aws-sdk/client-s3', 'aws-sdk']),
    // boto3's endpoint_url (a Python f-string's `{host}` too), the JavaScript SDK's endpoint.
    baseUrl: /\b(?:endpoint_url|endpoint|endpointUrl)["']?\s*[:=]\s*f?['"`](?:https?:)?\/\/((?:[\w.-]|[#$]?\{[^}\n]*\})+)/gi,
    ownHost: /(?:^|\.)amazonaws\.com(?:\.cn)?$/,
  },
];

/** Whether the code gives a client a base URL on a host other than its vendor's, or always uses it with another service. */
function pointsElsewhere(client: RedirectableClient, code: string): boolean {
  if (client.always?.test(code)) return true;
  for (const m of code.matchAll(client.baseUrl)) if (!client.ownHost.test(m[1]!.toLowerCase())) return true;
  return false;
}

// Framework configs that name their plugins and modules by package: Expo's app.json and
// app.config.js `plugins`, Gatsby's `plugins`/`resolve`, Nuxt's `modules`, Docusaurus' `plugins`
// and `presets`, Quasar's. A string there that is a catalogue package is that package's use.
const PLUGIN_CONFIG = /^(?:app\.json|app\.config\.[cm]?[jt]s|gatsby-config\.[cm]?[jt]s|nuxt\.config\.[cm]?[jt]s|docusaurus\.config\.[cm]?[jt]s|quasar\.conf(?:ig)?\.[cm]?[jt]s)$/;
// An npm package's name, scoped or not, and a path into it: `react-native-google-mobile-ads`,
// `@nuxtjs/algolia`, Sentry's Expo plugin `@sentry/react-native/expo` (the first group is the package).
const PACKAGE_NAME = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/[\w.-]+)*$/;

/** Whether the file is a framework config that names its plugins by package. */
export const namesPluginPackages = (path: string): boolean => PLUGIN_CONFIG.test(path.slice(path.lastIndexOf('/') + 1));

export function extractCode(ctx: ExtractContext, language: CodeLanguage, base = 0, text = ctx.text, kind: EvidenceKind = 'code-url', lexed: Lexed = lex(text, LANGUAGES[language])): void {
  const spec = LANGUAGES[language];
  const firstEvidence = ctx.evidence.length;
  const { strings, code } = lexed;
  const seen = new Set<number>();
  // Spans already reported as URLs: a snippet matching inside one would repeat the same evidence.
  const urlSpans: [number, number][] = [];
  // The keys that name the project's own address in this file (a site generator's settings, an app
  // URL variable): worked out at the first plain URL, as most files read in full hold none.
  let siteKey: RegExp | null | undefined;
  const siteKeyOfFile = (): RegExp | null => (siteKey === undefined ? (siteKey = kind === 'code-url' ? siteKeyBefore(ctx.path, spec.unquotedValues === true || language === 'json') : null) : siteKey);
  const dynamicScript = language === 'js' && code.includes('createElement') && /createElement\(\s*['"`]script['"`]\s*\)/.test(code);
  const gradle = GRADLE_FILE.test(ctx.path);

  const urlKind = (offset: number, tag: string): EvidenceKind => {
    if (kind !== 'code-url') return kind;
    const element = TAG_BEFORE.exec(tag);
    if (element) return TAG_KIND[element[1]!]!;
    if (dynamicScript && DYNAMIC_SRC_BEFORE.test(text.slice(Math.max(0, offset - 160), offset - 1))) return 'script-src';
    if (CSS_IMPORT_BEFORE.test(text.slice(Math.max(0, offset - 40), offset))) return 'css';
    if (CSP_SOURCE_BEFORE.test(code.slice(Math.max(0, offset - 300), offset))) return 'csp';
    return 'code-url';
  };

  // (Computed once a file, when an extension manifest has a URL.)
  const extensionManifest = language === 'json' && EXTENSION_MANIFEST.test(ctx.path);
  let matchPatternLists: [number, number][] | undefined;
  // (The names of the lists strings are items of, asked in the strings' order.)
  let listNames: ListNames | undefined;
  const addUrl = (offset: number, raw: string, host: string, path: string, inString?: StringToken): void => {
    if (seen.has(offset)) return;
    seen.add(offset);
    const tag = kind === 'code-url' ? openTagBefore(text, offset - 1) : '';
    if (ANCHOR_BEFORE.test(tag)) return;
    const k = urlKind(offset, tag);
    // A URL in code, not in a tag's src or href: the one that may be a link for a person.
    const plain = k === 'code-url';
    const ownAddress =
      plain &&
      ((inString && SITE_ADDRESS_BEFORE.test(code.slice(Math.max(0, inString.start - 201), inString.start - 1))) ||
        userAgentSite(inString ? inString.value.slice(Math.max(0, offset - inString.start - 80), offset - inString.start) : code.slice(Math.max(lineStartOf(code, offset, 80), offset - 80), offset)) ||
        siteKeyOfFile()?.test(code.slice(lineStartOf(code, offset, 200), offset)) === true);
    if (ownAddress) {
      // The project's own address: attribution takes its domain as first party (ownSites).
      urlSpans.push([offset, offset + raw.length]);
      ctx.add(k, base + offset, raw, 'medium', { host, urlPath: path, siteAddress: true });
      return;
    }
    if (plain && inMarkdownLink(text, offset)) return;
    if (plain && inString) {
      const at = offset - inString.start;
      if (isProse(inString.value, at, raw.length) || inEmbeddedComment(inString.value, at) || isDocumentLink(inString.value, at, raw.length)) return;
      if (inMessageCall(code, inString.start - 1) || isLinkByPlace(code, inString.start - 1, host, path, ctx.detectors)) return;
      if (onlyUrl(inString.value, raw) && (partOfText(code, strings, inString) || (isSitePage(host, path) && describedSite(code, strings, inString)))) return;
      // An item of a list of what something blocks (`DEFAULT_BLOCKED_UA_STRS = [… 'http://yandex.com/bots' …]`).
      if (onlyUrl(inString.value, raw) && !ctx.detectors.knownHost(host) && BLOCKING_NAME.test((listNames ??= new ListNames(code)).of(inString.start - 1, inString.value.length) ?? '')) return;
      // JSON held in a string (a bundle's `JSON.parse('…')`, fixture data): its keys say what a
      // quoted value is, as they do in a JSON file (`"portfolio_url":"http://…"`, `"twitter":"…"`).
      if (at > 0 && inString.value.charCodeAt(at - 1) === 34) {
        // Quotes escaped inside a quoted string (`{\"portfolio_url\":\"http://…\"}`) read as quotes.
        const key = inString.value.slice(Math.max(0, at - 80), at).replace(/\\(["'])/g, '$1');
        if (LINK_KEY_BEFORE.test(key) || LINK_NAME_BEFORE.test(key.slice(0, -1))) return;
        // A script in a string (a settings file's snippet) that points an anchor at a site's top.
        if (anchorAtSiteTop(key.slice(0, -1), path) && !ctx.detectors.knownHost(host)) return;
      }
    }
    if (plain && (isReadingLink(host, path, ctx.detectors.listsHost(host)) || isSocialPage(host, path) || isAppLink(host, path))) return;
    if (plain && gradle && !APP_CONFIG_LINE.test(code.slice(lineStartOf(code, offset, LINE_LIMIT), offset))) {
      urlSpans.push([offset, offset + raw.length]);
      ctx.add(k, base + offset, raw, 'medium', { host, urlPath: path, dev: true });
      return;
    }
    if (kind === 'code-url' && language === 'xml') {
      // Element text that is a sentence (`<string name="about">Read more at https://…</string>`), or
      // a value named for a page people open, is a link.
      // Read back at most XML_WINDOW characters: element text can be long, and each URL in it is read.
      const from = Math.max(0, offset - XML_WINDOW);
      const back = text.slice(from, offset);
      const tag = from + back.lastIndexOf('<');
      const open = from + back.lastIndexOf('>') + 1;
      if (open > tag && tag >= from) {
        const close = text.indexOf('<', offset);
        const end = close < 0 || close - offset > XML_WINDOW ? Math.min(text.length, offset + XML_WINDOW) : close;
        if (isProse(text.slice(open, end), offset - open, raw.length)) return;
        if (XML_LINK_NAME.test(text.slice(tag, offset))) return;
      }
    }
    if (kind === 'code-url' && !inString && (language === 'config' || language === 'toml')) {
      // An unquoted config value that is a sentence: `description: Sends events to https://…`.
      // The line read at most LINE_LIMIT characters either side: a file of one long line holds
      // thousands of URLs, each read here.
      const lineStart = lineStartOf(code, offset, LINE_LIMIT);
      const line = code.slice(lineStart, lineEndOf(code, offset, LINE_LIMIT));
      const valueStart = CONFIG_KEY_PREFIX.exec(line)![0].length;
      if (offset - lineStart >= valueStart && isProse(line.slice(valueStart), offset - lineStart - valueStart, raw.length)) return;
      // Lines under a key for text people read (`help_text: |`, `examples: |`, a `description:`
      // block): the URLs there are links and sample commands, whatever the sentence around them.
      if (language === 'config' && PROSE_KEY.test(enclosingKeys(code, offset)[0] ?? '')) return;
    }
    // A browser extension's match patterns (`content_scripts[].matches`, `host_permissions`) are
    // the pages it runs on or may read, not servers it sends to.
    if (extensionManifest && (matchPatternLists ??= matchPatternSpans(code)).some(([from, to]) => offset > from && offset < to)) return;
    if (spec.unquotedValues || language === 'json') {
      const before = text.slice(lineStartOf(text, offset, 120), offset);
      if (LINK_KEY_BEFORE.test(before)) return;
      // A site's address in a data file (a sponsor list's `url: https://vendor.com`) is a link to its front page.
      // An API's address is an endpoint under any key (`BASE_URL=http://api.ipstack.com`).
      if (SITE_KEY_BEFORE.test(before) && !API_ADDRESS.test(host) && !API_PATH.test(path) && !VERSION_PATH.test(path) && (!ctx.detectors.knownHost(host) || isFrontPage(host, path)) && !(spec.unquotedValues && underServiceKey(code, offset))) return;
      if (URL_KEY_LINE.test(before) && enclosingKeys(code, offset).some((k) => LINK_LIST_SECTION.test(k))) return;
    }
    // The framework's own mail host in its stock config (`'host' => env('MAIL_HOST', 'smtp.mailgun.org')`,
    // `.env.example`'s `MAIL_HOST=smtp.mailtrap.io`): in every Laravel app of those versions, whatever it uses.
    if (laravelStockHost(ctx.path, code, host, offset)) return;
    urlSpans.push([offset, offset + raw.length]);
    // A policy's source is a host the site allows itself, as extractCspValue() reads them: medium.
    ctx.add(k, base + offset, raw, plain || k === 'csp' ? 'medium' : 'high', { host, urlPath: path });
  };

  if (spec.unquotedValues) {
    for (const u of findUrls(code)) addUrl(u.index, u.raw, u.host, u.path);
    if (mayNameIceServer(code)) for (const u of iceServers(code)) addUrl(u.index, u.raw, u.host, '/');
  }
  /** The servers a connection string names (see connectionStringHosts); whether the value may be one. */
  const addConnectionString = (value: string, at: number): boolean => {
    if (!mayHoldConnectionString(value)) return false;
    for (const h of connectionStringHosts(value)) addUrl(at + h.index, h.raw, h.host, '/');
    return true;
  };
  /** The servers a value lists (see listedServers). */
  const addHostList = (value: string, at: number): void => {
    for (const h of listedServers(value, () => code.slice(lineStartOf(code, at, 120), at), (host) => ctx.detectors.knownHost(host))) addUrl(at + h.index, h.raw, h.host, '/');
  };
  const readsPolicies = kind === 'code-url' && !spec.unquotedValues && language !== 'json';
  // Many strings that are a domain alone make the file a list of sites (referrer sources, email
  // providers, a blocklist), whose bare domains (`Taboola: 'taboola.com'`) are names, not endpoints.
  let domainList: boolean | undefined;
  const listsDomains = (): boolean => (domainList ??= strings.filter((t) => APEX_DOMAIN.test(t.value)).length >= DOMAIN_LIST_SIZE);
  const schemeString = hasSchemeString(code);
  for (const s of strings) {
    const urls = findUrls(s.value);
    // An ICE server URI is a string of its own (`urls: 'stun:…'`): its first letters are tested, not the
    // whole text (four searches of every text cost 3–8 % of a scan of npm packages).
    if (startsIceServer(s.value)) for (const u of iceServers(s.value)) addUrl(s.start + u.index, u.raw, u.host, '/', s);
    for (const u of urls) addUrl(s.start + u.index, u.raw, u.host, u.path, s);
    if (urls.length === 0 && s.value.includes(':\\/\\/')) for (const u of escapedSlashUrls(s.value)) addUrl(s.start + u.index, u.raw, u.host, u.path, s);
    if (s.value.includes('//')) for (const t of templatedUrls(s.value, urls)) addUrl(s.start + t.index, t.raw, t.host, t.path, s);
    // A policy in a string of code (next.config.js headers, helmet's directives) names bare hosts
    // too. Config and data files that carry headers (netlify.toml, vercel.json, nginx) have their
    // own reader of them (extractCspHeaders), which this would repeat.
    if (readsPolicies && mayHoldPolicy(s.value)) extractCspValue(ctx, s.value, base + s.start, true);
    const joined = urls.length === 0 && schemeString ? joinedHost(code, s) : null;
    // The rest of a host joined to a scheme and a variable: 'https://' . $dc . '.api.mailchimp.com/3.0/';
    // or a host joined to a scheme: ('https:' == location.protocol ? 'https://' : 'http://') + 'cdn.vendor.com/t.js'.
    if (joined) addUrl(s.start + (s.value.charCodeAt(0) === 46 ? 1 : 0), joined.raw, joined.host, joined.path, s);
    if (urls.length === 0) {
      // (A string that starts with a dot or an @ is no bare host: a joined tail's evidence
      // starts after that character, as joinedHost()'s does.)
      const tail = joined ? null : knownJoinedTail(ctx, code, s);
      const bare = tail ?? knownBareHost(ctx, s.value) ?? knownHostAfterPlaceholder(ctx, s.value);
      const at = s.start + (s.value.length - s.value.trimStart().length);
      if (tail) {
        addUrl(s.start + 1, s.value.slice(1), tail.host, tail.path);
      } else if (bare && !(bare.path === '/' && listsDomains() && registrableDomain(bare.host) === bare.host) && !inListOfSites((listNames ??= new ListNames(code)).of(s.start - 1, s.value.length), bare.host)) {
        addUrl(at, s.value.trim(), bare.host, bare.path);
      } else if (!bare && kind === 'code-url' && s.value.length < 260) {
        const remote = OTEL_ATTRIBUTE.test(s.value) ? null : bareHost(s.value.trim());
        if (remote && namedAsRemoteHost(text, code, s.start)) addUrl(at, s.value.trim(), remote.host, remote.path);
      }
      // A connection string's server (`Server=tcp:acme.database.windows.net,1433;…`): named a server by its own key.
      if (kind === 'code-url' && language !== 'js') addConnectionString(s.value, s.start);
      // A list of hosts: the catalogue's, or any under a key that names them (`"bootstrap.servers": "…"`).
      if (kind === 'code-url' && s.value.includes(',')) addHostList(s.value, s.start);
    }
  }
  if (spec.unquotedValues && kind === 'code-url') {
    // Unquoted settings values that are connection strings or host lists (`.env`, `.properties`, YAML).
    for (const m of code.matchAll(CONFIG_LIST_VALUE)) {
      const value = m[1]!;
      const at = m.index! + m[0].length - value.length;
      if (stringAt(strings, at) >= 0) continue; // a quoted value: read as a string above
      if (!addConnectionString(value, at)) addHostList(value, at);
    }
  }
  if (spec.unquotedValues) {
    for (const m of code.matchAll(CONFIG_BARE_HOST)) {
      const host = m[1]!.toLowerCase();
      const offset = m.index! + m[0].indexOf(m[1]!);
      if (stringAt(strings, offset) >= 0 || !bareHost(host)) continue;
      if (ctx.detectors.knownHost(host) ? !inWordList(code, offset) : kind === 'code-url' && namedAsRemoteHost(text, code, offset)) addUrl(offset, m[1]!, host, '/');
    }
  }

  if (language === 'xml') {
    for (const m of code.matchAll(XML_BARE_HOST)) {
      const host = m[1]!.toLowerCase();
      if (ctx.detectors.knownHost(host) && bareHost(host)) addUrl(m.index! + m[0].indexOf(m[1]!), m[1]!, host, '/');
    }
  }

  const spans = mergedSpans(urlSpans);
  for (const hit of ctx.detectors.snippets(code, text)) {
    if (insideSpan(spans, hit[0])) continue;
    ctx.addSnippet(kind === 'code-url' ? 'code-snippet' : kind, base + hit[0], hit);
  }

  if (kind === 'code-url' && (language === 'js' || language === 'json') && namesPluginPackages(ctx.path)) {
    for (const s of strings) {
      const name = PACKAGE_NAME.exec(s.value)?.[1];
      if (name && ctx.detectors.knownImport('npm', name)) ctx.add('import', base + s.start, s.value, 'high', { ecosystem: 'npm', package: name });
    }
  }

  const firstImport = ctx.evidence.length;
  for (const rule of IMPORTS[language] ?? []) {
    for (const imp of rule.find(code, strings)) {
      const name = rule.normalise ? rule.normalise(imp.module) : imp.module;
      if (!name) continue;
      ctx.add('import', base + imp.offset, imp.statement, 'high', { ecosystem: rule.ecosystem, package: name });
    }
  }
  // Only a file that imports such a client is searched for where it points.
  for (const client of REDIRECTABLE_CLIENTS) {
    const imports = ctx.evidence.slice(firstImport).filter((ev) => ev.kind === 'import' && client.packages.has(ev.package!));
    if (imports.length === 0 || !pointsElsewhere(client, code)) continue;
    for (const ev of imports) ev.confidence = 'low';
    // The client's constructor (`new OpenAI({ baseURL })`, `boto3.client('s3'`) is that same client, sending where its base URL says.
    for (const ev of ctx.evidence.slice(firstEvidence)) if (ev.kind === 'code-snippet' && ev.serviceHint === client.service) ev.confidence = 'low';
  }

  // Only a file that uses a catalogue service can gate it (consent is checked for those alone),
  // so the search is spared everywhere else: an import of a module no entry knows, a link to a
  // host no entry claims.
  const usesService = (ev: Evidence): boolean => {
    if (ev.kind === 'import') return ev.ecosystem !== undefined && ev.package !== undefined && ctx.detectors.knownImport(ev.ecosystem, ev.package);
    return ev.host === undefined || ctx.detectors.knownHost(ev.host, ev.urlPath);
  };
  if (language === 'js' && ctx.evidence.length > firstEvidence && ctx.evidence.slice(firstEvidence).some(usesService)) {
    const consent = CONSENT_API.exec(code);
    if (consent) {
      for (const ev of ctx.evidence.slice(firstEvidence)) ev.consentAttributes = { ...ev.consentAttributes, 'consent-check': consent[0] };
    }
  }
  const envSeen = new Set<string>();
  extractEnvNames(ctx, code, base, envSeen, spec.unquotedValues === true || language === 'json');
  if (language === 'config' || language === 'toml' || language === 'json' || (language === 'xml' && code.includes('<add'))) {
    const mayName = keyHeads(ctx.detectors);
    const keys = language === 'json' ? jsonKeyPaths(code, strings, mayName) : language === 'xml' ? appSettingKeyPaths(code, mayName) : lineKeyPaths(code, mayName);
    extractConfigKeys(ctx, keys, base, envSeen, mayName);
  }
  if ((language === 'config' || language === 'toml') && ctx.evidence.length > firstEvidence && SWITCHED_OFF.test(code)) {
    dropSwitchedOff(ctx, firstEvidence, switchedOffLines(code), ctx.position(base).line - 1);
  }
}

// A settings block switched off (`disqus:` / `enable: false`, Hugo's `[params.google_map]` /
// `enable = false`): the vendor's settings in it (a shortname, a key, a form's URL) are kept for
// the day it is switched on, and nothing loads until then. Theme and site-generator settings
// are full of such blocks.
const SECTION_HEADER = /^[ \t]*\[/;
const SWITCHED_OFF = /^[ \t]*["']?enabled?["']?[ \t]*[:=][ \t]*["']?(?:false|no|off)["']?[ \t]*(?:#.*)?$/im;

/** The line ranges (1-based, inclusive) of the blocks a `enable: false` line switches off: its YAML siblings, or its TOML or INI section. */
export function switchedOffLines(code: string): [number, number][] {
  const lines = code.split('\n');
  const indentOf = (l: string): number => l.length - l.trimStart().length;
  const blank = (l: string): boolean => l.trim() === '';
  const ranges: [number, number][] = [];
  // A switch inside a block already switched off adds nothing (and scanning it again would make a
  // file of many switches quadratic).
  let covered = 0;
  let header = -1;
  lines.forEach((line, i) => {
    if (SECTION_HEADER.test(line)) header = i;
    if (i < covered || !SWITCHED_OFF.test(line)) return;
    if (!/^[^:=]*:/.test(line)) {
      // `enable = false`, a key of a TOML or INI section: the section, from its header to the
      // next one (a key before any header switches nothing off).
      const from = header;
      if (from < 0) return;
      let to = i + 1;
      while (to < lines.length && !SECTION_HEADER.test(lines[to]!)) to++;
      ranges.push([from + 1, to]);
      covered = to;
      return;
    }
    const indent = indentOf(line);
    // A top-level `enable: false` switches off no block of its own.
    if (indent === 0) return;
    let from = i;
    while (from > covered && (blank(lines[from - 1]!) || indentOf(lines[from - 1]!) >= indent)) from--;
    let to = i + 1;
    while (to < lines.length && (blank(lines[to]!) || indentOf(lines[to]!) >= indent)) to++;
    ranges.push([from + 1, to]);
    covered = to;
  });
  return ranges;
}

/** Drops the evidence a call added from `first` on that sits on a switched-off line (`lineBase`: the line the lexed code starts after). */
function dropSwitchedOff(ctx: ExtractContext, first: number, ranges: [number, number][], lineBase: number): void {
  // The ranges are in order and apart: as half-open spans, insideSpan's binary search finds a line's.
  const spans = ranges.map(([from, to]): [number, number] => [from, to + 1]);
  const kept = ctx.evidence.slice(first).filter((ev) => !insideSpan(spans, ev.line - lineBase));
  ctx.evidence.length = first;
  ctx.evidence.push(...kept);
}

// ---- the gate ----------------------------------------------------------------------------------
// Most source and config files of a large tree use no service: no URL, no vendor SDK import, no vendor
// variable, no vendor snippet. Reading them in full (tokenising, collecting every string and
// import) costs more than everything else the scan does. mayUseService() decides from the raw
// text, with searches that over-approximate what extractCode() would keep (comments included),
// whether a full read can find anything; when it cannot, the file adds no evidence either way:
// an import or variable no catalogue entry knows is dropped before the report (scanFile).

// A URL: `://` anywhere, or `//` where findUrls() and templatedUrls() take one to start (after
// a quote, '=', '(', ',', '[', '@' or white space, or at the start) and followed by something other
// than a space.
const URL_HINT = /:\/\/|:\\\/\\\/|(?:^|['"`=(,[\s])\/\/[^\s/]/;
// (After '@', as Oracle's `thin:@//host`, a search of its own: in the pattern's class it slowed every file's first test.)
const hasUrlHint = (text: string): boolean => URL_HINT.test(text) || text.includes('@//');
// A quoted string that may be only a host (and port and path), as knownBareHost() reads them;
// a string left open runs to the end of its line or of the file. The closing quote is left
// unread: it may open the next string (`'a.io'` then `'js.stripe.com'` written `'a.io''js…`).
const HOST_NAME = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,62})\.)+[a-z]{2,63}`;
// A placeholder for the first labels of a host, and the dot after it: '%s.s3.amazonaws.com' % bucket,
// "{}.s3.amazonaws.com".format(b), `${bucket}.s3.amazonaws.com`, "#{bucket}.s3…", "$bucket.s3…", "{{ bucket }}.s3…".
const LEADING_PLACEHOLDER_SOURCE = String.raw`(?:%s|%\(\w{1,40}\)s|\{\w{0,40}\}|[$#]\{[^{}\s'"\`]{1,60}\}|\$\w{1,40}|\{\{[^{}'"\`]{1,60}\}\}|<%=?[^%'"\`]{1,60}%>)\.`;
const LEADING_PLACEHOLDER = new RegExp(String.raw`^\s*${LEADING_PLACEHOLDER_SOURCE}`);
// (A comma after the host begins a list of hosts or options: `"acme.redis.cache.windows.net:6380,ssl=True"`.)
// A host may follow a placeholder, a dot or an @, as knownHostAfterPlaceholder() and knownJoinedTail()
// read them, or an ICE server URI's scheme (see iceServers()).
const QUOTED_HOST = new RegExp(String.raw`['"\`]\s*(?:${LEADING_PLACEHOLDER_SOURCE}|[.@]|(?:stun|turn)s?:)?(${HOST_NAME})(?::\d{1,5})?(?:\/[^'"\`\s]*)?\s*(?=['"\`,]|$)`, 'gim');

// Ruby's %q(…) and %w[…] and Elixir's sigils (~s(…)) quote with any punctuation: there a host
// counts wherever it stands alone, in the shape knownBareHost() takes (MAYBE_BARE_HOST).
// (Or after an interpolation and its dot: "#{bucket}.s3.amazonaws.com".)
const DELIMITED_HOST = /(?:(?<=\}\.)|(?<![A-Za-z0-9.-]))([a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63})(?![A-Za-z0-9-])/gi;

// A string that is only a scheme ('https://'), the start of a host built by concatenation
// (looked for where a `://` closes a string first: quotes are everywhere in code, that is rare).
// (The scheme may carry the host's first labels, up to the variable: 'https://s3.' + region + '.wasabisys.com'.)
const SCHEME_END = /:\/\/(?:[A-Za-z0-9.-]{0,60}[.-])?['"`]/;
const SCHEME_ONLY = String.raw`['"\`](?:https?|wss?):\/\/(?:[A-Za-z0-9.-]{0,60}[.-])?['"\`]`;
const SCHEME_STRING = new RegExp(SCHEME_ONLY);
const hasSchemeString = (text: string): boolean => SCHEME_END.test(text) && SCHEME_STRING.test(text);
// A scheme string and a variable joined before a string that carries a host's tail:
// `'https://' . $data_center . '.api.mailchimp.com/3.0/'` (PHP), `"https://" + region + ".api.vendor.com"`.
const SCHEME_AND_VARIABLE = String.raw`${SCHEME_ONLY}\s*(?:\+|\.)\s*[\w$.\[\]>()'"-]{1,80}?\s*(?:\+|\.)\s*`;
const HOST_TAIL = new RegExp(String.raw`^\.(${HOST_NAME})(?::\d{1,5})?(\/[^\s'"\`]*)?`, 'i');
const SCHEME_JOINED_BEFORE = new RegExp(`${SCHEME_AND_VARIABLE}$`);
// Or the scheme joined straight to the host, often picked by the page's protocol as analytics
// loaders of old did: `('https:' == document.location.protocol ? 'https://' : 'http://') + 'cdn.vendor.com/t.js'`.
const SCHEME_DIRECTLY = String.raw`${SCHEME_ONLY}\s*\)?\s*(?:\+|\.)\s*`;
const SCHEME_DIRECTLY_BEFORE = new RegExp(`${SCHEME_DIRECTLY}$`);
const HOST_HEAD = new RegExp(String.raw`^(${HOST_NAME})(?::\d{1,5})?(\/[^\s'"\`]*)?$`, 'i');
// The same in raw text, for the gate: a scheme string, a variable, and a host's tail; or a scheme and a host.
const JOINED_HOST_RAW = new RegExp(String.raw`${SCHEME_AND_VARIABLE}['"\`]\.(${HOST_NAME})|${SCHEME_DIRECTLY}['"\`](${HOST_NAME})`, 'gi');

/** The host a string finishes when a scheme string and a variable are joined before it, or null. */
function joinedHost(code: string, s: StringToken): { raw: string; host: string; path: string } | null {
  const direct = s.value.charCodeAt(0) !== 46;
  const m = (direct ? HOST_HEAD : HOST_TAIL).exec(s.value);
  if (!m || !(direct ? SCHEME_DIRECTLY_BEFORE : SCHEME_JOINED_BEFORE).test(code.slice(Math.max(0, s.start - 121), s.start - 1))) return null;
  const host = m[1]!.toLowerCase();
  // A shared platform's suffix is no one's host: 'https://' + user + '.github.io/'.
  if (!direct && siteDomain(host) === null) return null;
  return { raw: direct ? m[0] : m[0].slice(1), host, path: m[2] ?? '/' };
}

/** Whether extractCode(ctx, language) could find evidence a report keeps in this file. */
export function mayUseService(ctx: ExtractContext, language: GatedLanguage = 'js', text = ctx.text): boolean {
  return codeGate(ctx, language, text) !== null;
}

/**
 * The languages with a gate: programming languages whose evidence is in strings, imports,
 * variable names and snippets alone, and JSON, YAML, TOML, INI and .env files, whose keys may
 * also spell a vendor variable. Shell, HCL (heredocs and interpolation around unquoted
 * values) and PHP (markup around the code) are always read in full.
 */
export const GATED_LANGUAGES = ['js', 'python', 'ruby', 'go', 'java', 'kotlin', 'swift', 'dart', 'objc', 'csharp', 'rust', 'elixir', 'json', 'config', 'toml'] as const satisfies readonly CodeLanguage[];
export type GatedLanguage = (typeof GATED_LANGUAGES)[number];

/** Reads `text` (the file's, or a part of it with the rest blanked) in full when the gate lets it through. */
export function extractGated(ctx: ExtractContext, language: GatedLanguage, text = ctx.text): void {
  const lexing = codeGate(ctx, language, text);
  if (lexing) extractCode(ctx, language, 0, text, 'code-url', lexing());
}

/**
 * The gate itself: null when a full read of this file can find nothing a report keeps, else the
 * file's lexing for that read, which the gate may have begun (see urlHintsInert).
 */
export function codeGate(ctx: ExtractContext, language: GatedLanguage, text = ctx.text): (() => Lexed) | null {
  const spec = LANGUAGES[language];
  const lexing = lexIncrementally(text, spec);
  let lexed: Lexed | undefined;
  const finish = (): Lexed => (lexed ??= lexing.finish());
  if (hasUrlHint(text) && !urlHintsInert(text, lexing)) return finish;
  // (In quoted strings QUOTED_HOST finds ICE servers below; a config file's values are unquoted.)
  if (spec.unquotedValues && mayNameIceServer(text) && ICE_SERVER.test(text)) return finish;
  const d = ctx.detectors;
  for (const rule of IMPORTS[language] ?? []) {
    const modules = rule.gate ? rule.gate(text) : rule.find(text, []).map((imp) => imp.module);
    if (modules === true) return finish;
    for (const module of modules) {
      const name = rule.normalise ? rule.normalise(module) : module;
      if (name && d.knownImport(rule.ecosystem, name)) return finish;
    }
  }
  for (const [, name] of envTokens(text)) if (d.envName(name)) return finish;
  for (const m of text.matchAll(spec.percentLiterals || spec.sigils ? DELIMITED_HOST : QUOTED_HOST)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    if (d.knownHost(m[1]!.toLowerCase()) || namedHostAt(text, at, m[1]!) || ICE_SCHEME_BEFORE.test(text.slice(m.index!, at))) return finish;
    // The first host of a list under a key that names servers (addHostList takes them all).
    if (text.charCodeAt(m.index! + m[0].length) === 44 || /^:\d{1,5},/.test(text.slice(at + m[1]!.length, at + m[1]!.length + 8))) {
      if (HOST_LIST_KEY.test(text.slice(lineStartOf(text, m.index! + 1, 120), m.index! + 1))) return finish;
    }
  }
  if (hasSchemeString(text)) for (const m of text.matchAll(JOINED_HOST_RAW)) if (!hostNeverAFlow((m[1] ?? m[2])!.toLowerCase())) return finish;
  if (spec.unquotedValues) for (const m of text.matchAll(CONFIG_BARE_HOST_RAW)) if (d.knownHost(m[1]!.toLowerCase()) || namedHostAt(text, m.index! + m[0].indexOf(m[1]!), m[1]!)) return finish;
  // Config keys: JSON's, and those of the gated languages with unquoted values (YAML, TOML, INI, .env).
  const keys = language === 'json' ? jsonKeysIn(text) : spec.unquotedValues ? lineKeysIn(text) : undefined;
  if (keys && mayNameConfigKey(keys, d)) return finish;
  // A policy in a string names bare hosts (extractCode reads them with the CSP source parser).
  if (mayHoldPolicy(text)) return finish;
  // So does a connection string (its server), and a settings value that lists hosts. (Neither
  // the gate nor the full read looks for connection strings in JavaScript's files, where clients
  // take URLs: minified bundles are most of the bytes a tree holds, and the search cost 6 % of a
  // scan of npm packages.)
  if (language !== 'js' && mayHoldConnectionString(text)) return finish;
  if (spec.unquotedValues && text.includes(',')) for (const m of text.matchAll(CONFIG_LIST_VALUE)) if (hostListHosts(m[1]!).length > 0) return finish;
  // Snippets last: their literals are common words ("cloud" and "id" of `cloud: { id:` are in
  // most Python files), so a text holding them is searched with the snippets themselves, in the
  // code as the full read has it (a blanked comment can join what the raw text keeps apart).
  if (d.mayHaveSnippets(text) && (d.snippetMatchesIn(text, text) || d.snippetMatchesIn(finish().code, text))) return finish;
  return null;
}

/**
 * The keys of a JSON text as jsonKeyPaths() takes them: for each colon, the string that ends
 * just before it (blanks between). Read backwards from the colon, the string is the one the lexer
 * reads, since a string holds no unescaped quote; a comment may add keys, never hide one.
 */
function jsonKeysIn(text: string): Set<string> {
  const keys = new Set<string>();
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let close = colon - 1;
    for (let c = text.charCodeAt(close); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(--close));
    if (close < 0 || text.charCodeAt(close) !== 34 || isEscaped(text, close)) continue;
    let open = close - 1;
    while (open >= 0 && (text.charCodeAt(open) !== 34 || isEscaped(text, open))) open--;
    if (open >= 0) keys.add(text.slice(open + 1, close));
  }
  return keys;
}

/** Whether the character at `at` follows an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) === 92) k--;
  return ((at - 1 - k) & 1) === 1;
}

/**
 * The keys and [section] names of a YAML, TOML, INI or .env text, as lineKeyPaths() reads them
 * from the lexed code: a comment there runs to the end of its line, so the raw lines start alike.
 */
function lineKeysIn(text: string): Set<string> {
  const keys = new Set<string>();
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    SECTION_LINE_RAW.lastIndex = start;
    const sec = SECTION_LINE_RAW.exec(text);
    if (sec) keys.add(sec[1]!);
    else {
      KEY_LINE.lastIndex = start;
      const m = KEY_LINE.exec(text);
      if (m) keys.add(m[3]!);
    }
    start = nl < 0 ? text.length : nl + 1;
  }
  return keys;
}

/**
 * envSegment() of the keys seen so far, bounded: data files of one tree share their keys. The
 * keys are copied in, as a slice of a file's text would keep the whole text alive.
 */
const keySegments = new Map<string, string>();
function keySegment(part: string): string {
  let piece = keySegments.get(part);
  if (piece === undefined) {
    if (keySegments.size >= 20_000) keySegments.clear();
    // envSegment() may hand back its argument itself (an upper-case key): both are copied.
    piece = (' ' + envSegment(part)).slice(1);
    keySegments.set((' ' + part).slice(1), piece);
  }
  return piece;
}

/**
 * Whether a file's keys could spell a catalogue variable as extractConfigKeys() builds one:
 * every piece of such a name is the envSegment() of a dotted part of some key in the file.
 */
function mayNameConfigKey(keys: Set<string>, d: Detectors): boolean {
  const pieces = new Set<string>();
  for (const key of keys) {
    for (const part of key.includes('.') ? key.split('.') : [key]) {
      if (part) pieces.add(keySegment(part));
    }
  }
  return pieces.size > 0 && d.spellsEnvName(pieces);
}

/**
 * Every URL hint sits in a comment (a licence header's link, a JSDoc @see) or names a host that
 * is never a data flow (an SVG namespace, a schema id, a link to a repository page). Comments are
 * blanked before URLs are searched, and such hosts are dropped (keptEvidence), so the file has no
 * URL to report. The lexer reads only as far as the hint it is asked about, and stops at the
 * first hint that matters (on 40 npm packages, the files whose URLs are all in comments needed 17
 * of their 44 MB read; 978 files, 70 MB, had only inert URLs outside comments).
 */
function urlHintsInert(text: string, lexing: IncrementalLex): boolean {
  let k = 0;
  let any = false;
  for (let p = text.indexOf('//'); p >= 0; p = text.indexOf('//', p + 1)) {
    if (!isUrlHint(text, p)) continue;
    any = true;
    if (namesNoFlow(text, p)) continue;
    const comments = lexing.commentsUpTo(p);
    while (k < comments.length && comments[k + 1]! <= p) k += 2;
    if (k >= comments.length || comments[k]! > p) return false;
  }
  return any;
}

/**
 * Whether whatever URL a full read takes to start at the `//` at `slash` is one keptEvidence()
 * drops: findUrls() reads the host that urlFrom() reads, and templatedUrls() reads nothing when
 * the host's characters (and a port) run up to where an authority stops. Any other character
 * after them (`@`, `$`, `{`, `}`, `)`, `<`, `#`, a backslash) may join a placeholder or user
 * part, and the hint counts. Where the path decides (github.com/api is a use, github.com/owner a
 * link), the URL must end where a string token would (a quote, a space, the end): a token cut
 * short inside it (at a template's `${`) would give a full read a shorter path.
 */
function namesNoFlow(text: string, slash: number): boolean {
  let end = slash + 2;
  while (end < text.length && isHostCode(text.charCodeAt(end))) end++;
  if (text.charCodeAt(end) === 58) {
    let digits = end + 1;
    while (digits < text.length && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++;
    if (digits === end + 1) return false;
    end = digits;
  }
  if (end < text.length && !AUTHORITY_STOP.has(text[end]!)) return false;
  const url = urlFrom(text, slash);
  if (url === null || hostNeverAFlow(url.host)) return true;
  return (url.end === text.length || URL_END.has(text[url.end]!)) && neverAFlow(url.host, url.path);
}

const URL_END = new Set([' ', '\t', '\n', '\r', '"', "'", '`']);

/** [A-Za-z0-9.-] */
const isHostCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;

/**
 * Whether URL_HINT matches at the `//` at `p`, or may: where the pattern's \s decides, any
 * character beyond ASCII counts as a space (a hint too many only means a file read in full).
 */
function isUrlHint(text: string, p: number): boolean {
  if (p === 0) return !isAsciiBlankOrSlash(text.charCodeAt(2));
  const before = text.charCodeAt(p - 1);
  if (before === 58) return true; // ://
  const opens = before === 39 || before === 34 || before === 96 || before === 61 || before === 40 || before === 44 || before === 91 || before === 64 || before === 32 || (before >= 9 && before <= 13) || before > 127;
  return opens && p + 2 < text.length && !isAsciiBlankOrSlash(text.charCodeAt(p + 2));
}

const isAsciiBlankOrSlash = (c: number): boolean => c === 47 || c === 32 || (c >= 9 && c <= 13);

// A list item that is one plain word: `- gaming`.
const WORD_ITEM = /^[ \t]*-[ \t]+["']?[^\s."'/:]+["']?[ \t]*$/;

/**
 * A list item next to plain-word items is a keyword in a list of words (an icon's search terms:
 * `- twitch`, `- twitch.tv`, `- video game`), not a host the program talks to.
 */
function inWordList(code: string, offset: number): boolean {
  const start = lineStartOf(code, offset, LINE_LIMIT);
  if (!/^[ \t]*-/.test(code.slice(start, offset))) return false;
  const prevEnd = start - 1;
  const prev = prevEnd > 0 ? code.slice(lineStartOf(code, prevEnd), prevEnd) : '';
  const end = lineEndOf(code, offset);
  const next = end < code.length ? code.slice(end + 1, lineEndOf(code, end + 1)) : '';
  return WORD_ITEM.test(prev) || WORD_ITEM.test(next);
}

/** Sorted, non-overlapping spans covering the same offsets. */
function mergedSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function insideSpan(spans: [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = spans[mid]!;
    if (offset < from) hi = mid - 1;
    else if (offset >= to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** A string literal that is only a host the catalogue knows ("api.openai.com", "smtp.sendgrid.net:587"). */
function knownBareHost(ctx: ExtractContext, value: string): { host: string; path: string } | null {
  if (value.length > 260 || !value.includes('.')) return null;
  const v = value.trim();
  if (!MAYBE_BARE_HOST.test(v)) return null;
  const host = v.split(/[:/]/, 1)[0]!.toLowerCase();
  if (!ctx.detectors.knownHost(host)) return null;
  return bareHost(v);
}

// A WebRTC ICE server's URI (RFC 7064, 7065): `stun:stun.l.google.com:19302`, `turns:global.turn.twilio.com:443?transport=tcp`.
// The browser or app sends the user's IP address to a STUN server, and relays its media through a TURN server.
const ICE_SERVER = /\b(?:stun|turn)s?:(?!\/\/)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62}\.)+[a-zA-Z]{2,63})(?::\d{1,5})?(?![\w.-])/;
const ICE_SERVERS = new RegExp(ICE_SERVER.source, 'g');

// The scheme of an ICE server URI just before a host the gate's QUOTED_HOST found.
const ICE_SCHEME_BEFORE = /(?:stun|turn)s?:$/;
// Whether a text may hold an ICE server URI: a scheme and its colon ("turn" alone is in every
// `return`), in lower case as schemes are written.
const mayNameIceServer = (text: string): boolean => text.includes('stun:') || text.includes('turn:') || text.includes('turns:') || text.includes('stuns:');

/** Whether a string starts with an ICE server URI's scheme, its first letter tested first. */
const startsIceServer = (value: string): boolean => {
  const c = value.charCodeAt(0);
  return (c === 115 && value.startsWith('stun')) || (c === 116 && value.startsWith('turn'));
};

/** The servers of the ICE server URIs in a text. */
function iceServers(text: string): { index: number; raw: string; host: string }[] {
  return [...text.matchAll(ICE_SERVERS)].map((m) => ({ index: m.index!, raw: m[0], host: m[1]!.toLowerCase() }));
}

/** A string that is a placeholder, a dot and a host the catalogue knows: '%s.s3.amazonaws.com'. */
function knownHostAfterPlaceholder(ctx: ExtractContext, value: string): { host: string; path: string } | null {
  const m = value.length < 260 ? LEADING_PLACEHOLDER.exec(value) : null;
  return m ? knownBareHost(ctx, value.slice(m[0].length)) : null;
}

// A value and the operator that joins a string to it (and Python's line continuation after it):
// `bucket + '.s3…'`, `$dc . '.api.mailchimp.com'`, `x .. '.host'`, `x <> ".host"`.
const JOINED_BEFORE = /[\w$\])]\s*(?:\+|\.\.?|<>)\s*(?:\\\s*)?$/;

/**
 * A string that starts with a dot or an @ and a host the catalogue knows, joined to a value
 * before it: the host's first labels ('api-' . $cluster . '.pusher.com', bucket + '.s3.amazonaws.com')
 * or a URL's credentials ("mysql://user:" + password + "@aws.connect.psdb.cloud/db"). Alone,
 * '.s3.amazonaws.com' is a suffix a check compares with (`host.endswith(…)`), no address.
 */
function knownJoinedTail(ctx: ExtractContext, code: string, s: StringToken): { host: string; path: string } | null {
  const first = s.value.charCodeAt(0);
  if ((first !== 46 && first !== 64) || !JOINED_BEFORE.test(code.slice(Math.max(0, s.start - 81), s.start - 1))) return null;
  return knownBareHost(ctx, s.value.slice(1));
}

interface TemplatedUrl {
  index: number;
  raw: string;
  host: string;
  path: string;
}

/**
 * URLs whose host starts with a placeholder: `https://${bucket}.s3.eu-central-1.amazonaws.com`,
 * f"https://{org}.ingest.sentry.io", "https://%s.s3.amazonaws.com", "https://#{key}@o1.ingest.sentry.io".
 * The host is what follows the last placeholder; the templated labels are dropped.
 */
function templatedUrls(value: string, found: readonly { index: number }[]): TemplatedUrl[] {
  const out: TemplatedUrl[] = [];
  const taken = new Set(found.map((u) => u.index));
  for (let slash = value.indexOf('//'); slash >= 0; slash = value.indexOf('//', slash + 2)) {
    const schemeStart = schemeStartBefore(value, slash);
    if (schemeStart < 0 || taken.has(schemeStart)) continue;
    let end = slash + 2;
    while (end < value.length && !AUTHORITY_STOP.has(value[end]!)) {
      // Placeholders may hold what would otherwise end the authority: '#' in #{…}, spaces in
      // {{ .Values.x }} and <%= x %>, so each is skipped whole.
      const hole = holeEnd(value, end);
      if (hole > end) end = hole;
      else if (value[end] === '#') break;
      else end++;
    }
    const authority = value.slice(slash + 2, end);
    let hostStart = authority.length;
    while (hostStart > 0 && HOST_CHAR.test(authority[hostStart - 1]!)) hostStart--;
    if (hostStart === 0) continue; // no placeholder: an ordinary URL findUrls did not take
    const before = authority[hostStart - 1]!;
    let host = authority.slice(hostStart);
    if (before !== '@') {
      if (!PLACEHOLDER_END.has(before)) continue;
      // `}.s3.amazonaws.com` loses its dot; `$bucket.s3…`, `%s.s3…` and `{a}b.c.com` lose their partly templated first label.
      host = host.startsWith('.') ? host.slice(1) : host.slice(host.indexOf('.') + 1);
    }
    const m = HOST_AFTER_PLACEHOLDER.exec(host);
    if (!m) continue;
    let pathEnd = end;
    while (pathEnd < value.length && !PATH_STOP.has(value[pathEnd]!)) pathEnd++;
    out.push({ index: schemeStart, raw: value.slice(schemeStart, pathEnd), host: m[1]!.toLowerCase(), path: value.slice(end, pathEnd) || '/' });
  }
  return out;
}

/** The offset after a placeholder starting at `i` ({…}, ${…}, #{…}, {{…}}, <%…%>, \(…)), or `i` when none starts there. */
function holeEnd(value: string, i: number): number {
  const c = value[i];
  let open = i;
  if ((c === '$' || c === '#') && value[i + 1] === '{') open = i + 1;
  else if (c === '<' && value[i + 1] === '%') return closeOf(value, '%>', i + 2);
  else if (c === '\\' && value[i + 1] === '(') return closeOf(value, ')', i + 2);
  else if (c !== '{') return i;
  return value[open + 1] === '{' ? closeOf(value, '}}', open + 2) : closeOf(value, '}', open + 1);
}

// A placeholder is short; a brace further away than this is not its end.
const MAX_PLACEHOLDER = 256;

function closeOf(value: string, close: string, from: number): number {
  const stop = Math.min(value.length, from + MAX_PLACEHOLDER);
  for (let k = from; k < stop; k++) {
    if (value[k] === '\n') return from;
    if (value.startsWith(close, k)) return k + close.length;
  }
  return from;
}

const AUTHORITY_STOP = new Set(['/', '?', ' ', '\t', '\n', '\r', '"', "'", '`']);
const PATH_STOP = new Set([' ', '\t', '\n', '\r', '"', "'", '`', '<', '>']);
// What ends a placeholder: } of ${x} {x} #{x} {{x}}, ) of \(x) %(x)s, > of <%= x %>, and $x / %s themselves.
const PLACEHOLDER_END = new Set(['}', ')', '>', '$', '%']);
const HOST_CHAR = /[A-Za-z0-9.:-]/;
const SCHEMES = ['https:', 'http:', 'wss:', 'ws:'];

function schemeStartBefore(value: string, slash: number): number {
  for (const scheme of SCHEMES) {
    const s = slash - scheme.length;
    if (s >= 0 && value.slice(s, slash).toLowerCase() === scheme && (s === 0 || !/[A-Za-z0-9+.-]/.test(value[s - 1]!))) return s;
  }
  return -1;
}

/**
 * Vendor environment variable names in code or config: weak evidence, shown as such. A name the
 * catalogue lists counts anywhere; a name that only starts with a vendor's prefix (DATADOG_…)
 * counts in config, or in code on a line that reads the environment or a settings object: SDKs
 * and apps are full of constants that share the prefix without being settings
 * (RECAPTCHA_NOT_ENABLED, an error code).
 */
export function extractEnvNames(ctx: ExtractContext, code: string, base = 0, seen = new Set<string>(), prefixesAnywhere = true): void {
  const tokens = envTokens(code);
  if (tokens.length === 0) return;
  const laravelEnv = isLaravelEnvFile(ctx.path, code);
  const misses = new Set<string>();
  const byPrefix = new Map<string, string>();
  for (const [at, name] of tokens) {
    if (seen.has(name) || misses.has(name)) continue;
    let id = byPrefix.get(name) ?? ctx.detectors.envName(name, false);
    if (!id) {
      id = ctx.detectors.envName(name);
      if (!id) {
        misses.add(name);
        continue;
      }
      byPrefix.set(name, id);
    }
    if (byPrefix.has(name) && !prefixesAnywhere && !READS_ENVIRONMENT.test(code.slice(lineStartOf(code, at, LINE_LIMIT), lineEndOf(code, at, LINE_LIMIT)))) continue;
    seen.add(name); // a stock variable skipped below is no config key spelling a vendor variable either
    // (A stock variable's value that only refers to another, `VITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}"`, sets nothing either.)
    if (LARAVEL_STOCK_ENV.test(name) && (LARAVEL_STOCK_CONFIG.test(ctx.path) || (laravelEnv && (hasStockValue(code, at + name.length) || code.startsWith('${', at - 2))))) continue;
    ctx.add('env', base + at, name, 'low', { serviceHint: id });
  }
}

// Laravel's own config files list every driver the framework supports, each reading its
// variables with env(): they are in every Laravel app, whatever it uses (its .env picks the
// driver). Those stock variables in those files say nothing; the same names elsewhere, and any
// other vendor variable a project adds to config/services.php, still count. A Laravel app that
// uses Postmark, SES or Stripe also requires its package in composer.json.
const LARAVEL_STOCK_CONFIG = /(?:^|\/)config\/(?:services|mail|logging|filesystems|queue|cache|broadcasting|database|session)\.php$/;
const LARAVEL_ENV_FILE_NAME = /(?:^|\/)\.env(?:\.example|\.sample|\.dist|\.template)?$/;
// (Its front-end copies of the Pusher settings carry Vite's or Mix's prefix: VITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}".)
const LARAVEL_STOCK_ENV = /^(?:VITE_|MIX_)?(?:AWS_\w+|SQS_\w+|DYNAMODB_\w+|SES_\w+|POSTMARK_(?:TOKEN|MESSAGE_STREAM_ID)|RESEND_KEY|SLACK_BOT_USER_\w+|LOG_SLACK_\w+|PAPERTRAIL_\w+|MAILGUN_(?:DOMAIN|SECRET|ENDPOINT|SCHEME)|SPARKPOST_SECRET|STRIPE_(?:KEY|SECRET|WEBHOOK_SECRET|WEBHOOK_TOLERANCE)|PUSHER_\w+|ABLY_KEY|MEMCACHED_\w+|REDIS_\w+)$/;

// The hosts Laravel's stock files give, by file and by what comes before the host on its line:
// config/mail.php's fallback of an env() call (5 to 10), .env.example's mail host (5 to 7),
// config/broadcasting.php's Pusher host built from the cluster (recent versions).
const LARAVEL_STOCK_HOSTS: [file: (path: string, code: string) => boolean, host: string, before: RegExp][] = [
  [(path) => /(?:^|\/)config\/mail\.php$/.test(path), 'smtp.mailgun.org', /\benv\(\s*['"]\w+['"]\s*,\s*['"]?$/],
  [(path, code) => isLaravelEnvFile(path, code), 'smtp.mailtrap.io', /^MAIL_HOST=["']?$/],
  // config/broadcasting.php's Pusher connection, whatever the app broadcasts with (its default is 'null' or 'log').
  [(path) => /(?:^|\/)config\/broadcasting\.php$/.test(path), 'pusher.com', /['"]api-['"]\s*\.\s*env\(\s*['"]PUSHER_APP_CLUSTER['"][^)]*\)\s*\.\s*['"]\.$/],
];

/** Whether the host at `offset` is one a stock file of Laravel's gives (see LARAVEL_STOCK_HOSTS). */
function laravelStockHost(path: string, code: string, host: string, offset: number): boolean {
  const stock = LARAVEL_STOCK_HOSTS.find(([file, h]) => h === host && file(path, code));
  return stock !== undefined && stock[2].test(code.slice(lineStartOf(code, offset, 120), offset));
}

// Laravel's stock .env.example lists the same variables, empty or at the framework's defaults
// (AWS_DEFAULT_REGION=us-east-1, PUSHER_APP_CLUSTER=mt1). Such a line configures nothing; a value
// a project filled in (AWS_DEFAULT_REGION=eu-central-1) still counts.
const isLaravelEnvFile = (path: string, text: string): boolean => LARAVEL_ENV_FILE_NAME.test(path) && /^APP_KEY=/m.test(text) && /^LOG_CHANNEL=/m.test(text);
const STOCK_VALUE = /^=[ \t]*(?:|null|false|true|us-east-1|mt1|443|https|"\$\{\w+\}")[ \t]*(?:\r?\n|$)/;
const hasStockValue = (text: string, afterName: number): boolean => STOCK_VALUE.test(text.slice(afterName, afterName + 40));

// process.env, import.meta.env, os.environ, getenv, ENV[…], System.getenv, env::var, $_ENV,
// Environment.GetEnvironmentVariable …, and the settings objects apps read them through:
// ApplicationConfig["CUSTOMERIO_APP_KEY"], Rails.configuration, app.config["ALGOLIA_APP_ID"].
const READS_ENVIRONMENT = /env|config/i;

interface KeyPath {
  /** Offset of the innermost key. */
  offset: number;
  /** Enclosing keys, outermost first, the key itself last. */
  path: string[];
  /** The key holds a value (a string, number, word), not a block of further keys. */
  scalar: boolean;
  /**
   * The key is there without a value (`app_id:`, `app_id: ~`) and opens no block: a theme's list
   * of settings a site may fill in (`facebook:\n  app_id:   # your app's id`), none of them made.
   * (An empty string is kept: `dsn: ""` in a chart's values or an appsettings.json is the slot
   * a deployment fills for an integration the app has.)
   */
  empty?: true;
}

/**
 * Config keys that spell a vendor variable once written as one (`sentry.dsn`, `sentry:\n  dsn:`,
 * `mailgun_api_key`, `"Sentry": {"Dsn": …}`): the conventions of Spring properties, Helm values,
 * TOML sections and .NET appsettings. Low confidence, like the variables themselves.
 *
 * Data files are full of keys that start with a vendor's name without configuring it: an API
 * model's `"Salesforce": {"type": …}`, an icon list's `discord:\n  changes:`, a shape named
 * `ResendValidationEmail`. So a key must spell a catalogue variable exactly (SENTRY_DSN), never
 * only start like one (the DATADOG_ prefix that serves for variables in code), and a lone key
 * (`sentryDsn`) must hold a value itself rather than open a block.
 */
function extractConfigKeys(ctx: ExtractContext, keys: KeyPath[], base: number, seen: Set<string>, mayStart: KeyFilter): void {
  // Keys repeat (every service block has its own `apiKey:`), so each is normalised once a file.
  const normalised = new Map<string, string>();
  const envSegmentOf = (key: string): string => {
    let n = normalised.get(key);
    if (n === undefined) normalised.set(key, (n = envSegment(key)));
    return n;
  };
  for (const { offset, path, scalar, empty } of keys) {
    if (empty) continue;
    const segments: string[] = [];
    for (const p of path) {
      if (!p.includes('.')) segments.push(p);
      else for (const part of p.split('.')) if (part) segments.push(part);
    }
    let name = '';
    for (let k = 1; k <= Math.min(MAX_KEY_SEGMENTS, segments.length); k++) {
      const key = segments[segments.length - k]!;
      // A lone key must itself look like a compound name (api_key, apiKey); `dsn` alone names nothing.
      if (k === 1 && (!scalar || !COMPOUND_KEY.test(key))) continue;
      if (!mayStart(key)) continue;
      name = segments.slice(-k).map(envSegmentOf).join('_');
      if (seen.has(name)) break;
      const id = ctx.detectors.envName(name, false);
      if (!id) continue;
      seen.add(name);
      ctx.add('env', base + offset, segments.slice(-k).join('.'), 'low', { serviceHint: id });
      break;
    }
  }
}

/**
 * Whether a key can be part of a vendor variable's name: one of its dotted parts starts one
 * (SENTRY, STRIPE …). Most keys of a data file (a locale table, a fixture) start none whatever
 * surrounds them, so the key readers list a key only when it or an enclosing key passes, and
 * the name is built only from a segment that passes. Answers are kept: keys repeat.
 */
type KeyFilter = (key: string) => boolean;

function keyHeads(detectors: Detectors): KeyFilter {
  const heads = new Map<string, boolean>();
  return (key) => {
    let ok = heads.get(key);
    if (ok === undefined) {
      ok = key.includes('.') ? key.split('.').some((part) => part !== '' && detectors.envHead(firstEnvSegment(part))) : detectors.envHead(firstEnvSegment(key));
      heads.set(key, ok);
    }
    return ok;
  };
}

/** Whether one of the last few enclosing keys (those a name can take, see enclosing()) passes. */
function parentMayName<T>(parents: T[], name: (p: T) => string, mayName: KeyFilter): boolean {
  for (let i = Math.max(0, parents.length - MAX_KEY_SEGMENTS); i < parents.length; i++) {
    const n = name(parents[i]!);
    if (n && mayName(n)) return true;
  }
  return false;
}

const COMPOUND_KEY = /[_-]|[a-z][A-Z]/;
// Names are built from at most this many trailing keys, so deep nesting costs nothing extra.
const MAX_KEY_SEGMENTS = 3;

/** The last few enclosing keys (empty names dropped) and the key itself. */
function enclosing<T>(parents: T[], key: string, name: (p: T) => string): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, parents.length - MAX_KEY_SEGMENTS); i < parents.length; i++) {
    const n = name(parents[i]!);
    if (n) out.push(n);
  }
  out.push(key);
  return out;
}

/** The first segment of envSegment(s), without building it: up to the first `_`, `-`, `.` or lower-to-upper change. */
export function firstEnvSegment(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95 || c === 45 || c === 46) break; // _ - .
    if (i > 0 && c >= 65 && c <= 90) {
      const p = s.charCodeAt(i - 1);
      if ((p >= 97 && p <= 122) || (p >= 48 && p <= 57)) break;
    }
  }
  return s.slice(0, i).toUpperCase();
}

export const envSegment = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-.]/g, '_').toUpperCase();

const KEY_LINE = /([ \t]*)(-[ \t]+)?(?:export[ \t]+)?["']?([A-Za-z_][\w.-]*)["']?[ \t]*[:=]/y;
const SECTION_LINE = /[ \t]*\[+[ \t]*([A-Za-z_][\w.-]*)[ \t]*\]+[ \t]*\r?$/my;
// The gate reads sections from the raw text (lineKeysIn), where a comment may still follow one.
const SECTION_LINE_RAW = allowingTrailingComment(SECTION_LINE);

// .NET's <appSettings> (web.config, app.config): <add key="StripeSecretKey" value="sk_…" />, a
// key's levels joined with ':' as ASP.NET's configuration writes them (reCAPTCHA::PrivateKey).
// (The value is bounded: an unclosed one must not send every later <add to the end of the file.)
const APP_SETTING = /<add\s+key\s*=\s*"([^"<>]{1,200})"\s+value\s*=\s*"([^"]{0,4000})"/g;

function appSettingKeyPaths(code: string, mayName: KeyFilter): KeyPath[] {
  const out: KeyPath[] = [];
  for (const m of code.matchAll(APP_SETTING)) {
    const path = m[1]!.split(/:+/).filter(Boolean);
    if (!path.some(mayName)) continue;
    out.push({ offset: m.index! + m[0].indexOf(m[1]!), path, scalar: m[2]!.trim() !== '' });
  }
  return out;
}

/** Keys of YAML, TOML, INI, .properties and .env files with their enclosing keys (indentation and [sections]); only those `mayName` lets through, with their parents. */
function lineKeyPaths(code: string, mayName: KeyFilter): KeyPath[] {
  const out: KeyPath[] = [];
  const stack: { indent: number; key: string }[] = [];
  let section: string[] = [];
  for (let start = 0; start < code.length; ) {
    const nl = code.indexOf('\n', start);
    const end = nl < 0 ? code.length : nl;
    SECTION_LINE.lastIndex = start;
    const sec = SECTION_LINE.exec(code);
    if (sec) {
      section = sec[1]!.split('.').slice(-MAX_KEY_SEGMENTS);
      stack.length = 0;
    } else {
      KEY_LINE.lastIndex = start;
      const m = KEY_LINE.exec(code);
      if (m) {
        const indent = m[1]!.length + (m[2]?.length ?? 0);
        while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
        const key = m[3]!;
        if (mayName(key) || section.some(mayName) || parentMayName(stack, (s) => s.key, mayName)) {
          const value = code.slice(start + m[0].length, end).trim();
          const scalar = value !== '' && !value.startsWith('#');
          const path: KeyPath = { offset: start + m[0].indexOf(key, m[1]!.length), path: enclosing([...section, ...enclosing(stack, '', (s) => s.key)], key, String), scalar };
          // Without a value the key opens a block only if the next line is indented under it.
          if (scalar ? NO_VALUE.test(value) : nextLineIndent(code, end) <= indent) path.empty = true;
          out.push(path);
        }
        stack.push({ indent, key });
      }
    }
    start = end + 1;
  }
  return out;
}

/** The indentation of the first line after `from` that holds more than blanks (-1: none). */
function nextLineIndent(code: string, from: number): number {
  for (let s = from + 1; s < code.length; ) {
    let i = s;
    while (code.charCodeAt(i) === 32 || code.charCodeAt(i) === 9) i++;
    const c = code.charCodeAt(i);
    if (c !== 10 && c !== 13 && c !== 35 && i < code.length) return i - s;
    const nl = code.indexOf('\n', i);
    if (nl < 0) break;
    s = nl + 1;
  }
  return -1;
}

/** YAML's null written out. */
const NO_VALUE = /^(?:~|null)[ \t]*(?:#.*)?$/;

/**
 * A Markdown link's target, `[Hugo](https://gohugo.io/)` in a site's copyright line or a
 * description: a page a person opens. An image's (`![logo](…)`) is loaded, so it is not one.
 */
function inMarkdownLink(text: string, offset: number): boolean {
  if (text.charCodeAt(offset - 1) !== 40 || text.charCodeAt(offset - 2) !== 93) return false; // ](
  const from = Math.max(0, offset - 300);
  const back = text.slice(from, offset - 2);
  const at = back.lastIndexOf('[');
  if (at < 0 || back.includes('\n', at)) return false;
  return text.charCodeAt(from + at - 1) !== 33; // !
}

/**
 * The keys a config value sits under: the TOML or INI section it is in (`[[menu.main]]` gives
 * `menu.main`), and the YAML keys above it by indentation. Read back from the value's line, at
 * most ENCLOSING_LINES lines. The answer for the value before, when it is in the same file at the
 * same indentation with no possible parent line between the two, is the answer for this one: a
 * block of thousands of sibling values is read once, not once per value.
 */
export function enclosingKeys(code: string, offset: number): string[] {
  // Lines are read back at most LINE_LIMIT characters: a key is at a line's start.
  const start = lineStartOf(code, offset, LINE_LIMIT);
  const startIndent = /^[ \t]*(?:-[ \t]+)?/.exec(code.slice(start, offset))![0].length;
  const last = lastEnclosing;
  if (last && last.code === code && last.indent === startIndent && last.lineStart < start && !parentLineBetween(code, last.lineStart, start, startIndent)) {
    last.lineStart = start;
    return last.keys;
  }
  const keys: string[] = [];
  let lineStart = start;
  let indent = startIndent;
  for (let n = 0; n < ENCLOSING_LINES && lineStart > 0; n++) {
    const end = lineStart - 1;
    lineStart = lineStartOf(code, end, LINE_LIMIT);
    const parent = parentKey(code.slice(lineStart, end), indent);
    if (parent === undefined) continue;
    keys.push(parent.key);
    indent = parent.indent;
    if (indent <= 0) break;
  }
  lastEnclosing = { code, lineStart: start, indent: startIndent, keys };
  return keys;
}

const ENCLOSING_LINES = 200;
let lastEnclosing: { code: string; lineStart: number; indent: number; keys: string[] } | undefined;
const BRACKETED_SECTION = /^[ \t]*\[+[ \t]*([^\]\s]+)[ \t]*\]+/;
// (HOCON and nginx-style blocks open with `key {` or `key = {`.)
const INDENTED_KEY = /^([ \t]*)(?:-[ \t]+)?["']?([\w.-]+)["']?[ \t]*(?::|=?[ \t]*\{)/;

/** The key a line gives a value indented by `indent` below it (a section header ends the search: indent -1), or undefined. */
function parentKey(line: string, indent: number): { key: string; indent: number } | undefined {
  const header = BRACKETED_SECTION.exec(line);
  if (header) return { key: header[1]!, indent: -1 };
  const key = INDENTED_KEY.exec(line);
  return key && key[1]!.length < indent ? { key: key[2]!, indent: key[1]!.length } : undefined;
}

/** Whether a line from `from` up to `to` could be a parent of a value indented by `indent` (true too when there are too many to read). */
function parentLineBetween(code: string, from: number, to: number, indent: number): boolean {
  let s = from;
  for (let n = 0; s < to; n++) {
    if (n >= ENCLOSING_LINES) return true;
    let e = s;
    while (e < to && code.charCodeAt(e) !== 10 && code.charCodeAt(e) !== 13) e++;
    if (e - s > LINE_LIMIT || parentKey(code.slice(s, e), indent) !== undefined) return true;
    s = e + (code.charCodeAt(e) === 13 && code.charCodeAt(e + 1) === 10 ? 2 : 1);
  }
  return false;
}

/** The offset of the first character from `at` on that is not a space, tab or line break. */
function skipBlanks(code: string, at: number): number {
  let j = at;
  for (let c = code.charCodeAt(j); c === 32 || c === 9 || c === 10 || c === 13; c = code.charCodeAt(++j));
  return j;
}

/** Keys of a JSON document with their enclosing keys, walking the lexed strings once; only those `mayName` lets through, with their parents. */
function jsonKeyPaths(code: string, strings: StringToken[], mayName: KeyFilter): KeyPath[] {
  const out: KeyPath[] = [];
  const stack: string[] = [];
  let lastKey = '';
  let pos = 0;
  const structure = (to: number): void => {
    for (let j = pos; j < to; j++) {
      const c = code.charCodeAt(j);
      if (c === 123 || c === 91) {
        // { [
        stack.push(lastKey);
        lastKey = '';
      } else if ((c === 125 || c === 93) && stack.length) stack.pop(); // } ]
    }
  };
  for (const s of strings) {
    structure(s.start - 1);
    const after = s.start + s.value.length + 1;
    const j = skipBlanks(code, after);
    if (code.charCodeAt(j) === 58) {
      // :
      if (mayName(s.value) || parentMayName(stack, String, mayName)) {
        const v = code.charCodeAt(skipBlanks(code, j + 1));
        out.push({ offset: s.start, path: enclosing(stack, s.value, String), scalar: v !== 123 && v !== 91 });
      }
      lastKey = s.value;
    }
    pos = after;
  }
  return out;
}
