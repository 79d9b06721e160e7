// Template languages comment out markup with their own syntax, which the page never receives:
// `{# <script src=…> #}` in Jinja, Twig and Django, `{% comment %}…{% endcomment %}` in Liquid,
// `{{!-- … --}}` in Handlebars, `<%-- … --%>` in JSP and Web Forms, `@* … *@` in Razor. A tag
// switched off that way loads nothing, so the comment is blanked (line breaks kept, so every
// offset stays where it was) before the page's markup is read.
import { blank } from './source-file.js';

/** A comment: its opening and closing delimiters (strings, or patterns for those that vary, with a string every opening holds). */
type Delimiters = [open: string | RegExp, close: string | RegExp, holds?: string];

// Delimiters no page text spells by chance, read in every template language.
const EVERYWHERE: Delimiters[] = [
  [/\{%-?\s{0,40}comment\s{0,40}-?%\}/g, /\{%-?\s{0,40}endcomment\s{0,40}-?%\}/g, 'comment'],
  ['{{!--', '--}}'],
  ['{{!', '}}'],
  [/\{\{-?\s{0,40}\/\*/g, /\*\/\s{0,40}-?\}\}/g, '/*'],
  ['<%--', '--%>'],
  ['<%!--', '--%>'],
];
// Jinja's, Twig's, Django's, Nunjucks' and Volt's `{# … #}` (not Svelte's `{#if}` blocks).
const JINJA: Delimiters = ['{#', '#}'];
// By extension: ERB's and EJS's `<%# … %>` (in Web Forms a data binding), Razor's, FreeMarker's,
// Blade's, Smarty's and Latte's (`{*` starts an old CSS hack elsewhere), Velocity's.
const BY_EXTENSION: Record<string, Delimiters[]> = {
  erb: [['<%#', '%>']], rhtml: [['<%#', '%>']], ejs: [['<%#', '%>']], eex: [['<%#', '%>']], heex: [['<%#', '%>']], leex: [['<%#', '%>']],
  cshtml: [['@*', '*@']], razor: [['@*', '*@']], vbhtml: [['@*', '*@']],
  ftl: [['<#--', '-->']], ftlh: [['<#--', '-->']],
  php: [['{{--', '--}}']],
  tpl: [['{*', '*}']], latte: [['{*', '*}']],
  vm: [['#*', '*#']],
};
const JINJA_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'twig', 'jinja', 'jinja2', 'j2', 'njk', 'nunjucks', 'volt', 'tmpl', 'tpl']);

/** The template comments a file of this extension may hold (worked out once per extension, not per file). */
const delimitersByExtension = new Map<string, Delimiters[]>();
function delimitersFor(extension: string): Delimiters[] {
  let delimiters = delimitersByExtension.get(extension);
  if (!delimiters) {
    const own = Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension]! : [];
    delimiters = [...EVERYWHERE, ...(JINJA_EXTENSIONS.has(extension) ? [JINJA] : []), ...own];
    delimitersByExtension.set(extension, delimiters);
  }
  return delimiters;
}

/** Where `delimiter` next occurs at or after `from`: [start, end], or null. */
function find(text: string, delimiter: string | RegExp, from: number): [number, number] | null {
  if (typeof delimiter === 'string') {
    const at = text.indexOf(delimiter, from);
    return at < 0 ? null : [at, at + delimiter.length];
  }
  delimiter.lastIndex = from;
  const m = delimiter.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/**
 * The text with the template comments of its file type blanked. A comment left open blanks
 * nothing (the engine would reject the template); each delimiter is searched for once along the
 * text, so the work is linear however many comments there are.
 */
export function blankTemplateComments(text: string, extension: string): string {
  let out = text;
  for (const [open, close, holds] of delimitersFor(extension)) {
    if (!out.includes(typeof open === 'string' ? open : holds!)) continue;
    const parts: string[] = [];
    let pos = 0;
    for (let start = find(out, open, 0); start; ) {
      const end = find(out, close, start[1]);
      if (!end) break;
      parts.push(out.slice(pos, start[0]), blank(out.slice(start[0], end[1])));
      pos = end[1];
      start = find(out, open, pos);
    }
    if (parts.length > 0) out = parts.join('') + out.slice(pos);
  }
  return out;
}
