// Which extractors read which file: one routing table, by file name first, then extension.
import { ExtractContext, type Detectors } from './context.js';
import type { ImportHeads } from '../catalogue/matcher.js';
import { blank } from './source-file.js';
import type { Evidence } from '../model.js';
import { bareHost } from './urls.js';
import { lex, LANGUAGES } from './lexer.js';
import { extractHtml, markupSnippetHits } from './extractors/html.js';
import { extractCss } from './extractors/css.js';
import { extractIndentedTemplate } from './extractors/indented-templates.js';
import { extractCode, extractGated, namesPluginPackages, type CodeLanguage, type GatedLanguage } from './extractors/code.js';
import { extractCspHeaders } from './extractors/csp.js';
import { extractTerraform, descriptorFor, extractDescriptor } from './extractors/infra.js';
import { extractMkdocsTheme } from './extractors/theme-defaults.js';
import * as m from './extractors/manifests.js';
import { appIdentifierRoute } from './app-identifier.js';
import { extractInstallCommands } from './extractors/install-commands.js';
import { extractContainerImages, extractChartDependencies } from './extractors/deployments.js';
import { extractNotebook } from './extractors/notebook.js';
import { blankTemplateComments } from './template-comments.js';

type Route = (ctx: ExtractContext) => void;

const code = (lang: CodeLanguage): Route => (ctx) => extractCode(ctx, lang);
/** Source code read in full only when it may use a service (see codeGate). */
const gated = (lang: GatedLanguage): Route => (ctx) => extractGated(ctx, lang);
const javascript = gated('js');

// The routes `both` combined, kept so that a route can be asked whether it reads dependencies.
const PARTS = new WeakMap<Route, Route[]>();
const both = (...routes: Route[]): Route => {
  const route: Route = (ctx) => routes.forEach((r) => r(ctx));
  PARTS.set(route, routes);
  return route;
};

// JSX places widgets as HTML does, with `className` for `class`: `<div className="g-recaptcha"
// data-sitekey={key} />`, `<div id="disqus_thread" />`. Read in a component that writes
// `className=` (its source: compiled JSX writes `className:`), with its comments blanked, as a
// page's start tags are (markupSnippetHits in html.ts). A widget its code already named on
// the same line (an HTML string) is not counted twice.
function extractJsxWidgets(ctx: ExtractContext): void {
  if (!ctx.text.includes('className=')) return;
  // (The same length: offsets stay where they were.)
  const markup = ctx.text.replaceAll('className=', '    class=');
  if (ctx.detectors.markupSnippets(markup).length === 0) return;
  const named = new Set(ctx.evidence.map((e) => `${e.line} ${e.serviceHint}`));
  for (const hit of markupSnippetHits(ctx, lex(markup, LANGUAGES.js).code)) {
    if (!named.has(`${ctx.position(hit[0]).line} ${hit[2]}`)) ctx.addSnippet('code-snippet', hit[0], hit);
  }
}
const component = both(javascript, extractJsxWidgets);
// A .js file whose first character is a tag is markup under a script's name (a Hugo or Jekyll
// partial of <amp-analytics> or <script> tags included into a page): no script starts so.
const LEADING_TAG = /^\uFEFF?\s*<(?:[A-Za-z][\w-]*[\s/>]|!--)/;
const scriptOrMarkup = (route: Route): Route => (ctx) => (LEADING_TAG.test(ctx.text) ? extractHtml(ctx) : route(ctx));

/**
 * A Dockerfile both builds and configures: hosts on RUN/ADD/FROM lines are build-time downloads
 * (dev evidence), while ENV and ARG set what the running service talks to (production).
 */
function dockerfile(ctx: ExtractContext): void {
  const first = ctx.evidence.length;
  extractCode(ctx, 'shell');
  const lines = ctx.text.split(/\r\n|\n|\r/);
  // Continuation lines belong to the instruction above them: each line's instruction, in one pass.
  const instruction: number[] = [];
  lines.forEach((_, i) => (instruction[i] = i > 0 && /\\\s*$/.test(lines[i - 1]!) ? instruction[i - 1]! : i));
  for (const ev of ctx.evidence.slice(first)) {
    if (/^\s*(RUN|ADD|FROM|COPY)\b/i.test(lines[instruction[ev.line - 1] ?? ev.line - 1] ?? '')) ev.dev = true;
  }
  // After the marking above: what RUN installs into the image runs there, as does the image it
  // starts from or copies from (a vendor's agent).
  extractInstallCommands(ctx);
  extractContainerImages(ctx, true);
}

/**
 * A settings file whose only signal is a catalogue snippet: Unity's UnityConnectSettings.asset
 * names its services' URLs whether or not each is switched on, and only the snippets for a
 * section with `m_Enabled: 1` say one is. Its URLs are not read.
 */
function settingsSnippets(ctx: ExtractContext): void {
  for (const hit of ctx.detectors.snippets(ctx.text, ctx.text)) ctx.addSnippet('code-snippet', hit[0], hit);
}

// An OpenAPI or Swagger document describes an API: its servers, contact, licence and docs links.
// It calls nothing; a client generated from it names the host in its own code. Its version key
// comes first in the documents tools write (`openapi: 3.0.3`, `{"swagger": "2.0"`).
const API_DESCRIPTION = /^\uFEFF?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:\{\s*)?["']?(?:openapi|swagger)["']?[ \t]*:[ \t]*["']?[23]\./;

/** The route, with the URLs of an OpenAPI or Swagger document kept at low confidence. */
const apiDescriptionAware = (route: Route): Route => (ctx) => {
  const first = ctx.evidence.length;
  route(ctx);
  if (!API_DESCRIPTION.test(ctx.text.slice(0, 4096))) return;
  for (const ev of ctx.evidence.slice(first)) if (ev.kind === 'code-url') ev.confidence = 'low';
};

/** GitHub Pages' CNAME file: the custom domain the site is published on, so the project's own. */
function pagesDomain(ctx: ExtractContext): void {
  const m = /^\s*([a-z0-9](?:[a-z0-9-]*\.)+[a-z]{2,63})\.?\s*$/im.exec(ctx.text.slice(0, 1024));
  const site = m ? bareHost(m[1]!) : null;
  if (m && site) ctx.add('link', m.index + m[0].indexOf(m[1]!), m[1]!, 'high', { host: site.host, urlPath: '/', siteAddress: true });
}

/** A route that reads the file with the comments of its template language blanked (template-comments.ts). */
const withoutTemplateComments = (extension: string, read: Route): Route => (ctx) => {
  const text = blankTemplateComments(ctx.text, extension);
  if (text === ctx.text) read(ctx);
  else readApart(ctx, text, read);
};

/** Config that may say which images a deployment runs (Compose, Kubernetes, ECS, Nomad, Actions). */
const deploying = (route: Route): Route => both(route, (ctx) => extractContainerImages(ctx));
const yamlRoute = deploying(apiDescriptionAware(gated('config')));

const BY_NAME: Record<string, Route> = {
  'package.json': m.packageJson,
  'package-lock.json': m.packageLock,
  'npm-shrinkwrap.json': m.packageLock,
  'pnpm-lock.yaml': m.pnpmLock,
  'yarn.lock': m.yarnLock,
  'Cargo.lock': m.cargoLock,
  'mix.lock': m.mixLock,
  'go.sum': m.goSum,
  'pyproject.toml': m.pyprojectToml,
  Pipfile: m.pipfile,
  Gemfile: m.gemfile,
  cpanfile: m.cpanfile,
  'Gemfile.lock': m.gemfileLock,
  'Podfile.lock': m.podfileLock,
  'pubspec.lock': m.pubspecLock,
  'composer.lock': m.composerLock,
  'Pipfile.lock': m.pipfileLock,
  'poetry.lock': m.pythonLock,
  'uv.lock': m.pythonLock,
  'go.mod': m.goMod,
  'composer.json': m.composerJson,
  Podfile: m.podfile,
  'pubspec.yaml': m.pubspecYaml,
  'Package.swift': m.packageSwift,
  'Package.resolved': m.packageResolved,
  'project.pbxproj': m.xcodeProject,
  Cartfile: m.cartfile,
  'Cartfile.resolved': m.cartfile,
  'Cartfile.private': m.cartfile,
  'config.xml': m.cordovaConfig,
  // A Helm chart: its dependencies' repositories, and the images its metadata may name.
  'Chart.yaml': both(yamlRoute, extractChartDependencies),
  'requirements.yaml': both(yamlRoute, extractChartDependencies),
  'pom.xml': m.pomXml,
  // Read as code too: the values it writes into the app (buildConfigField) are what the app calls.
  'build.gradle': both(gated('kotlin'), m.gradle),
  'build.gradle.kts': both(gated('kotlin'), m.gradle),
  'Cargo.toml': m.cargoToml,
  'build.sbt': both(gated('kotlin'), m.sbt),
  'deps.edn': m.clojureDeps,
  // Defold's project settings (INI): its sections switch on native extensions' services.
  'game.project': gated('config'),
  'UnityConnectSettings.asset': settingsSnippets,
  'mkdocs.yml': both(gated('config'), extractMkdocsTheme),
  'mkdocs.yaml': both(gated('config'), extractMkdocsTheme),
  'project.clj': m.clojureDeps,
  'packages.config': m.csproj,
  'Directory.Packages.props': m.csproj,
  'Directory.Build.props': m.csproj,
  // Manifests that are code or config as well: read as both.
  'setup.py': both(gated('python'), m.setupPy),
  'setup.cfg': both(gated('config'), m.setupCfg),
  'environment.yml': both(gated('config'), m.condaEnvironment),
  'environment.yaml': both(gated('config'), m.condaEnvironment),
  'libs.versions.toml': both(gated('toml'), m.gradleVersionCatalog),
  'mix.exs': both(m.mixExs, code('elixir')),
  'netlify.toml': both(code('toml'), extractCspHeaders),
  _headers: both(code('config'), extractCspHeaders),
  'vercel.json': both(code('json'), extractCspHeaders),
  Dockerfile: dockerfile,
  Containerfile: dockerfile,
  Procfile: code('shell'),
  CNAME: pagesDomain,
  '.envrc': code('shell'),
};

// (ASP.NET Web Forms: aspx pages, ascx controls, master pages; classic ASP; Phoenix's eex/heex;
// SilverStripe's ss; Velocity's vm; Grails' gsp; ColdFusion's cfm; Go's templ; JSP fragments and tag files.)
const HTML_EXT = ['html', 'htm', 'xhtml', 'shtml', 'swig', 'mjml', 'vue', 'svelte', 'astro', 'hbs', 'handlebars', 'ejs', 'erb', 'rhtml', 'liquid', 'njk', 'nunjucks', 'twig', 'jsp', 'jspf', 'tag', 'cshtml', 'razor', 'aspx', 'ascx', 'master', 'asp', 'jinja', 'jinja2', 'j2', 'mustache', 'tpl', 'html.twig', 'gohtml', 'tmpl', 'templ', 'volt', 'vbhtml', 'ftl', 'ftlh', 'eex', 'heex', 'leex', 'ss', 'vm', 'gsp', 'cfm', 'latte', 'webc'];

const BY_EXT: Record<string, Route> = {
  js: scriptOrMarkup(component), mjs: javascript, cjs: javascript, jsx: component, ts: javascript, tsx: component, mts: javascript, cts: javascript,
  css: extractCss, scss: extractCss, sass: extractCss, less: extractCss, styl: extractCss,
  py: gated('python'), pyi: gated('python'), pyw: gated('python'), pyx: gated('python'), ipynb: extractNotebook,
  rb: gated('ruby'), rake: gated('ruby'), gemspec: gated('ruby'), ru: gated('ruby'),
  go: gated('go'),
  // Magento's templates (.phtml) are PHP with markup, as are Zend's and Laminas' views, and CakePHP's (.ctp, before CakePHP 4).
  php: withoutTemplateComments('php', extractPhp), phtml: extractPhp, ctp: extractPhp,
  // Drupal's modules, themes, install files and includes are PHP (as are the .inc includes of older PHP sites).
  module: extractPhp, theme: extractPhp, inc: extractPhp, install: extractPhp, profile: extractPhp, engine: extractPhp,
  // Google Apps Script.
  gs: javascript,
  java: gated('java'), kt: gated('kotlin'), kts: gated('kotlin'), scala: gated('kotlin'), sc: gated('kotlin'), groovy: gated('kotlin'), gradle: both(gated('kotlin'), m.gradleCoordinates),
  sbt: both(gated('kotlin'), m.sbt),
  // Godot's GDScript: Python's comments and strings, close enough to read its URLs and calls.
  gd: gated('python'),
  cs: gated('csharp'),
  rs: gated('rust'),
  ex: gated('elixir'), exs: gated('elixir'),
  sh: code('shell'), bash: code('shell'), zsh: code('shell'),
  yml: yamlRoute, yaml: yamlRoute, toml: deploying(gated('toml')), ini: gated('config'), properties: gated('config'), cfg: gated('config'), conf: both(code('config'), extractCspHeaders),
  env: gated('config'),
  tf: deploying(extractTerraform), tfvars: code('hcl'), hcl: deploying(code('hcl')), nomad: deploying(code('hcl')),
  // Grafana Alloy's configuration (River), blocks and attributes as in HCL: its exporters' endpoints.
  alloy: code('hcl'), river: code('hcl'),
  json: deploying(apiDescriptionAware(gated('json'))), jsonc: gated('json'), json5: gated('json'),
  csproj: m.csproj, fsproj: m.csproj, vbproj: m.csproj,
  swift: gated('swift'), dart: gated('dart'), m: gated('objc'), mm: gated('objc'),
  htaccess: extractCspHeaders,
};
// A page partial that holds no tag at all but script statements is the body of a <script> its
// includer opens (an ASP.NET include of a tag snippet, an ERB or Twig partial rendered inside
// <script>…</script>): read as JavaScript, it would otherwise be prose and say nothing.
const MARKUP_TAG = /<[A-Za-z!/]/;
const SCRIPT_STATEMENT = /(?:^|[;{}\n])[ \t]*(?:(?:var|let|const)[ \t]+[A-Za-z_$][\w$]*[ \t]*=|function[ \t]*[\w$]*[ \t]*\()|\b(?:document|window)\.[a-zA-Z]|\(function\s*\(/;
const pageOrScript = (page: Route): Route => (ctx) => (!MARKUP_TAG.test(ctx.text) && SCRIPT_STATEMENT.test(ctx.text) ? javascript(ctx) : page(ctx));
const COMPONENT_EXT = new Set(['vue', 'svelte', 'astro', 'mjml', 'webc']);
for (const ext of HTML_EXT) BY_EXT[ext] = withoutTemplateComments(ext, COMPONENT_EXT.has(ext) ? extractHtml : pageOrScript(extractHtml));
// An Astro component's code fence (`---` … `---` at the top) is TypeScript the server runs: its
// imports of SDKs and its fetches. The rest is the page's markup.
const ASTRO_FENCE_OPEN = /^\uFEFF?\s*---[ \t]*\r?\n/;
const ASTRO_FENCE_CLOSE = /^---[ \t]*$/m;
function extractAstro(ctx: ExtractContext): void {
  const text = ctx.text;
  const open = ASTRO_FENCE_OPEN.exec(text);
  const close = open ? ASTRO_FENCE_CLOSE.exec(text.slice(open[0].length)) : null;
  if (!open || !close) return extractHtml(ctx);
  const start = open[0].length;
  const end = start + close.index;
  const code = blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
  extractGated(ctx, 'js', code);
  const after = end + close[0].length;
  readApart(ctx, blank(text.slice(0, after)) + text.slice(after), extractHtml);
}
BY_EXT.astro = withoutTemplateComments('astro', extractAstro);

// Smarty's `.tpl` and Go's `.tmpl` also template config and text (an OpenTelemetry Collector's
// YAML, a Nomad job): one without a single tag is read as config, with the images it may run.
const templatedConfig = deploying(gated('config'));
for (const ext of ['tpl', 'tmpl']) {
  const page = BY_EXT[ext]!;
  BY_EXT[ext] = (ctx) => (MARKUP_TAG.test(ctx.text) ? page(ctx) : templatedConfig(ctx));
}
for (const ext of ['haml', 'slim', 'pug', 'jade']) BY_EXT[ext] = extractIndentedTemplate;
BY_EXT.mdx = extractMarkdownPage;
// Markdown is read only where a site generator publishes it (walk.ts); elsewhere it is prose.
BY_EXT.md = extractMarkdownPage;
BY_EXT.markdown = extractMarkdownPage;

// Languages read only for URLs of known hosts: C and C++ (sources and headers), and the long
// tail of languages whose libraries and calls the catalogue does not describe. A C library's
// code is full of URLs that lead nowhere at run time (XML namespaces, RFCs, home pages in
// #defines), and its #defines spell names that vendors' environment variables also use
// (CKO_SECRET_KEY, a PKCS #11 constant); an app that calls a service names its endpoint or its
// host (an Arduino sketch's client.connect("api.thingspeak.com", 80)). So in these files only a
// URL or host in a string whose host the catalogue knows is evidence, and a file is read only
// when a string may hold one (mayQuoteKnownHost): most hold none.
const KNOWN_HOSTS_ONLY: Record<string, CodeLanguage> = {};
const knownHostsLanguages: [CodeLanguage, string[]][] = [
  ['objc', ['c', 'h', 'cc', 'cpp', 'cxx', 'c++', 'hpp', 'hh', 'hxx', 'h++', 'ino', 'cu', 'cuh', 'zig', 'd', 'hx', 'vala', 'as', 'sol']],
  // Perl (and CGI scripts), R, Julia, Nim, PowerShell, Tcl, Crystal, CoffeeScript: # comments, ' and " strings.
  ['python', ['pl', 'pm', 'perl', 'cgi', 'psgi', 'r', 'jl', 'nim', 'ps1', 'psm1', 'tcl', 'cr', 'coffee']],
  ['lua', ['lua', 'moon']],
  ['haskell', ['hs', 'elm', 'purs']],
  ['lisp', ['clj', 'cljs', 'cljc', 'rkt', 'scm', 'el', 'lisp']],
  ['erlang', ['erl', 'hrl']],
  // Visual Basic, VBScript, and VBA's exported modules and forms (.cls is LaTeX's too: left out).
  ['basic', ['vb', 'vbs', 'bas', 'frm']],
  ['ml', ['ml', 'mli', 'fs', 'fsx']],
];
for (const [language, exts] of knownHostsLanguages) for (const ext of exts) KNOWN_HOSTS_ONLY[ext] = language;

const knownHostsOnly = (language: CodeLanguage, includes: boolean): Route => {
  const route: Route = (ctx) => {
    const known = (host: string, path?: string): boolean => ctx.detectors.knownHost(host, path);
    // The tests again, for a text that did not come through a scan's read (a base version in a
    // pull request, a test): Latin-1 encoding keeps every ASCII character, all they read, in its
    // place, and a character over 255 can only make them pass, never fail.
    const bytes = Buffer.from(ctx.text, 'latin1');
    if (mayQuoteKnownHost(bytes, known)) readApart(ctx, ctx.text, (all) => extractCode(all, language), (ev) => ev.host !== undefined && known(ev.host, ev.urlPath));
    if (includes && mayIncludeKnownHeader(bytes, ctx.detectors as HeaderDetectors)) extractIncludes(ctx, language);
  };
  const quotes: BytesGate = (bytes, d) => mayQuoteKnownHost(bytes, (host) => d.knownHost(host));
  BYTES_GATE.set(route, includes ? (bytes, d) => quotes(bytes, d) || mayIncludeKnownHeader(bytes, d) : quotes);
  return route;
};

// A C or C++ program names the SDK it builds against by its headers: `#include <sentry.h>`,
// `#include "aws/core/Aws.h"`, `#include "firebase/app.h"` (catalogue imports of language `c`,
// matched by whole path segments). Read in the code with comments blanked, in source files only:
// the program calls the SDK there, and a tree of headers (a system's /usr/include, a vendored
// library) includes hundreds of thousands of headers that name none (searching them cost a
// fifth of a scan of /usr/include).
const C_SOURCES = new Set(['c', 'cc', 'cpp', 'cxx', 'c++', 'ino', 'cu']);
const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*[<"]([^<>"\r\n]{1,200})[>"]/gm;
const INCLUDE_BYTES = Buffer.from('include');
/** What the header test asks: a Matcher also answers importHeads, a prefilter (Detectors built by hand need not). */
type HeaderDetectors = Pick<Detectors, 'knownImport'> & { importHeads?: (language: string) => ImportHeads };

/** Whether an `#include` in the bytes may name a header the catalogue knows (before decoding, as mayQuoteKnownHost). */
export function mayIncludeKnownHeader(bytes: Uint8Array, d: HeaderDetectors): boolean {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A header whose first segment no catalogue import starts with is passed over by its first byte
  // and its length, without decoding it (every C file includes a dozen system headers).
  const heads = d.importHeads?.('c');
  for (let at = nextInclude(buf, 0); at >= 0; at = nextInclude(buf, at + 7)) {
    let open = at + 7;
    while (buf[open] === 32 || buf[open] === 9) open++;
    const quote = buf[open];
    if (quote !== 60 && quote !== QUOTE) continue;
    const closing = quote === 60 ? 62 : QUOTE;
    let end = open + 1;
    while (end < buf.length && end - open <= 201 && buf[end] !== closing && buf[end] !== SLASH && buf[end] !== LF) end++;
    if (heads && (!heads.firstBytes[buf[open + 1]!] || !heads.lengths.has(end - open - 1))) continue;
    const close = buf.indexOf(closing, open + 1);
    if (close < 0 || close - open > 201) continue;
    if (d.knownImport('c', buf.toString('latin1', open + 1, close))) return true;
  }
  return false;
}

function extractIncludes(ctx: ExtractContext, language: CodeLanguage): void {
  const code = lex(ctx.text, LANGUAGES[language]).code;
  for (const m of code.matchAll(INCLUDE)) {
    const header = m[1]!;
    if (ctx.detectors.knownImport('c', header)) ctx.add('import', m.index! + m[0].length - header.length - 1, m[0].trim(), 'high', { ecosystem: 'c', package: header });
  }
}

// Routes whose files most often hold nothing they read, with a test that tells so from the file's
// bytes: the scan asks it before a file is decoded (a C tree's headers are read, few decoded).
type BytesGate = (bytes: Uint8Array, d: Pick<Detectors, 'knownHost'> & HeaderDetectors) => boolean;
const BYTES_GATE = new WeakMap<Route, BytesGate>();

/** The test of a route that can rule a file out from its bytes, before they are decoded. */
export const bytesGateOf = (route: Route): BytesGate | undefined => BYTES_GATE.get(route);

for (const [ext, language] of Object.entries(KNOWN_HOSTS_ONLY)) BY_EXT[ext] ??= knownHostsOnly(language, C_SOURCES.has(ext));

const [QUOTE, APOSTROPHE, COLON, SLASH, DOT, HYPHEN, LF, CR, HASH] = [34, 39, 58, 47, 46, 45, 10, 13, 35];
const isHostCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === DOT || c === HYPHEN;
const isLetterCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Where a host that starts at `from` ends (a run of labels with at least one dot, the last of
 * two letters or more, then a port, a path or a closing quote), or -1.
 */
function hostEnd(bytes: Uint8Array, from: number): number {
  let end = from;
  while (end < bytes.length && end - from <= 253 && isHostCode(bytes[end]!)) end++;
  const next = bytes[end];
  if (end === from || (next !== COLON && next !== SLASH && next !== QUOTE && next !== APOSTROPHE)) return -1;
  let lastDot = -1;
  for (let k = from; k < end; k++) {
    if (bytes[k] !== DOT) continue;
    if (k === from || k === lastDot + 1) return -1;
    lastDot = k;
  }
  if (lastDot < 0 || end - lastDot - 1 < 2) return -1;
  for (let k = lastDot + 1; k < end; k++) if (!isLetterCode(bytes[k]!)) return -1;
  return end;
}

// Buffer.indexOf with a byte is some twenty times cheaper per call than with a string or buffer
// needle (about 50 ns against 1.2 µs on Node 20), which in C, where comments and preprocessor
// lines are many, costs more than the bytes themselves: so a byte is looked for, the next ones checked.

/** The offset of the next "//" at or after `from`, or -1. */
function nextDoubleSlash(buf: Buffer, from: number): number {
  for (let at = buf.indexOf(SLASH, from); at >= 0; at = buf.indexOf(SLASH, at + 1)) if (buf[at + 1] === SLASH) return at;
  return -1;
}

/** The offset of `include` in the next `#include` (blanks allowed after the #) at or after `from`, or -1. */
function nextInclude(buf: Buffer, from: number): number {
  for (let at = buf.indexOf(HASH, from); at >= 0; at = buf.indexOf(HASH, at + 1)) {
    let k = at + 1;
    while (buf[k] === 32 || buf[k] === 9) k++;
    let i = 0;
    while (i < 7 && buf[k + i] === INCLUDE_BYTES[i]) i++;
    if (i === 7) return k;
  }
  return -1;
}

/**
 * Whether a string in a file may hold a URL or a host the catalogue knows: a "://" with a quote
 * before it on its line, a protocol-relative "//" just after a quote, or a known host just after
 * a quote. Read from the bytes (UTF-8 or Latin-1: every character it looks at is ASCII), so a
 * file it rules out is never decoded. Comments are not told apart here; the full read does that.
 */
export function mayQuoteKnownHost(bytes: Uint8Array, known: (host: string) => boolean): boolean {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Each "://" looks back along its line for a quote, but only as far as the last one looked:
  // what lies before it had none (or the search would be over), so every byte is read once
  // however many URLs a line holds.
  let lookedFrom = 0;
  for (let at = nextDoubleSlash(buf, 0); at >= 0; at = nextDoubleSlash(buf, at + 2)) {
    const before = buf[at - 1];
    if (before === QUOTE || before === APOSTROPHE) return true;
    if (before !== COLON) continue;
    for (let q = at - 1; q >= lookedFrom; q--) {
      const c = buf[q]!;
      if (c === QUOTE || c === APOSTROPHE) return true;
      if (c === LF || c === CR) break;
    }
    lookedFrom = at;
  }
  for (const quote of [QUOTE, APOSTROPHE]) {
    for (let q = buf.indexOf(quote); q >= 0; q = buf.indexOf(quote, q + 1)) {
      const end = hostEnd(buf, q + 1);
      if (end > 0 && known(buf.toString('latin1', q + 1, end).toLowerCase())) return true;
    }
  }
  return false;
}

// MDX pages (Docusaurus, Nextra, Astro and Next.js blogs), and the Markdown pages a site
// generator publishes, put JSX and HTML between their prose: an embedded <iframe> or <script>
// there loads on the published page. Code blocks, code spans and the front matter are
// documentation and settings, not markup; Markdown's own links and images are never read.
const MDX_FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/;
// Jekyll's {% highlight html %} … {% endhighlight %} and Hugo's {{< highlight html >}} … {{< /highlight >}} are code listings too.
const MDX_CODE = /^[ \t]*(?:```|~~~)[\s\S]*?(?:^[ \t]*(?:```|~~~)[ \t]*$|(?![\s\S]))|`[^`\n]*`|\{%-?\s*highlight\b[\s\S]*?(?:\{%-?\s*endhighlight\s*-?%\}|(?![\s\S]))|\{\{<\s*highlight\b[\s\S]*?(?:\{\{<\s*\/highlight\s*>\}\}|(?![\s\S]))/gm;
function extractMarkdownPage(ctx: ExtractContext): void {
  extractHtmlOf(ctx, blankTemplateComments(ctx.text.replace(MDX_FRONT_MATTER, blank).replace(MDX_CODE, blank), 'md'));
}

/**
 * Runs `read` on `text` (the file's own, or it with some parts blanked) apart from the file's
 * other readers, and adds to the file's evidence what `keep` lets through.
 */
function readApart(ctx: ExtractContext, text: string, read: Route, keep: (ev: Evidence) => boolean = () => true): void {
  const apart = new ExtractContext(ctx.path, text, ctx.detectors, ctx.isTestFile);
  read(apart);
  for (const ev of apart.evidence) if (keep(ev)) ctx.evidence.push(ev);
  ctx.errors.push(...apart.errors);
}

/** Reads `markup`, the file's text with some parts blanked, as HTML into the file's evidence. */
const extractHtmlOf = (ctx: ExtractContext, markup: string): void => readApart(ctx, markup, extractHtml);

// A PHP file that is only code (<?php at the top, no markup after a ?>) has no HTML to read.
const PURE_PHP_START = /^(?:#![^\n]*\n)?\s*<\?php\b/;
const MARKUP_AFTER_PHP = /\?>\s*\S/;

/**
 * PHP outside <?php … ?> is markup; only the PHP blocks are lexed as code. The markup reader
 * gets the file with the PHP comments blanked, so `// <script src=…>` in a PHP block is not markup.
 */
function extractPhp(ctx: ExtractContext): void {
  const text = ctx.text;
  const pure = PURE_PHP_START.test(text) && !MARKUP_AFTER_PHP.test(text);
  if (!text.includes('<?')) {
    extractHtml(ctx);
    return;
  }
  const masked = text.replace(/\?>[\s\S]*?(<\?(?:php|=)?|$)/g, blank);
  const start = masked.search(/<\?(php|=)?/);
  const onlyPhp = (start > 0 ? blank(masked.slice(0, start)) : '') + masked.slice(Math.max(start, 0));
  const lexed = lex(onlyPhp, LANGUAGES.php);
  extractCode(ctx, 'php', 0, onlyPhp, 'code-url', lexed);
  if (!pure) extractHtmlOf(ctx, withoutComments(text, onlyPhp, lexed.code));
  else {
    // A plugin echoes its markup from strings (`echo "<script>…</script>";` in a wp_footer hook).
    // (The code's reading already took a string's <script src>: only what it did not take is added.)
    const markup = markupInStrings(text, lexed.strings);
    if (markup) {
      const taken = new Set(ctx.evidence.map((e) => `${e.line}:${e.column}:${e.kind}`));
      readApart(ctx, markup, extractHtml, (e) => !taken.has(`${e.line}:${e.column}:${e.kind}`));
    }
  }
}

const MARKUP_IN_STRING = /<(?:script|iframe|img|link|embed)\b/i;

/** The file's text with all but the strings that hold markup blanked (offsets kept), or null when none does. */
function markupInStrings(text: string, strings: { start: number; value: string }[]): string | null {
  let out = '';
  let pos = 0;
  for (const s of strings) {
    if (!MARKUP_IN_STRING.test(s.value)) continue;
    const end = s.start + s.value.length;
    out += blank(text.slice(pos, s.start)) + text.slice(s.start, end);
    pos = end;
  }
  return pos === 0 ? null : out + blank(text.slice(pos));
}

/** `text` with blanks wherever lexing `before` blanked a comment (`after` differs from it). */
function withoutComments(text: string, before: string, after: string): string {
  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < before.length; i++) {
    if (before.charCodeAt(i) === after.charCodeAt(i)) continue;
    let j = i;
    while (j < before.length && before.charCodeAt(j) !== after.charCodeAt(j)) j++;
    parts.push(text.slice(pos, i), after.slice(i, j));
    pos = j;
    i = j;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

const LOCKFILE_JSON = /(^|\/)(package-lock|npm-shrinkwrap|composer\.lock|bun\.lockb?|deno\.lock|.*\.lock)(\.json)?$/;

// Apps' XML settings: the Android manifest and resource values (strings.xml, braze.xml,
// network_security_config.xml), iOS property lists and entitlements, .NET's app and web config,
// and Magento's page layouts (MAGENTO_LAYOUT). Other XML (Android layouts, sitemaps, feeds, data
// files) is not read: it names hosts without using them.
const appSettings = code('xml');
const ANDROID_RESOURCE = /(?:^|\/)res\/(?:values[^/]*|xml)\/[^/]+\.xml$/;
// Magento's page layouts add scripts and stylesheets to the store's pages: `<script src="https://cdn.vendor.co/x.js"/>`.
const MAGENTO_LAYOUT = /(?:^|\/)view\/(?:frontend|adminhtml|base)\/(?:layout|page_layout)\/[^/]+\.xml$/;
const UNITY_MANIFEST = /(?:^|\/)Packages\/manifest\.json$/;
const unityManifest = both(gated('json'), m.unityManifest);
const APP_SETTINGS_NAME = /^(?:AndroidManifest\.xml|[^/]+\.(?:plist|entitlements)|(?:web|app)\.config)$/i;

const MANIFEST_READERS = new Set<Route>(Object.values(m));
const readsDependencies = (route: Route): boolean => MANIFEST_READERS.has(route) || (PARTS.get(route)?.some(readsDependencies) ?? false);

/** A dependency manifest or lockfile, by the routing table: a pull request's scan reads every one (pipeline.ts). */
export function isManifestPath(path: string): boolean {
  const route = fileRoute(path);
  return route !== undefined && readsDependencies(route);
}

export function routeFor(path: string): Route | undefined {
  const route = fileRoute(path);
  const identifier = appIdentifierRoute(path.slice(path.lastIndexOf('/') + 1));
  return identifier ? (route ? both(route, identifier) : identifier) : route;
}

/** The route of a file's content, before routeFor() adds the reading of an app identifier. */
export function fileRoute(path: string): Route | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // IIS's web.config also sets the site's response headers, a Content-Security-Policy among them.
  if (/^web\.config$/i.test(name)) return both(appSettings, extractCspHeaders);
  if (APP_SETTINGS_NAME.test(name) || ANDROID_RESOURCE.test(path) || MAGENTO_LAYOUT.test(path)) return appSettings;
  // A Unity project's package manifest (a web app's manifest.json is no such thing).
  if (name === 'manifest.json' && UNITY_MANIFEST.test(path)) return unityManifest;
  const descriptor = descriptorFor(path);
  // hasOwn: a file named `constructor` or `x.__proto__` must not find what Object.prototype holds.
  const byName = Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined;
  if (byName) return descriptor ? withDescriptor(descriptor, byName) : byName;
  if (/^requirements.*\.(txt|in)$/.test(name) || /(^|\/)requirements\/[^/]+\.(txt|in)$/.test(path)) return m.requirementsTxt;
  // .env, .env.local, production.env, and the template a README tells people to copy (env.example).
  if (/^\.env(\..+)?$/.test(name) || name.endsWith('.env') || ENV_TEMPLATE.test(name)) return gated('config');
  if (/^Dockerfile\./.test(name) || /\.dockerfile$/i.test(name)) return dockerfile;
  if (/^(nginx|httpd|apache2?)\b.*\.conf$/.test(name)) return webServerConfig;
  // A web server's virtual hosts, often named for the site alone (sites-available/example.com, default).
  if (/(?:^|\/)sites-(?:available|enabled)\/[^/]+$/.test(path)) return webServerConfig;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (BUILD_LOGIC.test(path) && Object.hasOwn(BUILD_LOGIC_LANGUAGE, ext)) return both(gated(BUILD_LOGIC_LANGUAGE[ext]!), m.gradleCoordinates);
  const rendered = renderedPath(path, name, ext);
  if (rendered) return fileRoute(rendered);
  if (LOCKFILE_JSON.test(name) || ext === 'map' || /\.min\.(css|js)\.map$/.test(name)) return undefined;
  const route = namesPluginPackages(path) ? (ext === 'json' ? pluginConfigJson : pluginConfigJs) : Object.hasOwn(BY_EXT, ext) ? BY_EXT[ext] : undefined;
  return descriptor ? withDescriptor(descriptor, route) : route;
}

// A proxy's upstream named by a bare host in nginx: `proxy_set_header Host plausible.io;` (a site
// that proxies an analytics script through its own domain), `proxy_ssl_name`, an upstream's
// `server api.vendor.com:443;`. Only hosts the catalogue knows: an app's own upstreams read alike.
const PROXIED_HOST = /^[ \t]*(?:proxy_set_header[ \t]+Host|proxy_ssl_name|server)[ \t]+([a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63})(?::\d{1,5})?[ \t]*;/gim;
function extractProxiedHosts(ctx: ExtractContext): void {
  for (const m of ctx.text.matchAll(PROXIED_HOST)) {
    const host = m[1]!.toLowerCase();
    if (ctx.detectors.knownHost(host)) ctx.add('code-url', m.index! + m[0].indexOf(m[1]!), m[1]!, 'medium', { host, urlPath: '/' });
  }
}
const webServerConfig = both(code('config'), extractCspHeaders, extractProxiedHosts);

// (Also `.env_sample`, `.env-example`, forem's and others' spellings.)
const ENV_TEMPLATE = /^(?:env\.|\.?env[_-])(?:example|sample|template|dist|default|local|development|dev|production|prod|staging|test)$/;

// Gradle's build logic (buildSrc, or an included build-logic build of convention plugins):
// its code names the libraries the build scripts declare (see gradleCoordinates).
const BUILD_LOGIC = /(?:^|\/)(?:buildSrc|build-logic)\//;
const BUILD_LOGIC_LANGUAGE: Record<string, GatedLanguage> = { kt: 'kotlin', kts: 'kotlin', groovy: 'kotlin', java: 'java' };

// A template or sample of a config or code file renders into, or is copied to, that file: Helm's
// `config.yaml.tpl`, Ansible's `td-agent.conf.j2`, Rails' `database.yml.erb`, `config.toml.tmpl`,
// Symfony's `parameters.yml.dist`. It is read as the file it becomes. (A page template,
// `index.html.erb`, is read as markup by its own extension already.)
const TEMPLATE_EXT = new Set(['tpl', 'j2', 'jinja', 'jinja2', 'tmpl', 'gotmpl', 'template', 'erb', 'dist', 'sample', 'example']);
const RENDERED_EXT = new Set(['yaml', 'yml', 'json', 'toml', 'ini', 'conf', 'cfg', 'properties', 'env', 'xml', 'sh', 'py', 'rb', 'js', 'ts', 'php', 'tf', 'tfvars', 'hcl']);

/** The path a template or sample renders to, when that is a config or code file; else undefined. */
function renderedPath(path: string, name: string, ext: string): string | undefined {
  if (!TEMPLATE_EXT.has(ext)) return undefined;
  const inner = name.slice(0, name.length - ext.length - 1);
  const innerExt = inner.includes('.') ? inner.slice(inner.lastIndexOf('.') + 1).toLowerCase() : '';
  return RENDERED_EXT.has(innerExt) ? path.slice(0, path.length - ext.length - 1) : undefined;
}

// Framework configs that name their plugins by package (see namesPluginPackages) are read in
// full: the gate looks for imports, and these name packages in plain strings.
const pluginConfigJs = code('js');
const pluginConfigJson = code('json');

/** A platform descriptor is read as what it is (a hosting platform) and as config. */
const withDescriptor = (descriptor: NonNullable<ReturnType<typeof descriptorFor>>, route: Route | undefined): Route =>
  both((ctx) => extractDescriptor(ctx, descriptor), route ?? (() => undefined));

// Test files and fixtures: evidence there is development use, not production processing.
// A file is a test file when a folder on its path is a test, fixture, mock (nock), example or story
// folder (any case), or a .NET test project (MyApp.Tests/), or when its name follows a test
// runner's convention: *.test.* *.spec.* *.stories.* *.cy.* (JS), test_*.py *_test.py conftest.py,
// *_test.go, *_spec.rb *_test.rb, *_test.exs, *_test.dart, FooTest(s)/FooSpec/FooIT.java|kt|cs|scala|php|swift|groovy.
const TEST_FOLDER = /(^|\/)(tests?|__tests__|__mocks__|__fixtures__|spec|specs|fixtures?|testdata|test-data|test_data|e2e|cypress|playwright|mocks?|nocks?|stories|storybook|examples?|samples?|demo)\/|(^|\/)[^/]+\.(Tests?|UnitTests|IntegrationTests|Specs)\//i;
// Also a framework's settings for its test environment: Mix's config/test.exs, Rails'
// config/environments/test.rb, a Spring `test` profile, Django's settings/test.py, .env.test.
const TEST_FILE =
  /(^|\/)[^/]*[._-](test|spec|stories|cy)\.[a-z]+$|(^|\/)(test_[^/]+|conftest)\.py$|_(test|spec)\.(go|py|rb|exs|dart)$|[a-z0-9](Tests?|Spec|IT)\.(cs|java|kt|scala|php|swift|groovy)$|(^|\/)config\/(test\.exs|environments\/test\.rb)$|(^|\/)application-test\.(ya?ml|properties)$|(^|\/)settings\/test(ing)?\.py$|(^|\/)\.env\.test(ing)?$/;

// Build and CI tooling: the hosts it contacts (package mirrors, installers, base images, a
// Gulp or Grunt task's release upload) are build-time traffic, not places the product sends
// people's data. Reported as dev evidence.
const BUILD_TOOLING = /(^|\/)(\.github|\.gitlab|\.circleci|\.buildkite|\.devcontainer|\.husky)\/|(^|\/)(\.gitlab-ci\.ya?ml|\.travis\.ya?ml|Jenkinsfile|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|cloudbuild\.ya?ml|Makefile|gulpfile(\.babel)?\.[cm]?[jt]s|gruntfile\.[cm]?[jt]s)$/i;

export function isTestPath(path: string): boolean {
  return TEST_FOLDER.test(path) || TEST_FILE.test(path) || BUILD_TOOLING.test(path);
}
