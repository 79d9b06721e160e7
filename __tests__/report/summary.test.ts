import { describe, it, expect } from 'vitest';
import { renderSummary, type SummaryContext } from '../../src/report/summary.js';
import { digest } from '../../src/report/digest.js';
import { actionOutputs } from '../../src/report/outputs.js';
import { finding, report, service, evidence, lintResult, toHtml, HOSTILE } from './helpers.js';

const ctx = (over: Partial<SummaryContext> = {}): SummaryContext => ({
  pathPrefix: '',
  configName: '.privacy-lint.yml',
  snippet: null,
  annotationsOmitted: 0,
  files: { sarif: 'results.sarif', report: '/tmp/report.json' },
  mode: 'compared with 1a2b3c4, the base of #5',
  notes: [],
  ...over,
});

// A pull request that adds Hotjar (ungated) to a site that already had Stripe and a gated GA tag.
const ga = service({ id: 'google-analytics', name: 'Google Analytics', vendor: 'Google LLC', category: 'analytics', evidence: [evidence({ path: 'index.html', line: 9, gated: true })] });
const hotjar = service({ id: 'hotjar', name: 'Hotjar', vendor: 'Hotjar Ltd', category: 'analytics', evidence: [evidence({ kind: 'inline-script', path: 'feedback.html', line: 8 }), evidence({ kind: 'inline-script', path: 'about.html', line: 3 })] });
const pr = report({
  services: [service({ evidence: [evidence({ path: 'index.html', line: 6 })] }), ga, hotjar],
  unclassified: [{ host: 'widgets.acme-feedback.io', evidence: [evidence({ path: 'feedback.html', line: 17 })] }],
  findings: [
    finding({ ruleId: 'consent-required', serviceId: 'hotjar', path: 'feedback.html', line: 8, message: 'Hotjar loads before consent.', isNew: true }),
    finding({ ruleId: 'new-third-party', severity: 'warning', host: 'widgets.acme-feedback.io', path: 'feedback.html', line: 17, message: 'New host.', isNew: true }),
    finding({ ruleId: 'dpia-recommended', severity: 'notice', serviceId: 'google-analytics', path: 'index.html', line: 9, message: 'DPIA.', isNew: false }),
    finding({ ruleId: 'dpa-missing', serviceId: 'stripe', path: 'index.html', line: 6, message: 'Old.', isNew: false, suppressed: { reason: 'signed on paper' } }),
  ],
  errors: [{ path: 'broken.json', line: 2, message: 'invalid JSON' }],
});
const prResult = lintResult(pr, { prMode: true, newServices: ['hotjar', 'widgets.acme-feedback.io'] });

describe('renderSummary', () => {
  const md = renderSummary(prResult, digest(prResult), ctx({ snippet: { yaml: 'vendors:\n  hotjar:\n    dpa: signed\n', resolves: 1, vendors: 1 }, annotationsOmitted: 3, notes: ['the base was not fetched'] }));

  it('opens with the verdict and the counts (new, gated, ungated)', () => {
    expect(md.split('\n').slice(0, 7)).toEqual([
      '## ❌ privacy-lint',
      '',
      'privacy-lint failed: 1 finding at or above "error" introduced by this change (consent-required ×1).',
      '',
      '**3 services** (1 new) · **1 unclassified host** (1 new) · **3 findings**: 1 error, 1 warning, 1 notice (2 new) · consent: 1 gated, 1 loading before consent',
      '',
      '<sub>compared with 1a2b3c4, the base of #5 · fail-on `error` · only-new `true` · 3 files scanned in 12 ms · privacy-lint 9.9.9</sub>',
    ]);
  });

  it('warns about the run itself and says when annotations ran out', () => {
    expect(md).toContain('> [!WARNING]\n> the base was not fetched');
    expect(md).toContain('> [!NOTE]\n> GitHub shows 10 annotations per level in a step: 3 findings got no annotation. Every finding is listed below and in the SARIF file `results.sarif` and the JSON report `/tmp/report.json`.');
  });

  it('lists every unsuppressed finding, new first, then the services with new ones first', () => {
    expect(md).toContain(
      [
        '### Findings (3)',
        '',
        '| Severity | Rule | Where | Finding |',
        '| --- | --- | --- | --- |',
        '| 🔴 error **new** | `consent-required` | `feedback.html:8` | Hotjar loads before consent. |',
        '| 🟠 warning **new** | `new-third-party` | `feedback.html:17` | New host. |',
        '| 🔵 notice | `dpia-recommended` | `index.html:9` | DPIA. |',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        '| Service | Category | Consent | Vendor | Seen at |',
        '| --- | --- | --- | --- | --- |',
        '| Hotjar `hotjar` **new** | analytics | ⚠️ not gated | Hotjar Ltd | `feedback.html:8` +1 more |',
        '| Stripe `stripe` | necessary | not needed | Stripe, Inc. | `index.html:6` |',
        '| Google Analytics `google-analytics` | analytics | gated | Google LLC | `index.html:9` |',
      ].join('\n'),
    );
    expect(md).toContain('| `widgets.acme-feedback.io` **new** | `feedback.html:17` |');
  });

  it('keeps suppressed findings and unread files visible, apart', () => {
    expect(md).toContain('<details><summary>Suppressed in the code (1)</summary>\n\n- `dpa-missing` at `index.html:6`: signed on paper');
    expect(md).toContain('### Files not fully read (1)\n\nThe rest of the scan went on.\n\n- `broken.json:2`: invalid JSON');
  });

  it('carries the register entries as a YAML block', () => {
    expect(md).toContain('### Register entries to add\n\nTo resolve the register finding once the paperwork is in place, add this entry under `vendors:` in `.privacy-lint.yml`.');
    expect(md).toContain('```yaml\nvendors:\n  hotjar:\n    dpa: signed\n```');
  });

  it('shortens the tables to fit the size limit and says what was cut', () => {
    const findings = Array.from({ length: 500 }, (_, i) => finding({ line: i + 1, message: 'm'.repeat(300) }));
    const r = lintResult(report({ findings }));
    const small = renderSummary(r, digest(r), ctx(), 50_000);
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(50_000);
    expect(small).toContain('_Showing the first 100 of 500 findings: the summary is limited to 1 MiB. All are in the SARIF file `results.sarif` and the JSON report `/tmp/report.json`._');
    expect(small.match(/^\| 🔴 error/gm)).toHaveLength(100);
  });

  it('renders hostile repository text as text', () => {
    const r = lintResult(
      report({
        services: [service({ name: HOSTILE.html, vendor: HOSTILE.mention, evidence: [evidence({ path: HOSTILE.path })] })],
        unclassified: [{ host: 'a|b', evidence: [evidence({ path: HOSTILE.path })] }],
        findings: [finding({ path: HOSTILE.path, message: `${HOSTILE.table} ${HOSTILE.stop} ${HOSTILE.html}` }), finding({ path: HOSTILE.path, suppressed: { reason: HOSTILE.html } })],
        errors: [{ path: HOSTILE.path, message: HOSTILE.mention }],
      }),
    );
    const html = toHtml(renderSummary(r, digest(r), ctx({ blobUrl: 'https://github.com/o/r/blob/abc' })));
    expect(html).not.toMatch(/<img|@everyone|@acme|href="javascript/);
    const widths = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]/g) ?? []).length);
    expect(widths).toEqual([4, 4, 5, 5, 2, 2]);
    // Every link target is our blob URL with the path percent-encoded.
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/github\.com\/o\/r\/blob\/abc\/x%250A%3A%3Aset-output%20name%3Dpwned%3A%3A1%0A%3A%3Aerror%3A%3Ainjected%2Ca%3Ab%7Cc%60d\.html#L1$/);
  });
});

describe('actionOutputs', () => {
  it('gives counts, new services and services as JSON, and the file paths', () => {
    expect(actionOutputs(digest(prResult), { report: '/tmp/report.json', sarif: 'results.sarif' })).toEqual({
      findings: '3',
      errors: '1',
      warnings: '1',
      notices: '1',
      'new-findings': '2',
      'new-services': '["hotjar","widgets.acme-feedback.io"]',
      services:
        '[{"id":"stripe","name":"Stripe","vendor":"Stripe, Inc.","category":"necessary","new":false},{"id":"google-analytics","name":"Google Analytics","vendor":"Google LLC","category":"analytics","new":false},{"id":"hotjar","name":"Hotjar","vendor":"Hotjar Ltd","category":"analytics","new":true}]',
      'sarif-file': 'results.sarif',
      report: '/tmp/report.json',
      conclusion: 'failure',
    });
  });
});
