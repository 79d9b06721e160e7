// Markdown for GitHub (job summary, PR comment) built from text that comes from the scanned
// repository: file names, matched snippets, hosts, policy keys. Every such string goes through
// one of these helpers, so that it renders as the text it is and never as markup, a mention,
// an image, a link, or a broken table.

// C0/C1 controls, line and paragraph separators: a value is always rendered on one line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can
// open markup inline: emphasis, code, links and images (all need `[`), raw HTML and autolinks
// (`<`), table cells, strikethrough. `&` only matters when it spells an entity. Line-start
// markers (#, -, +, >, 1.) never apply: we never start a line with a value.
const MARKUP = /[\\`*_[\]<>|~]/g;
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
// GitHub turns "@name" and "@org/team" into notifications and "#123" into cross-references
// in text nodes (not in code). A zero-width space after the sigil keeps it visible and inert.
const SIGIL = /([@#])(?=[\p{L}\p{N}_-])/gu;
const ZWSP = '\u200b';

/** One line of plain text as Markdown: what you see is the string, nothing more. */
export function mdText(s: string): string {
  return s.replace(CONTROL, ' ').replace(MARKUP, '\\$&').replace(ENTITY, '&amp;').replace(SIGIL, `$1${ZWSP}`);
}

/**
 * A code span for identifiers (paths, hosts, snippets). Inside a code span nothing is markup,
 * mentions and autolinks are off; the fence is longer than any backtick run in the value, and
 * `|` is escaped because GFM splits table cells before it looks at code spans.
 */
export function mdCode(s: string, opts: { inTable?: boolean } = {}): string {
  let v = s.replace(CONTROL, ' ');
  if (opts.inTable) v = v.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...v.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A value that starts or ends with a backtick (or is blank) needs padding to stay a code span.
  const pad = v === '' || v.startsWith('`') || v.endsWith('`') || /^ .* $/.test(v) ? ' ' : '';
  return `${fence}${pad}${v || ' '}${pad}${fence}`;
}

/** A fenced block whose fence no line of the content can close. */
export function mdFence(content: string, info = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/^[ \t]*(`{3,}|~{3,})/gm)].map((m) => m[1]!.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content.replace(/\n$/, '')}\n${fence}`;
}

/** A GFM table. Cells are already Markdown (escaped with mdText/mdCode in table mode). */
export function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\n/g, ' ')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Text for a table cell: mdText already escapes `|`. */
export const mdCell = mdText;
