import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, openSync, ftruncateSync, closeSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import type { LintResult } from '../../src/lint.js';

const GA = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>';
let root = '';
let result: LintResult;

// A repository with known findings and every kind of bad input mixed in: the known findings
// must all still be reported, and each bad file named in errors or counted as skipped.
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pl-hostile-'));
  const w = (p: string, data: string | Buffer): void => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), data);
  };
  w('index.html', `<html>\n${GA}\n</html>`);
  w('requirements.txt', 'stripe==9\n');
  // Broken and deep HTML: unclosed tags, a script inside a script, 10,000 levels of nesting.
  w('broken.html', '<div><p><span>unclosed <b><i>\n<script>var a = "<script>";</script>\n' + '<div>'.repeat(10000) + '\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n');
  // Text with a stray NUL byte is still text; CRLF and lone CR keep lines right.
  w('nul.html', 'a\u0000b\n<img src="https://www.facebook.com/tr?id=1">\n');
  w('crlf.html', 'x\r\ny\r\n<script src="https://js.stripe.com/v3/"></script>\r\n');
  w('cr.html', 'x\ry\r<script src="https://static.hotjar.com/c/hotjar-1.js"></script>\r');
  // UTF-16 with a BOM, Latin-1, UTF-8 BOM.
  w('utf16.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\n<script src="https://cdn.segment.com/analytics.js/v1/k/analytics.min.js"></script>', 'utf16le')]));
  w('latin1.html', Buffer.from('caf\xe9\n<script src="https://widget.intercom.io/widget/x"></script>\n', 'latin1'));
  w('bom.js', '\ufeffconst u = "https://api.mixpanel.com/track";\n');
  // Invalid manifests.
  w('bad/package.json', '{"dependencies": {"stripe": ');
  w('array/package.json', '[1, 2, 3]');
  w('dup/package.json', '{"dependencies": {"openai": "1"}, "dependencies": {"openai": "2"}}');
  w('bad/pyproject.toml', '[project\nname = ');
  w('bad/Cargo.toml', '[dependencies]\nx = = 1\n');
  w('bad/pnpm-lock.yaml', 'importers: [\n');
  // Huge files: a 50 MB minified bundle and a 1 GB sparse file are skipped by size, never read.
  w('big/bundle.min.js', Buffer.alloc(50 * 1024 * 1024, 'a'));
  const fd = openSync(join(root, 'big', 'sparse.js'), 'w');
  ftruncateSync(fd, 1024 * 1024 * 1024);
  closeSync(fd);
  // Symlink loops and links out of the root are never followed.
  mkdirSync(join(root, 'links'));
  symlinkSync(join(root, 'links', 'b'), join(root, 'links', 'a'));
  symlinkSync(join(root, 'links', 'a'), join(root, 'links', 'b'));
  symlinkSync(root, join(root, 'links', 'parent'));
  symlinkSync('/etc', join(root, 'links', 'etc'));
  // A FIFO would block a reader forever.
  execFileSync('mkfifo', [join(root, 'pipe.js')]);
  // File names that look like workflow commands or break CSV and Markdown.
  w('odd/x%0A::set-output name=a::b,c:d.js', 'fetch("https://api.odd-vendor.io/x")\n');
  w('odd/new\nline.js', 'fetch("https://api.newline-vendor.io/x")\n');
  // Names that are also properties of every JavaScript object.
  for (const name of ['__proto__', 'constructor', 'proto/x.__proto__', 'proto/y.toString', 'proto/hasOwnProperty']) w(name, 'fetch("https://api.proto-vendor.io/x")\n');
  // A directory with 100,000 entries.
  mkdirSync(join(root, 'many'));
  for (let i = 0; i < 100_000; i++) writeFileSync(join(root, 'many', `f${i}.txt`), '');
  // A package.json whose scripts would write a marker if anything ran them.
  w('evil/package.json', JSON.stringify({ scripts: { preinstall: 'touch ../PWNED', postinstall: 'touch ../PWNED', test: 'touch ../PWNED' }, dependencies: { stripe: '1' } }));
  result = await lint(root, defaultMatcher(), {});
}, 180_000);

describe('a hostile repository', () => {
  it('still reports every known service, including those after or inside bad files', () => {
    const ids = result.report.services.map((s) => s.id);
    for (const id of ['google-analytics', 'stripe', 'youtube', 'meta-pixel', 'hotjar', 'segment', 'intercom', 'mixpanel']) expect(ids).toContain(id);
    expect(result.report.unclassified.map((u) => u.host)).toEqual(expect.arrayContaining(['api.odd-vendor.io', 'api.newline-vendor.io']));
    expect(result.failing.length).toBeGreaterThan(0);
  });

  it('keeps line numbers right with CRLF, lone CR, UTF-16 and BOMs', () => {
    const at = (id: string, path: string): number => result.report.services.find((s) => s.id === id)!.evidence.find((e) => e.path === path)!.line;
    expect(at('stripe', 'crlf.html')).toBe(3);
    expect(at('hotjar', 'cr.html')).toBe(3);
    expect(at('segment', 'utf16.html')).toBe(2);
    expect(at('intercom', 'latin1.html')).toBe(2);
    expect(at('meta-pixel', 'nul.html')).toBe(2);
    const bom = result.report.services.find((s) => s.id === 'mixpanel')!.evidence[0]!;
    expect([bom.line, bom.column]).toEqual([1, 12]);
  });

  it('names each invalid manifest in errors and goes on', () => {
    const errs = result.report.errors.map((e) => `${e.path}: ${e.message}`);
    expect(errs.some((e) => e.startsWith('bad/package.json: invalid JSON'))).toBe(true);
    expect(errs.some((e) => e.startsWith('array/package.json: package.json is not a JSON object'))).toBe(true);
    expect(errs.some((e) => e.startsWith('bad/pyproject.toml: invalid TOML'))).toBe(true);
    expect(errs.some((e) => e.startsWith('bad/Cargo.toml: invalid TOML'))).toBe(true);
    expect(errs.some((e) => e.startsWith('bad/pnpm-lock.yaml: invalid YAML'))).toBe(true);
  });

  it('counts what it skipped instead of reading it', () => {
    const by = result.report.stats.skippedBy;
    expect(by['too-large']).toBe(2);
    expect(by.symlink).toBe(4);
    expect(by['not-a-regular-file']).toBe(1);
    expect(by.prose).toBe(100_000);
  });

  it('reads no file by a name every JavaScript object knows (__proto__, constructor …)', () => {
    expect(result.report.errors.filter((e) => /__proto__|constructor|toString|hasOwnProperty/.test(e.path))).toEqual([]);
    expect(result.report.unclassified.some((u) => u.host === 'api.proto-vendor.io')).toBe(false);
  });

  it('keeps odd file names exactly as they are', () => {
    const paths = result.report.unclassified.flatMap((u) => u.evidence.map((e) => e.path));
    expect(paths).toContain('odd/x%0A::set-output name=a::b,c:d.js');
    expect(paths).toContain('odd/new\nline.js');
  });

  it('never runs anything from the scanned repository', () => {
    expect(existsSync(join(root, 'PWNED'))).toBe(false);
    expect(result.report.services.find((s) => s.id === 'stripe')!.evidence.some((e) => e.path === 'evil/package.json')).toBe(true);
  });
});
