// The tag reader must see the tags htmlparser2's parser sees (it replaced it for speed): the
// parser is the reference here, on hand-picked broken markup and on random pages (a fixed seed)
// built from the pieces markup breaks on.
import { describe, it, expect } from 'vitest';
import { Parser } from 'htmlparser2';
import fc from 'fast-check';
import { readHtmlTags, type HtmlAttributes } from '../../src/scan/html-tags.js';

const WANTED = new Set(['script', 'style', 'img', 'iframe', 'link', 'meta', 'a']);

type Event = ['open', string, HtmlAttributes, number, number] | ['raw', string, string];

function byReader(text: string): Event[] {
  const out: Event[] = [];
  readHtmlTags(text, {
    wants: (name) => WANTED.has(name),
    open: (name, attrs, start, end) => out.push(['open', name, { ...attrs }, start, end]),
    rawText: (name, start, end) => out.push(['raw', name, text.slice(start, end)]),
  });
  return out;
}

function tagStartFrom(text: string, from: number, name: string): number {
  const spelled = (k: number): boolean => [name, name === 'img' ? 'image' : name].some((n) => text.slice(k + 1, k + 1 + n.length).toLowerCase() === n);
  let k = text.indexOf('<', from);
  while (k >= 0 && !spelled(k)) k = text.indexOf('<', k + 1);
  return k;
}

/** The same events from htmlparser2's parser, with the options the extractor used. */
function byParser(text: string): Event[] {
  const out: Event[] = [];
  let rawStart = -1;
  let rawName = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!WANTED.has(name)) return;
        // The parser's start can sit before the tag (on the `>` of a closing tag, on a `</>`): the tag's own `<` is the first that opens its name.
        const start = tagStartFrom(text, parser.startIndex, name);
        out.push(['open', name, { ...attrs }, start, parser.endIndex]);
        if (name === 'script' || name === 'style') {
          rawStart = parser.endIndex + 1;
          rawName = name;
        }
      },
      onclosetag(name) {
        // A self-closed <script/> closes before its start: it has no body.
        if (name === rawName && rawStart >= 0 && parser.startIndex >= rawStart) out.push(['raw', name, text.slice(rawStart, parser.startIndex)]);
        if (name === rawName) rawStart = -1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  return out;
}

const CASES: [string, string][] = [
  ['plain tags', '<p>hi</p><img src="https://a.example/x.png"><script src="https://b.example/s.js"></script>'],
  ['upper case and an image alias', '<IMG SRC="https://a.example/x.png"><Image src=//b.example/y.png>'],
  ['blanks inside a quoted value are kept', '<img src=" https://a.example/x.png\n" alt=\'  \'>'],
  ['a > inside a quoted value', `<img alt="a > b" src='https://a.example/x.png'>`],
  ['unquoted values keep slashes', '<img src=https://a.example/x.png/><link rel=stylesheet href=//c.example/a.css>'],
  ['entities in values', '<img src="https://a.example/x.png?a=1&amp;b=2&copy=3&lt;">'],
  ['first of two attributes wins', '<img src="https://a.example/1.png" src="https://a.example/2.png">'],
  ['attributes without values and stray slashes', '<script async defer / src="https://a.example/s.js" / ></script>'],
  ['names that start oddly', `<img ="x" 'y'=z src=1>`],
  ['inline script holding tags', '<script>document.write("<img src=\\"https://a.example/p.gif\\">");</script><img src=2>'],
  ['script closed in another case', '<script>var a = 1;</SCRIPT ><img src=3>'],
  ['a script closing tag that is not one', '<script>a = "</scripts>"; b = "</script"</script><img src=4>'],
  ['self-closed script has no body', '<script src="https://a.example/s.js" /><img src=5>'],
  ['unclosed script runs to the end', '<script>track("https://a.example/");'],
  ['style bodies', '<style>@import url(https://fonts.example/a.css);</style><style/><img src=6>'],
  ['comments hide tags', '<!-- <img src=7> --><!--> <img src=8><!---> <img src=9><!-- a --!> <img src=10>'],
  ['an unclosed comment hides the rest', '<img src=11><!-- <img src=12>'],
  ['CDATA, declarations and bogus comments', '<![CDATA[ <img src=13> ]]><!DOCTYPE html><!x <img src=14><? <img src=15> ?><img src=16>'],
  ['closing tags that are bogus comments', '</ <img src=17>x</1 <img src=18>><img src=19></><img src=20>'],
  ['raw-text elements hide tags', '<title><img src=21></title><textarea><img src=22></textarea><iframe src=//f.example><img src=23></iframe><xmp><img src=24></xmp><img src=25>'],
  ['noscript does not', '<noscript><img src="https://pixel.example/p.gif"></noscript>'],
  ['plaintext hides everything after it', '<img src=26><plaintext><img src=27></plaintext><img src=28>'],
  ['a tag cut off by the end', '<img src=29><img src="30'],
  ['a lone < and <3', 'a < b and <3 <img src=31> <'],
  ['tags right after closing tags', '<div></div><img src=32></span ><img src=33>'],
  ['an empty value and blanks around =', '<img src = "https://a.example/x.png" alt= >'],
  ['newlines and tabs in tags', '<img\n\tsrc="https://a.example/x.png"\r\n\talt="x"\n>'],
  ['meta tags', '<meta http-equiv="Content-Security-Policy" content="script-src https://a.example"><meta property=og:url content=https://site.example/>'],
];

describe('readHtmlTags reads what htmlparser2 reads', () => {
  it.each(CASES)('%s', (_, text) => {
    expect(byReader(text)).toEqual(byParser(text));
  });

  it('on random pages of the pieces markup breaks on', () => {
    const pieces = ['<', '>', '/', '</', '<!--', '-->', '--!>', '<!', '<?', ']]>', '<![CDATA[', '"', "'", '=', ' ', '\n', '&amp;', '&', 'img', 'script', 'style', 'title', 'iframe', 'a', 'src', 'href', 'x', 'https://a.example/p', '<img src=', '<script>', '</script>', '<style>', '</style>', '<a href=', '</a>', '<title>', '</title>'];
    const page = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(page, (text) => {
        expect(byReader(text)).toEqual(byParser(text));
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });
});
