// URLs written with JSON-escaped slashes (PHP's json_encode, Shopify's theme settings) are URLs;
// Magento's page layouts add scripts to the store's pages.
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('escaped slashes and Magento layouts', () => {
  it.each([
    ['config/settings_schema.json', '[{"name":"Fonts","settings":[{"id":"font_embed_html","type":"html","default":"<link rel=\\"stylesheet\\" href=\\"https:\\/\\/use.typekit.net\\/szp7lci.css\\">"}]}]', ['adobe-fonts']],
    ['public/js/config.js', 'window.cfg = {"checkout":"https:\\/\\/js.stripe.com\\/v3\\/"};\n', ['stripe']],
    ['app/code/Acme/Pay/view/frontend/layout/checkout_index_index.xml', '<page><head><script src="https://js.stripe.com/v3/" src_type="url"/></head></page>\n', ['stripe']],
    // Other XML (a feed, a sitemap) names hosts without loading them.
    ['data/feed.xml', '<feed><link href="https://js.stripe.com/v3/"/></feed>\n', []],
    // An escaped URL in a comment is still a comment.
    ['public/js/config.js', '// "https:\\/\\/js.stripe.com\\/v3\\/"\nconst a = 1;\n', []],
  ])('%s', (path, text, expected) => {
    expect(servicesOf(path, text)).toEqual(expected);
  });
});
