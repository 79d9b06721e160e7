import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, copyOfFixture, FIXTURES } from './helpers.js';

const SENTRY_ON_THE_SERVER = "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN });\n";

describe('privacy-lint inventory', () => {
  it('prints one document to stdout', async () => {
    const { code, stdout } = await cli(['inventory', join(FIXTURES, 'inventory-segmetrics'), '--document', 'subprocessors', '--last-updated', '2026-05-26']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(FIXTURES, 'inventory-segmetrics', 'docs', 'subprocessors.md'), 'utf8'));
  });

  it('prints all four documents as one Markdown file by default', async () => {
    const { code, stdout } = await cli(['inventory', join(FIXTURES, 'inventory-shop')]);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => /^#{1,2} /.test(l))).toEqual(['# Privacy inventory', '## Subprocessors', '## Cookies', '## Consent map', '## Record of processing']);
  });

  it('writes the record of processing as CSV, and picks the format from the --output extension', async () => {
    const root = copyOfFixture('inventory-shop');
    const csv = await cli(['inventory', '--format', 'csv'], root);
    expect(csv.stdout).toBe(readFileSync(join(root, 'docs', 'ropa.csv'), 'utf8'));
    const out = join(root, 'inventory.json');
    expect((await cli(['inventory', '--output', out], root)).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')) as object)).toEqual(['generator', 'subprocessors', 'cookies', 'consentMap', 'ropa']);
  });

  it('--check passes for a committed document that matches the code', async () => {
    const { code, stdout } = await cli(['inventory', '--check', 'docs/subprocessors.md', '--check', 'docs/ropa.csv'], join(FIXTURES, 'inventory-shop'));
    expect(code).toBe(0);
    expect(stdout).toBe('docs/subprocessors.md is up to date with the code.\ndocs/ropa.csv is up to date with the code.\n');
  });

  it('--check fails with a diff when a service is added to the code, and passes after regenerating', async () => {
    const root = copyOfFixture('inventory-shop');
    writeFileSync(join(root, 'server', 'errors.js'), SENTRY_ON_THE_SERVER);

    const stale = await cli(['inventory', '--check', 'docs/subprocessors.md'], root);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('--- docs/subprocessors.md (committed)\n+++ docs/subprocessors.md (generated from the code)\n@@ ');
    expect(stale.stdout).toContain('\n+## Monitoring\n');
    expect(stale.stdout).toContain('\n+| Functional Software, Inc. (Sentry) | Error monitoring, performance monitoring and logging and session replay; used in the back end | United States, Germany | — | Not recorded (vendor offers EU data residency) |\n');
    expect(stale.stderr).toBe('privacy-lint: docs/subprocessors.md:5: out of date with the code (missing Sentry (Functional Software, Inc.)); regenerate it with "privacy-lint inventory --document subprocessors --output docs/subprocessors.md" [inventory-out-of-date]\n');

    expect((await cli(['inventory', '--document', 'subprocessors', '--output', 'docs/subprocessors.md'], root)).code).toBe(0);
    const fresh = await cli(['inventory', '--check', 'docs/subprocessors.md'], root);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toBe('docs/subprocessors.md is up to date with the code.\n');
  });

  it('--update regenerates the stale documents the policy names, keeping their dates', async () => {
    const root = copyOfFixture('inventory-segmetrics');
    writeFileSync(join(root, 'app', 'errors_extra.py'), 'import rollbar\nrollbar.init("token")\n');
    expect((await cli(['inventory', '--check', 'docs/subprocessors.md'], root)).code).toBe(1);
    const update = await cli(['inventory', '--update'], root);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe('privacy-lint: wrote docs/subprocessors.md (subprocessors)\n');
    const doc = readFileSync(join(root, 'docs', 'subprocessors.md'), 'utf8');
    expect(doc).toContain('\nLast updated: 2026-05-26\n');
    expect(doc).toContain('| Rollbar, Inc. |');
    expect((await cli(['inventory', '--check', 'docs/subprocessors.md'], root)).code).toBe(0);
    expect((await cli(['inventory', '--update'], root)).stderr).toBe('privacy-lint: docs/subprocessors.md is up to date\n');
  });

  it('--check knows which document a file is from its title when the policy does not name it', async () => {
    const root = copyOfFixture('inventory-shop');
    copyFileSync(join(root, 'docs', 'cookies.md'), join(root, 'cookie-policy-table.md'));
    const { code, stdout } = await cli(['inventory', '--check', 'cookie-policy-table.md'], root);
    expect(code).toBe(0);
    expect(stdout).toBe('cookie-policy-table.md is up to date with the code.\n');
  });

  it('--check fails for a document that does not exist', async () => {
    const { code, stderr } = await cli(['inventory', '--check', 'docs/nope.md', '--document', 'cookies'], join(FIXTURES, 'inventory-shop'));
    expect(code).toBe(1);
    expect(stderr).toBe('privacy-lint: docs/nope.md does not exist; generate it with "privacy-lint inventory --document cookies --output docs/nope.md" [inventory-out-of-date]\n');
  });

  it.each([
    [['--document', 'dpa'], /--document must be subprocessors, cookies, consent-map, ropa or all, got "dpa"/],
    [['--format', 'pdf'], /--format must be markdown, html, json, csv or yaml, got "pdf"/],
    [['--last-updated', 'May 26'], /--last-updated must be a date as YYYY-MM-DD/],
    [['--document', 'all', '--format', 'csv'], /a CSV file holds one table/],
    [['--output', 'a.md', '--check', 'b.md'], /one of --output, --check and --update/],
    [['--update'], /names none/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stderr } = await cli(['inventory', join(FIXTURES, 'site'), ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its help', async () => {
    const { code, stdout } = await cli(['inventory', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: privacy-lint inventory \[path\]/);
  });
});
