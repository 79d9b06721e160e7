// One small tokenizer for every language we read: it finds string literals and comments,
// so that a URL in a comment or docstring is never evidence and a URL in a string always is.
// It is a scanner, not a parser: it only has to know where strings and comments start and end.
// One pass, no backtracking, and no regular expression is built while a file is read.

import { fitsLatin1, reusableBuffer } from './source-file.js';

export interface LanguageSpec {
  lineComments: string[];
  blockComments: [string, string][];
  /** Rust, Kotlin, Swift, Scala: block comments nest. */
  nestedComments?: boolean;
  /** Quote characters that open a string with backslash escapes. */
  quotes: string[];
  /** Quote characters that open a string without escapes (shell and YAML single quotes, TOML literals). */
  rawQuotes?: string[];
  /** Strings may span lines (Ruby, PHP, shell, Rust, Elixir, YAML); elsewhere an unclosed string ends at the line break. */
  multilineStrings?: boolean;
  /** In config files a quote opens a string only where a value starts (line start, after `:` `=` `-` `[` `{` `,`). */
  quotesOnlyAtValueStart?: boolean;
  /** ''' and """ strings. */
  tripleQuotes?: boolean;
  /** Which string statements are documentation: Python docstrings, Elixir @doc/@moduledoc. */
  docstrings?: 'python' | 'elixir';
  /** Go-style `raw` strings, JS-style `template` strings. */
  backtick?: 'raw' | 'template';
  /** /regex/ literals (JS, Ruby), so quotes inside them don't open strings. */
  regexLiterals?: boolean;
  /** Heredoc flavour: the body is a string. */
  heredocs?: 'shell' | 'ruby' | 'php' | 'hcl';
  /** Rust r#"…"#, C# @"…" verbatim strings. */
  rawPrefix?: 'rust' | 'csharp';
  /** Expression holes in double-quoted strings, skipped whole so quotes inside them don't end the string. */
  interpolation?: string[];
  /** '#' starts a comment only at line start or after white space (YAML, shell, env, TOML). */
  hashNeedsSpace?: boolean;
  /** Ruby =begin … =end and __END__. */
  rubyBlock?: boolean;
  /** Ruby %q(…), %w[…], %r{…} literals. */
  percentLiterals?: boolean;
  /** Elixir ~s(…), ~S"""…""", ~r/…/ sigils and ?c character literals. */
  sigils?: boolean;
  /** Rust 'c' character literals next to 'a lifetimes. */
  charLiterals?: boolean;
  /** PHP 8 #[Attribute] is code, not a comment. */
  phpAttributes?: boolean;
  /** Config formats: unquoted text is data, so URLs are searched in all non-comment text. */
  unquotedValues?: boolean;
}

export interface StringToken {
  /** Offset of the first character of the content (after the opening quote). */
  start: number;
  value: string;
}

export interface Lexed {
  /** String literals in source order (by start offset). */
  strings: StringToken[];
  /** The text with every comment and docstring replaced by spaces (line breaks kept), for pattern searches over code. */
  code: string;
}

const C_LIKE: LanguageSpec = { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ['"', "'"] };
const CONFIG: LanguageSpec = { lineComments: ['#'], blockComments: [], quotes: ['"'], rawQuotes: ["'"], multilineStrings: true, quotesOnlyAtValueStart: true, hashNeedsSpace: true, unquotedValues: true };

export type Language = 'js' | 'python' | 'ruby' | 'go' | 'php' | 'java' | 'kotlin' | 'swift' | 'dart' | 'objc' | 'csharp' | 'rust' | 'elixir' | 'shell' | 'config' | 'toml' | 'hcl' | 'json' | 'xml' | 'lua' | 'haskell' | 'lisp' | 'erlang' | 'basic' | 'ml';

/**
 * A spec with every field present, in one order. The lexer reads the spec on every token; specs
 * built with different fields had different hidden classes, so those reads were polymorphic and
 * the optimised lexer was thrown away ("wrong map") whenever a file of another language came by.
 */
function uniform(s: LanguageSpec): LanguageSpec {
  return {
    lineComments: s.lineComments,
    blockComments: s.blockComments,
    nestedComments: s.nestedComments,
    quotes: s.quotes,
    rawQuotes: s.rawQuotes,
    multilineStrings: s.multilineStrings,
    quotesOnlyAtValueStart: s.quotesOnlyAtValueStart,
    tripleQuotes: s.tripleQuotes,
    docstrings: s.docstrings,
    backtick: s.backtick,
    regexLiterals: s.regexLiterals,
    heredocs: s.heredocs,
    rawPrefix: s.rawPrefix,
    interpolation: s.interpolation,
    hashNeedsSpace: s.hashNeedsSpace,
    rubyBlock: s.rubyBlock,
    percentLiterals: s.percentLiterals,
    sigils: s.sigils,
    charLiterals: s.charLiterals,
    phpAttributes: s.phpAttributes,
    unquotedValues: s.unquotedValues,
  };
}

const SPECS: Record<Language, LanguageSpec> = {
  js: { ...C_LIKE, backtick: 'template', regexLiterals: true },
  python: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], tripleQuotes: true, docstrings: 'python' },
  ruby: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], multilineStrings: true, heredocs: 'ruby', rubyBlock: true, regexLiterals: true, percentLiterals: true, interpolation: ['#{'] },
  go: { ...C_LIKE, backtick: 'raw' },
  php: { lineComments: ['//', '#'], blockComments: [['/*', '*/']], quotes: ['"', "'"], multilineStrings: true, heredocs: 'php', phpAttributes: true },
  java: { ...C_LIKE, tripleQuotes: true },
  kotlin: { ...C_LIKE, nestedComments: true, tripleQuotes: true, interpolation: ['${'] },
  swift: { ...C_LIKE, quotes: ['"'], nestedComments: true, tripleQuotes: true, interpolation: ['\\('] },
  // Dart reads like Kotlin here: nested block comments, ''' and """ strings, ${…} in strings.
  dart: { ...C_LIKE, nestedComments: true, tripleQuotes: true, interpolation: ['${'] },
  // Objective-C: C's comments and strings (@"…" is a string after an @).
  objc: C_LIKE,
  csharp: { ...C_LIKE, rawPrefix: 'csharp', tripleQuotes: true },
  rust: { ...C_LIKE, quotes: ['"'], nestedComments: true, multilineStrings: true, rawPrefix: 'rust', charLiterals: true },
  elixir: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"], multilineStrings: true, tripleQuotes: true, docstrings: 'elixir', sigils: true, interpolation: ['#{'] },
  shell: { lineComments: ['#'], blockComments: [], quotes: ['"'], rawQuotes: ["'"], multilineStrings: true, heredocs: 'shell', hashNeedsSpace: true, unquotedValues: true, interpolation: ['${', '$('] },
  config: CONFIG,
  toml: { ...CONFIG, tripleQuotes: true, multilineStrings: false },
  hcl: { lineComments: ['#', '//'], blockComments: [['/*', '*/']], quotes: ['"'], heredocs: 'hcl', unquotedValues: true, interpolation: ['${', '%{'] },
  // JSON with comments (tsconfig, VS Code settings): in strict JSON a comment marker can only sit in a string.
  json: { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ['"'] },
  // XML settings (an Android manifest, a property list): values are attribute values and element
  // text alike, so all text outside comments is data; an apostrophe in text opens nothing.
  xml: { lineComments: [], blockComments: [['<!--', '-->']], quotes: [], unquotedValues: true },
  // Languages read only for URLs of known hosts (knownHostsOnly in extract.ts): their comments and strings.
  lua: { lineComments: ['--'], blockComments: [['--[[', ']]']], quotes: ['"', "'"] },
  // Haskell, Elm, PureScript: an apostrophe is part of a name (x'), so only " quotes.
  haskell: { lineComments: ['--'], blockComments: [['{-', '-}']], nestedComments: true, quotes: ['"'] },
  // Clojure, Scheme, Racket, Emacs Lisp.
  lisp: { lineComments: [';'], blockComments: [], quotes: ['"'], multilineStrings: true },
  erlang: { lineComments: ['%'], blockComments: [], quotes: ['"'], multilineStrings: true },
  // Visual Basic: an apostrophe starts a comment.
  basic: { lineComments: ["'"], blockComments: [], quotes: ['"'] },
  // OCaml and F#: (* … *) blocks, and F#'s // lines. (Here, in Lisp and in Erlang a string may span lines.)
  ml: { lineComments: ['//'], blockComments: [['(*', '*)']], nestedComments: true, quotes: ['"'], multilineStrings: true },
};

export const LANGUAGES: Record<string, LanguageSpec> & Record<Language, LanguageSpec> = Object.fromEntries(
  Object.entries(SPECS).map(([name, spec]) => [name, uniform(spec)]),
) as Record<Language, LanguageSpec>;

const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'in', 'of', 'void', 'yield', 'await', 'when', 'if', 'unless', 'and', 'or', 'not', 'then', 'elsif', 'while', 'until']);
const VALUE_STARTS = new Set(['', ':', '=', '-', '[', '{', ',', '?']);
const ELIXIR_DOC_ATTRIBUTES = new Set(['doc', 'moduledoc', 'typedoc', 'shortdoc']);
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const MAX_NESTING = 32;

// Heredoc openers, matched in place (sticky) so nothing is sliced or compiled per file.
const HEREDOC_OPENERS: Record<NonNullable<LanguageSpec['heredocs']>, RegExp> = {
  shell: /<<(-?)[ \t]*(?:'([A-Za-z_]\w*)'|"([A-Za-z_]\w*)"|\\?([A-Za-z_]\w*))/y,
  ruby: /<<([~-]?)(?:'([A-Za-z_]\w*)'|"([A-Za-z_]\w*)"|`([A-Za-z_]\w*)`|([A-Za-z_]\w*))/y,
  php: /<<<(-?)[ \t]*(?:'([A-Za-z_]\w*)'|"([A-Za-z_]\w*)"|([A-Za-z_]\w*))(?=\r?\n|\r)/y,
  hcl: /<<(-?)([A-Za-z_]\w*)(?=\r?\n|\r)/y,
};

interface PendingHeredoc {
  tag: string;
  /** The closing tag may be indented. */
  indented: boolean;
  /** PHP: the closing tag may be followed by `;`, `,` or `)` on its line. */
  trailingCode: boolean;
}

const isIdentChar = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_');
const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** `fast: false` reads every character one at a time: the reference the fast path is tested against. */
export function lex(text: string, spec: LanguageSpec, fast = true): Lexed {
  return new Lexer(text, spec).run(fast);
}

/**
 * The comments of a text from its start until every token that begins at or before `upTo` has
 * been read, as flat from, to pairs (end exclusive) in order. The lexer reads left to right, so
 * these are exactly the comments a full lex() finds there; the rest of the text is not read.
 * The one-shot form of lexIncrementally(), which the gate (codeGate) uses; tests read it.
 */
export function commentsUpTo(text: string, spec: LanguageSpec, upTo: number): number[] {
  return lexIncrementally(text, spec).commentsUpTo(upTo);
}

/** A lex() that can stop early and go on later: nothing read for a question is read again. */
export interface IncrementalLex {
  /** commentsUpTo(), going on from where the last call stopped (call it with growing offsets); the list grows in place. */
  commentsUpTo(upTo: number): number[];
  /** Reads the rest of the text: what lex() gives. */
  finish(): Lexed;
}

export function lexIncrementally(text: string, spec: LanguageSpec): IncrementalLex {
  const lexer = new Lexer(text, spec);
  return {
    commentsUpTo: (upTo) => {
      lexer.scan(true, upTo);
      return lexer.blanked;
    },
    finish: () => lexer.run(true),
  };
}

const skipPatterns = new WeakMap<LanguageSpec, RegExp | null>();

/**
 * A sticky pattern for a run of characters that cannot start anything the lexer tracks in this
 * language (words, blanks, most operators), so the run is passed in one native regex step
 * instead of character by character: code between strings and comments is most of any file.
 * Only characters that open a string, comment or literal, line breaks, and the brackets that
 * Python and shell track end a run. Rust is read character by character: r"…" and b"…" raw
 * strings start inside what would be a word.
 */
function skipPatternFor(spec: LanguageSpec): RegExp | null {
  let re = skipPatterns.get(spec);
  if (re !== undefined) return re;
  re = null;
  if (spec.rawPrefix !== 'rust') {
    // Line breaks only matter where something depends on the start of a line (Ruby blocks, YAML
    // and shell comments, config values, heredocs, Python docstrings); elsewhere a run spans lines.
    const lineSensitive = spec.rubyBlock || spec.hashNeedsSpace || spec.quotesOnlyAtValueStart || spec.heredocs || spec.docstrings;
    const stops = new Set(lineSensitive ? ['\n', '\r'] : []);
    for (const lc of spec.lineComments) stops.add(lc[0]!);
    for (const [open] of spec.blockComments) stops.add(open[0]!);
    for (const q of [...spec.quotes, ...(spec.rawQuotes ?? [])]) stops.add(q);
    if (spec.tripleQuotes) for (const c of `"'`) stops.add(c);
    if (spec.backtick) stops.add('`');
    if (spec.regexLiterals) stops.add('/');
    if (spec.percentLiterals) stops.add('%');
    if (spec.heredocs) stops.add('<');
    if (spec.rawPrefix === 'csharp') for (const c of '@$') stops.add(c);
    if (spec.sigils) for (const c of '~?') stops.add(c);
    if (spec.docstrings === 'python' || spec.heredocs === 'shell') for (const c of '()[]{}') stops.add(c);
    const cls = [...stops].map((c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : /[\\\]\[^-]/.test(c) ? '\\' + c : c)).join('');
    re = new RegExp(`[^${cls}]+`, 'y');
  }
  skipPatterns.set(spec, re);
  return re;
}

class Lexer {
  private readonly strings: StringToken[] = [];
  /** Ranges to blank, flat: from, to, from, to, … */
  private readonly blanks: number[] = [];
  private readonly n: number;
  private i = 0;
  private lastSignificant = '';
  /** Bracket depth, for Python's statement boundaries. */
  private depth = 0;
  /** The previous line ended in a backslash continuation. */
  private continued = false;
  private lineStart = true;
  private pending: PendingHeredoc[] = [];
  /** Runs are passed with native searches (see skipPatternFor, bodyEnd); false reads every character. */
  private fast = true;

  constructor(
    private readonly text: string,
    private readonly spec: LanguageSpec,
  ) {
    this.n = text.length;
  }

  run(fast: boolean): Lexed {
    this.scan(fast, this.n);
    const code = this.blanks.length ? applyBlanks(this.text, this.blanks) : this.text;
    return { strings: this.strings, code };
  }

  /** Ranges blanked so far (comments, docstrings): flat from, to pairs. */
  get blanked(): number[] {
    return this.blanks;
  }

  /** Reads tokens until one starts after `upTo` (or the text ends). */
  scan(fast: boolean, upTo: number): void {
    const { text, spec, n } = this;
    this.fast = fast;
    const skip = fast ? skipPatternFor(spec) : null;
    while (this.i < n && this.i <= upTo) {
      const i = this.i;
      const c = text[i]!;
      if (c === '\n' || c === '\r') {
        this.newline(i);
        continue;
      }
      if (c === ' ' || c === '\t') {
        this.i++;
        continue;
      }
      const atLineStart = this.lineStart;
      this.lineStart = false;
      // Ruby's =begin and __END__ are recognised at line start, so the run starts after them.
      if (skip && !(atLineStart && spec.rubyBlock)) {
        skip.lastIndex = i;
        if (skip.test(text)) {
          const j = skip.lastIndex;
          let k = j - 1;
          for (let b = text.charCodeAt(k); b === 32 || b === 9 || b === 10 || b === 13; b = text.charCodeAt(--k));
          this.lastSignificant = text[k]!;
          this.i = j;
          continue;
        }
      }
      if (isIdentChar(c)) {
        // Words are most of any file: take the whole run at once. Only Rust raw strings
        // (r"…", br#"…"#) and Ruby's __END__ start with a word character.
        if (spec.rubyBlock && atLineStart && c === '_' && this.comment(i, c, true)) continue;
        if (spec.rawPrefix === 'rust' && (c === 'r' || c === 'b') && this.rustRaw(i)) continue;
        let j = i + 1;
        while (j < n && isIdentChar(text[j])) j++;
        this.lastSignificant = text[j - 1]!;
        this.i = j;
        continue;
      }
      if (this.comment(i, c, atLineStart)) continue;
      if (this.stringLike(i, c, atLineStart)) continue;
      if (c === '(' || c === '[' || c === '{') this.depth++;
      else if ((c === ')' || c === ']' || c === '}') && this.depth > 0) this.depth--;
      this.lastSignificant = c;
      this.i++;
    }
  }

  private newline(i: number): void {
    const { text } = this;
    this.continued = this.lastSignificant === '\\' && this.depth === 0;
    this.lineStart = true;
    this.i = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
    if (this.pending.length) {
      const pending = this.pending;
      this.pending = [];
      for (let k = 0; k < pending.length; k++) {
        // Several heredocs opened on one line follow each other, each after the last one's closing line.
        if (k > 0) this.i += text[this.i] === '\r' && text[this.i + 1] === '\n' ? 2 : isNewline(text[this.i]) ? 1 : 0;
        this.i = this.heredocBody(this.i, pending[k]!);
      }
    }
  }

  private blank(from: number, to: number): void {
    if (to > from) this.blanks.push(from, to);
  }

  private pushString(start: number, end: number): void {
    this.strings.push({ start, value: this.text.slice(start, end) });
  }

  private lineEnd(from: number): number {
    const { text, n } = this;
    let j = from;
    while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
    return j;
  }

  /** Line and block comments, Ruby =begin blocks and __END__. Returns true when one was consumed. */
  private comment(i: number, c: string, atLineStart: boolean): boolean {
    const { text, spec, n } = this;
    if (spec.rubyBlock && atLineStart && c === '=' && text.startsWith('=begin', i) && !isIdentChar(text[i + 6])) {
      let j = this.lineEnd(i);
      while (j < n) {
        j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
        if (text.startsWith('=end', j) && !isIdentChar(text[j + 4])) {
          j = this.lineEnd(j);
          break;
        }
        j = this.lineEnd(j);
      }
      this.blank(i, j);
      this.i = j;
      return true;
    }
    if (spec.rubyBlock && atLineStart && c === '_' && text.startsWith('__END__', i) && isNewlineOrEnd(text, i + 7)) {
      this.blank(i, n);
      this.i = n;
      return true;
    }
    // Block comments first: Lua's --[[ begins with its line comment's --.
    for (const [open, close] of spec.blockComments) {
      if (c !== open[0] || !text.startsWith(open, i)) continue;
      const stop = spec.nestedComments ? this.nestedCommentEnd(i, open, close) : endOf(text, close, i + open.length);
      this.blank(i, stop);
      this.i = stop;
      return true;
    }
    for (const lc of spec.lineComments) {
      if (c !== lc[0] || !text.startsWith(lc, i)) continue;
      if (lc === '#' && spec.hashNeedsSpace && !atLineStart && !isBlank(text[i - 1])) return false;
      if (lc === '#' && spec.phpAttributes && text[i + 1] === '[') return false;
      const j = this.lineEnd(i);
      this.blank(i, j);
      this.i = j;
      return true;
    }
    return false;
  }

  private nestedCommentEnd(from: number, open: string, close: string): number {
    const { text, n } = this;
    let depth = 0;
    let j = from;
    while (j < n) {
      if (text.startsWith(open, j)) {
        depth++;
        j += open.length;
      } else if (text.startsWith(close, j)) {
        depth--;
        j += close.length;
        if (depth === 0) return j;
      } else j++;
    }
    return n;
  }

  /** Every kind of literal that can hold a quote character. Returns true when one was consumed. */
  private stringLike(i: number, c: string, atLineStart: boolean): boolean {
    const { text, spec } = this;
    if (spec.tripleQuotes && (c === '"' || c === "'") && text[i + 1] === c && text[i + 2] === c) return this.tripleQuoted(i, c);
    if (spec.rawPrefix === 'csharp' && (c === '@' || c === '$') && this.csharpVerbatim(i)) return true;
    if (spec.heredocs && c === '<' && text[i + 1] === '<' && this.heredocOpener(i)) return true;
    if (c === '`' && spec.backtick) {
      const end = spec.backtick === 'raw' ? endBefore(text, '`', i + 1) : this.templateEnd(i + 1, 0);
      this.pushString(i + 1, end);
      this.i = end + 1;
      this.lastSignificant = '"';
      return true;
    }
    if (c === '/' && spec.regexLiterals && this.regexAllowed(i)) {
      this.i = this.regexEnd(i + 1);
      this.lastSignificant = '/';
      return true;
    }
    if (c === '%' && spec.percentLiterals && this.regexAllowed(i) && this.percentLiteral(i)) return true;
    if (spec.sigils && this.sigil(i, c)) return true;
    if (c === "'" && spec.charLiterals) return this.rustQuote(i);
    const raw = spec.rawQuotes?.includes(c) ?? false;
    if (raw || spec.quotes.includes(c)) {
      if (spec.quotesOnlyAtValueStart && !atLineStart && !VALUE_STARTS.has(this.lastSignificant)) return false;
      const end = this.stringEnd(i + 1, c, !raw, spec.multilineStrings ?? false, 0);
      this.finishString(i, i + 1, end, end + 1);
      return true;
    }
    return false;
  }

  /** Records a string, or blanks it when it is documentation. `tokenStart` is the opening quote. */
  private finishString(tokenStart: number, contentStart: number, contentEnd: number, stop: number): void {
    if (this.isDocstring(tokenStart, stop)) this.blank(tokenStart, stop);
    else this.pushString(contentStart, contentEnd);
    this.i = stop;
    this.lastSignificant = '"';
  }

  private isDocstring(tokenStart: number, stop: number): boolean {
    const { spec, text } = this;
    if (spec.docstrings === 'python') {
      // A string that is a whole statement is documentation (module, class, function and attribute docstrings).
      let s = tokenStart;
      while (s > 0 && s > tokenStart - 2 && 'rRbBuUfF'.includes(text[s - 1]!)) s--;
      if (s > 0 && isIdentChar(text[s - 1])) return false;
      if (this.depth !== 0 || this.continued || !onlyIndentBefore(text, s)) return false;
      let j = stop;
      while (isBlank(text[j])) j++;
      return j >= text.length || isNewline(text[j]) || text[j] === '#';
    }
    if (spec.docstrings === 'elixir') {
      let j = tokenStart - 1;
      while (j >= 0 && isBlank(text[j])) j--;
      if (text[j] === '(') j--;
      let k = j;
      while (k >= 0 && isIdentChar(text[k])) k--;
      return text[k] === '@' && ELIXIR_DOC_ATTRIBUTES.has(text.slice(k + 1, j + 1));
    }
    return false;
  }

  private tripleQuoted(i: number, q: string): boolean {
    const { text } = this;
    const close = q + q + q;
    const end = endBefore(text, close, i + 3);
    this.finishString(i, i + 3, end, Math.min(end + 3, text.length));
    return true;
  }

  /** Scans a quoted string body from `from`; returns the offset of the closing quote (or where it gave up). */
  private stringEnd(from: number, quote: string, escapes: boolean, multiline: boolean, nesting: number): number {
    const { text, n, spec } = this;
    const interp = quote === '"' && nesting < MAX_NESTING ? spec.interpolation : undefined;
    if (!interp && this.fast) return bodyEnd(text, from, quote, escapes, multiline);
    let j = from;
    while (j < n) {
      const c = text[j]!;
      if (c === quote) return j;
      if (c === '\\' && interp && text[j + 1] === '(' && interp.includes('\\(')) j = this.holeEnd(j + 2, '(', nesting + 1);
      else if (c === '\\' && escapes) j += 2;
      else if (!multiline && (c === '\n' || c === '\r')) return j;
      else if (interp && (c === '$' || c === '#' || c === '%') && interp.some((o) => o[0] === c && o[1] === text[j + 1])) j = this.holeEnd(j + 2, text[j + 1]!, nesting + 1);
      else j++;
    }
    return n;
  }

  /** Skips an interpolation hole opened by `open` ('{' or '('); returns the offset after its closer. */
  private holeEnd(from: number, open: string, nesting: number): number {
    const { text, n } = this;
    const close = CLOSERS[open]!;
    let depth = 1;
    let j = from;
    while (j < n) {
      const c = text[j]!;
      if (c === open) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0) return j + 1;
      } else if (c === '"' || c === "'") {
        j = this.stringEnd(j + 1, c, true, false, nesting) + 1;
        continue;
      } else if (c === '\n' || c === '\r') return j;
      j++;
    }
    return n;
  }

  /** JS template literal body, including nested ${ … } expressions; returns the closing backtick's offset. */
  private templateEnd(from: number, nesting: number): number {
    const { text, n } = this;
    let j = from;
    while (j < n) {
      const c = text[j]!;
      if (c === '\\') j += 2;
      else if (c === '`') return j;
      else if (c === '$' && text[j + 1] === '{' && nesting < MAX_NESTING) {
        let depth = 1;
        j += 2;
        while (j < n && depth > 0) {
          const d = text[j]!;
          if (d === '{') depth++;
          else if (d === '}') depth--;
          else if (d === '`') j = this.templateEnd(j + 1, nesting + 1);
          else if (d === '"' || d === "'") j = this.stringEnd(j + 1, d, true, false, nesting + 1);
          j++;
        }
      } else j++;
    }
    return n;
  }

  private regexAllowed(i: number): boolean {
    const last = this.lastSignificant;
    if (last === '' || REGEX_PRECEDERS.has(last)) return true;
    if (!isIdentChar(last)) return false;
    return REGEX_KEYWORDS.has(wordBefore(this.text, i));
  }

  private regexEnd(from: number): number {
    const { text, n } = this;
    let j = from;
    let inClass = false;
    while (j < n && text[j] !== '\n' && text[j] !== '\r') {
      const d = text[j]!;
      if (d === '\\') j += 2;
      else if (inClass) {
        if (d === ']') inClass = false;
        j++;
      } else if (d === '[') {
        inClass = true;
        j++;
      } else if (d === '/') return j + 1;
      else j++;
    }
    return j;
  }

  /** Ruby %q(…) %Q[…] %w{…} %(…) %r{…}: a string (or regex) with a chosen delimiter. */
  private percentLiteral(i: number): boolean {
    const { text } = this;
    let j = i + 1;
    const kind = 'qQwWiIrsx'.includes(text[j] ?? ' ') ? text[j++]! : '';
    const open = text[j];
    if (open === undefined || isIdentChar(open) || isBlank(open) || isNewline(open) || open === '=') return false;
    const end = this.delimitedEnd(j + 1, open);
    if (kind !== 'r' && kind !== 's') this.pushString(j + 1, end);
    this.i = Math.min(end + 1, this.n);
    this.lastSignificant = '"';
    return true;
  }

  /** Elixir sigils (~s(…), ~S"""…""", ~r/…/) and ?c character literals. */
  private sigil(i: number, c: string): boolean {
    const { text } = this;
    if (c === '?' && !isIdentChar(text[i - 1]) && text[i + 1] !== undefined && !isBlank(text[i + 1]) && !isNewline(text[i + 1])) {
      this.i = text[i + 1] === '\\' ? i + 3 : i + 2;
      this.lastSignificant = '"';
      return true;
    }
    if (c !== '~' || !/[A-Za-z]/.test(text[i + 1] ?? '')) return false;
    let j = i + 1;
    while (/[A-Za-z]/.test(text[j] ?? '')) j++;
    const letter = text[i + 1]!;
    const open = text[j];
    if (open === undefined || !'/|"\'([{<'.includes(open)) return false;
    if ((open === '"' || open === "'") && text[j + 1] === open && text[j + 2] === open) {
      const end = endBefore(text, open + open + open, j + 3);
      const stop = Math.min(end + 3, text.length);
      if (this.isDocstring(i, stop)) this.blank(i, stop);
      else if (letter !== 'r' && letter !== 'R') this.pushString(j + 3, end);
      this.i = stop;
    } else {
      const end = this.delimitedEnd(j + 1, open);
      const stop = Math.min(end + 1, this.n);
      if (this.isDocstring(i, stop)) this.blank(i, stop);
      else if (letter !== 'r' && letter !== 'R') this.pushString(j + 1, end);
      this.i = stop;
    }
    this.lastSignificant = '"';
    return true;
  }

  /** The closing delimiter of a %-literal or sigil; bracket pairs nest. */
  private delimitedEnd(from: number, open: string): number {
    const { text, n } = this;
    const close = CLOSERS[open] ?? open;
    let depth = 1;
    let j = from;
    while (j < n) {
      const c = text[j]!;
      if (c === '\\') j += 2;
      else if (c === close && --depth === 0) return j;
      else {
        if (c === open && close !== open) depth++;
        j++;
      }
    }
    return n;
  }

  /** Rust: 'x' and '\n' are characters, 'a is a lifetime. */
  private rustQuote(i: number): boolean {
    const { text } = this;
    let stop = i + 1;
    if (text[i + 1] === '\\') {
      const close = text.indexOf("'", i + 2);
      if (close > 0 && close < i + 12) stop = close + 1;
    } else if (text[i + 2] === "'") stop = i + 3;
    else if (text[i + 3] === "'" && /[\uD800-\uDBFF]/.test(text[i + 1]!)) stop = i + 4;
    this.i = stop;
    this.lastSignificant = stop > i + 1 ? '"' : "'";
    return true;
  }

  /** r"…", r#"…"#, br"…", b"…" is an ordinary quote. */
  private rustRaw(i: number): boolean {
    const { text } = this;
    let j = i;
    if (isIdentChar(text[i - 1])) return false;
    if (text[j] === 'b') j++;
    if (text[j] !== 'r') return false;
    j++;
    let hashes = 0;
    while (text[j] === '#') {
      hashes++;
      j++;
    }
    if (text[j] !== '"') return false;
    const close = '"' + '#'.repeat(hashes);
    const end = endBefore(text, close, j + 1);
    this.pushString(j + 1, end);
    this.i = Math.min(end + close.length, this.n);
    this.lastSignificant = '"';
    return true;
  }

  /** C# @"…", $@"…", @$"…": verbatim strings, where "" is a quote and backslashes are literal. */
  private csharpVerbatim(i: number): boolean {
    const { text, n } = this;
    let j = i;
    if (text[j] === '$' && text[j + 1] === '@') j += 2;
    else if (text[j] === '@' && text[j + 1] === '$') j += 2;
    else if (text[j] === '@') j += 1;
    else return false;
    if (text[j] !== '"') return false;
    let k = j + 1;
    while (k < n) {
      if (text[k] === '"' && text[k + 1] === '"') k += 2;
      else if (text[k] === '"') break;
      else k++;
    }
    this.pushString(j + 1, k);
    this.i = Math.min(k + 1, n);
    this.lastSignificant = '"';
    return true;
  }

  /** A heredoc opener: remember it; its body starts at the next line break. */
  private heredocOpener(i: number): boolean {
    const { text, spec } = this;
    const flavour = spec.heredocs!;
    if (flavour === 'shell' && text[i + 2] === '<') {
      this.i = i + 3; // <<< here-string: an ordinary word follows
      return true;
    }
    // $(( a << b )) shifts inside shell arithmetic.
    if (flavour === 'shell' && this.depth >= 2) return false;
    const re = HEREDOC_OPENERS[flavour];
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return false;
    const flag = m[1] ?? '';
    const tag = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    // Ruby: a bare <<NAME without ~ or - is only a heredoc when NAME looks like a constant (x <<y shifts).
    if (flavour === 'ruby' && m[5] !== undefined && flag === '' && !/^[A-Z_][A-Z0-9_]*$/.test(tag)) return false;
    this.pending.push({ tag, indented: flavour === 'php' || flag !== '', trailingCode: flavour === 'php' });
    this.i = i + m[0].length;
    this.lastSignificant = '"';
    return true;
  }

  /** Consumes one heredoc body starting at `from`; returns the offset after its closing line. */
  private heredocBody(from: number, h: PendingHeredoc): number {
    const { text, n } = this;
    let lineStart = from;
    while (lineStart < n) {
      const lineEnd = this.lineEnd(lineStart);
      let j = lineStart;
      if (h.indented) while (isBlank(text[j])) j++;
      if (text.startsWith(h.tag, j) && !isIdentChar(text[j + h.tag.length])) {
        let k = j + h.tag.length;
        if (!h.trailingCode) while (isBlank(text[k])) k++;
        if (h.trailingCode || k === lineEnd) {
          this.pushString(from, lineStart);
          // PHP: what follows the tag on its line (`;`, `)`) is code again.
          return h.trailingCode ? j + h.tag.length : lineEnd;
        }
      }
      lineStart = lineEnd < n ? lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1) : n;
    }
    this.pushString(from, n);
    return n;
  }
}

const bodyPatterns = new Map<string, RegExp>();

/**
 * The offset of the quote closing a string body without interpolation that starts at `from`
 * (or of the line break ending it, or the end of the text), found by one sticky pattern: the
 * unrolled loop `[^q\\]*(?:\\.[^q\\]*)*` runs natively instead of a character at a time.
 */
function bodyEnd(text: string, from: number, quote: string, escapes: boolean, multiline: boolean): number {
  const key = quote + (escapes ? 'e' : '') + (multiline ? 'm' : '');
  let re = bodyPatterns.get(key);
  if (!re) {
    const q = quote === '\\' ? '\\\\' : quote;
    const plain = `[^${q}${escapes ? '\\\\' : ''}${multiline ? '' : '\\n\\r'}]*`;
    re = new RegExp(escapes ? `${plain}(?:\\\\[\\s\\S]${plain})*` : plain, 'y');
    bodyPatterns.set(key, re);
  }
  re.lastIndex = from;
  re.test(text);
  const end = re.lastIndex;
  // Only a backslash that is the last character stops the pattern elsewhere: it escapes the end.
  return end < text.length && text[end] === '\\' ? text.length : end;
}

function isNewlineOrEnd(text: string, i: number): boolean {
  return i >= text.length || isNewline(text[i]);
}

/** Offset just after `close`, searching from `from`; the end of text when it never comes. */
function endOf(text: string, close: string, from: number): number {
  const k = text.indexOf(close, from);
  return k < 0 ? text.length : k + close.length;
}

/** Offset of `close`, searching from `from`; the end of text when it never comes. */
function endBefore(text: string, close: string, from: number): number {
  const k = text.indexOf(close, from);
  return k < 0 ? text.length : k;
}

function wordBefore(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && isBlank(text[j])) j--;
  let k = j;
  while (k >= 0 && isIdentChar(text[k])) k--;
  return text.slice(k + 1, j + 1);
}

function onlyIndentBefore(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isBlank(text[j])) j--;
  return j < 0 || isNewline(text[j]);
}

const SPACES = ' '.repeat(256);
const spaces = (n: number): string => (n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n));

/** The next offset of `c` at or after `from`, or Infinity. */
const nextOf = (text: string, c: string, from: number): number => {
  const k = text.indexOf(c, from);
  return k < 0 ? Infinity : k;
};

/**
 * The text with each blank range replaced by spaces, keeping its line breaks. Comments are a
 * third of much code, so this is done on bytes with native fills, not a character at a time:
 * the text is copied into a buffer (one byte a character when it fits, else UTF-16), each range
 * filled with spaces, and its line breaks, found with indexOf, put back.
 */
function applyBlanks(text: string, blanks: number[]): string {
  const wide = !fitsLatin1(text);
  const width = wide ? 2 : 1;
  const buf = scratch(text.length * width);
  buf.write(text, 0, wide ? 'utf16le' : 'latin1');
  let nl = -1;
  let cr = text.includes('\r') ? -1 : Infinity;
  for (let b = 0; b < blanks.length; b += 2) {
    const from = blanks[b]!;
    const to = Math.min(blanks[b + 1]!, text.length);
    if (wide) buf.fill(' ', from * 2, to * 2, 'utf16le');
    else buf.fill(32, from, to);
    // The next line break is remembered, so a long line with many comments is searched once.
    if (nl < from) nl = nextOf(text, '\n', from);
    while (nl < to) {
      buf[nl * width] = 10;
      nl = nextOf(text, '\n', nl + 1);
    }
    if (cr < from) cr = nextOf(text, '\r', from);
    while (cr < to) {
      buf[cr * width] = 13;
      cr = nextOf(text, '\r', cr + 1);
    }
  }
  return stringOf(buf, wide ? 'utf16le' : 'latin1');
}

// Node returns a string decoded from a buffer of over about a megabyte as an external string
// (pointing at memory outside V8's heap). Loops over external and ordinary strings alike run
// slower on both (see gramScanner in catalogue/gram-scan.ts), so large texts are decoded in
// pieces and joined, which gives an ordinary string like every other the scan reads.
const PIECE = 1 << 19;

function stringOf(buf: Buffer, encoding: 'latin1' | 'utf16le'): string {
  if (buf.length <= PIECE) return buf.toString(encoding);
  const pieces: string[] = [];
  for (let at = 0; at < buf.length; at += PIECE) pieces.push(buf.toString(encoding, at, Math.min(buf.length, at + PIECE)));
  return pieces.join('');
}

/** One buffer per thread for blanking comments. */
const scratch = reusableBuffer(1 << 16);

/** Index of the string token containing `offset` (content or quotes), or -1. Strings are sorted by start. */
export function stringAt(strings: StringToken[], offset: number): number {
  let lo = 0;
  let hi = strings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (strings[mid]!.start - 1 <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const s = strings[found]!;
  return offset <= s.start + s.value.length ? found : -1;
}

/** Index of the first string token starting at or after `offset`. */
export function firstStringFrom(strings: StringToken[], offset: number): number {
  let lo = 0;
  let hi = strings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strings[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
