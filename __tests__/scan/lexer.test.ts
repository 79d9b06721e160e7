import { describe, it, expect } from 'vitest';
import { lex, LANGUAGES } from '../../src/scan/lexer.js';

const strings = (lang: string, src: string): string[] => lex(src, LANGUAGES[lang]!).strings.map((s) => s.value);

describe('lexer: strings are found, comments are not strings', () => {
  it.each([
    ['js', `// "https://a.com"\nconst x = "https://b.com"; /* 'c' */ const y = 'd';`, ['https://b.com', 'd']],
    ['js', 'const t = `https://e.com/${id}/x`;', ['https://e.com/${id}/x']],
    ['js', `const re = /"not a string"/g; const s = "yes";`, ['yes']],
    ['js', `const s = 'it\\'s'; // 'no'`, ["it\\'s"]],
    ['python', `# "https://a.com"\nx = "https://b.com"\n`, ['https://b.com']],
    ['python', `def f():\n    """Docstring https://docs.example.io"""\n    return 'https://api.io'\n`, ['https://api.io']],
    ['python', `x = f'''multi\nline'''`, ['multi\nline']],
    ['ruby', `# "no"\nurl = "yes"\n=begin\n"no"\n=end\nz = 'ok'`, ['yes', 'ok']],
    ['ruby', `body = <<~EOS\n  https://heredoc.io\nEOS\nx = "after"`, ['  https://heredoc.io\n', 'after']],
    ['go', "// \"no\"\nu := `raw https://a.io`\nv := \"b\"", ['raw https://a.io', 'b']],
    ['php', `<?php # 'no'\n// "no"\n$x = "yes"; /* 'no' */`, ['yes']],
    ['rust', `// "no"\nlet s = r#"raw "quoted""#; let t = "u";`, ['raw "quoted"', 'u']],
    ['csharp', `// "no"\nvar s = @"C:\\path""x"; var t = "u";`, ['C:\\path""x', 'u']],
    ['config', `url: https://a.io/#frag # comment "no"\nkey: "v"`, ['v']],
    ['shell', `curl "https://a.io" # "no"`, ['https://a.io']],
  ])('%s: %j', (lang, src, expected) => {
    expect(strings(lang, src)).toEqual(expected);
  });

  it('blanks comments but keeps line breaks, so offsets and lines stay right', () => {
    const src = 'a // x\n/* y\nz */ b';
    const { code } = lex(src, LANGUAGES.js!);
    expect(code.length).toBe(src.length);
    expect(code.split('\n').length).toBe(3);
    expect(code).not.toContain('x');
    expect(code).toContain('b');
  });

  it('reports string offsets that point at the content', () => {
    const src = 'x = 1\ny = "hello"';
    const [s] = lex(src, LANGUAGES.python!).strings;
    expect(src.slice(s!.start, s!.start + 5)).toBe('hello');
  });

  it('an unterminated string or comment ends at end of file without throwing', () => {
    expect(() => lex('"abc', LANGUAGES.js!)).not.toThrow();
    expect(() => lex('/* abc', LANGUAGES.js!)).not.toThrow();
    expect(() => lex('"""abc', LANGUAGES.python!)).not.toThrow();
    expect(() => lex('<<EOF\nabc', LANGUAGES.shell!)).not.toThrow();
  });
});

describe('language specs', () => {
  // The lexer reads the spec on every token: one shape for all keeps those reads monomorphic.
  it('all have the same fields in the same order', () => {
    const shapes = new Set(Object.values(LANGUAGES).map((spec) => Object.keys(spec).join(',')));
    expect(shapes.size).toBe(1);
    expect(Object.keys(LANGUAGES.json)).toContain('interpolation');
  });
});
