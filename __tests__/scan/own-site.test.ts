// A site's code names its own address (Next.js metadataBase, siteUrl, canonical, Open Graph url):
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
    // Any other url is not the site's address.
    ['client.ts', "const url = 'https://api.vendor-unknown.io'; fetch(url);", []],
    ['axios.ts', "export const api = axios.create({ baseURL: 'https://api.vendor-unknown.io/v1' });", []],
  ])('%s: %s', (path, text, expected) => {
    expect(siteAddresses(path, text)).toEqual(expected);
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
