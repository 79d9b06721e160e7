import { describe, it, expect } from 'vitest';
import { mdText, mdCode, mdFence, mdTable } from '../../src/report/markdown.js';
import { toHtml, HOSTILE } from './helpers.js';

const cells = (html: string): string[][] =>
  [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!));

describe('mdText: repository text renders as that text and nothing else', () => {
  it.each([
    ['raw HTML', HOSTILE.html, '&lt;img src=x onerror=alert(1)&gt;'],
    ['emphasis and code', '*a* _b_ `c` ~~d~~', '*a* _b_ `c` ~~d~~'],
    ['an entity', 'AT&amp;T &#64;x', 'AT&amp;amp;T &amp;#\u200b64;x'],
    ['a backslash', 'C:\\dir\\*', 'C:\\dir\\*'],
  ])('%s', (_, input, rendered) => {
    const html = toHtml(mdText(input));
    expect(html).toBe(`<p>${rendered}</p>`);
    expect(html).not.toMatch(/<(img|a|em|strong|code|del)\b/);
  });

  it('makes no image and no javascript: link (a bare URL may still autolink, as text would)', () => {
    const html = toHtml(mdText(HOSTILE.link));
    expect(html).not.toMatch(/<img|href="javascript/);
    expect(html).toContain('[click](javascript:alert(1)) ![i](');
  });

  it('breaks @mentions and #references with a zero-width space, keeping the text', () => {
    const out = mdText(`${HOSTILE.mention} see #12`);
    expect(out).toBe('ping @\u200beveryone and @\u200bacme/security see #\u200b12');
    expect(out.replace(/\u200b/g, '')).toBe('ping @everyone and @acme/security see #12');
  });

  it('keeps a value on one line', () => {
    expect(mdText('a\nb\r\nc\u2028d\u0000e')).toBe('a b c d e');
  });

  it('cannot add a column to a table', () => {
    const html = toHtml(mdTable(['A', 'B'], [[mdText(HOSTILE.table), 'x']]));
    expect(cells(html)).toEqual([
      ['A', 'B'],
      ['a | b | c | --- |', 'x'],
    ]);
  });
});

describe('mdCode: identifiers as code spans', () => {
  it.each([
    ['plain', 'src/app.js', '<code>src/app.js</code>'],
    ['with backticks', 'a`b``c', '<code>a`b``c</code>'],
    ['starting with a backtick', '`x', '<code>`x</code>'],
    ['HTML', HOSTILE.html, '<code>&lt;img src=x onerror=alert(1)&gt;</code>'],
    ['a newline', 'a\nb', '<code>a b</code>'],
  ])('%s', (_, input, rendered) => {
    expect(toHtml(mdCode(input))).toBe(`<p>${rendered}</p>`);
  });

  it('in a table cell, a pipe stays inside the code span', () => {
    const html = toHtml(mdTable(['Where', 'N'], [[mdCode(HOSTILE.path, { inTable: true }), '1']]));
    const [, row] = cells(html);
    expect(row).toHaveLength(2);
    expect(row![0]).toBe('<code>x%0A::set-output name=pwned::1 ::error::injected,a:b|c`d.html</code>');
  });
});

describe('mdFence', () => {
  it('uses a fence longer than any fence inside, so the content cannot close it', () => {
    const content = 'a: 1\n```\n<img src=x>\n````\n';
    const md = `${mdFence(content, 'yaml')}\n\nafter`;
    const html = toHtml(md);
    expect(html).toBe('<pre><code class="language-yaml">a: 1\n```\n&lt;img src=x&gt;\n````\n</code></pre>\n<p>after</p>');
  });
});
