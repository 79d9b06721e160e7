// inventory-out-of-date through runChecks, the way lint() runs it once registered: the
// documents are read first (readCommittedDocuments) and handed over in the check input.
import { describe, it, expect } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../../src/checks/run.js';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import inventoryOutOfDate from '../../src/inventory/rule.js';
import { readCommittedDocuments } from '../../src/inventory/documents.js';
import type { Policy } from '../../src/config/policy.js';
import { FIXTURES, copyOfFixture } from './helpers.js';

async function findings(root: string, rules: Policy['rules'] = {}) {
  const result = await lint(root, defaultMatcher());
  const p = { ...result.policy, rules };
  const documents = readCommittedDocuments(root, p);
  return runChecks({ services: result.report.services, unclassified: result.report.unclassified, policy: p, matcher: defaultMatcher(), documents }, new Map(), [inventoryOutOfDate]);
}

describe('inventory-out-of-date', () => {
  it('is silent when every document the policy names matches the code', async () => {
    expect(await findings(join(FIXTURES, 'inventory-shop'))).toEqual([]);
    expect(await findings(join(FIXTURES, 'inventory-segmetrics'))).toEqual([]);
  });

  it('reports a document once a service is added to the code, naming the service and how to regenerate', async () => {
    const root = copyOfFixture('inventory-shop');
    writeFileSync(join(root, 'server', 'errors.js'), "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN });\n");
    const found = await findings(root);
    // Sentry runs on the server: the subprocessor list and the record of processing change, the browser documents do not.
    expect(found.map((f) => f.path)).toEqual(['docs/ropa.csv', 'docs/subprocessors.md']);
    const sub = found.find((f) => f.path === 'docs/subprocessors.md')!;
    expect(sub).toMatchObject({ ruleId: 'inventory-out-of-date', severity: 'error', column: 1 });
    expect(sub.message).toContain('missing Sentry (Functional Software, Inc.)');
    expect(sub.message).toContain('"privacy-lint inventory --document subprocessors --output docs/subprocessors.md"');
    expect(sub.helpUri).toMatch(/docs\/rules\/inventory-out-of-date\.md$/);
    // The first difference: Monitoring is listed before Payments, the list's first section.
    expect(readFileSync(join(root, 'docs/subprocessors.md'), 'utf8').split('\n')[sub.line - 1]).toBe('## Payments');
  });

  it('reports a service removed from the code that a document still lists', async () => {
    const root = copyOfFixture('inventory-shop');
    writeFileSync(join(root, 'checkout.html'), '<!doctype html>\n<title>Checkout</title>\n');
    const found = await findings(root);
    const cookies = found.find((f) => f.path === 'docs/cookies.md')!;
    expect(cookies.message).toContain('still lists Stripe (Stripe, Inc.), no longer found in the code');
  });

  it('reports a document the policy names that does not exist', async () => {
    const root = copyOfFixture('inventory-shop');
    writeFileSync(join(root, '.privacy-lint.yml'), readFileSync(join(root, '.privacy-lint.yml'), 'utf8').replace('docs/ropa.csv', 'legal/ropa.csv'));
    const found = await findings(root);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('legal/ropa.csv');
    expect(found[0]!.message).toBe('legal/ropa.csv is named in .privacy-lint.yml (documents.ropa) but does not exist. Generate it with "privacy-lint inventory --document ropa --output legal/ropa.csv" and commit it.');
  });

  it('says so when the path the policy names is a folder, not a document', async () => {
    const root = copyOfFixture('inventory-shop');
    writeFileSync(join(root, '.privacy-lint.yml'), readFileSync(join(root, '.privacy-lint.yml'), 'utf8').replace('docs/ropa.csv', 'server'));
    const found = await findings(root);
    expect(found.map((f) => f.message)).toEqual(['server is named in .privacy-lint.yml (documents.ropa) but is not a regular file. Generate it with "privacy-lint inventory --document ropa --output server" and commit it.']);
  });

  it('follows the severity the policy sets, and can be turned off', async () => {
    const root = copyOfFixture('inventory-shop');
    writeFileSync(join(root, 'server', 'errors.js'), "import * as Sentry from '@sentry/node';\n");
    expect((await findings(root, { 'inventory-out-of-date': 'warning' })).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(await findings(root, { 'inventory-out-of-date': 'off' })).toEqual([]);
  });
});
