// Widgets placed by markup alone, their loader in another file (a layout, a tag manager, a
// platform's app embed): the catalogue's snippets that spell a tag or an attribute are searched in
// a page's start tags, never in its prose, comments, or the scripts it reads as code.
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf } from '../helpers/extract.js';

describe('widgets placed by markup', () => {
  it.each([
    ['partials/captcha.html', '<form method="post">\n  <div class="g-recaptcha" data-sitekey="6Lc"></div>\n</form>\n', 'recaptcha', 2],
    ['comments.liquid', '{% if page.comments %}\n<div id="disqus_thread"></div>\n{% endif %}\n', 'disqus', 2],
    // The form posts where a variable says; its id is Mailchimp's embed.
    ['partials/signup.php', '<div>\n<form action="<?= $data->post_to_url; ?>" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form">\n</form></div>\n', 'mailchimp', 2],
    ['snippets/reviews.liquid', '<div class="yotpo-widget-instance" data-yotpo-instance-id="851066" data-yotpo-product-id="{{product.id}}"></div>\n', 'yotpo', 1],
    // A script's own start tag is markup too.
    ['layout.html', '<head>\n<script id="Cookiebot" data-cbid="abc" type="text/javascript" async></script>\n</head>\n', 'cookiebot', 2],
  ])('%s places %s (line %i)', (path, text, id, line) => {
    expect(servicesOf(path, text)).toEqual([id]);
    expect(evidenceOf(path, text).map((e) => e.line)).toEqual([line]);
  });

  it.each([
    // Prose that quotes markup, a comment, and a string of a script (read as code, once).
    ['docs/embed.html', '<p>Add a div with id="disqus_thread" where the comments go.</p>\n'],
    ['page.html', '<!-- <div class="g-recaptcha" data-sitekey="x"></div> -->\n<p>hi</p>\n'],
    ['page.html', '<p>x</p>\n<style>.a[id="disqus_thread"] { color: red }</style>\n'],
    // A JavaScript snippet in an attribute is no tag or attribute of the widget's.
    ['page.html', '<button data-x="fbq(1)">Buy</button>\n'],
  ])('nothing from %s', (path, text) => {
    expect(servicesOf(path, text)).toEqual([]);
  });

  it("a tag that gave evidence of its own is not read again: its consent attributes stand", () => {
    const text = '<script id="hs-script-loader" type="text/plain" data-cookieconsent="marketing" async defer src="//js.hs-scripts.com/123.js"></script>\n';
    const evidence = evidenceOf('layout.html', text);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.kind).toBe('script-src');
    expect(evidence[0]!.gated).toBe(true);
  });

  it('a script body is read as code once', () => {
    const text = '<script>\ndocument.body.insertAdjacentHTML("beforeend", \'<div id="disqus_thread"></div>\');\n</script>\n';
    expect(evidenceOf('page.html', text).filter((e) => e.serviceHint === 'disqus')).toHaveLength(1);
  });
});

describe('widgets placed by JSX', () => {
  it.each([
    ['src/components/Captcha.tsx', 'export const Captcha = ({ siteKey }) => (\n  <form>\n    <div className="g-recaptcha" data-sitekey={siteKey} />\n  </form>\n);\n', 'recaptcha', 3],
    ['src/components/Reviews.jsx', 'export default function Reviews() {\n  return <div className="trustpilot-widget" data-locale="en-GB" data-template-id="x" />;\n}\n', 'trustpilot', 2],
    // Create React App writes components in .js files.
    ['src/Share.js', "import React from 'react';\nconst Share = () => <div className=\"sharethis-inline-share-buttons\"></div>;\nexport default Share;\n", 'sharethis', 2],
  ])('%s places %s (line %i)', (path, text, id, line) => {
    expect(servicesOf(path, text)).toEqual([id]);
    expect(evidenceOf(path, text).map((e) => e.line)).toEqual([line]);
  });

  it.each([
    // Commented out, a className that names no widget, and compiled JSX (className: as a property).
    ['src/Captcha.tsx', 'export const C = () => (\n  // <div className="g-recaptcha" />\n  <div className="captcha-box" />\n);\n'],
    ['src/Captcha.tsx', '/* <div className="g-recaptcha" /> */\nexport const C = () => <div className="box" />;\n'],
    ['dist/bundle.js', 'e.createElement("div",{className:"g-recaptcha"});\n'],
  ])('nothing from %s', (path, text) => {
    expect(servicesOf(path, text)).toEqual([]);
  });

  it('an HTML string the code already named is counted once', () => {
    const text = 'const a = <div className="x" />;\nconst html = \'<div class="g-recaptcha" data-sitekey="k"></div>\';\n';
    expect(evidenceOf('src/a.jsx', text).filter((e) => e.serviceHint === 'recaptcha')).toHaveLength(1);
  });
});
