// Finding URLs and hosts in text, and deciding which hosts can be third parties at all.
import { parse as parseDomain } from 'tldts';

export interface UrlMatch {
  /** Offset of the URL within the searched text. */
  index: number;
  raw: string;
  host: string;
  path: string;
}

// Absolute (http, https, ws, wss) and protocol-relative URLs. The host part stops at
// the first character that cannot be in a hostname, so template placeholders end it. In the
// path, square brackets come in pairs (`?filter[name]=x`, `?ids[]=1`); an unpaired `]` closes
// markup around the URL (`[link=https://x.com/acme]`, BBCode's `[url=…]`) and ends it.
const PATH_CHAR = String.raw`[^\s"'\`<>()\\{}|^[\]]`;
// The user part before `@` may hold a password after a colon (`smtp://apikey:KEY@smtp.sendgrid.net`,
// `postgres://user:pw@db.vendor.com`): a connection string's, which names the host it connects to.
// A host's labels may hold underscores (`https://your_domain.zendesk.com`, `YOUR_SHOP.myshopify.com`:
// a placeholder for the customer's own part under the vendor's domain), but not the registrable
// domain's: hostOf() decides.
const AUTHORITY_AND_PATH = String.raw`(?:[A-Za-z0-9._~%!$&'()*+,;=:-]{1,256}@)?([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}\.)+[A-Za-z]{2,63})(?::\d{1,5})?(\/(?:${PATH_CHAR}|\[${PATH_CHAR}*\])*)?`;
const URL_RE = new RegExp(String.raw`(?:\b(?:https?|wss?):)?\/\/` + AUTHORITY_AND_PATH, 'dg');
/** The same URL, read from a given `//` on (a scheme before it changes neither host nor path). */
const URL_FROM_SLASHES = new RegExp(String.raw`\/\/` + AUTHORITY_AND_PATH, 'y');
// What follows a host that a placeholder cut short: `s3.dualstack.us-${region}`, `api.x.${tld}`, `cdn.x.{{ env }}`.
const HOST_GOES_ON = /^\.?[-$%{]/;
// What follows a URL's user part read as its host, where the real host has no dot for the
// pattern to take (`sendgrid+api://KEY@default`, `smtp://user.name:pw@localhost`): that is no host.
const USER_PART_ENDS = /^(?::[^\s/@]{0,256})?@/;
const endsUserPart = (text: string, hostEnd: number): boolean => {
  const c = text.charCodeAt(hostEnd);
  return (c === 64 || c === 58) && USER_PART_ENDS.test(text.slice(hostEnd, hostEnd + 260));
};

/** The answer for the many strings without a URL: one shared empty list, not one each. */
const NO_URLS: readonly UrlMatch[] = Object.freeze([]);

export function findUrls(text: string): readonly UrlMatch[] {
  if (!text.includes('//')) return NO_URLS;
  const out: UrlMatch[] = [];
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text)) !== null) {
    const raw = m[0];
    // A protocol-relative match must start the string or follow a quote, '=', '(' or space (or
    // '@': Oracle's `jdbc:oracle:thin:@//db.vendor.com:1521/ORCL`): otherwise "a//b.c" inside
    // prose or a path is not a URL.
    if (!raw.startsWith('h') && !raw.startsWith('w') && m.index > 0 && !/[\s"'`=(,:[@]/.test(text[m.index - 1]!)) continue;
    // `*://host/*` is a match pattern (a browser extension's permissions, content scripts and
    // blocked requests, a user script's @match): it selects requests and pages, it is never fetched.
    if (m.index > 1 && text[m.index - 1] === ':' && text[m.index - 2] === '*') continue;
    // A host a placeholder cut short is not that host: `https://s3.dualstack.${region}…` is not s3.dualstack.
    const hostEnd = m.indices![1]![1];
    if (hostEnd === m.index + raw.length && HOST_GOES_ON.test(text.slice(hostEnd, hostEnd + 2))) continue;
    if (endsUserPart(text, hostEnd)) continue;
    const host = hostOf(m[1]!);
    if (host !== null) out.push({ index: m.index, raw, host, path: m[2] ?? '/' });
  }
  return out;
}

/**
 * The host a URL match names, lower-cased and without a final dot; null when an underscore
 * falls in its registrable domain (`my_site.com`), as only the labels left of it may hold one
 * (`my_shop.myshopify.com`).
 */
function hostOf(matched: string): string | null {
  const host = matched.toLowerCase().replace(/\.$/, '');
  if (!host.includes('_')) return host;
  const domain = parseDomain(host).domain;
  return domain !== null && !domain.includes('_') ? host : null;
}

/** The host and path findUrls() reads for a URL whose `//` is at `slash` (and the offset after it), or null when none starts there. */
export function urlFrom(text: string, slash: number): { host: string; path: string; end: number } | null {
  URL_FROM_SLASHES.lastIndex = slash;
  const m = URL_FROM_SLASHES.exec(text);
  // (Without a user part the host starts right after the slashes; with one, its end is no user part's.)
  if (!m || (text.startsWith(m[1]!, slash + 2) && endsUserPart(text, slash + 2 + m[1]!.length))) return null;
  const host = hostOf(m[1]!);
  return host === null ? null : { host, path: m[2] ?? '/', end: slash + m[0].length };
}

const BARE_HOST_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63})(?::\d{1,5})?(\/[^\s]*)?$/i;

/** A string literal that is nothing but a hostname (e.g. "api.openai.com" or "smtp.sendgrid.net:587"). */
export function bareHost(value: string): { host: string; path: string } | null {
  if (value.length > 260 || !value.includes('.')) return null;
  const m = BARE_HOST_RE.exec(value);
  if (!m) return null;
  const host = value.split(/[:/]/)[0]!.toLowerCase();
  const parsed = parseDomain(host);
  if (!parsed.domain || !parsed.isIcann) return null;
  return { host, path: m[1] ?? '/' };
}

// Hosts that appear in code as identifiers, not as places data is sent: XML and JSON
// namespaces, schema ids, licence texts, and the reserved documentation domains.
const NOT_A_DATA_FLOW = new Set([
  'w3.org', 'schema.org', 'json-schema.org', 'purl.org', 'xmlsoap.org', 'openxmlformats.org', 'ogp.me',
  'xmlpull.org', 'apache.org', 'opensource.org', 'creativecommons.org', 'rightsstatements.org', 'gnu.org', 'spdx.org', 'mozilla.org',
  'example.com', 'example.org', 'example.net', 'iana.org', 'ietf.org', 'rfc-editor.org', 'ecma-international.org',
  'whatwg.org', 'csswg.org', 'khronos.org', 'tc39.es', 'unicode.org', 'xml.org', 'oasis-open.org', 'ns.adobe.com', 'jsonapi.org', 'json.org',
  'semver.org', 'keepachangelog.com', 'contributor-covenant.org', 'editorconfig.org', 'npmjs.org', 'npmjs.com',
  'yarnpkg.com', 'pypi.org', 'pythonhosted.org', 'rubygems.org', 'packagist.org', 'crates.io', 'maven.org',
  'nuget.org', 'golang.org', 'go.dev', 'pkg.go.dev',
  // Placeholders in examples and tests.
  'foo.com', 'foo.bar', 'bar.com', 'baz.com', 'foobar.com', 'domain.com', 'yourdomain.com', 'your-domain.com', 'mydomain.com',
  'yoursite.com', 'mysite.com', 'yourcompany.com', 'test.com', 'sitemaps.org',
]);

// Documentation sites: URLs to them in code are links in messages and comments-as-strings.
// An endpoint under one serves data, not pages: a CDN (cdn.tailwindcss.com, the Tailwind Play
// CDN), an API (api.stackexchange.com), a telemetry collector (telemetry.nextjs.org).
const DOCUMENTATION_SITES = new Set([
  'wikipedia.org', 'stackoverflow.com', 'stackexchange.com', 'nodejs.org', 'python.org', 'reactjs.org', 'react.dev',
  'typescriptlang.org', 'rust-lang.org', 'readthedocs.io', 'readthedocs.org', 'learn.microsoft.com', 'docs.microsoft.com',
  'developer.apple.com', 'developer.android.com', 'developers.google.com', 'support.google.com', 'eslint.org',
  'webpack.js.org', 'vuejs.org', 'angular.io', 'angular.dev', 'svelte.dev', 'nextjs.org', 'vitejs.dev', 'vite.dev', 'jestjs.io',
  'vitest.dev', 'tailwindcss.com', 'getbootstrap.com', 'php.net', 'ruby-doc.org', 'rubyonrails.org', 'djangoproject.com',
  'docs.rs', 'shields.io', 'img.shields.io', 'choosealicense.com', 'tldrlegal.com',
]);
const ENDPOINT_HOST = /^(?:cdn\d*|api|telemetry|events?|collect(?:or)?|metrics|analytics|ingest)\./;
// A domain named as a placeholder in help texts and examples (`--endpoint=https://example-endpoint.com`,
// `https://test-idp.com`, `https://acme-example.net`, `https://your-deployment-url.com`): the name
// says it stands for the reader's own.
const PLACEHOLDER_DOMAIN = /^(?:example|test|sample|dummy|fake|placeholder|your)-[a-z0-9-]+\.|^[a-z0-9-]+-example\./;

/**
 * A host under a domain named as a placeholder. Only for hosts no catalogue entry knows: a
 * vendor may own such a name (Branch's test links live on test-app.link).
 */
export function placeholderDomain(host: string): boolean {
  return PLACEHOLDER_DOMAIN.test(registrableDomain(host));
}

// XML and document-format namespaces and schemas (`http://www.figma.com/figma/ns`,
// `http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd`): identifiers, never fetched.
// (`/schemas/` is left out: schema registries serve real data there.)
const NAMESPACE_PATH = /\/(?:ns|namespaces?|schema|dtds?|xmlns)(?:\/|$)|\.(?:dtd|xsd)$/i;

// The files that prove a site owns an app (Android's Digital Asset Links, Apple's app site
// association): an app's settings name them on its own domain, and the OS reads them, not the app.
const APP_LINK_FILE = /^\/\.well-known\/(?:assetlinks\.json|apple-app-site-association)$/;

// The namespaces of feed and metadata formats on hosts that serve other things too: Media RSS,
// OpenSearch, XMP, RSS 0.90, FOAF, GeoRSS, the RSS Advisory Board's and Dublin Core's terms, the
// trackback and comment-API modules. Every feed writer and reader names them. By host, then path.
// Also WordPress's REST API link relation, `https://api.w.org/` (`rel="https://api.w.org/"`,
// `https://api.w.org/featuredmedia`): an identifier every WordPress site and theme writes.
const FORMAT_NAMESPACES = new Map<string, RegExp>([
  ['api.w.org', /^\//],
  ['search.yahoo.com', /^\/mrss/],
  ['a9.com', /^\/-\/spec\//],
  ['adobe.com', /^\/xap\//],
  ['my.netscape.com', /^\/rdf\//],
  ['xmlns.com', /^\//],
  ['georss.org', /^\//],
  ['www.georss.org', /^\//],
  ['rssboard.org', /^\//],
  ['www.rssboard.org', /^\//],
  ['dublincore.org', /^\//],
  ['www.dublincore.org', /^\//],
  ['madskills.com', /^\/public\/xml\/rss\//],
  ['wellformedweb.org', /^\//],
  ['backend.userland.com', /^\//],
  ['web.resource.org', /^\/cc\//],
]);

// Code-hosting sites: the bare host is a link to a repository page; their APIs (api.github.com,
// gitlab.com/api) are real uses and stay evidence.
const LINK_ONLY_HOSTS = new Set(['github.com', 'www.github.com', 'gitlab.com', 'www.gitlab.com', 'docs.github.com']);

const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local', 'internal', 'lan', 'home', 'corp', 'intranet', 'localdomain']);

export interface HostFilter {
  /** The project's own domains: never third party. */
  firstParty: string[];
}

function suffixes(host: string): string[] {
  const parts = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

const onPublicSuffix = new Map<string, boolean>();

/** The host ends in a suffix of the public suffix list: `test.json`, `foo.mapbox` and `s3.dualstack` do not. */
function hasPublicSuffix(host: string): boolean {
  let known = onPublicSuffix.get(host);
  if (known === undefined) {
    const parsed = parseDomain(host);
    known = parsed.domain !== null && (parsed.isIcann === true || parsed.isPrivate === true);
    onPublicSuffix.set(host, known);
  }
  return known;
}

// A template's placeholder in the path: `https://sqs.us-east-1.amazonaws.com/your-account-id`
// (Laravel's queue config default), `…/services/YOUR_WEBHOOK_ID`, `…/<bucket>/`.
const PLACEHOLDER_PATH = /\/(?:your[-_][^/]*|<[^/>]*>)(?:\/|$)/i;

export function isFirstPartyOrNotAFlow(host: string, filter: HostFilter, path = '/'): boolean {
  if (NAMESPACE_PATH.test(path) || PLACEHOLDER_PATH.test(path) || FORMAT_NAMESPACES.get(host)?.test(path) === true || APP_LINK_FILE.test(path)) return true;
  // …except their API and OAuth paths (gitlab.com/api/v4, github.com/login/oauth), which are uses.
  if (LINK_ONLY_HOSTS.has(host) && !/^\/(api|oauth|login\/oauth)(\/|$)/.test(path)) return true;
  return hostIsFirstPartyOrNotAFlow(host, filter);
}

function hostIsFirstPartyOrNotAFlow(host: string, filter: HostFilter): boolean {
  // What the host alone decides is worked out once a host: a large tree has hundreds of
  // thousands of pieces of evidence and a few thousand hosts.
  let byHost = verdicts.get(filter);
  if (!byHost) verdicts.set(filter, (byHost = new Map()));
  let verdict = byHost.get(host);
  if (verdict === undefined) byHost.set(host, (verdict = hostIsNotAFlow(host, filter)));
  return verdict;
}

const verdicts = new WeakMap<HostFilter, Map<string, boolean>>();

/** No first-party domains: what is dropped whatever the project's own domains are. */
const ANY_PROJECT: HostFilter = Object.freeze({ firstParty: [] });

/** A host (with its URL's path) that is never a data flow, for any project: a namespace, a standard, a documentation link, a placeholder. */
export function neverAFlow(host: string, path = '/'): boolean {
  return isFirstPartyOrNotAFlow(host, ANY_PROJECT, path);
}

/** A host that is never a data flow whatever the URL's path. */
export function hostNeverAFlow(host: string): boolean {
  return hostIsFirstPartyOrNotAFlow(host, ANY_PROJECT);
}

function hostIsNotAFlow(host: string, filter: HostFilter): boolean {
  if (host === 'localhost' || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return true;
  // A file name or a template fragment that looks like a host (`//test.json`) names no server.
  if (!hasPublicSuffix(host)) return true;
  if (host.startsWith('schemas.')) return true;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (RESERVED_TLDS.has(tld)) return true;
  const endpoint = ENDPOINT_HOST.test(host);
  for (const s of suffixes(host)) {
    if (NOT_A_DATA_FLOW.has(s) || (DOCUMENTATION_SITES.has(s) && !endpoint)) return true;
    if (filter.firstParty.includes(s)) return true;
  }
  return false;
}

/**
 * The domain a site address makes first party: its registrable domain, where a shared hosting
 * platform's suffix (vercel.app, github.io, the private part of the public suffix list) counts
 * as a public suffix, so myapp.vercel.app stands for itself alone. Null for an IP or a name
 * without a public suffix.
 */
export function siteDomain(host: string): string | null {
  const parsed = parseDomain(host, { allowPrivateDomains: true });
  return parsed.domain && !parsed.isIp ? parsed.domain : null;
}

/** Registrable domain (eTLD+1) of a host, falling back to the host itself. */
export function registrableDomain(host: string): string {
  return parseDomain(host).domain ?? host;
}

export function hostSuffixes(host: string): string[] {
  return suffixes(host).concat(host.includes('.') ? [] : [host]);
}

/** Where each package CDN puts the package's name in a URL's path (after this prefix). */
const PACKAGE_CDNS = new Map<string, RegExp>([
  ['cdn.jsdelivr.net', /^\/npm\//],
  ['fastly.jsdelivr.net', /^\/npm\//],
  ['unpkg.com', /^\//],
  ['esm.sh', /^\/(?:v\d+\/|stable\/)?/],
  ['esm.run', /^\//],
  ['cdn.skypack.dev', /^\/(?:-\/)?/],
  ['jspm.dev', /^\/(?:npm:)?/],
  ['ga.jspm.io', /^\/npm:/],
]);

/**
 * The npm package a package CDN's URL serves (`https://esm.sh/stripe@13`,
 * `https://cdn.jsdelivr.net/npm/@sentry/browser@7/build/bundle.min.js`), or undefined.
 */
export function cdnPackage(host: string, path: string): string | undefined {
  const prefix = PACKAGE_CDNS.get(host)?.exec(path);
  if (!prefix) return undefined;
  const parts = path.slice(prefix[0].length).split('/');
  const scoped = parts[0]!.startsWith('@');
  const name = (scoped ? `${parts[0]}/${parts[1] ?? ''}` : parts[0]!).replace(/^(.+?)@.*$/, '$1').toLowerCase();
  return /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name) ? name : undefined;
}
