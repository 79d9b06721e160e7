import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { unsafeRegexReason } from '../../src/catalogue/regex-safety.js';
import { defaultMatcher } from '../../src/catalogue/index.js';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('no network, no code execution', () => {
  it('a full scan completes with every socket, DNS and HTTP call made to fail', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', '--import', join(__dirname, 'no-network.mjs'), join(ROOT, 'src', 'cli.ts'), join(ROOT, '__tests__', 'fixtures', 'site'), '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', cwd: ROOT });
    expect(res.stderr).not.toMatch(/NETWORK USED/);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).services.length).toBeGreaterThan(5);
  });

  it('the scanner has no eval, no dynamic require or import, and spawns only git', () => {
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const rel = file.slice(ROOT.length + 1);
      expect(text, rel).not.toMatch(/\beval\s*\(|new Function\s*\(|\bvm\.run|require\s*\(\s*[^'"\s]/);
      expect(text, rel).not.toMatch(/\bimport\s*\(\s*[^'"\s)]/);
      if (/from ['"](?:node:)?child_process['"]/.test(text)) expect(rel, 'only the git reader may spawn processes').toMatch(/^src\/(diff\/git\.ts|action\/.*)$/);
    }
  });
});

describe('regular expressions against attacker-controlled text', () => {
  it.each([
    ['(a+)+$', /nested quantifier/],
    ['(\\w*)*x', /nested quantifier/],
    ['(?:x|y+)+z', /nested quantifier/],
    ['\\s*\\s*x', /adjacent unbounded/],
    ['(a)\\1', /back-references/],
    ['(?=a)b', /lookaround/],
    ['[', /invalid regular expression/],
  ])('the catalogue refuses %s', (src, reason) => {
    expect(unsafeRegexReason(src)).toMatch(reason);
  });

  it.each(['\\bfbq\\(\\s*[\'"]init', 'posthog\\.init\\(', '\\bgtag\\(\\s*[\'"]config'])('accepts a plain snippet %s', (src) => {
    expect(unsafeRegexReason(src)).toBeNull();
  });

  it('every snippet of the catalogue runs over worst-case inputs in bounded time (the test timeout is the bound)', () => {
    const m = defaultMatcher();
    const nasty = [
      'a'.repeat(200_000),
      '('.repeat(50_000) + ')'.repeat(50_000),
      'fbq(' + ' '.repeat(100_000),
      'gtag(' + "'".repeat(100_000),
      '_hj'.repeat(50_000),
      'window.'.repeat(30_000) + 'x',
      'https://'.repeat(20_000),
    ];
    for (const text of nasty) expect(() => m.snippets(text)).not.toThrow();
  }, 20_000);
});
