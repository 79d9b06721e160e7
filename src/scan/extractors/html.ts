// HTML and templates: the elements that make a browser contact another host, with the
// attributes a consent manager uses to hold a script back. Broken markup is normal in
// templates: the tag reader (html-tags.ts) tokenizes as htmlparser2 does and never throws.
import type { ExtractContext, SnippetHit } from '../context.js';
import type { EvidenceKind } from '../../model.js';
import { findUrls } from '../urls.js';
import { readHtmlTags, type HtmlAttributes } from '../html-tags.js';
import { extractCode } from './code.js';
import { extractCss } from './css.js';
import { extractCspValue } from './csp.js';
import { linkConfidence } from './link-rel.js';
import { extractAssetHelpers } from './asset-helpers.js';

const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript', 'application/ecmascript', 'text/babel', 'text/jsx']);
const CONSENT_ATTR = /^(data-(category|categories|cookieconsent|cookiecategory|cookieblock-src|usercentrics|consent|consent-category|cmp-.*|name|service|type|iub-purposes|cookiescript|cookieyes|cky-.*|osano.*|ot-.*|purposes|tarteaucitron|vendor)|class)$/;
const CONSENT_CLASS = /\b(optanon-category-[\w-]+|cmplz-[\w-]+|_iub_cs_activate[\w-]*|cookieconsent-optin[\w-]*|cookie-consent[\w-]*|cky-[\w-]+|ot-[\w-]+|cc-[\w-]+|klaro[\w-]*)\b/;

type Attrs = HtmlAttributes;

function consentAttributes(attrs: Attrs): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    // data-* attributes are kept whole: custom consent rules in the policy may name any of them.
    if (k === 'type' || k.startsWith('data-') || (k === 'class' && CONSENT_CLASS.test(v))) out[k] = v.length > 200 ? v.slice(0, 200) : v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A script waits for consent when the browser won't run it as is and a consent manager's marker is on it. */
export function isGated(tag: string, attrs: Attrs): boolean {
  const marker = Object.keys(attrs).some((k) => k !== 'type' && k !== 'data-src' && k !== 'class' && CONSENT_ATTR.test(k)) || CONSENT_CLASS.test(attrs.class ?? '');
  if (!marker) return false;
  if (tag === 'script') return !EXECUTABLE_TYPES.has((attrs.type ?? '').trim().toLowerCase()) || (!attrs.src && !!attrs['data-src']);
  // iframes and images are held back when their real address is parked in a data attribute.
  return !attrs.src && !!(attrs['data-src'] || attrs['data-cookieblock-src']);
}

const URL_ATTR: Record<string, [string, EvidenceKind][]> = {
  script: [['src', 'script-src'], ['data-src', 'script-src']],
  iframe: [['src', 'iframe'], ['data-src', 'iframe'], ['data-cookieblock-src', 'iframe']],
  img: [['src', 'img'], ['data-src', 'img'], ['srcset', 'img']],
  // (Lazy loaders park a stylesheet's address in data-href until the page is idle.)
  link: [['href', 'link'], ['data-href', 'link']],
  form: [['action', 'form']],
  embed: [['src', 'iframe']],
  object: [['data', 'iframe']],
  video: [['src', 'iframe'], ['poster', 'img']],
  audio: [['src', 'iframe']],
  source: [['src', 'iframe'], ['srcset', 'img']],
  // MJML, the email markup that compiles to HTML: its fonts are stylesheets the reader's mail
  // client loads, its images (social icons, hero and section backgrounds) are fetched on open.
  'mj-font': [['href', 'link']],
  'mj-image': [['src', 'img']],
  'mj-social-element': [['src', 'img']],
  'mj-carousel-image': [['src', 'img']],
  'mj-hero': [['background-url', 'img']],
  'mj-section': [['background-url', 'img']],
  'mj-wrapper': [['background-url', 'img']],
  // AMP's own elements in place of img, iframe and the like; amp-analytics may fetch its configuration.
  'amp-img': [['src', 'img'], ['srcset', 'img']],
  'amp-anim': [['src', 'img']],
  'amp-pixel': [['src', 'img']],
  'amp-iframe': [['src', 'iframe']],
  'amp-video': [['src', 'iframe'], ['poster', 'img']],
  'amp-audio': [['src', 'iframe']],
  'amp-analytics': [['config', 'script-src']],
};

// AMP pages name vendors by component rather than by URL. <amp-analytics type="…"> sends to the
// vendor whose built-in configuration AMP ships (the type values of AMP's analytics vendors list,
// extensions/amp-analytics/analytics-vendors-list.md in ampproject/amphtml); <amp-ad type="…">
// and <amp-auto-ads type="…"> load that ad network; an embed component loads its platform's
// player or post. Types the catalogue has no entry for add nothing.
const AMP_ANALYTICS_TYPES: Record<string, string> = {
  adobeanalytics: 'adobe-analytics', adobeanalytics_nativeConfig: 'adobe-analytics', amplitude: 'amplitude', appsflyer: 'appsflyer',
  atinternet: 'piano-analytics', baiduanalytics: 'baidu-analytics', chartbeat: 'chartbeat', clicky: 'clicky', comscore: 'comscore',
  dynatrace: 'dynatrace', facebookpixel: 'meta-pixel', gemius: 'gemius', googleadwords: 'google-ads', googleanalytics: 'google-analytics',
  gtag: 'google-analytics', keen: 'keen-io', lotame: 'lotame', mapp_intelligence: 'mapp-intelligence', webtrekk: 'mapp-intelligence',
  webtrekk_v2: 'mapp-intelligence', metrika: 'yandex-metrica', moengage: 'moengage', mparticle: 'mparticle', mpulse: 'akamai-mpulse',
  newrelic: 'new-relic', nielsen: 'nielsen', parsely: 'parsely', permutive: 'permutive', quantcast: 'quantcast', rudderstack: 'rudderstack',
  segment: 'segment', snowplow: 'snowplow', snowplow_v2: 'snowplow', taboola: 'taboola', tealiumcollect: 'tealium', top100: 'rambler-top100',
  topmailru: 'top-mail-ru', treasuredata: 'treasure-data', umenganalytics: 'umeng', webengage: 'webengage',
};
const AMP_AD_TYPES: Record<string, string> = {
  adsense: 'google-adsense', doubleclick: 'google-ad-manager', criteo: 'criteo', taboola: 'taboola', outbrain: 'outbrain',
  medianet: 'media-net', facebook: 'meta-audience-network', yandex: 'yandex-advertising-network', nativo: 'nativo',
};
const AMP_EMBEDS: Record<string, string> = {
  'amp-youtube': 'youtube', 'amp-vimeo': 'vimeo', 'amp-dailymotion': 'dailymotion', 'amp-brightcove': 'brightcove', 'amp-jwplayer': 'jw-player',
  'amp-kaltura-player': 'kaltura', 'amp-soundcloud': 'soundcloud', 'amp-twitter': 'x-embeds', 'amp-instagram': 'instagram-embed',
  'amp-facebook': 'facebook-sdk', 'amp-facebook-page': 'facebook-sdk', 'amp-facebook-comments': 'facebook-sdk', 'amp-facebook-like': 'facebook-sdk',
  'amp-pinterest': 'pinterest-embed', 'amp-reddit': 'reddit-embed', 'amp-vk': 'vk', 'amp-tiktok': 'tiktok-embed',
  'amp-recaptcha-input': 'recaptcha', 'amp-gist': 'github',
};

/** A table's value for a name the page wrote (hasOwn: a <constructor> tag or type="__proto__" must not find Object.prototype's). */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** The catalogue entry an AMP component sends to, if it names one. */
function ampVendor(name: string, attrs: Attrs): string | undefined {
  const type = attrs.type?.trim() ?? '';
  if (name === 'amp-analytics') return own(AMP_ANALYTICS_TYPES, type);
  if (name === 'amp-ad' || name === 'amp-embed' || name === 'amp-auto-ads') return own(AMP_AD_TYPES, type);
  return own(AMP_EMBEDS, name);
}

/** The tags whose attributes are read: those with URL attributes, and meta, style and script. */
const wantsTag = (name: string): boolean => Object.hasOwn(URL_ATTR, name) || name === 'meta' || name === 'style' || name.startsWith('amp-');

export function extractHtml(ctx: ExtractContext): void {
  const text = ctx.text;
  // Cheap prefilter: a file with neither a URL, a tag we read, nor a script cannot yield evidence
  // (beyond what its template directives include and the widgets its markup places).
  if (!/\/\/|<script|<style|<meta|<amp-/i.test(text)) {
    extractTemplateDirectives(ctx, text);
    return extractMarkupSnippets(ctx, text, []);
  }

  // The attributes of the last <script> without a src: its body is inline code.
  let inlineScript: HtmlAttributes | undefined;
  // The tags that gave evidence of their own (a <script src>, an <iframe>): their attributes are read.
  const readTags: [number, number][] = [];

  readHtmlTags(text, {
    wants: wantsTag,
    open(name, attrs, tagStart, tagEnd) {
      const urlAttrs = own(URL_ATTR, name);
      const tagText = text.slice(tagStart, tagEnd + 1);
      for (const [attr, kind] of urlAttrs ?? []) {
        const value = attrs[attr];
        if (!value) continue;
        const confidence = name === 'link' ? linkConfidence(attrs.rel ?? '') : 'high';
        if (!confidence) continue;
        const valueAt = tagStart + Math.max(0, tagText.indexOf(value));
        for (const u of findUrls(value)) {
          const extra: Parameters<ExtractContext['add']>[4] = { host: u.host, urlPath: u.path };
          if (name === 'script' || name === 'iframe' || name === 'img') {
            const consent = consentAttributes(attrs);
            if (consent) extra.consentAttributes = consent;
            extra.gated = isGated(name, attrs);
          }
          ctx.add(kind, valueAt + u.index, u.raw, confidence, extra);
          if (readTags.at(-1)?.[0] !== tagStart) readTags.push([tagStart, tagEnd]);
        }
      }
      // The page's own address (<link rel="canonical">, <meta property="og:url">): no fetch, but
      // it names the project's site, which attribution then takes as first party (ownSites).
      const address = name === 'link' && /\bcanonical\b/i.test(attrs.rel ?? '') ? attrs.href : name === 'meta' && /^og:url$/i.test(attrs.property ?? '') ? attrs.content : undefined;
      if (address) {
        const valueAt = tagStart + Math.max(0, tagText.indexOf(address));
        for (const u of findUrls(address)) ctx.add('link', valueAt + u.index, u.raw, 'high', { host: u.host, urlPath: u.path, siteAddress: true });
      }
      if (name === 'meta' && /content-security-policy/i.test(attrs['http-equiv'] ?? '') && attrs.content) {
        extractCspValue(ctx, attrs.content, tagStart + Math.max(0, tagText.indexOf(attrs.content)));
      }
      const amp = name.startsWith('amp-') ? ampVendor(name, attrs) : undefined;
      if (amp) ctx.add('code-snippet', tagStart, tagText, 'high', { serviceHint: amp });
      if (name === 'script') inlineScript = attrs.src ? undefined : attrs;
    },
    rawText(name, start, end) {
      if (name === 'style') return extractCss(ctx, start, text.slice(start, end));
      const scriptAttrs = inlineScript;
      inlineScript = undefined;
      if (!scriptAttrs) return;
      const type = (scriptAttrs.type ?? '').toLowerCase();
      if (/json|template|x-tmpl|html|handlebars|mustache|importmap/.test(type)) return;
      const before = ctx.evidence.length;
      extractCode(ctx, 'js', start, text.slice(start, end), 'inline-script');
      const consent = consentAttributes(scriptAttrs);
      const gated = isGated('script', scriptAttrs);
      for (const ev of ctx.evidence.slice(before)) {
        if (ev.kind !== 'inline-script') continue;
        ev.gated = gated;
        if (consent) ev.consentAttributes = { ...ev.consentAttributes, ...consent };
      }
    },
  });
  extractTemplateDirectives(ctx, text);
  extractMarkupSnippets(ctx, text, readTags);
  extractAssetHelpers(ctx, text);
  // Google Consent Mode: a page that defaults storage to denied before its Google tags load.
  if (/gtag\(\s*['"]consent['"]\s*,\s*['"]default['"][^)]{0,600}?denied/.test(text)) {
    for (const ev of ctx.evidence) ev.consentAttributes = { ...ev.consentAttributes, 'consent-mode': 'default-denied' };
  }
}

// A widget is often placed by markup alone, its loader elsewhere (a layout, a tag manager, the
// platform's app embeds): reCAPTCHA's <div class="g-recaptcha">, Disqus' <div id="disqus_thread">,
// Mailchimp's embedded form, Yotpo's and Trustpilot's widget elements. The catalogue's snippets are
// searched in the page's start tags alone (comments blanked, and the bodies of scripts and styles,
// which are read as code and CSS), and only a match that spells a tag or an attribute counts: text
// between tags is prose, which may quote markup. A tag that gave evidence of its own (a
// <script src> with its consent attributes) is not read again.
const MARKUP_SKIPPED = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^<>]{0,4000}>[\s\S]*?(?:<\/\1\s*>|$)/gi;
// (A server template may write an attribute's value: `action="<?= $url ?>"`, `<%= url %>`.)
const START_TAG = /<[A-Za-z][\w:.-]{0,100}(?:\s(?:[^<>]|<\?[^<?]{0,500}\?>|<%[^<%]{0,500}%>){0,4000})?>/g;

/** The text with everything but its start tags blanked (offsets kept): comments and the bodies of scripts and styles go too. */
function startTagsOf(text: string): string {
  // Comments, and the bodies of scripts and styles (their start tags are markup: <script id="Cookiebot">).
  const skipped: [number, number][] = [];
  for (const m of text.matchAll(MARKUP_SKIPPED)) skipped.push([m[1] ? m.index + m[0].indexOf('>') + 1 : m.index, m.index + m[0].length]);
  // Tags and skipped stretches both come in the text's order: one walk along the two.
  const parts: string[] = [];
  let pos = 0;
  let k = 0;
  for (const m of text.matchAll(START_TAG)) {
    const end = m.index + m[0].length;
    while (k < skipped.length && skipped[k]![1] <= m.index) k++;
    if (k < skipped.length && skipped[k]![0] < end) continue;
    parts.push(' '.repeat(m.index - pos), m[0]);
    pos = end;
  }
  return parts.join('');
}

/** The markup snippets that match in `text`'s start tags, as a tag or an attribute (see above). */
export function markupSnippetHits(ctx: ExtractContext, text: string): SnippetHit[] {
  // Most pages place no widget this way: their raw text is searched first, and only a page with a
  // match somewhere is cut down to its start tags and searched again.
  if (!text.includes('<') || ctx.detectors.markupSnippets(text).length === 0) return [];
  const tags = startTagsOf(text);
  return tags ? ctx.detectors.markupSnippets(tags).filter((hit) => /^<|=/.test(hit[1])) : [];
}

function extractMarkupSnippets(ctx: ExtractContext, text: string, readTags: [number, number][]): void {
  // Hits and read tags both come in the text's order: one walk along the two.
  let t = 0;
  for (const hit of markupSnippetHits(ctx, text)) {
    while (t < readTags.length && readTags[t]![1] < hit[0]) t++;
    if (t < readTags.length && readTags[t]![0] <= hit[0]) continue;
    ctx.addSnippet('code-snippet', hit[0], hit);
  }
}

// A template's directives (`{{ … }}`, `{% … %}`) include what the engine renders into the page:
// Hugo's embedded templates (`{{ template "_internal/google_analytics.html" . }}`) and shortcodes
// (`{{< youtube w7Ft2ymGmfc >}}` in a published page) load vendors no tag of the file names. So do
// a Razor view's services (`@inject Microsoft.ApplicationInsights.AspNetCore.JavaScriptSnippet JavaScriptSnippet`).
const TEMPLATE_DIRECTIVE = /\{\{[^{}]{1,300}\}\}|\{%[^%]{1,300}%\}|^[ \t]*@(?:inject|using)[ \t][^\n]{1,300}/gm;

// Liquid's tag filters write the element: `{{ '//ajax.googleapis.com/…/jquery.min.js' | script_tag }}`.
const LIQUID_TAG_FILTER = /['"]([^'"\s{}]{1,300})['"]\s*\|\s*(script_tag|stylesheet_tag|img_tag)\b/g;
const LIQUID_TAG_KIND: Record<string, EvidenceKind> = { script_tag: 'script-src', stylesheet_tag: 'link', img_tag: 'img' };

/** Searches the catalogue snippets in the template directives alone, the rest of the text blanked (offsets kept). */
function extractTemplateDirectives(ctx: ExtractContext, text: string): void {
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('@inject') && !text.includes('@using')) return;
  const parts: string[] = [];
  let pos = 0;
  for (const m of text.matchAll(TEMPLATE_DIRECTIVE)) {
    parts.push(' '.repeat(m.index - pos), m[0]);
    pos = m.index + m[0].length;
  }
  if (parts.length === 0) return;
  const directives = parts.join('');
  for (const m of directives.matchAll(LIQUID_TAG_FILTER)) {
    const [u] = findUrls(m[1]!);
    if (u) ctx.add(LIQUID_TAG_KIND[m[2]!]!, m.index + 1 + u.index, u.raw, 'high', { host: u.host, urlPath: u.path });
  }
  if (!ctx.detectors.mayHaveSnippets(directives)) return;
  for (const hit of ctx.detectors.snippets(directives)) ctx.addSnippet('code-snippet', hit[0], hit);
}
