import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf } from '../helpers/extract.js';

const kinds = (path: string, html: string) => evidenceOf(path, html).map((e) => [e.kind, e.host, e.line, e.column]);

describe('HTML extractor', () => {
  it.each([
    ['script src', '<script src="https://cdn.acme-widgets.io/w.js"></script>', [['script-src', 'cdn.acme-widgets.io', 1, 14]]],
    ['iframe', '<p>\n  <iframe src="https://player.vimeo.com/video/1"></iframe>', [['iframe', 'player.vimeo.com', 2, 16]]],
    ['pixel', '<img src="https://px.tracker-co.net/p.gif?id=1">', [['img', 'px.tracker-co.net', 1, 11]]],
    ['stylesheet', '<link rel="stylesheet" href="//fonts.example-cdn.net/a.css">', [['link', 'fonts.example-cdn.net', 1, 30]]],
    ['preconnect', '<link rel="preconnect" href="https://fonts.gstatic.com">', [['link', 'fonts.gstatic.com', 1, 30]]],
    ['form to another host', '<form action="https://forms.hubspot-like.io/submit"></form>', [['form', 'forms.hubspot-like.io', 1, 15]]],
    ['noscript pixel', '<noscript><img src="https://www.facebook.com/tr?id=1"/></noscript>', [['img', 'www.facebook.com', 1, 21]]],
    ['inline script URL', '<script>\n  load("https://static.tracker.io/t.js");\n</script>', [['inline-script', 'static.tracker.io', 2, 9]]],
    ['CSP meta', `<meta http-equiv="Content-Security-Policy" content="script-src 'self' https://www.google-analytics.com">`, [['csp', 'www.google-analytics.com', 1, 71]]],
    ['style block', '<style>@import url("https://fonts.googleapis.com/css?family=X");</style>', [['css', 'fonts.googleapis.com', 1, 21]]],
  ])('%s', (_name, html, expected) => {
    expect(kinds('page.html', html)).toEqual(expected);
  });

  it.each([
    ['a plain link', '<a href="https://www.facebook.com/acme">Follow</a>'],
    ['an HTML comment', '<!-- <script src="https://cdn.segment.com/a.js"></script> -->'],
    ['a link rel=canonical', '<link rel="canonical" href="https://shop.other.io/x">'],
    ['a JSON data block', '<script type="application/ld+json">{"url":"https://schema-user.io"}</script>'],
    ['a comment inside a script', '<script>// https://old-tracker.io/x\n</script>'],
  ])('nothing for %s (a canonical URL only names the site: see own-site.test.ts)', (_name, html) => {
    expect(evidenceOf('page.html', html).filter((e) => !e.siteAddress)).toEqual([]);
  });

  it('keeps consent attributes and marks a text/plain Cookiebot script as gated', () => {
    const [ev] = evidenceOf('p.html', '<script type="text/plain" data-cookieconsent="statistics" src="https://static.hotjar.com/c/h.js"></script>');
    expect(ev!.gated).toBe(true);
    expect(ev!.consentAttributes).toEqual({ type: 'text/plain', 'data-cookieconsent': 'statistics' });
  });

  it.each([
    ['OneTrust class', '<script type="text/plain" class="optanon-category-C0002" src="https://x-analytics.io/a.js"></script>', true],
    ['Klaro data-name', '<script type="text/plain" data-type="text/javascript" data-name="ga" data-src="https://x-analytics.io/a.js"></script>', true],
    ['Usercentrics', '<script type="text/plain" data-usercentrics="Hotjar">load("https://x-analytics.io/a.js")</script>', true],
    ['plain script', '<script src="https://x-analytics.io/a.js"></script>', false],
    ['consent attribute but executable type', '<script data-cookieconsent="ignore" src="https://x-analytics.io/a.js"></script>', false],
  ])('gating: %s', (_n, html, gated) => {
    const evs = evidenceOf('p.html', html);
    expect(evs.length).toBeGreaterThan(0);
    for (const e of evs) expect(e.gated).toBe(gated);
  });

  it('survives broken markup and still finds what follows it', () => {
    const html = '<div><p><span>unclosed <b><i></div></div></p><<<< <script src="https://a.tracker.io/x.js"></script><iframe src="https://www.youtube.com/embed/x">';
    expect(evidenceOf('p.html', html).map((e) => e.host)).toEqual(['a.tracker.io', 'www.youtube.com']);
  });

  it('counts lines the same with LF, CRLF and lone CR', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const [ev] = evidenceOf('p.html', `<html>${nl}${nl}  <script src="https://a.tracker.io/x.js"></script>`);
      expect([ev!.line, ev!.column]).toEqual([3, 16]);
    }
  });

  it('JSX: a script or iframe tag is a load, an anchor or <Link> is not', () => {
    expect(evidenceOf('Page.tsx', 'export default () => <iframe src="https://www.youtube.com/embed/1" />;').map((e) => e.kind)).toEqual(['iframe']);
    expect(evidenceOf('Page.tsx', 'export default () => <><a href="https://www.facebook.com/acme">fb</a><Link href="https://x.com/acme">x</Link></>;')).toEqual([]);
  });

  it('reads Vue single-file components and template languages', () => {
    expect(servicesOf('App.vue', '<template><iframe src="https://www.youtube.com/embed/1"/></template><script>export default {}</script>')).toEqual(['youtube']);
    expect(servicesOf('base.html.erb', '<%= yield %><script src="https://js.stripe.com/v3/"></script>')).toEqual(['stripe']);
  });

  it.each([
    ['layout/theme.liquid', "{{ '//ajax.googleapis.com/ajax/libs/jquery/1.11.0/jquery.min.js' | script_tag }}", [['script-src', 'ajax.googleapis.com', 1, 5]]],
    ['_layouts/default.html', '<head>\n{{ "https://cdn.acme-widgets.io/w.css" | stylesheet_tag }}', [['link', 'cdn.acme-widgets.io', 2, 5]]],
    ['layout/theme.liquid', "{{ 'https://img.acme-widgets.io/logo.png' | img_tag: 'Logo' }}", [['img', 'img.acme-widgets.io', 1, 5]]],
    // The theme's own asset, and a URL only printed.
    ['layout/theme.liquid', "{{ 'theme.css' | asset_url | stylesheet_tag }}\n{{ 'https://acme-widgets.io/help' | escape }}", []],
  ])("Liquid's tag filters write the element: %s", (path, text, expected) => {
    expect(kinds(path, text)).toEqual(expected);
  });

  it.each([
    ['<link rel="dns-prefetch" href="//mc-heads.net" />', 'low'],
    ['<link rel="preconnect dns-prefetch" href="https://fonts.gstatic.com">', 'high'],
    ['<link rel="prefetch" href="https://cdn.acme-widgets.io/next.js">', 'high'],
  ])('a link that only resolves a name is weak evidence: %s', (html, confidence) => {
    expect(evidenceOf('page.html', html).map((e) => e.confidence)).toEqual([confidence]);
  });

  it('the same in Haml', () => {
    expect(evidenceOf('app/views/layouts/application.html.haml', "%head\n  %link{rel: 'dns-prefetch', href: 'https://files.acme-cdn.io'}\n  %link{rel: 'stylesheet', href: 'https://fonts.googleapis.com/css?family=X'}\n").map((e) => [e.host, e.confidence])).toEqual([['files.acme-cdn.io', 'low'], ['fonts.googleapis.com', 'high']]);
  });

  it("reads Phalcon's Volt templates", () => {
    expect(servicesOf('app/views/index.volt', '{% if sentry_dsn %}\n<script src="https://cdn.ravenjs.com/3.26.2/raven.min.js"></script>\n{% endif %}')).toEqual(['sentry']);
  });
});

describe('AMP components', () => {
  it.each([
    ['<amp-analytics type="googleanalytics" id="a1"><script type="application/json">{"vars":{"account":"UA-1-1"}}</script></amp-analytics>', ['google-analytics']],
    ['<amp-analytics type="facebookpixel"></amp-analytics>\n<amp-analytics type="metrika"></amp-analytics>', ['meta-pixel', 'yandex-metrica']],
    ['<amp-analytics config="https://www.googletagmanager.com/amp.json?id=GTM-ABC&gtm.url=SOURCE_URL" data-credentials="include"></amp-analytics>', ['google-tag-manager']],
    ['<amp-ad width="300" height="250" type="adsense" data-ad-client="ca-pub-1"></amp-ad>', ['google-adsense']],
    ['<amp-ad width="300" height="250" type="nativo" data-request-url="https://example.com/ad"></amp-ad>', ['nativo']],
    ['<amp-auto-ads type="adsense" data-ad-client="ca-pub-1"></amp-auto-ads>', ['google-adsense']],
    ['<amp-youtube data-videoid="mGENRKrdoGY" layout="responsive" width="480" height="270"></amp-youtube>', ['youtube']],
    ['<amp-img src="https://res.cloudinary.com/demo/image/upload/x.jpg" width="1" height="1"></amp-img>', ['cloudinary']],
    ['<amp-pixel src="https://www.facebook.com/tr?id=1&ev=PageView"></amp-pixel>', ['meta-pixel']],
  ])('%s → %j', (html, expected) => {
    expect(servicesOf('partials/amp.html', html).sort()).toEqual(expected);
  });

  it.each([
    ['a vendor type the catalogue does not know', '<amp-analytics type="nosuchvendor"></amp-analytics>'],
    ['an analytics element without a type (the page names its own endpoint)', '<amp-analytics><script type="application/json">{}</script></amp-analytics>'],
    ['an AMP element in an HTML comment', '<!-- <amp-analytics type="googleanalytics"></amp-analytics> -->'],
  ])('nothing for %s', (_name, html) => {
    expect(servicesOf('partials/amp.html', html)).toEqual([]);
  });

  it('points at the element', () => {
    const [ev] = evidenceOf('amp.html', '<body>\n  <amp-analytics type="segment"></amp-analytics>');
    expect([ev?.kind, ev?.line, ev?.column, ev?.serviceHint]).toEqual(['code-snippet', 2, 3, 'segment']);
  });
});

describe('template languages read as markup', () => {
  it.each(['aspx', 'ascx', 'master', 'asp', 'shtml', 'heex', 'eex', 'ss', 'vm', 'gsp', 'cfm', 'jspf', 'templ', 'latte'])('.%s', (ext) => {
    expect(servicesOf(`views/page.${ext}`, '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC"></script>')).toEqual(['google-analytics']);
  });

  it('a stylesheet a lazy loader parks in data-href', () => {
    expect(evidenceOf('layout/theme.liquid', '<link rel="stylesheet" data-href="https://maxcdn.bootstrapcdn.com/font-awesome/4.7.0/css/font-awesome.min.css">').map((e) => [e.kind, e.host])).toEqual([
      ['link', 'maxcdn.bootstrapcdn.com'],
    ]);
  });
});
