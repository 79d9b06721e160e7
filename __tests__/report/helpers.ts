// Builders for reporter tests: a Report/LintResult from a few findings and services, with
// overrides, and GFM rendering (micromark, the CommonMark reference parser, with GitHub's
// extensions) so escaping is checked on the HTML GitHub would produce, not on strings.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { Finding, Report, ServiceHit, Evidence } from '../../src/model.js';
import type { LintResult } from '../../src/lint.js';
import { DEFAULT_POLICY, type Policy } from '../../src/config/policy.js';

export function evidence(over: Partial<Evidence> = {}): Evidence {
  return { kind: 'script-src', path: 'index.html', line: 1, column: 1, match: 'https://x.test/a.js', confidence: 'high', ...over };
}

export function finding(over: Partial<Finding> = {}): Finding {
  return { ruleId: 'dpa-missing', severity: 'error', message: 'A message.', path: 'index.html', line: 1, column: 1, ...over };
}

export function service(over: Partial<ServiceHit> = {}): ServiceHit {
  return { id: 'stripe', name: 'Stripe', vendor: 'Stripe, Inc.', category: 'necessary', purposes: ['payments'], evidence: [evidence()], ...over };
}

export function report(over: Partial<Report> = {}): Report {
  return {
    version: 1,
    tool: { name: 'privacy-lint', version: '9.9.9' },
    root: '.',
    services: [],
    unclassified: [],
    findings: [],
    errors: [],
    stats: { files: 3, bytes: 100, skipped: 0, skippedBy: {}, durationMs: 12 },
    ...over,
  };
}

export function lintResult(r: Report, opts: { policy?: Partial<Policy>; prMode?: boolean; newServices?: string[]; failing?: Finding[] } = {}): LintResult {
  const policy = { ...DEFAULT_POLICY, ...opts.policy };
  const failing = opts.failing ?? r.findings.filter((f) => !f.suppressed && f.severity === 'error' && (!opts.prMode || f.isNew !== false));
  return { report: r, policy, failing, newServices: opts.newServices ?? [], prMode: opts.prMode ?? false };
}

/** GitHub-flavoured Markdown → HTML, raw HTML passed through (as GitHub would before sanitising). */
export function toHtml(md: string): string {
  return micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The hostile strings of issue 8: each must come out as text in every channel. */
export const HOSTILE = {
  path: 'x%0A::set-output name=pwned::1\n::error::injected,a:b|c`d.html',
  mention: 'ping @everyone and @acme/security',
  html: '<img src=x onerror=alert(1)>',
  table: 'a | b | c\n| --- |',
  stop: '::stop-commands::pwned',
  link: '[click](javascript:alert(1)) ![i](https://evil.test/p.png)',
};
