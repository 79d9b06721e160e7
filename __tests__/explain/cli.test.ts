import { describe, it, expect } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { defaultMatcher } from '../../src/catalogue/index.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: process.cwd(), env: {} });
  return { code, stdout, stderr };
}

describe('privacy-lint explain', () => {
  it.each([
    [['explain', 'Mixpanel, Inc.'], 'Mixpanel (mixpanel)'],
    [['explain', 'js.stripe.com', '--format', 'text'], 'Stripe (stripe)'],
    [['explain', 'Help', 'Scout'], 'Help Scout (help-scout)'],
    [['explain', '@sentry/browser', '--format', 'markdown'], '# Sentry (`sentry`)'],
  ])('%j prints the page', async (args, title) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.startsWith(title)).toBe(true);
  });

  it('json reports how the query was matched', async () => {
    const { code, stdout } = await cli(['explain', 'tracking.segmetrics.com', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ query: 'tracking.segmetrics.com', matchedBy: 'domain', id: 'segmetrics' });
  });

  it('an unknown service exits 2 with one line that suggests the closest ids', async () => {
    const { code, stdout, stderr } = await cli(['explain', 'segmetric']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^privacy-lint: no catalogue entry for "segmetric"; closest: segmetrics, /);
  });

  it.each([
    [['explain'], /explain needs a service/],
    [['explain', 'Google'], /"Google" matches \d+ entries by name: .*google-analytics.*; pass one of these ids/],
    [['explain', 'stripe', '--format', 'xml'], /--format must be text, json or markdown/],
    [['explain', 'stripe', '--bogus'], /Unknown option/],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help prints usage and exits 0', async () => {
    const { code, stdout } = await cli(['explain', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: privacy-lint explain/);
  });

  it.each([['text', 'To switch it off: set ANONYMIZED_TELEMETRY=False'], ['markdown', '**To switch it off:** set ANONYMIZED_TELEMETRY=False']])('a library\'s telemetry page says how to switch it off (%s)', async (format, line) => {
    const { stdout } = await cli(['explain', 'chroma-telemetry', '--format', format]);
    expect(stdout.replace(/\n/g, ' ')).toContain(line);
  });

  it('every entry of the catalogue renders in all three formats with no placeholder left', async () => {
    for (const e of defaultMatcher().entries) {
      for (const format of ['text', 'markdown', 'json']) {
        const { code, stdout } = await cli(['explain', e.id, '--format', format]);
        expect(code, `${e.id} ${format}`).toBe(0);
        expect(stdout, `${e.id} ${format}`).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
    }
  });
});
