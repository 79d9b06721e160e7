import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pl-vendors-'));
  writeFileSync(join(dir, 'subprocessors.html'), ['<!doctype html>', '<h1>Subprocessors</h1>', '<table>', '<tr><td>Stripe, Inc.</td><td>Payments</td></tr>', '<tr><td>Functional Software, Inc. (d/b/a Sentry)</td><td>Errors</td></tr>', '</table>', '<script>window.intercomSettings = {};</script>'].join('\n'));
  writeFileSync(join(dir, 'subprocessors.csv'), ['name,purpose,location', '"Hotjar Ltd",Analytics,Malta', '"Zendesk, Inc.",Support,US'].join('\n'));
  writeFileSync(join(dir, 'subprocessors.yml'), ['subprocessors:', '  - name: Mailgun Technologies, Inc.', '    purpose: email', '  - name: "Cloudflare, Inc."'].join('\n'));
  writeFileSync(join(dir, 'notice.txt'), 'We render pages in Canada and never share data.\n');
  mkdirSync(join(dir, 'folder'));
});

describe('privacy-lint vendors', () => {
  it('lists the services an HTML page names, one line each, with the line in the file', async () => {
    const { code, stdout } = await cli(['vendors', 'subprocessors.html'], dir);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'subprocessors.html:4  stripe  Stripe',
      'subprocessors.html:5  sentry  Sentry  (as "Functional Software, Inc. d/b/a Sentry")',
      '2 catalogue services named',
      '',
    ]);
  });

  it.each([
    ['subprocessors.csv', [{ id: 'hotjar', name: 'Hotjar', line: 2 }, { id: 'zendesk', name: 'Zendesk', line: 3 }]],
    ['subprocessors.yml', [{ id: 'mailgun', name: 'Mailgun', line: 2 }, { id: 'cloudflare', name: 'Cloudflare', line: 4 }]],
    ['notice.txt', []],
  ])('--format json for %s', async (file, services) => {
    const { code, stdout } = await cli(['vendors', file, '--format', 'json'], dir);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { file: string; services: { id: string; name: string; line: number }[] };
    expect(out.file).toBe(file);
    expect(out.services.map(({ id, name, line }) => ({ id, name, line }))).toEqual(services);
  });

  it('says so when a document names no catalogue service', async () => {
    const { code, stdout } = await cli(['vendors', 'notice.txt'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('notice.txt: names no service in the catalogue\n');
  });

  it.each([
    [['vendors'], /needs a FILE/],
    [['vendors', 'a.txt', 'b.txt'], /one file at a time/],
    [['vendors', 'missing.txt'], /file not found: missing.txt/],
    [['vendors', 'folder'], /is a folder/],
    [['vendors', 'notice.txt', '--format', 'xml'], /--format must be text or json/],
    [['vendors', '--bogus'], /Unknown option/],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const { code, stderr, stdout } = await cli(args, dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
