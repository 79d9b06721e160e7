// The readable text of a document a person hands to `privacy-lint vendors`: HTML (and HTML
// inside Markdown) with its markup blanked out. Same length as the input, line ends kept,
// so every offset still points at the line and column a person sees in the file.

const HTML_EXTENSIONS = /\.(html?|xhtml|php|aspx?|jsp)$/i;
const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdx)$/i;
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/i;

// Blocks whose content is never read as text, then comments, CDATA and tags. A tag's
// attribute values may contain ">" inside quotes.
const HIDDEN_BLOCK = /<(script|style|template|noscript)\b(?:"[^"]*"|'[^']*'|[^'">])*>[\s\S]*?<\/\1\s*>/gi;
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<\/?[a-zA-Z][\w:-]*(?:"[^"]*"|'[^']*'|[^'">])*>/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,31}));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö', auml: 'ä', aring: 'å', szlig: 'ß', agrave: 'à', ccedil: 'ç' };

/** Replaces every character but line ends with a space. */
const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

/** An entity becomes its character padded with spaces, so that offsets do not move. */
function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  let ch: string | undefined;
  if (dec || hex) {
    const cp = dec ? Number(dec) : parseInt(hex!, 16);
    ch = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
  } else if (name) {
    // hasOwn: &constructor; in a page must not find Object.prototype.constructor.
    const key = name.toLowerCase();
    ch = Object.hasOwn(NAMED, key) ? NAMED[key] : undefined;
  }
  if (ch === undefined || ch.length > match.length) return match;
  return ch.replace(/\s/g, ' ') + ' '.repeat(match.length - ch.length);
}

export function stripMarkup(html: string): string {
  return html.replace(HIDDEN_BLOCK, blank).replace(MARKUP, blank).replace(ENTITY, decodeEntity);
}

export type DocumentKind = 'html' | 'markdown' | 'text';

export function documentKind(path: string, text: string): DocumentKind {
  if (HTML_EXTENSIONS.test(path) || LOOKS_LIKE_HTML.test(text.slice(0, 1024))) return 'html';
  if (MARKDOWN_EXTENSIONS.test(path)) return 'markdown';
  return 'text';
}

/** The text to search for vendor names; YAML, CSV and plain text are read as they are. */
export function documentText(path: string, text: string): string {
  const kind = documentKind(path, text);
  return kind === 'text' ? text : stripMarkup(text);
}
