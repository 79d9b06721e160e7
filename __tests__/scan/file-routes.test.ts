// Files read by what they are, whatever their extension says: Drupal's PHP files, and Google
// Apps Script's .gs files (JavaScript).
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf } from '../helpers/extract.js';

describe('PHP under other names, and Google Apps Script', () => {
  it.each([
    // Drupal's module and theme files are PHP.
    ['modules/custom/acme_chat/acme_chat.module', "<?php\nfunction acme_chat_page_attachments(array &$page) {\n  $page['#attached']['html_head'][] = [['#tag' => 'script', '#attributes' => ['src' => 'https://widget.intercom.io/widget/abc123']], 'intercom'];\n}\n", ['intercom']],
    ['themes/acme/acme.theme', "<?php\nfunction acme_preprocess_html(&$variables) {\n  $variables['ga'] = 'https://www.googletagmanager.com/gtag/js?id=G-ABC';\n}\n", ['google-analytics']],
    ['includes/header.inc', '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>\n', ['hotjar']],
    ['Code.gs', "function notify(text) {\n  UrlFetchApp.fetch('https://hooks.slack.com/services/T0/B0/X', { method: 'post', payload: JSON.stringify({ text }) });\n}\n", ['slack']],
  ])('%s → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe('a .tpl or .tmpl file without a tag templates config, not a page', () => {
  it.each([
    ['otel/gateway-config.tpl', 'exporters:\n  otlp/hc:\n    endpoint: "api.honeycomb.io:443"\n    headers:\n      x-honeycomb-team: ${HONEYCOMB_KEY}\n', ['honeycomb']],
    ['deploy/job.nomad.tmpl', 'job "app" {\n  env {\n    SENTRY_DSN = "https://k@o1.ingest.sentry.io/1"\n  }\n}\n', ['sentry']],
    // With a tag it is a page (Smarty, Go's html/template): a link in its text is prose.
    ['templates/footer.tpl', '<footer>Hosted at api.honeycomb.io</footer>\n', []],
  ])('%s → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe('a page partial with no tag but script statements is the body of a <script>', () => {
  it.each([
    ['includes/gacode.aspx', "(function (w, d, s, l, i) {\n  var j = d.createElement(s); j.async = true;\n  j.src = '//www.googletagmanager.com/gtm.js?id=' + i;\n})(window, document, 'script', 'dataLayer', 'GTM-XXXX');\n", ['google-tag-manager']],
    ['app/views/shared/_crazyegg.html.erb', "setTimeout(function () {\n  var a = document.createElement('script');\n  a.src = '//script.crazyegg.com/pages/scripts/0012/9477.js';\n}, 1);\n", ['crazy-egg']],
    ['templates/partials/tracking.twig', "{# loaded inside the layout's script tag #}\nvar _paq = window._paq = window._paq || [];\n_paq.push(['setTrackerUrl', 'https://cdn.matomo.cloud/acme.matomo.cloud/matomo.js']);\n", ['matomo']],
    // A comment of the script is still a comment.
    ['includes/analytics.ascx', "// was: '//www.googletagmanager.com/gtm.js?id='\nvar pageId = '0';\n", []],
    // Prose without a tag or a statement stays prose: a link in it is for people.
    ['templates/email/footer.hbs', 'Questions? Write to us or visit https://www.intercom.com/help for the help centre.\n', []],
    // Nor does a sentence that starts with one of the keywords.
    ['templates/email/setup.hbs', "let the page load 'https://www.google-analytics.com/analytics.js' first,\nthen check the report.\n", []],
  ])('%s → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe('a .js file that starts with a tag is markup', () => {
  it.each([
    ['layouts/partials/structure/analytics.js', '<amp-analytics type="googleanalytics" id="ga">\n<script type="application/json">{"vars": {"account": "{{ .Site.Params.ga }}"}}</script>\n</amp-analytics>\n', ['google-analytics']],
    ['_includes/tracking.js', '<!-- tracking -->\n<script src="https://static.hotjar.com/c/hotjar-1.js"></script>\n', ['hotjar']],
    // A script whose first statement compares with a tag's name is still a script.
    ['src/cmp.js', "if (a < b) { fetch('https://api.segment.io/v1/track') }\n", ['segment']],
  ])('%s → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe('an env template without the dot is read as .env', () => {
  it.each([
    ['env.example', 'SENTRY_DSN=https://k@o1.ingest.sentry.io/1\nSTRIPE_SECRET_KEY=\n', ['sentry', 'stripe']],
    ['deploy/env.production', 'MAILGUN_DOMAIN=mg.example.org\n', ['mailgun']],
    // Code that happens to be named env is read as the code it is.
    ['src/env.ts', "export const dsn = process.env.SENTRY_DSN_URL_NOTE; // https://o1.ingest.sentry.io\n", []],
  ])('%s → %j', (path, text, expected) => {
    expect(servicesOf(path, text).sort()).toEqual(expected);
  });
});

describe("an Astro component's code fence is code the server runs", () => {
  const page = (fence: string, markup = '<html><body><slot /></body></html>\n'): string => `---\n${fence}\n---\n${markup}`;

  it.each([
    [page("import Analytics from '@vercel/analytics/astro';"), [['vercel-analytics', 2]]],
    [page("import { createClient } from '@supabase/supabase-js';\nconst db = createClient(url, key);"), [['supabase', 2]]],
    [page("const res = await fetch('https://api.openai.com/v1/models');"), [['openai', 2]]],
    // A comment in the fence is not code; the page's own tags are still read.
    [page("// see https://api.openai.com/v1/models\nconst title = 'Home';", '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>\n'), [['google-analytics', 5]]],
  ] as [string, [string, number][]][])('%#: %j', (text, expected) => {
    const path = 'src/layouts/Layout.astro';
    expect(servicesOf(path, text).sort()).toEqual(expected.map(([id]) => id).sort());
    expect(evidenceOf(path, text).map((e) => e.line).sort()).toEqual(expected.map(([, line]) => line).sort());
  });

  it('a --- further down is markup, not a fence', () => {
    expect(servicesOf('src/pages/a.astro', "<p>x</p>\n---\nimport '@vercel/analytics/astro';\n---\n")).toEqual([]);
  });
});
