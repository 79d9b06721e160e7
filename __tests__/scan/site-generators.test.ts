// Site generators and their plugins add a tracker from one setting: a measurement ID in a config
// file is the whole integration, and the generated pages load the tag for every visitor.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('trackers switched on by a setting', () => {
  it.each([
    ['_config.yml', 'title: Blog\ngoogle_analytics: UA-12345678-1\n', ['google-analytics']],
    ['_config.yml', 'analytics:\n  provider: google\n  google:\n    tracking_id: G-ABCDEF1234\n', ['google-analytics']],
    ['config.toml', 'baseURL = "https://example.org/"\ngoogleAnalytics = "G-ABCDEF1234"\n', ['google-analytics']],
    ['hugo.yaml', 'services:\n  googleAnalytics:\n    id: G-ABCDEF1234\n', ['google-analytics']],
    // Quarto's website option, with the ID or with its tracking-id.
    ['_quarto.yml', 'project:\n  type: website\nwebsite:\n  title: Acme\n  google-analytics: "G-ABCDEF1234"\n', ['google-analytics']],
    ['_quarto.yml', 'website:\n  google-analytics:\n    tracking-id: "G-ABCDEF1234"\n    anonymize-ip: true\n', ['google-analytics']],
    ['_quarto.yml', 'website:\n  google-analytics: false\n', []],
    ['mkdocs.yml', 'extra:\n  analytics:\n    provider: google\n    property: G-ABCDEF1234\n', ['google-analytics']],
    ['docusaurus.config.js', "module.exports = { presets: [['classic', { gtag: { trackingID: 'G-ABCDEF1234', anonymizeIP: true } }]] };", ['google-analytics']],
    ['config/presets.js', "const presets = [['@docusaurus/preset-classic', { gtag: {\n  trackingID: process.env.GTAG ?? 'G-',\n  anonymizeIP: true } }]];", ['google-analytics']],
    ['docusaurus.config.js', "module.exports = { presets: [['classic', { googleTagManager: { containerId: 'GTM-ABC1234' } }]] };", ['google-tag-manager']],
    ['docusaurus.config.js', "module.exports = { themeConfig: { algolia: { appId: 'X1Y2Z3', apiKey: 'abc', indexName: 'docs' } } };", ['algolia']],
    ['.vitepress/config.mts', "export default { themeConfig: { search: { provider: 'algolia', options: { appId: 'X' } } } }", ['algolia']],
    ['gatsby-config.js', "module.exports = { plugins: [{ resolve: 'gatsby-plugin-google-gtag', options: { trackingIds: ['G-ABCDEF1234'] } }] };", ['google-analytics']],
    ['src/main.ts', "app.use(VueGtag, { config: { id: 'G-ABCDEF1234' } });", ['google-analytics']],
    ['src/analytics.ts', "ReactGA.initialize('G-ABCDEF1234');", ['google-analytics']],
    ['nuxt.config.ts', "export default defineNuxtConfig({ modules: ['nuxt-gtag'], gtag: { id: 'G-ABCDEF1234' } })", ['google-analytics']],
    ['nuxt.config.js', "export default {\n  modules: ['@nuxtjs/google-gtag'],\n  'google-gtag': {\n    id: 'G-ABCDEF1234',\n  },\n}", ['google-analytics']],
    // a Python property or a config object with an id is no tracker
    ['app/models.py', '@property\ndef config(self):\n    return {"id": "G-ABCDEF1234"}\n', []],
    ['site.yml', 'gtm_id: GTM-ABC1234\n', ['google-tag-manager']],
    // the shape alone, or the setting without an ID, is nothing
    ['mkdocs.yml', 'extra:\n  analytics:\n    provider: google\n    property: TODO\n', []],
    ['config.yml', 'property: G-ABC\nversion: UA-1\n', []],
    ['docusaurus.config.js', "module.exports = { themeConfig: { search: { provider: 'local' } } };", []],
    ['analytics.js', "const settings = { gtag: { anonymizeIP: true }, trackingID: process.env.ID };", []],
    ['src/strings.ts', "export const label = 'Property G-ABCDEF1234 is in the tracking_id column';", []],
  ])('%s %j → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});

describe('themes that load a third party unless told not to', () => {
  it.each([
    ['mkdocs.yml', 'site_name: Acme\ntheme:\n  name: material\n  palette:\n    primary: indigo\n', ['google-fonts']],
    ['docs/mkdocs.yaml', 'site_name: Acme\ntheme: material\n', ['google-fonts']],
    ['mkdocs.yml', "theme:\n  # the look\n  name: 'material'\n  font:\n    text: Inter\n", ['google-fonts']],
    // Fonts switched off, self-hosted by the privacy plugin, or another theme.
    ['mkdocs.yml', 'theme:\n  name: material\n  font: false\n', []],
    ['mkdocs.yml', 'theme:\n  name: material\nplugins:\n  - search\n  - privacy\n', []],
    ['mkdocs.yml', 'theme:\n  name: material\nplugins:\n  - material/privacy:\n      enabled: true\n', []],
    ['mkdocs.yml', 'theme:\n  name: readthedocs\n', []],
    ['config.yml', 'theme:\n  name: material\n', []],
  ])('%s %j → %j', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});
