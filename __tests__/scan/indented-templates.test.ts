// Haml, Slim and Pug layouts hold tracking tags as often as HTML pages do.
import { describe, it, expect } from 'vitest';
import { evidenceOf, servicesOf } from '../helpers/extract.js';

const hosts = (path: string, text: string): [string, string][] => evidenceOf(path, text).filter((e) => e.host).map((e) => [e.kind, e.host!]);

describe('indented templates', () => {
  it.each([
    ['layout.html.haml', '%head\n  %script{async: true, src: "https://www.googletagmanager.com/gtag/js?id=G-ABCD1"}', [['script-src', 'www.googletagmanager.com']]],
    ['layout.html.haml', '%head\n  %script{:src => "https://js.stripe.com/v3/"}', [['script-src', 'js.stripe.com']]],
    ['layout.html.haml', '%head\n  %link{rel: "stylesheet", href: "https://fonts.googleapis.com/css2?family=Inter"}', [['link', 'fonts.googleapis.com']]],
    ['layout.html.slim', 'head\n  script async=true src="https://static.hotjar.com/c/hotjar-1.js?sv=6"', [['script-src', 'static.hotjar.com']]],
    ['layout.html.slim', 'body\n  iframe src="https://www.youtube.com/embed/abc"', [['iframe', 'www.youtube.com']]],
    ['layout.pug', "head\n  script(src='https://cdn.segment.com/analytics.js/v1/k/analytics.min.js')", [['script-src', 'cdn.segment.com']]],
    ['layout.pug', 'body\n  img(src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1")', [['img', 'www.facebook.com']]],
    ['layout.jade', "head\n  script.\n    fetch('https://api.vendor-unknown.io/v1/events')", [['code-url', 'api.vendor-unknown.io']]],
    // Links for a person and pages' own metadata are no loads.
    ['layout.pug', 'body\n  a(href="https://github.com/acme") GitHub\n  link(rel="canonical" href="https://shop.vendor-unknown.io/x")', []],
    ['layout.html.slim', 'body\n  p Visit https://help.vendor-unknown.io/start for help', []],
  ])('%s: %s', (path, text, expected) => {
    expect(hosts(path, text)).toEqual(expected);
  });

  it('reads inline script blocks as JavaScript', () => {
    const haml = "%head\n  :javascript\n    window.dataLayer = window.dataLayer || [];\n    gtag('config', 'G-ABCD1234');\n";
    const slim = "head\n  javascript:\n    fbq('init', '123456');\n";
    expect(servicesOf('application.html.haml', haml)).toEqual(['google-analytics']);
    expect(servicesOf('admin.html.slim', slim)).toEqual(['meta-pixel']);
  });
});

// Rails' view helpers write the tag: the URL they are given is that tag's, in ERB as in Haml and Slim.
describe("Rails' asset tag helpers", () => {
  it.each([
    ['application.html.erb', '<%= javascript_include_tag "https://js.stripe.com/v3/" %>', [['script-src', 'js.stripe.com']]],
    ['application.html.erb', '<head><%= javascript_include_tag "application", "https://maps.googleapis.com/maps/api/js?key=#{ENV["GMAPS"]}&libraries=places", defer: true %></head>', [['script-src', 'maps.googleapis.com']]],
    ['application.html.erb', "<%= stylesheet_link_tag('https://fonts.googleapis.com/css?family=Lato', media: 'all') %>", [['link', 'fonts.googleapis.com']]],
    ['show.html.erb', '<%= image_tag "https://secure.gravatar.com/avatar/#{hash}", alt: "" %>', [['img', 'secure.gravatar.com']]],
    ['show.html.erb', '<%= video_tag "//player.vendor-unknown.io/v/1.mp4" %>', [['iframe', 'player.vendor-unknown.io']]],
    ['application.html.haml', '%head\n  = javascript_include_tag "https://js.stripe.com/v3/", defer: true', [['script-src', 'js.stripe.com']]],
    ['application.html.slim', 'head\n  == stylesheet_link_tag "application", "https://fonts.googleapis.com/css?family=Lato"', [['link', 'fonts.googleapis.com']]],
    // Local assets, and a URL that is no helper's source.
    ['application.html.erb', '<%= javascript_include_tag "application", "data-turbo-track": "reload" %>\n<%= link_to "Docs", "https://docs.vendor-unknown.io" %>', []],
  ])('%s: %s', (path, text, expected) => {
    expect(hosts(path, text)).toEqual(expected);
  });
});
