import { describe, it, expect } from 'vitest';
import { renderComment, renderResolvedComment, commentMarker, COMMENT_LIMIT, RESOLVED_HEADING, type CommentContext } from '../../src/report/comment.js';
import { digest } from '../../src/report/digest.js';
import { finding, report, service, evidence, lintResult, toHtml, HOSTILE } from './helpers.js';

const ctx = (over: Partial<CommentContext> = {}): CommentContext => ({
  marker: commentMarker('.'),
  pathPrefix: '',
  configName: '.privacy-lint.yml',
  snippet: null,
  runUrl: 'https://github.com/o/r/actions/runs/7',
  sha: 'abc1234',
  version: '9.9.9',
  ...over,
});

describe('renderComment', () => {
  it('lists what the change introduces, with the verdict and a link to the full report', () => {
    const hotjar = service({ id: 'hotjar', name: 'Hotjar', vendor: 'Hotjar Ltd', category: 'analytics', evidence: [evidence({ path: 'feedback.html', line: 8 })] });
    const r = report({
      services: [service(), hotjar],
      findings: [
        finding({ ruleId: 'dpa-missing', serviceId: 'stripe', path: 'index.html', line: 6, message: 'Stripe: no DPA.', isNew: false }),
        finding({ ruleId: 'consent-required', serviceId: 'hotjar', path: 'feedback.html', line: 8, message: 'Hotjar loads before consent.', isNew: true }),
      ],
    });
    const body = renderComment(digest(lintResult(r, { prMode: true, newServices: ['hotjar'] })), ctx());
    expect(body).toBe(
      [
        '<!-- privacy-lint:comment path=. -->',
        '### ❌ privacy-lint: 1 finding introduced by this change',
        '',
        'privacy-lint failed: 1 finding at or above "error" introduced by this change (consent-required ×1).',
        '',
        '**This change adds:** Hotjar (analytics; Hotjar Ltd)',
        '',
        '| Severity | Rule | Where | Finding |',
        '| --- | --- | --- | --- |',
        '| 🔴 error | `consent-required` | `feedback.html:8` | Hotjar loads before consent. |',
        '',
        '1 finding already on the base branch is not listed here (they are in the job summary).',
        '',
        '<sub>[Full report in the job summary](https://github.com/o/r/actions/runs/7) · updated for `abc1234` · privacy-lint 9.9.9</sub>',
      ].join('\n'),
    );
  });

  it('links rule ids to their docs and places to the commit when it knows them', () => {
    const r = report({ findings: [finding({ path: 'a b/(x).html', line: 3, helpUri: 'https://docs.test/dpa-missing.md' })] });
    const body = renderComment(digest(lintResult(r)), ctx({ pathPrefix: 'site', blobUrl: 'https://github.com/o/r/blob/abc' }));
    expect(body).toContain('| [`dpa-missing`](https://docs.test/dpa-missing.md) | [`site/a b/(x).html:3`](https://github.com/o/r/blob/abc/site/a%20b/%28x%29.html#L3) |');
    expect(toHtml(body)).toContain('<a href="https://github.com/o/r/blob/abc/site/a%20b/%28x%29.html#L3"><code>site/a b/(x).html:3</code></a>');
  });

  it('says when GitHub could not show every finding as an annotation', () => {
    const body = renderComment(digest(lintResult(report({ findings: [finding()] }))), ctx({ annotationsOmitted: 4 }));
    expect(body).toContain('GitHub shows 10 annotations per level: 4 findings are not annotated in the diff; all are in the job summary.');
  });

  it('includes the ready-to-paste register entries', () => {
    const r = report({ findings: [finding({ serviceId: 'stripe' })] });
    const body = renderComment(digest(lintResult(r)), ctx({ snippet: { yaml: 'vendors:\n  stripe:\n    dpa: signed\n', resolves: 1, vendors: 1 } }));
    expect(body).toContain('To resolve the register finding once the paperwork is in place, add this entry under `vendors:` in `.privacy-lint.yml`.');
    expect(body).toContain('```yaml\nvendors:\n  stripe:\n    dpa: signed\n```');
  });

  it('stays under 65,536 characters: fewer rows first, then no table, always the marker and the link', () => {
    const findings = Array.from({ length: 400 }, (_, i) => finding({ line: i + 1, message: 'x'.repeat(1500) }));
    const body = renderComment(digest(lintResult(report({ findings }))), ctx());
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('<!-- privacy-lint:comment path=. -->\n')).toBe(true);
    expect(body).toContain('_…and 380 more: see the job summary._');
    expect(body).toContain('[Full report in the job summary](https://github.com/o/r/actions/runs/7)');
    const tiny = renderComment(digest(lintResult(report({ findings }))), ctx(), 2_000);
    expect(tiny.length).toBeLessThanOrEqual(2_000);
    expect(tiny).toContain('_The findings are too many to list here: see the job summary._');
  });

  it('renders hostile repository text as text: no image, no mention, no extra column', () => {
    const r = report({
      services: [service({ id: 'x', name: HOSTILE.html, vendor: HOSTILE.mention, category: 'analytics' })],
      findings: [finding({ path: HOSTILE.path, message: `${HOSTILE.table} ${HOSTILE.html} ${HOSTILE.mention} ${HOSTILE.link}`, isNew: true })],
    });
    const html = toHtml(renderComment(digest(lintResult(r, { prMode: true, newServices: ['x'] })), ctx()));
    expect(html).not.toMatch(/<img|href="javascript/);
    // The only links: ours, and a bare URL that GFM autolinks to itself (text, made clickable).
    const links = [...html.matchAll(/<a href="([^"]*)">(.*?)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['https://evil.test/p.png', 'https://evil.test/p.png'],
      ['https://github.com/o/r/actions/runs/7', 'Full report in the job summary'],
    ]);
    expect(html).not.toMatch(/@everyone|@acme/);
    expect(html).toContain('@\u200beveryone');
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]/g) ?? []).length);
    expect(rows).toEqual([4, 4]);
  });
});

describe('renderResolvedComment', () => {
  it('keeps the marker and says the findings are resolved, and what remains from the base', () => {
    const r = report({ findings: [finding({ isNew: false })] });
    const body = renderResolvedComment(digest(lintResult(r, { prMode: true })), ctx());
    expect(body).toBe(
      [
        '<!-- privacy-lint:comment path=. -->',
        RESOLVED_HEADING,
        '',
        'Everything this comment reported is resolved as of `abc1234`. 1 finding from the base branch remains (see the job summary).',
        '',
        '<sub>[Full report in the job summary](https://github.com/o/r/actions/runs/7) · updated for `abc1234` · privacy-lint 9.9.9</sub>',
      ].join('\n'),
    );
  });
});

describe('commentMarker', () => {
  it.each([
    ['.', '<!-- privacy-lint:comment path=. -->'],
    ['apps/web', '<!-- privacy-lint:comment path=apps/web -->'],
    ['x --> <img src=x>', '<!-- privacy-lint:comment path=x_-_img_src_x_ -->'],
  ])('%j → %s', (key, marker) => expect(commentMarker(key)).toBe(marker));
});
