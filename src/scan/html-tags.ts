// The tags of an HTML page, read the way htmlparser2's tokenizer (HTML mode) reads them, but
// only as far as the extractor needs: the open tags it asks for, with their attributes, and the
// bodies of the raw-text elements (script, style). The text between tags, comments and closing
// tags are passed over with native searches instead of a state change per character: on HTML
// pages that made the page's reading three to five times faster (README › Performance).
//
// What it keeps of the tokenizer: a tag starts at `<` and an ASCII letter; comments
// (`<!-- … -->`, `--!>`, the abrupt `<!-->`), CDATA sections, declarations, `<?…>` and bogus
// comments hide what they hold; quoted attribute values may hold `>`; the first of two
// attributes of one name wins; values are entity-decoded as attributes are (`&amp;` → `&`); the
// raw-text elements (script, style, iframe, title, textarea, xmp, noembed, noframes) hold no
// tags until their own closing tag, and `<plaintext>` none to the end of the page; `<image>` is
// `<img>`; a self-closing raw-text element (`<script src=… />`) has no body; a tag cut off by the
// end of the text is not a tag.
//
// What it leaves out, none of which moves a URL attribute: SVG and MathML foreign content (where
// `<style>` and `<title>` are not raw text), the tree the parser builds (implied closing tags),
// and the parser's rule that drops a `<form>` nested in another.
import { decodeHTMLAttribute } from 'entities';

export interface HtmlAttributes {
  [name: string]: string;
}

export interface HtmlTagHandlers {
  /** Whether `open` should be called for tags of this (lower-case) name: the others are passed over. */
  wants(name: string): boolean;
  /** An open tag: `start` is its `<`, `end` its `>`. */
  open(name: string, attrs: HtmlAttributes, start: number, end: number): void;
  /** The text of a script or style element: from after its open tag to its closing tag (or the end of the text). */
  rawText(name: 'script' | 'style', start: number, end: number): void;
}

const RAW_TEXT = new Set(['script', 'style', 'iframe', 'title', 'textarea', 'xmp', 'noembed', 'noframes', 'plaintext']);

// Character codes
const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const DASH = 45;

const isWhitespace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
const isTagSectionEnd = (c: number): boolean => c === SLASH || c === GT || isWhitespace(c);
const isAsciiAlpha = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Where a `<!…` construct that starts at `lt` ends: the offset after its last character. */
function declarationEnd(text: string, lt: number): number {
  if (text.startsWith('<!--', lt)) {
    // `<!-->` and `<!--->` close at once; otherwise the first `-->` or `--!>` closes.
    const body = lt + 4;
    if (text.charCodeAt(body) === GT) return body + 1;
    if (text.charCodeAt(body) === DASH && text.charCodeAt(body + 1) === GT) return body + 2;
    // (One search for `--`, not one per closer: a closer missing from the page would be searched for to its end once per comment.)
    for (let k = text.indexOf('--', body); k >= 0; k = text.indexOf('--', k + 1)) {
      if (text.charCodeAt(k + 2) === GT) return k + 3;
      if (text.charCodeAt(k + 2) === BANG && text.charCodeAt(k + 3) === GT) return k + 4;
    }
    return text.length;
  }
  if (text.startsWith('<![CDATA[', lt)) {
    const close = text.indexOf(']]>', lt + 9);
    return close < 0 ? text.length : close + 3;
  }
  const gt = text.indexOf('>', lt + 2);
  return gt < 0 ? text.length : gt + 1;
}

/**
 * Reads the attributes of a tag from `from` (just after its name) to its `>`. Returns the `>`'s
 * offset, negated and minus one when the tag closed itself (`/>`), or null when the text ends
 * first. `attrs` is null for a tag whose attributes nobody reads.
 */
function readAttributes(text: string, from: number, attrs: HtmlAttributes | null): number | null {
  const n = text.length;
  let i = from;
  let selfClosing = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === GT) return selfClosing ? -i - 1 : i;
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    if (c === SLASH) {
      // `/` before `>` closes the tag; anywhere else it is passed over.
      selfClosing = true;
      i++;
      continue;
    }
    selfClosing = false;
    // The name: its first character whatever it is (even `=` or a quote), then up to `=` or a tag section's end.
    const nameStart = i++;
    while (i < n && text.charCodeAt(i) !== EQ && !isTagSectionEnd(text.charCodeAt(i))) i++;
    if (i >= n) return null;
    const nameEnd = i;
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) return null;
    let value = '';
    if (text.charCodeAt(i) === EQ) {
      i++;
      while (i < n && isWhitespace(text.charCodeAt(i))) i++;
      if (i >= n) return null;
      const q = text.charCodeAt(i);
      let valueStart: number;
      let valueEnd: number;
      if (q === DQ || q === SQ) {
        valueStart = i + 1;
        valueEnd = text.indexOf(q === DQ ? '"' : "'", valueStart);
        if (valueEnd < 0) return null;
        i = valueEnd + 1;
      } else {
        // Unquoted: to a blank or `>` (a `/` belongs to the value: `href=/a/`).
        valueStart = i;
        while (i < n && text.charCodeAt(i) !== GT && !isWhitespace(text.charCodeAt(i))) i++;
        if (i >= n) return null;
        valueEnd = i;
      }
      if (attrs) value = text.slice(valueStart, valueEnd);
    }
    if (attrs) {
      const name = text.slice(nameStart, nameEnd).toLowerCase();
      if (!Object.hasOwn(attrs, name)) attrs[name] = value.includes('&') ? decodeHTMLAttribute(value) : value;
    }
  }
  return null;
}

/** The offset of the `</name` (followed by a tag section's end) that closes a raw-text element, searching from `from`; -1 when there is none. */
function rawTextEnd(text: string, name: string, from: number): number {
  for (let k = text.indexOf('</', from); k >= 0; k = text.indexOf('</', k + 2)) {
    const after = k + 2 + name.length;
    if (after < text.length && isTagSectionEnd(text.charCodeAt(after)) && text.slice(k + 2, after).toLowerCase() === name) return k;
  }
  return -1;
}

/** Reads the tags of `text`, calling the handlers in the order of the text. Never throws on bad markup. */
export function readHtmlTags(text: string, handlers: HtmlTagHandlers): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) return;
    const c = text.charCodeAt(lt + 1);
    if (c === BANG) {
      i = declarationEnd(text, lt);
      continue;
    }
    if (c === QUESTION) {
      const gt = text.indexOf('>', lt + 2);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    if (c === SLASH) {
      // A closing tag (or `</ …>`, `</1>`: bogus comments) ends at the next `>`; `</>` is nothing.
      const next = text.charCodeAt(lt + 2);
      if (next === GT) {
        i = lt + 3;
        continue;
      }
      let from = lt + 3;
      if (isAsciiAlpha(next)) {
        from = lt + 2;
        while (from < n && !isTagSectionEnd(text.charCodeAt(from))) from++;
      }
      const gt = text.indexOf('>', from);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    if (!isAsciiAlpha(c)) {
      i = lt + 1;
      continue;
    }
    let nameEnd = lt + 2;
    while (nameEnd < n && !isTagSectionEnd(text.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd >= n) return;
    // A template's tag often carries an expression straight after its name (`<script{{ pjax }}>`,
    // `<div{% if x %} class="y"{% endif %}>`): the name ends where the expression starts.
    for (let j = lt + 2; j < nameEnd; j++) {
      if (text.charCodeAt(j) === 123 && (text.charCodeAt(j + 1) === 123 || text.charCodeAt(j + 1) === 37)) nameEnd = j;
    }
    let name = text.slice(lt + 1, nameEnd).toLowerCase();
    if (name === 'image') name = 'img';
    const wanted = handlers.wants(name);
    const attrs = wanted ? (Object.create(null) as HtmlAttributes) : null;
    const closed = readAttributes(text, nameEnd, attrs);
    if (closed === null) return;
    const selfClosing = closed < 0;
    const gt = selfClosing ? -closed - 1 : closed;
    if (attrs) handlers.open(name, attrs, lt, gt);
    i = gt + 1;
    if (selfClosing || !RAW_TEXT.has(name)) continue;
    if (name === 'plaintext') return;
    const close = rawTextEnd(text, name, i);
    const bodyEnd = close < 0 ? n : close;
    if (name === 'script' || name === 'style') handlers.rawText(name, i, bodyEnd);
    if (close < 0) return;
    const closeGt = text.indexOf('>', close + 2 + name.length);
    i = closeGt < 0 ? n : closeGt + 1;
  }
}
