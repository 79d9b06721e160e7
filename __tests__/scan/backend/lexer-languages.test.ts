import { describe, it, expect } from 'vitest';
import { lex, LANGUAGES, stringAt, firstStringFrom, type Language } from '../../../src/scan/lexer.js';

const strings = (lang: Language, src: string): string[] => lex(src, LANGUAGES[lang]).strings.map((s) => s.value);

// [language, what the case shows, source, the string literals expected, in order]
const CASES: [Language, string, string, string[]][] = [
  // Python
  ['python', 'module, function and class docstrings are documentation', `"""Mailer: https://api.mailgun.net"""\nclass A:\n    """https://a.io"""\n    def f(self):\n        '''https://b.io'''\n        return "kept"\n`, ['kept']],
  ['python', 'an attribute docstring after an assignment is documentation', `URL = "https://api.openai.com"\n"""Docs: https://platform.openai.com"""\n`, ['https://api.openai.com']],
  ['python', 'prefixed docstrings (r, f, rb) are documentation too', `def f():\n    r"""raw https://a.io"""\n    return 1\n`, []],
  ['python', 'a triple-quoted value, argument or parenthesised string is a string', `q = """\nhttps://kept.io\n"""\nfoo(\n    """arg https://arg.io"""\n)\nx = (\n    """p"""\n)\n`, ['\nhttps://kept.io\n', 'arg https://arg.io', 'p']],
  ['python', 'a string that starts a line but continues an expression is a string', `"""https://a.io""".format(1)\nx = 1 + \\\n    """cont"""\n`, ['https://a.io', 'cont']],
  ['python', 'f-strings and raw strings; # inside a string is not a comment', `u = f"https://{host}/v1#x"  # "no"\nr = r'C:\\path' # 'no'\n`, ['https://{host}/v1#x', 'C:\\path']],
  // Ruby
  ['ruby', '# comments, =begin/=end blocks and __END__ data are not code', `# "no"\nx = "yes"\n=begin\n"no"\n=end\ny = 'ok'\n__END__\n"data"\n`, ['yes', 'ok']],
  ['ruby', 'heredocs: <<~, <<-, quoted tags, two on one line', `a = <<~A\n  https://a.io\nA\nb = <<-'B'\n  raw\n  B\nfoo(<<~C, <<~D)\n  c\nC\n  d\nD\nz = "after"\n`, ['  https://a.io\n', '  raw\n', '  c\n', '  d\n', 'after']],
  ['ruby', 'a heredoc written in a comment is still a comment', `# mg.post(<<~MAIL)\n#   https://api.mailgun.net\n# MAIL\nx = "code"\n`, ['code']],
  ['ruby', 'the shovel and class << self are not heredocs', `arr << "x"\nclass << self\nend\ny = "y"\n`, ['x', 'y']],
  ['ruby', '%-literals, regex literals with quotes, interpolation with nested quotes', `a = %w[api.openai.com]\nb = %q(it's "q")\nr = /["']/\nc = "#{h("x")} https://i.io"\nd = x / 2 # "no"\n`, ['api.openai.com', `it's "q"`, '#{h("x")} https://i.io']],
  // Go
  ['go', 'raw strings span lines; a rune can be a quote', "r := '\"'\ns := `raw\nhttps://g.io`\n// \"no\"\n/* \"no\" */\nt := \"t\"", ['"', 'raw\nhttps://g.io', 't']],
  // PHP
  ['php', '//, # and /* */ are comments; #[Attribute] is code', `<?php\n#[Route("/hook")]\n# "no"\n// "no"\n/** "no" */\n$a = 'yes';\n`, ['/hook', 'yes']],
  ['php', 'heredoc with an indented closing tag, and nowdoc', `<?php\n$a = <<<EOT\n    https://h.io/{$x}\n    EOT;\n$b = <<<'N'\nhttps://now.io\nN;\n$c = "after";\n`, ['    https://h.io/{$x}\n', 'https://now.io\n', 'after']],
  ['php', 'double-quoted strings may span lines', `<?php\n$sql = "SELECT *\n  FROM t"; // "no https://a.io"\n`, ['SELECT *\n  FROM t']],
  // Java, Kotlin, Swift, C#
  ['java', 'text blocks are strings, javadoc is a comment', `/** See "https://a.io" */\nString p = """\n  https://t.io\n  """;\nchar q = '"'; // "no"\n`, ['\n  https://t.io\n  ', '"']],
  ['kotlin', 'block comments nest; ${…} holes may hold quotes', `/* a /* b "no" */ "no" */\nval s = "\${m["k"]} https://k.io"\nval t = """\nhttps://t.io\n"""\n`, ['${m["k"]} https://k.io', '\nhttps://t.io\n']],
  ['swift', '\\(…) holes may hold quotes', `let a = "\\(f("x")) https://sw.io" // "no"\nlet b = "b"`, ['\\(f("x")) https://sw.io', 'b']],
  ['csharp', 'verbatim, interpolated-verbatim and raw strings', `var a = @"C:\\logs\\"; var b = $@"{x}\\"; var c = @"say ""hi"""; var d = """\nhttps://r.io\n"""; // "no"\n`, ['C:\\logs\\', '{x}\\', 'say ""hi""', '\nhttps://r.io\n']],
  // Rust
  ['rust', 'raw and byte strings, char literals, lifetimes, nested comments', `fn f<'a>(x: &'a str) { let c = '"'; let s = r#"say "hi""#; let b = br"b"; /* /* "no" */ "no" */ let t = "multi\nline"; }`, ['say "hi"', 'b', 'multi\nline']],
  ['rust', '/// doc comments are comments', `/// Calls "https://api.openai.com"\nfn f() -> &'static str { "x" }`, ['x']],
  // Elixir
  ['elixir', '@moduledoc and @doc are documentation; sigils and ?" are code', `@moduledoc """\nhttps://doc.io\n"""\n@doc "Short https://d.io"\ndef f, do: ~s(https://s.io "q")\nx = ?"\ny = "#{a("b")} https://e.io"\nz = ~r/"/\n`, ['https://s.io "q"', '#{a("b")} https://e.io']],
  // Shell
  ['shell', 'heredocs (<<EOF, <<-EOF, quoted), here-strings and arithmetic shifts', `cat <<EOF > x\nhttps://h.io\nEOF\ncat <<-'E'\n\tliteral\n\tE\nread <<< "word"\nx=$((1 << 2))\necho "after"\n`, ['https://h.io\n', '\tliteral\n', 'word', 'after']],
  ['shell', "single quotes have no escapes; $(…) holes may hold quotes; ${#x} is not a comment", `echo 'C:\\' "$(curl "https://in.io")" \${#x} # "no"\n`, ['C:\\', '$(curl "https://in.io")']],
  // Languages read only for URLs of known hosts
  ['lua', '-- lines and --[[ … ]] blocks are comments', `-- "no"\n--[[ x = "no"\n]]\nlocal a = "yes" .. 'too'\n`, ['yes', 'too']],
  ['haskell', '{- … -} blocks nest; an apostrophe is part of a name', `{- a {- "no" -} "no" -}\nf x' = get "https://h.io" -- "no"\n`, ['https://h.io']],
  ['lisp', '; starts a comment', `; (post "no")\n(post "https://c.io")\n`, ['https://c.io']],
  ['erlang', '% starts a comment', `% "no"\nU = "https://e.io".\n`, ['https://e.io']],
  ['basic', "an apostrophe starts a comment", `Dim u = "https://v.io" ' "no"\n`, ['https://v.io']],
  ['ml', '(* … *) blocks nest; // lines are comments (F#)', `(* a (* "no" *) "no" *)\nlet u = "https://f.io" // "no"\n`, ['https://f.io']],
  ['ml', 'a string may span lines (an F# view writing a script)', `let s = "(function(){\n  a.src='//www.google-analytics.com/analytics.js';\n})()" // "no"\n`, ["(function(){\n  a.src='//www.google-analytics.com/analytics.js';\n})()"]],
  // Config formats
  ['config', 'YAML: # needs a space before it; an apostrophe inside a plain value opens nothing', `url: https://a.io/#frag # "no"\nnote: Don't call https://x.io\n# 'no'\nkey: 'v'\nother: "y" # "no"\n`, ['v', 'y']],
  ['toml', 'TOML: multi-line and literal strings', `a = """\nhttps://t.io\n"""\nb = 'C:\\'\nc = "d" # "no"\n`, ['\nhttps://t.io\n', 'C:\\', 'd']],
  ['hcl', 'HCL: three comment styles, heredocs, ${…} holes with quotes', `# "no"\n// "no"\n/* "no" */\nx = "\${join(",", var.l)}"\ny = <<-EOT\n  https://h.io\n  EOT\nz = "after"\n`, ['${join(",", var.l)}', '  https://h.io\n', 'after']],
  ['json', 'JSON with comments', `{\n  // "no"\n  "a": "https://j.io" /* "no" */\n}`, ['a', 'https://j.io']],
  // JavaScript
  ['js', 'nested template literals and regex literals with quotes', 'const t = `a ${`b ${"c"}`} https://t.io`; const r = /["\']/g; const s = "s"; x = a / b / c; const u = "u";', ['a ${`b ${"c"}`} https://t.io', 's', 'u']],
];

describe('the shared lexer, language by language', () => {
  it.each(CASES)('%s: %s', (lang, _what, src, expected) => {
    expect(strings(lang, src)).toEqual(expected);
  });

  it.each(CASES)('%s: blanking comments keeps every offset and line break (%s)', (lang, _what, src) => {
    const { code, strings: found } = lex(src, LANGUAGES[lang]);
    expect(code.length).toBe(src.length);
    expect(code.split('\n').length).toBe(src.split('\n').length);
    for (const s of found) expect(src.slice(s.start, s.start + s.value.length)).toBe(s.value);
  });

  it('blanks comment text out of the code view', () => {
    const { code } = lex('x = 1 # https://api.openai.com\n"""doc https://b.io"""\ny = 2\n', LANGUAGES.python);
    expect(code).not.toContain('openai');
    expect(code).not.toContain('b.io');
    expect(code).toContain('y = 2');
  });

  it('stops at the end of text on anything left open, without throwing', () => {
    for (const [lang, src] of [['ruby', 'x = <<~A\n'], ['php', '<?php $a = <<<EOT\nabc'], ['rust', '/* /* */'], ['elixir', '~s('], ['kotlin', '"${'], ['csharp', '@"abc'], ['shell', "'abc"], ['python', "'''abc"], ['js', '`${`']] as const) {
      expect(() => lex(src, LANGUAGES[lang])).not.toThrow();
    }
  });

  it('finds the string at an offset and the first string after one', () => {
    const src = 'a = "one"; b = "two"';
    const { strings: found } = lex(src, LANGUAGES.js);
    expect(stringAt(found, src.indexOf('one'))).toBe(0);
    expect(stringAt(found, src.indexOf('"one"'))).toBe(0);
    expect(stringAt(found, src.indexOf('b ='))).toBe(-1);
    expect(firstStringFrom(found, src.indexOf('b ='))).toBe(1);
    expect(firstStringFrom(found, src.length)).toBe(2);
  });
});
