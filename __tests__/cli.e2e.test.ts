import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../src/cli/run.js';
import type { Report } from '../src/model.js';

const FIXTURES = join(__dirname, 'fixtures');

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: process.cwd(),
    env,
  });
  return { code, stdout, stderr };
}

describe('privacy-lint on the fixture site, end to end', () => {
  it('lists each service with its evidence on the right lines, and nothing for the negatives', async () => {
    const { code, stdout, stderr } = await cli([join(FIXTURES, 'site'), '--format', 'json']);
    // No policy file: ungated trackers and missing paperwork are errors, so the run fails.
    expect(code).toBe(1);
    expect(stderr).toMatch(/finding\(s\) at or above "error"/);
    const report = JSON.parse(stdout) as Report;
    const where = Object.fromEntries(report.services.map((s) => [s.id, [...new Set(s.evidence.map((e) => `${e.path}:${e.line}`))]]));
    // Expectations written by reading the fixture, not by running the tool.
    expect(where).toEqual({
      'google-analytics': ['index.html:9', 'index.html:14'],
      'google-fonts': ['index.html:6', 'index.html:7'],
      hotjar: ['index.html:31', 'index.html:36'],
      intercom: ['index.html:46', 'index.html:49'],
      'meta-pixel': ['index.html:22', 'index.html:23', 'index.html:24', 'index.html:26'],
      openai: ['package.json:6', 'src/app.js:3'],
      sentry: ['package.json:5', 'src/app.js:2', 'src/app.js:6'],
      stripe: ['index.html:38', 'requirements.txt:3'],
      youtube: ['index.html:42'],
    });
    // The links, the commented-out Segment tag, the Mixpanel URL in a comment and the README are not uses.
    expect(report.unclassified).toEqual([]);
    const stripeScript = report.services.find((s) => s.id === 'stripe')!.evidence[0]!;
    expect(stripeScript).toMatchObject({ kind: 'script-src', column: 16, host: 'js.stripe.com', confidence: 'high' });
    expect(report.stats.skippedBy.prose).toBe(1);
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe('privacy-lint');
  });

  it('prints a grouped, colourless text report when stdout is not a TTY', async () => {
    const { code, stdout } = await cli([join(FIXTURES, 'site'), '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(stdout).toContain('Stripe (stripe)');
    expect(stdout).toContain('index.html:38:16');
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('writes the report to --output', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = join(mkdtempSync(join(tmpdir(), 'pl-')), 'r.json');
    const { code, stdout } = await cli([join(FIXTURES, 'site'), '--format', 'json', '--output', out, '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report).services.length).toBe(9);
  });

  it('takes --output - as stdout, not as a file named "-"', async () => {
    const { existsSync } = await import('node:fs');
    const { code, stdout } = await cli([join(FIXTURES, 'site'), '--format', 'json', '--output', '-', '--fail-on', 'never']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Report).services.length).toBe(9);
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
  });

  it.each([
    [['--format', 'xml', '.'], /--format must be text or json/],
    [['--nope'], /Unknown option/],
    [['/does/not/exist'], /path not found/],
    [['--max-file-size', 'big'], /--max-file-size/],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
