// MDX pages: the JSX and HTML between the prose loads on the published page; code blocks, code
// spans, front matter and Markdown's own links and images do not.
import { describe, it, expect } from 'vitest';
import { evidenceOf } from '../helpers/extract.js';
import { skipReasonForName } from '../../src/scan/walk.js';

const hosts = (text: string): [string, string, number][] => evidenceOf('docs/blog/launch.mdx', text).filter((e) => e.host).map((e) => [e.kind, e.host!, e.line]);

describe('MDX pages', () => {
  it('an embed in the page is evidence, with its line', () => {
    const page = '---\ntitle: Launch\n---\n\n# We launched\n\n<iframe src="https://www.youtube.com/embed/abc" allowFullScreen />\n\n<script async src="https://platform.twitter.com/widgets.js"></script>\n';
    expect(hosts(page)).toEqual([['iframe', 'www.youtube.com', 7], ['script-src', 'platform.twitter.com', 9]]);
  });

  it.each([
    ['a fenced code block', 'Install the tag:\n\n```html\n<script src="https://cdn.vendor-unknown.io/t.js"></script>\n```\n'],
    ['a tilde fence left open', '~~~html\n<iframe src="https://embed.vendor-unknown.io/x"></iframe>\n'],
    ['a code span', 'Add `<script src="https://cdn.vendor-unknown.io/t.js">` to your page.'],
    ['front matter', '---\nimage: https://img.vendor-unknown.io/cover.png\n---\n\nText.'],
    ['Markdown links and images', '[![build](https://ci.vendor-unknown.io/badge.svg)](https://ci.vendor-unknown.io/acme)\n\nSee [the docs](https://docs.vendor-unknown.io).'],
  ])('nothing for %s', (_name, page) => {
    expect(hosts(page)).toEqual([]);
  });

  it('a horizontal rule is no front matter', () => {
    const page = 'Intro\n\n---\n\n<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n---\n';
    expect(hosts(page)).toEqual([['iframe', 'www.youtube.com', 5]]);
  });

  it('Markdown files stay prose, except the pages a site generator publishes', () => {
    expect(skipReasonForName('README.md')).toBe('prose');
    expect(skipReasonForName('docs/guide.md')).toBe('prose');
    expect(skipReasonForName('content/README.md')).toBe('prose');
    expect(skipReasonForName('docs/intro.mdx')).toBeUndefined();
    for (const page of ['_posts/2024-01-01-launch.md', 'content/blog/launch.md', 'site/src/content/posts/a.markdown', 'src/pages/about.md', '_includes/head.md', 'site/_layouts/post.md']) {
      expect(skipReasonForName(page)).toBeUndefined();
    }
  });

  it("a Jekyll include written as Markdown is the site's own markup", () => {
    const include = '{% if page.comments %}\n<div id="disqus_thread"></div>\n<script>\n(function() {\nvar d = document, s = d.createElement(\'script\');\ns.src = \'https://acme.disqus.com/embed.js\';\n(d.head || d.body).appendChild(s);\n})();\n</script>\n{% endif %}\n';
    // The thread's element places the widget (line 2), the script loads it (line 6).
    expect(evidenceOf('_includes/disqus.md', include).map((e) => [e.host ?? e.serviceHint, e.line])).toEqual([['acme.disqus.com', 6], ['disqus', 2]]);
  });

  it.each([
    ['Jekyll', '{% highlight html %}', '{% endhighlight %}'],
    ['Jekyll, whitespace control', '{%- highlight html -%}', '{%- endhighlight -%}'],
    ['Hugo', '{{< highlight html >}}', '{{< /highlight >}}'],
  ])("a %s highlight block in a published post is a code listing, not the page's markup", (_name, open, close) => {
    const post = `---\nlayout: post\n---\nAdd this to _includes/disqus.html:\n${open}\n<script src="https://acme.disqus.com/embed.js"></script>\n${close}\n\n<iframe src="https://www.youtube.com/embed/abc"></iframe>\n`;
    expect(evidenceOf('_posts/2016-06-24-disqus.markdown', post).map((e) => [e.host, e.line])).toEqual([['www.youtube.com', 9]]);
  });

  it('a published Markdown page is read like an MDX page; a README is not read at all', () => {
    const page = '---\ntitle: Launch\n---\n\n<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n```html\n<script src="https://cdn.vendor-unknown.io/t.js"></script>\n```\n';
    expect(evidenceOf('content/blog/launch.md', page).map((e) => [e.kind, e.host, e.line])).toEqual([['iframe', 'www.youtube.com', 5]]);
    expect(evidenceOf('README.md', '<p align="center"><img src="https://ci.vendor-unknown.io/badge.svg"></p>\n' + page)).toEqual([]);
  });
});
