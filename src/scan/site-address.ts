// Where a project names its own published address, beyond what code says of itself
// (SITE_ADDRESS_BEFORE in the code extractor): the settings of site generators, the
// `homepage` of its package manifests, a GitHub Pages CNAME file, the app URL of its
// environment files. Attribution takes that domain as first party (ownSites), so the project's
// own pages and API are not reported as a third party.

/** Settings files of site generators and package tools, and the keys in them that hold the site's address. */
const SITE_KEYS_BY_FILE: [file: RegExp, keys: string][] = [
  // Jekyll and Hexo
  [/(?:^|\/)_config\.ya?ml$/, 'url'],
  [/(?:^|\/)mkdocs\.ya?ml$/, 'site_url'],
  // Hugo, at the root or in config/_default/ (config.* was its name before hugo.*; an app's own
  // config file names an API's `base_url` or `baseUrl`, so only Hugo's spellings count there)
  [/(?:^|\/)(?:hugo|config)\.(?:toml|ya?ml|json)$/, 'baseURL|baseurl'],
  [/(?:^|\/)docusaurus\.config\.[cm]?[jt]s$/, 'url'],
  [/(?:^|\/)astro\.config\.[cm]?[jt]s$/, 'site'],
  // VuePress's and VitePress's sitemap hostname; Nuxt's site config (`site: { url }`) and Nuxt Content's `host`
  [/(?:^|\/)\.vuepress\/config\.[cm]?[jt]s$/, 'hostname'],
  [/(?:^|\/)\.vitepress\/config\.[cm]?[jt]s$/, 'hostname'],
  [/(?:^|\/)nuxt\.config\.[cm]?[jt]s$/, 'url|host|siteUrl'],
  // Pelican and Sphinx
  [/(?:^|\/)(?:pelicanconf|publishconf)\.py$/, 'SITEURL'],
  [/(?:^|\/)conf\.py$/, 'html_baseurl|ogp_site_url'],
  [/(?:^|\/)setup\.py$/, 'url|home_page'],
  [/\.gemspec$/, 'homepage'],
  // A browser extension's manifest names its maker's site.
  [/(?:^|\/)manifest\.json$/, 'homepage_url'],
];

/**
 * Variables that hold the app's own address wherever they are set (.env files, Compose and
 * platform settings). Each names the app itself; an API's or a vendor's address has other names.
 * A prefix before one (NEXT_PUBLIC_SITE_URL, VITE_SITE_URL, DJANGO_SITE_URL) is read by siteKeyBefore().
 */
const SITE_VARIABLES = 'APP_URL|SITE_URL|NEXTAUTH_URL|FRONTEND_URL|WEBSITE_URL|ROOT_URL';

const patterns = new Map<string, RegExp>();

/**
 * The text before a value, from the start of its line, that makes the value the project's own
 * address in this file (`baseURL = "`, `url: `, `spec.homepage = "`, `APP_URL=`); null when no
 * key of this file does. `config`: the file's values are settings (.env, YAML, TOML), where the
 * app URL variables count.
 */
export function siteKeyBefore(path: string, config: boolean): RegExp | null {
  const keys = SITE_KEYS_BY_FILE.filter(([file]) => file.test(path)).map(([, k]) => k);
  const forms: string[] = [];
  if (keys.length) {
    // In YAML and TOML only a top-level key names the site (a nested `url:` is some other
    // service's); an object path may come before a key of code (`spec.homepage =`).
    const indent = /\.(?:ya?ml|toml)$/.test(path) ? '' : '[ \\t]*';
    forms.push(`${indent}(?:[\\w$]+\\.)*["']?(?:${keys.join('|')})["']?`);
  }
  // A variable, set at any depth: `APP_URL=`, `export APP_URL=`, Compose's `- APP_URL=`, `APP_URL:`,
  // also under a prefix of the app's or its framework's (`DJANGO_SITE_URL`, `ACME_WEB_APP_URL`).
  if (config) forms.push(`[ \\t]*(?:-[ \\t]*)?(?:export[ \\t]+)?["']?(?:[A-Z0-9]+_)*(?:${SITE_VARIABLES})["']?`);
  if (forms.length === 0) return null;
  const source = `^(?:${forms.join('|')})[ \\t]*[:=][ \\t]*["'\`]?$`;
  let pattern = patterns.get(source);
  if (!pattern) patterns.set(source, (pattern = new RegExp(source)));
  return pattern;
}

// Where a homepage or site setting may point without naming the project's own domain: a code
// host's repository page, a package registry's page, a social profile, a shared blog platform.
const NEVER_OWN_SITE = new Set([
  'github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitee.com', 'sourceforge.net', 'sr.ht', 'launchpad.net',
  'npmjs.com', 'npmjs.org', 'pypi.org', 'rubygems.org', 'crates.io', 'packagist.org', 'nuget.org', 'pub.dev', 'hex.pm',
  'go.dev', 'google.com', 'medium.com', 'substack.com', 'wordpress.com', 'twitter.com', 'x.com', 'facebook.com',
  'linkedin.com', 'youtube.com', 'instagram.com', 'bit.ly', 'notion.so',
]);

/** Whether a site address on this domain can be the project's own (not a code host or a social profile). */
export function canBeOwnSite(domain: string): boolean {
  return !NEVER_OWN_SITE.has(domain);
}
