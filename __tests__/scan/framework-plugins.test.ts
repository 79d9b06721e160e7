// Framework configs name their plugins and modules by package: a catalogue package named there
// is that package's use, as an import would be.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('framework configs name plugins by package', () => {
  it.each([
    ['app.config.js', "export default { expo: { plugins: ['expo-router', ['react-native-google-mobile-ads', { androidAppId: process.env.EXPO_PUBLIC_APP_ID }], '@sentry/react-native/expo'] } };", ['google-admob', 'sentry']],
    ['app.json', '{"expo": {"plugins": ["@react-native-firebase/app", "expo-font"]}}', ['firebase']],
    ['gatsby-config.js', "module.exports = { plugins: ['gatsby-plugin-react-helmet', { resolve: 'gatsby-plugin-hotjar', options: { id: 123, sv: 6 } }] };", ['hotjar']],
    ['nuxt.config.ts', "export default defineNuxtConfig({ modules: ['@nuxtjs/algolia', '@nuxt/image'] })", ['algolia']],
    ['nuxt.config.js', "export default { modules: [['@netsells/nuxt-hotjar', { id: 'hjid', sv: 6 }]] }", ['hotjar']],
    ['website/docusaurus.config.js', "module.exports = { plugins: [['@docusaurus/plugin-google-gtag', { trackingID: process.env.GA }]] };", ['google-analytics']],
    // Capacitor apps name their native plugins by package in package.json.
    ['package.json', '{"dependencies": {"@capacitor/core": "6", "@capacitor-firebase/messaging": "6", "@capacitor-firebase/authentication": "6", "@capacitor-firebase/analytics": "6", "@capacitor/google-maps": "6"}}', ['firebase', 'firebase-auth', 'google-analytics', 'google-maps']],
    // Elsewhere a package's name in a string is only a string.
    ['src/plugins.js', "const list = ['gatsby-plugin-hotjar', '@nuxtjs/algolia'];", []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe("a site generator's settings switch vendors on", () => {
  it.each([
    ['mkdocs.yml', 'site_name: x\nextra:\n  analytics:\n    provider: google\n    property: !ENV GOOGLE_ANALYTICS_KEY\n', ['google-analytics']],
    ['mkdocs.yml', "extra:\n  analytics:\n    provider: google\n    property: 'G-ABCDEF1234'\n", ['google-analytics']],
    // No property yet: Material loads nothing.
    ['mkdocs.yml', 'extra:\n  analytics:\n    provider: google\n    property: # none yet\n', []],
  ])('%s %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe("a template's directives include vendors", () => {
  it.each([
    ['layouts/partials/head.html', '<head>\n{{ template "_internal/google_analytics.html" . }}\n{{- template "_internal/disqus.html" . -}}\n</head>', ['disqus', 'google-analytics']],
    // Hugo's shortcodes in a published page; one in a code span is shown, not rendered.
    ['content/posts/a.md', '---\ntitle: x\n---\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{< x user="SanDiegoZoo" id="1453110110599868418" >}}\n\n`{{< vimeo 1 >}}`\n', ['x-embeds', 'youtube']],
    // Words outside directives are text.
    ['layouts/index.html', '<p>{{ .Title }}: _internal/google_analytics.html and youtube videos</p>', []],
    // A Razor view's injected service renders Application Insights' browser script.
    ['Views/Shared/_Layout.cshtml', '@inject Microsoft.ApplicationInsights.AspNetCore.JavaScriptSnippet JavaScriptSnippet\n<head>\n  @Html.Raw(JavaScriptSnippet.FullScript)\n</head>\n', ['microsoft-azure']],
    ['Views/Shared/_Layout.cshtml', '<p>Inject the JavaScriptSnippet with @inject in a view.</p>\n', []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe("Deno's and the browser's npm specifiers name the package", () => {
  it.each([
    // A Supabase Edge Function: npm: specifiers and an ES module CDN.
    ['supabase/functions/pay/index.ts', 'import Stripe from "npm:stripe@^14";\nimport { Resend } from "npm:resend";\n', ['resend', 'stripe']],
    ['supabase/functions/hook/index.ts', 'import { createClient } from "https://esm.sh/@supabase/supabase-js@2.39.0";\n', ['esm-sh', 'supabase']],
    ['web/app.js', "import posthog from 'https://cdn.jsdelivr.net/npm/posthog-js@1/+esm';\n", ['jsdelivr', 'posthog']],
    // A module of its own on a CDN is the CDN alone.
    ['web/app.js', "import { h } from 'https://esm.sh/preact@10';\n", ['esm-sh']],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe('SDKs found by their imports and calls', () => {
  it.each([
    ['src/main.js', "import Vue from 'vue'\nimport Hotjar from 'vue-hotjar'\nVue.use(Hotjar, { id: '2714566', isProduction: true })\n", ['hotjar']],
    ['src/main.ts', "import { createApp } from 'vue'\nimport VueHotjar from 'vue-hotjar-next'\ncreateApp(App).use(VueHotjar, { id: 12345678 })\n", ['hotjar']],
    ['pages/_app.js', "import { GoogleAnalytics } from 'nextjs-google-analytics';\nexport default function App() { return <GoogleAnalytics trackPageViews />; }\n", ['google-analytics']],
    // Analytics.NET called by its namespace, without a using.
    ['Utils/Analytics.cs', 'public static class A {\n  public static void Init(string key) { Segment.Analytics.Initialize(key); }\n}\n', ['segment']],
    // Application Insights' Python SDKs (the legacy applicationinsights package, OpenCensus' exporter).
    ['azure/cli/telemetry.py', 'from applicationinsights import TelemetryClient\nclient = TelemetryClient(instrumentation_key=key)\n', ['microsoft-azure']],
    ['app/tracing.py', 'from opencensus.ext.azure.trace_exporter import AzureExporter\n', ['microsoft-azure']],
    // loggly-csharp's namespace, imported under an alias.
    ['Instrumentation/LogglyTarget.cs', 'using NLog;\nusing Logger = Loggly.Logger;\nnamespace App { }\n', ['loggly']],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});
