import { describe, it, expect } from 'vitest';
import { documentKind, documentText, stripMarkup } from '../../src/explain/document-text.js';

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('stripMarkup', () => {
  it('keeps the length and every line end, so offsets still point at the same line and column', () => {
    const html = '<table>\n<tr><td class="a>b">Stripe, Inc.</td>\n<td>Pay&amp;ments</td></tr>\n</table>';
    const text = stripMarkup(html);
    expect(text.length).toBe(html.length);
    expect(text.split('\n').length).toBe(4);
    expect(text.indexOf('Stripe')).toBe(html.indexOf('Stripe'));
    expect(text).toContain('Pay&    ments');
  });

  it('drops tags, comments and the contents of script and style blocks', () => {
    const html = '<p>Before</p><!-- Sentry\n(removed) --><script type="text/javascript">\nvar vendor = "Hotjar";\n</script><style>.Intercom{}</style><p>After</p>';
    const text = stripMarkup(html);
    expect(text).not.toMatch(/Sentry|Hotjar|Intercom|<|>/);
    expect(text).toMatch(/Before\s+\n/);
    expect(lineOf(text, 'After')).toBe(4);
  });

  it('keeps the text of a tag that spans lines on its own line', () => {
    const html = '<a\n  href="https://stripe.com"\n  title="x">Stripe</a>';
    expect(lineOf(stripMarkup(html), 'Stripe')).toBe(3);
  });

  it.each([
    ['Help&nbsp;Scout', 'Help      Scout'],
    ['Piwik&#32;PRO', 'Piwik     PRO'],
    ['Stripe&#x2C; Inc.', 'Stripe,      Inc.'],
    ['&unknownentity; stays', '&unknownentity; stays'],
    // names of properties every object has are not entities
    ['a &constructor; b &toString; &__proto__;', 'a &constructor; b &toString; &__proto__;'],
  ])('decodes %j in place', (html, text) => {
    expect(stripMarkup(html)).toBe(text);
  });
});

describe('documentText', () => {
  it.each([
    ['list.html', '<p>x</p>', 'html'],
    ['list.HTM', '<p>x</p>', 'html'],
    ['saved-page.txt', '<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['list.md', '| a | b |', 'markdown'],
    ['list.csv', 'a,b', 'text'],
    ['list.yml', 'a: b', 'text'],
    ['list.txt', 'a < b and c > d', 'text'],
  ])('%s (%j) is read as %s', (path, text, kind) => {
    expect(documentKind(path, text)).toBe(kind);
  });

  it('strips inline HTML from Markdown but leaves plain text untouched', () => {
    expect(documentText('a.md', '**Stripe** <br/> Sentry')).toBe('**Stripe**       Sentry');
    expect(documentText('a.txt', 'x <b>y</b>')).toBe('x <b>y</b>');
  });
});
