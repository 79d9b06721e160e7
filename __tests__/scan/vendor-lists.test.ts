// A file naming dozens of vendors is a list of vendors: listed, at low confidence, no findings.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { markVendorList, VENDOR_LIST_SIZE } from '../../src/scan/vendor-lists.js';
import { newGitRepo } from '../helpers/git-repo.js';
import type { Evidence } from '../../src/model.js';

const url = (host: string, kind: Evidence['kind'] = 'code-url'): Evidence => ({ kind, path: 'list.json', line: 1, column: 1, match: `https://${host}/`, confidence: 'medium', host });

describe('markVendorList', () => {
  it.each([
    [VENDOR_LIST_SIZE - 1, false],
    [VENDOR_LIST_SIZE, true],
  ])('%i distinct vendors → a list: %s', (n, expected) => {
    const evidence = Array.from({ length: n }, (_, i) => url(`v${i}.io`));
    evidence.push(url('v0.io')); // a repeat adds no vendor
    expect(markVendorList(evidence, (ev) => ev.host)).toBe(expected);
    expect(evidence.every((ev) => ev.confidence === (expected ? 'low' : 'medium'))).toBe(true);
  });

  it('counts only code URLs: page tags are loads, whatever their number', () => {
    const evidence = Array.from({ length: VENDOR_LIST_SIZE + 5 }, (_, i) => url(`v${i}.io`, 'script-src'));
    expect(markVendorList(evidence, (ev) => ev.host)).toBe(false);
  });
});

function catalogueHosts(matcher: ReturnType<typeof defaultMatcher>, n: number): string[] {
  return matcher.entries
    .map((e) => (e.detect.domains ?? []).find((d) => /^[a-z0-9.-]+\.[a-z]+$/.test(d) && matcher.matchHost(d) === e.id))
    .filter((d): d is string => d !== undefined)
    .slice(0, n);
}
const trackerList = (hosts: string[]): string => JSON.stringify({ trackers: hosts.map((h) => `https://${h}/`) }, null, 2);

describe('a tracker list in a repository', () => {
  it('lists its vendors at low confidence and raises findings only for what the code uses', async () => {
    const matcher = defaultMatcher();
    const hosts = catalogueHosts(matcher, 40);
    const root = mkdtempSync(join(tmpdir(), 'pl-vendor-list-'));
    writeFileSync(join(root, 'trackers.json'), trackerList(hosts));
    writeFileSync(join(root, 'app.js'), "fetch('https://api.stripe.com/v1/charges', { method: 'POST' });\n");
    const { report } = await lint(root, matcher);
    expect(report.services.length).toBeGreaterThanOrEqual(VENDOR_LIST_SIZE);
    const listed = report.services.filter((s) => s.evidence.every((e) => e.path === 'trackers.json'));
    expect(listed.length).toBeGreaterThanOrEqual(VENDOR_LIST_SIZE - 1);
    expect(listed.every((s) => s.evidence.every((e) => e.confidence === 'low'))).toBe(true);
    expect(new Set(report.findings.filter((f) => f.serviceId).map((f) => f.path))).toEqual(new Set(['app.js']));
  });
});

describe('a tracker list in a pull request', () => {
  // The base version of a changed file is read from git; it must be judged as the head is, or
  // the list's vendors would count as used at the base and a real first use would not be new.
  it('a vendor the change starts using is new, though the base version of a changed list names it', async () => {
    const matcher = defaultMatcher();
    const hosts = catalogueHosts(matcher, 40);
    const { dir, git } = newGitRepo('pl-vendor-list-pr-');
    writeFileSync(join(dir, 'trackers.json'), trackerList(hosts));
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    writeFileSync(join(dir, 'trackers.json'), trackerList([...hosts].reverse()));
    writeFileSync(join(dir, 'app.js'), `fetch('https://${hosts[0]}/collect', { method: 'POST' });\n`);
    git('add', '.');
    git('commit', '-qm', 'head');
    const used = matcher.matchHost(hosts[0]!)!;
    const result = await lint(dir, matcher, { base: 'main' });
    const appFindings = result.report.findings.filter((f) => f.path === 'app.js' && f.serviceId === used);
    expect(appFindings.length).toBeGreaterThan(0);
    expect(appFindings.every((f) => f.isNew === true)).toBe(true);
    expect(result.failing.some((f) => f.serviceId === used)).toBe(true);
  });
});
