// Tag names are looked up in a table: a tag named like a member of every JavaScript object
// once made the whole page unreadable ("is not iterable").
import { describe, it, expect } from 'vitest';
import { servicesOf } from '../helpers/extract.js';

describe('tags named like Object.prototype members', () => {
  // Tag names arrive lower-cased, so these are the members a page can name.
  it.each(['constructor', '__proto__'])('<%s> does not stop the page being read', (tag) => {
    const page = `<${tag} x="1"></${tag}>\n<script src="https://static.hotjar.com/c/hotjar-1.js"></script>\n`;
    expect(servicesOf('page.html', page)).toEqual(['hotjar']);
  });
});

describe('a template expression straight after a tag name', () => {
  // Hexo's NexT theme writes `<script{{ pjax }}>` (Swig) so that pjax can re-run the script.
  it.each([
    ['layout/_third-party/analytics/growingio.swig', '<script{{ pjax }}>\n  !function(e,t,n,g,i){n=t.createElement("script"),n.src="https://"+g}(window,document,"script","assets.growingio.com/2.1/gio.js","gio");\n</script>\n', ['growingio']],
    ['layout/_partials/head.njk', '<script{% if theme.pjax %} data-pjax{% endif %} src="https://hm.baidu.com/hm.js?abc"></script>\n', ['baidu-analytics']],
  ])('%s', (path, page, expected) => {
    expect(servicesOf(path, page)).toEqual(expected);
  });
});
