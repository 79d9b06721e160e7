// Source code in any language: URLs and catalogue hosts in string literals (never in
// comments), SDK imports, catalogue snippets, and vendor environment variables.
import type { ExtractContext } from '../context.js';
import { lex, LANGUAGES, type LanguageSpec } from '../lexer.js';
import { findUrls, bareHost } from '../urls.js';
import type { EvidenceKind } from '../../model.js';

export type CodeLanguage = keyof typeof LANGUAGES;

interface ImportRule {
  re: RegExp;
  ecosystem: string;
  normalise?: (spec: string) => string | null;
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|http$|https$|url$|util$|crypto$|stream$|events$|child_process$|net$|tls$|dns$|zlib$|buffer$|assert$|readline$|worker_threads$)/;

function npmPackageName(spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('~') || spec.startsWith('#') || NODE_BUILTINS.test(spec)) return null;
  if (/^[a-z]+:/.test(spec)) return null; // virtual:, data:, https: imports
  const parts = spec.split('/');
  return spec.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : null) : parts[0]!;
}

const IMPORTS: Partial<Record<CodeLanguage, ImportRule[]>> = {
  js: [
    { re: /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"\n]+)['"]/g, ecosystem: 'npm', normalise: npmPackageName },
    { re: /\bimport\s*['"]([^'"\n]+)['"]/g, ecosystem: 'npm', normalise: npmPackageName },
    { re: /\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g, ecosystem: 'npm', normalise: npmPackageName },
  ],
  python: [
    { re: /^[ \t]*import[ \t]+([A-Za-z_][\w.]*)/gm, ecosystem: 'python' },
    { re: /^[ \t]*from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b/gm, ecosystem: 'python' },
  ],
  go: [{ re: /(?:\bimport\s*\(?|^)[ \t]*(?:[A-Za-z_.]+[ \t]+)?"([a-z0-9.-]+\.[a-z]{2,}\/[^"\s]+)"/gm, ecosystem: 'go' }],
  ruby: [{ re: /^[ \t]*require[ \t(]+['"]([\w/.-]+)['"]/gm, ecosystem: 'ruby' }],
  php: [
    { re: /^[ \t]*use[ \t]+\\?([A-Z][\w\\]*)/gm, ecosystem: 'php' },
    { re: /\bnew[ \t]+\\([A-Z][\w\\]*)/g, ecosystem: 'php' },
  ],
  java: [{ re: /^[ \t]*import[ \t]+(?:static[ \t]+)?([a-z][\w.]*)/gm, ecosystem: 'java' }],
  kotlin: [{ re: /^[ \t]*import[ \t]+([a-z][\w.]*)/gm, ecosystem: 'java' }],
  csharp: [{ re: /^[ \t]*using[ \t]+(?:static[ \t]+)?([A-Z][\w.]*)[ \t]*;/gm, ecosystem: 'csharp' }],
  rust: [{ re: /^[ \t]*(?:pub[ \t]+)?(?:use|extern[ \t]+crate)[ \t]+([a-z_][\w]*)/gm, ecosystem: 'rust' }],
  elixir: [{ re: /^[ \t]*(?:alias|import|use|require)[ \t]+([A-Z][\w.]*)/gm, ecosystem: 'elixir' }],
};

// JSX and HTML-in-strings: the tag a URL sits in decides what kind of evidence it is.
const TAG_BEFORE = /<(script|Script|iframe|img|Image|link|form)\b[^<>]*?\b(src|href|action)\s*=\s*\{?\s*$/;
const TAG_KIND: Record<string, EvidenceKind> = { script: 'script-src', Script: 'script-src', iframe: 'iframe', img: 'img', Image: 'img', link: 'link', form: 'form' };
const DYNAMIC_SRC_BEFORE = /\.(?:src|href)\s*=\s*$|setAttribute\(\s*['"](?:src|href)['"]\s*,\s*$/;

// Code that asks a consent manager before loading a service waits for consent.
const CONSENT_API = /\b(?:Cookiebot\.consent|CookieConsent\.consent|Cookiebot\.(?:onaccept|onconsentready)|Optanon(?:Active|Wrapper)|OnetrustActiveGroups|OneTrust\.OnConsentChanged|UC_UI\.|__ucCmp|Didomi\.getUserConsentStatus|didomiOnReady|klaro\.getManager|getCkyConsent|cookieyes_consent|Osano\.cm|_iub\.cs|tarteaucitron\.(?:job|user)|cmplz_has_consent|hasConsent\s*\(|consentGranted|__tcfapi\s*\()/;

const ENV_TOKEN = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b/g;

export function extractCode(ctx: ExtractContext, language: CodeLanguage, base = 0, text = ctx.text, kind: EvidenceKind = 'code-url'): void {
  const spec: LanguageSpec = LANGUAGES[language]!;
  const firstEvidence = ctx.evidence.length;
  const { strings, code } = lex(text, spec);
  const seen = new Set<number>();
  // Spans already reported as URLs: a snippet matching inside one would repeat the same evidence.
  const urlSpans: [number, number][] = [];
  const dynamicScript = language === 'js' && /createElement\(\s*['"`]script['"`]\s*\)/.test(code);

  const urlKind = (offset: number): EvidenceKind => {
    if (kind !== 'code-url') return kind;
    const before = text.slice(Math.max(0, offset - 160), offset - 1);
    const tag = TAG_BEFORE.exec(before);
    if (tag) return TAG_KIND[tag[1]!]!;
    if (dynamicScript && DYNAMIC_SRC_BEFORE.test(before)) return 'script-src';
    return 'code-url';
  };
  const confidenceFor = (k: EvidenceKind): 'high' | 'medium' => (k === 'code-url' ? 'medium' : 'high');

  const addUrl = (offset: number, raw: string, host: string, path: string): void => {
    if (seen.has(offset)) return;
    seen.add(offset);
    urlSpans.push([offset, offset + raw.length]);
    const k = urlKind(offset);
    ctx.add(k, base + offset, raw, confidenceFor(k), { host, urlPath: path });
  };

  if (spec.unquotedValues) {
    for (const u of findUrls(code)) addUrl(u.index, u.raw, u.host, u.path);
  }
  for (const s of strings) {
    const urls = findUrls(s.value);
    for (const u of urls) addUrl(s.start + u.index, u.raw, u.host, u.path);
    if (urls.length === 0) {
      const bare = bareHost(s.value.trim());
      if (bare && ctx.detectors.knownHost(bare.host)) addUrl(s.start, s.value.trim(), bare.host, bare.path);
    }
  }
  if (spec.unquotedValues) {
    // Unquoted bare hosts in config (smtp.sendgrid.net, api.eu.mailgun.net) after '=' or ':'.
    for (const m of code.matchAll(/[=:][ \t]*["']?([a-z0-9][a-z0-9.-]*\.[a-z]{2,})(?::\d+)?["']?[ \t]*$/gim)) {
      const host = m[1]!.toLowerCase();
      const offset = m.index! + m[0].indexOf(m[1]!);
      if (ctx.detectors.knownHost(host) && bareHost(host)) addUrl(offset, m[1]!, host, '/');
    }
  }

  for (const [offset, match, serviceId] of ctx.detectors.snippets(code)) {
    if (urlSpans.some(([from, to]) => offset >= from && offset < to)) continue;
    ctx.add(kind === 'code-url' ? 'code-snippet' : kind, base + offset, match, 'high', { serviceHint: serviceId });
  }

  for (const rule of IMPORTS[language] ?? []) {
    rule.re.lastIndex = 0;
    for (const m of code.matchAll(rule.re)) {
      const spec = m[1]!;
      const name = rule.normalise ? rule.normalise(spec) : spec;
      if (!name) continue;
      ctx.add('import', base + m.index! + m[0].lastIndexOf(spec), m[0].trim(), 'high', { ecosystem: rule.ecosystem, package: name });
    }
  }

  if (language === 'js') {
    const consent = CONSENT_API.exec(code);
    if (consent) {
      for (const ev of ctx.evidence.slice(firstEvidence)) ev.consentAttributes = { ...ev.consentAttributes, 'consent-check': consent[0] };
    }
  }
  extractEnvNames(ctx, code, base);
}

/** Vendor environment variable names anywhere in code or config: weak evidence, shown as such. */
export function extractEnvNames(ctx: ExtractContext, code: string, base = 0): void {
  if (!/[A-Z]_[A-Z]/.test(code)) return;
  const seen = new Set<string>();
  for (const m of code.matchAll(ENV_TOKEN)) {
    const name = m[0];
    if (seen.has(name)) continue;
    const id = ctx.detectors.envName(name);
    if (!id) continue;
    seen.add(name);
    ctx.add('env', base + m.index!, name, 'low', { serviceHint: id });
  }
}
