// A site's code names its own address (Next.js metadataBase, siteUrl, canonical, Open Graph url),
// and so do its settings and manifests (a generator's baseURL, a homepage, CNAME, APP_URL):
// that domain is first party, so the site's own pages and images are not unclassified hosts.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceOf, unclassifiedOf } from '../helpers/extract.js';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { renderText } from '../../src/report/text.js';

const siteAddresses = (path: string, text: string): string[] => evidenceOf(path, text).filter((e) => e.siteAddress).map((e) => e.host!);

describe('the code names its own site', () => {
  it.each([
    ['app/layout.tsx', "export const metadata = { metadataBase: new URL('https://acme.com'), title: 'Acme' };", ['acme.com']],
    ['next-sitemap.config.js', "module.exports = { siteUrl: process.env.SITE_URL || 'https://www.acme.com', generateRobotsTxt: true };", ['www.acme.com']],
    ['gatsby-config.ts', "export default { siteMetadata: { title: 'Acme', siteUrl: `https://acme.dev` } };", ['acme.dev']],
    ['seo.ts', "const meta = { alternates: { canonical: 'https://acme.com/pricing' }, openGraph: { title: 'x', url: 'https://acme.com/pricing' } };", ['acme.com', 'acme.com']],
    ['app.py', "SITE_URL = 'https://acme.io'", ['acme.io']],
    ['settings.py', "CSRF_TRUSTED_ORIGINS = [\n    'https://acme.io',\n    'https://www.acme.io',\n]\nCORS_ALLOWED_ORIGINS = ('https://app.acme.io',)", ['acme.io', 'www.acme.io', 'app.acme.io']],
    // The origins a CORS setting lets call the app: ASP.NET, Spring, the cors package.
    ['Program.cs', 'builder.Services.AddCors(options => options.AddDefaultPolicy(p => p.WithOrigins("http://reference.acme.org", "https://app.acme.org")));', ['reference.acme.org', 'app.acme.org']],
    ['WebConfig.java', 'registry.addMapping("/**").allowedOrigins("https://app.acme.io");\nconfig.setAllowedOrigins(List.of("https://admin.acme.io"));', ['app.acme.io', 'admin.acme.io']],
    ['server.js', "app.use(cors({ credentials: true, origin: ['https://acme.io', 'https://www.acme.io'] }));", ['acme.io', 'www.acme.io']],
    // The sender's own site in its User-Agent.
    ['src/main/resources/application.yml', 'discogs:\n  user-agent: MetalDetector/0.1 +https://metal-detector.rocks\n', ['metal-detector.rocks']],
    ['crawler.py', "HEADERS = {'User-Agent': 'Mozilla/5.0 (compatible; AcmeBot/2.1; +https://acme.io/bot)'}", ['acme.io']],
    // Any other url is not the site's address.
    ['client.ts', "const url = 'https://api.vendor-unknown.io'; fetch(url);", []],
    ['client.ts', "fetch('https://api.vendor-unknown.io/v1/items', { headers: { 'User-Agent': 'acme/1.0' } });", []],
    ['axios.ts', "export const api = axios.create({ baseURL: 'https://api.vendor-unknown.io/v1' });", []],
  ])('%s: %s', (path, text, expected) => {
    expect(siteAddresses(path, text)).toEqual(expected);
  });

  it.each([
    // Site generators' settings: Jekyll and Hexo, Hugo, MkDocs, Docusaurus, Astro.
    ['_config.yml', "title: Blog\nurl: https://blog.acme.io\nbaseurl: ''\n", ['blog.acme.io']],
    ['config.toml', 'baseURL = "https://acme.io/"\ntitle = "Acme"\n', ['acme.io']],
    ['config.toml', 'baseurl = "https://acme.github.io/"\n', ['acme.github.io']],
    ['config/_default/hugo.yaml', 'baseURL: https://docs.acme.io/\n', ['docs.acme.io']],
    ['mkdocs.yml', 'site_name: Acme\nsite_url: https://docs.acme.io/\n', ['docs.acme.io']],
    // Sphinx's base URL, and the site sphinxext-opengraph names.
    ['docs/conf.py', 'project = "acme"\nogp_site_url = "https://acme.github.io/" + project\n', ['acme.github.io']],
    ['docusaurus.config.js', "module.exports = {\n  title: 'Acme',\n  url: 'https://docs.acme.io',\n  baseUrl: '/',\n};", ['docs.acme.io']],
    ['astro.config.mjs', "export default defineConfig({\n  site: 'https://acme.dev',\n});", ['acme.dev']],
    // VitePress's sitemap hostname, Nuxt's site url and Nuxt Content's host.
    ['docs/.vitepress/config.ts', "export default defineConfig({\n  sitemap: {\n    hostname: 'https://vitepress.dev',\n  },\n});", ['vitepress.dev']],
    ['nuxt.config.ts', "export default defineNuxtConfig({\n  content: {\n    documentDriven: {\n      host: 'https://nuxt.com',\n    },\n  },\n});", ['nuxt.com']],
    // Package manifests' homepage, and GitHub Pages' CNAME file.
    ['package.json', '{"name":"acme","homepage":"https://acme.io","dependencies":{}}', ['acme.io']],
    ['composer.json', '{"name":"acme/app","homepage":"https://acme.io"}', ['acme.io']],
    ['Cargo.toml', '[package]\nname = "acme"\nhomepage = "https://acme.io"\n', ['acme.io']],
    ['pyproject.toml', '[project]\nname = "acme"\n[project.urls]\nHomepage = "https://acme.io"\n', ['acme.io']],
    ['acme.gemspec', 'Gem::Specification.new do |spec|\n  spec.homepage = "https://acme.io/gem"\nend\n', ['acme.io']],
    ['setup.py', "setup(\n    name='acme',\n    url='https://acme.io',\n)\n", ['acme.io']],
    ['docs/CNAME', 'www.acme.io\n', ['www.acme.io']],
    // The app's own address in its environment, wherever it is set.
    ['.env.production', 'APP_URL=https://app.acme.io\nAPI_URL=https://api.vendor-unknown.io\n', ['app.acme.io']],
    ['docker-compose.yml', 'services:\n  web:\n    environment:\n      - NEXTAUTH_URL=https://app.acme.io\n', ['app.acme.io']],
    // Under a prefix of the app's or its framework's; a vendor's API address is none of these.
    ['.env', 'DJANGO_SITE_URL=https://acme.io\nACME_FRONTEND_URL=https://web.acme.io\nSTRIPE_API_URL=https://api.vendor-unknown.io\n', ['acme.io', 'web.acme.io']],
    ['terraform/api.tf', 'config_vars = {\n  DJANGO_DANDI_WEB_APP_URL = "https://dandiarchive.org"\n}\n', ['dandiarchive.org']],
    ['extension/manifest.json', '{\n  "manifest_version": 3,\n  "name": "Acme",\n  "homepage_url": "https://acme.dev/extension"\n}\n', ['acme.dev']],
    // An app's reverse-DNS identifier is written from its maker's domain.
    ['src-tauri/tauri.conf.json', '{\n  "productName": "Qopy",\n  "identifier": "net.pandadev.qopy"\n}', ['qopy.pandadev.net']],
    ['app/build.gradle', 'android {\n    defaultConfig {\n        applicationId "org.acme.reader"\n    }\n}', ['reader.acme.org']],
    ['app/build.gradle.kts', 'android {\n    defaultConfig {\n        applicationId = "io.acme_labs.app"\n    }\n}', ['app.acme-labs.io']],
    ['app/src/main/AndroidManifest.xml', '<manifest xmlns:android="http://schemas.android.com/apk/res/android"\n    package="com.acme.shop">\n</manifest>', ['shop.acme.com']],
    ['App.xcodeproj/project.pbxproj', '\t\t\t\tPRODUCT_BUNDLE_IDENTIFIER = "uk.co.acme.app";\n', ['app.acme.co.uk']],
    ['app.json', '{"expo": {"ios": {"bundleIdentifier": "com.acme.mobile"}, "android": {"package": "com.acme.mobile"}}}', ['mobile.acme.com']],
    ['capacitor.config.ts', "const config: CapacitorConfig = { appId: 'com.acme.field', appName: 'Field' };", ['field.acme.com']],
    ['package.json', '{"name":"acme-desktop","build":{"appId":"com.acme.desktop"},"dependencies":{}}', ['desktop.acme.com']],
    ['electron-builder.yml', 'appId: com.acme.notes\nproductName: Notes\n', ['notes.acme.com']],
    ['config.xml', '<?xml version="1.0"?>\n<widget id="com.acme.hybrid" version="1.0.0">\n</widget>', ['hybrid.acme.com']],
    // An iOS app's associated domains are sites its maker proves it runs (Apple checks them).
    ['ios/App/App.entitlements', '<key>com.apple.developer.associated-domains</key>\n<array>\n\t<string>applinks:bsky.app</string>\n\t<string>webcredentials:acme.io?mode=developer</string>\n</array>\n', ['bsky.app', 'acme.io']],
    ['app.config.js', "const ASSOCIATED_DOMAINS = ['applinks:bsky.app', 'appclips:go.bsky.app'];\nmodule.exports = { expo: { ios: { associatedDomains: ASSOCIATED_DOMAINS } } };", ['bsky.app', 'go.bsky.app']],
    // Not a domain: no public suffix first, a template's placeholder, a value left for the build to fill.
    ['app/build.gradle', 'android { defaultConfig { applicationId "com.example.myapp" } }', []],
    ['src-tauri/tauri.conf.json', '{"identifier": "acme.desktop"}', []],
    ['app/build.gradle', 'android { defaultConfig { applicationId "${appId}" } }', []],
    ['App.xcodeproj/project.pbxproj', 'PRODUCT_BUNDLE_IDENTIFIER = "$(BUNDLE_ID)";\n', []],
    // A nested key of a generator's settings is some other service's; a url key elsewhere is any url.
    ['_config.yml', 'comments:\n  url: https://comments.vendor-unknown.io\n', []],
    ['settings.yml', 'url: https://api.vendor-unknown.io\n', []],
    ['config.yaml', 'base_url: https://api.vendor-unknown.io/v1\n', []],
    ['docusaurus.config.js', "module.exports = { themeConfig: { footer: { links: [{ href: 'https://chat.vendor-unknown.io' }] } } };", []],
  ])('settings and manifests name it: %s', (path, text, expected) => {
    expect(siteAddresses(path, text)).toEqual(expected);
  });

  it("a homepage on a code host, a social network or a domain the catalogue holds hosts under is not the project's own", async () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-own-site-'));
    writeFileSync(join(root, 'package.json'), '{"name":"app","homepage":"https://codeberg.org/acme/app"}');
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'package.json'), '{"name":"docs","homepage":"https://jquery.com"}');
    writeFileSync(join(root, 'index.html'), '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>\n<script src="https://api.vendor-unknown.io/w.js"></script>\n');
    const { report } = await lint(root, defaultMatcher());
    expect(report.ownSites).toBeUndefined();
    expect(report.services.map((s) => s.id)).toEqual(['jquery-cdn']);
    expect(report.unclassified.map((u) => u.host)).toEqual(['api.vendor-unknown.io']);
  });

  it("a manifest's homepage makes the project's API and pages first party", async () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-own-site-'));
    writeFileSync(join(root, 'package.json'), '{\n  "name": "acme-web",\n  "homepage": "https://www.acme.io"\n}\n');
    writeFileSync(join(root, 'api.js'), "fetch('https://api.acme.io/v1/me');\nfetch('https://api.vendor-unknown.io/v1');\n");
    const { report } = await lint(root, defaultMatcher());
    expect(report.ownSites).toEqual([{ domain: 'acme.io', path: 'package.json', line: 3 }]);
    expect(report.unclassified.map((u) => u.host)).toEqual(['api.vendor-unknown.io']);
  });

  it("an app's identifier makes its own API and update server first party, never a catalogue domain", async () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-own-site-'));
    mkdirSync(join(root, 'src-tauri'));
    writeFileSync(join(root, 'src-tauri', 'tauri.conf.json'), '{\n  "identifier": "net.pandadev.qopy",\n  "plugins": { "updater": { "endpoints": ["https://qopy.pandadev.net/"] } }\n}\n');
    mkdirSync(join(root, 'sample'));
    writeFileSync(join(root, 'sample', 'AndroidManifest.xml'), '<manifest package="com.google.firebase.quickstart">\n</manifest>\n');
    writeFileSync(join(root, 'sync.js'), "fetch('https://api.pandadev.net/v1/sync');\nfetch('https://api.vendor-unknown.io/v1');\n");
    const { report } = await lint(root, defaultMatcher());
    expect(report.ownSites).toEqual([{ domain: 'pandadev.net', path: 'src-tauri/tauri.conf.json', line: 2 }]);
    expect(report.unclassified.map((u) => u.host)).toEqual(['api.vendor-unknown.io']);
  });

  it("takes the site's domain as first party: its pages and images are no unclassified hosts", () => {
    const text = "export const metadata = { metadataBase: new URL('https://acme.com'), openGraph: { images: ['https://cdn.acme.com/og.png'] } };\nfetch('https://api.vendor-unknown.io/v1');";
    expect(unclassifiedOf('app/layout.tsx', text)).toEqual(['api.vendor-unknown.io']);
  });

  it("a shared platform's host stands for itself alone", () => {
    const text = "const config = { siteUrl: 'https://acme.github.io' };\nfetch('https://other-app.github.io/api/track');\nconst og = 'https://acme.github.io/og.png';";
    expect(unclassifiedOf('site.ts', text)).toEqual(['other-app.github.io']);
  });

  it("a host the catalogue knows is never the site's own, and an address is no use of it", async () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-own-site-'));
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app', 'layout.tsx'), "export const metadata = { metadataBase: new URL('https://acme.vercel.app') };\nconst og = 'https://acme.vercel.app/og.png';\n");
    const { report } = await lint(root, defaultMatcher());
    expect(report.ownSites).toBeUndefined();
    expect(report.services.map((s) => [s.id, s.evidence.map((e) => e.line)])).toEqual([['vercel', [2]]]);
  });

  it('a page names its own address: <link rel="canonical"> and og:url', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-own-site-'));
    const page = '<html><head>\n<link rel="canonical" href="https://www.acme.com/">\n<meta property="og:url" content="https://www.acme.com/">\n<link rel="icon" href="https://www.acme.com/favicon.ico">\n</head><body><img src="https://cdn.acme.com/hero.jpg"><img src="https://img.vendor-unknown.io/x.png"></body></html>\n';
    writeFileSync(join(root, 'index.html'), page);
    const { report } = await lint(root, defaultMatcher());
    expect(report.ownSites).toEqual([{ domain: 'acme.com', path: 'index.html', line: 2 }]);
    expect(report.unclassified.map((u) => u.host)).toEqual(['img.vendor-unknown.io']);
  });

  it('reports the domains it took and where, in JSON and in the terminal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pl-own-site-'));
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app', 'layout.tsx'), "\nexport const metadata = { metadataBase: new URL('https://acme.com') };\nconst og = 'https://acme.com/og.png';\n");
    const { report } = await lint(root, defaultMatcher());
    expect(report.ownSites).toEqual([{ domain: 'acme.com', path: 'app/layout.tsx', line: 2 }]);
    expect(report.unclassified).toEqual([]);
    expect(renderText(report, { color: false })).toContain('acme.com  app/layout.tsx:2');
  });
});
