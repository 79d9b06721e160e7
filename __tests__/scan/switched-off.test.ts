// A settings block switched off (`enable: false`) names a vendor it does not load: a theme's or a
// site generator's settings keep the vendor's shortname, key or URL for the day it is switched on.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';
import { switchedOffLines } from '../../src/scan/extractors/code.js';

const THEME = 'disqus:\n  enable: false\n  shortname: acme\n  count: true\n\nmatomo:\n  enable: false\n  server_url: https://matomo.vendor-unknown.io/\n\nsentry:\n  enable: true\n  dsn: https://k@o1.ingest.sentry.io/1\n';
const HUGO = 'baseURL = "https://acme.io/"\n[params.google_map]\nenable = false\nmap_api_key = "AIzaSy123"\n\n[params.subscription]\nenable = false\nmailchimp_form_action = "https://acme.us4.list-manage.com/subscribe/post?u=1"\n\n[params.mermaid]\njs_url = "https://cdn.jsdelivr.net/npm/mermaid/dist/mermaid.esm.min.mjs"\n';

describe('switched-off settings blocks', () => {
  it.each([
    ['themes/next/_config.yml', THEME, ['sentry']],
    ['config/_default/params.toml', HUGO, ['jsdelivr']],
    // Switched on, or a top-level switch that closes no block of its own: the vendor counts.
    ['_config.yml', THEME.replace(/enable: false/g, 'enable: true'), ['disqus', 'sentry']],
    ['.env', 'ENABLED=false\nSENTRY_DSN=https://k@o1.ingest.sentry.io/1\n', ['sentry']],
    ['settings.toml', 'enabled = false\n[sentry]\ndsn = "https://k@o1.ingest.sentry.io/1"\n', ['sentry']],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });

  it.each([
    ['a: 1\nblock:\n  enabled: no\n  key: x\nafter: 2\n', [[3, 4]]],
    ['[one]\nx = 1\n[two]\nenable = false\ny = 2\n[three]\nz = 3\n', [[3, 5]]],
    ['outer:\n  inner:\n    enable: off # later\n    k: v\n  sibling: 1\n', [[3, 4]]],
  ])('the lines switched off in %j', (code, expected) => {
    expect(switchedOffLines(code)).toEqual(expected);
  });
});
