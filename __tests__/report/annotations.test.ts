import { describe, it, expect, vi, afterEach } from 'vitest';
import * as core from '@actions/core';
import { planAnnotations, emitAnnotations, ANNOTATIONS_PER_LEVEL } from '../../src/report/annotations.js';
import type { Finding } from '../../src/model.js';
import { finding, HOSTILE } from './helpers.js';

const many = (n: number, over: Partial<Finding>): Finding[] => Array.from({ length: n }, (_, i) => finding({ line: i + 1, ...over }));

describe('planAnnotations', () => {
  it('annotates every finding on its file and line, with the rule id as title, when they fit', () => {
    const plan = planAnnotations([finding({ ruleId: 'consent-required', path: 'index.html', line: 9, column: 22, message: 'Loads before consent.' })], { pathPrefix: 'site' });
    expect(plan).toEqual({
      annotations: [{ level: 'error', title: 'consent-required', message: 'Loads before consent.', file: 'site/index.html', startLine: 9, startColumn: 22 }],
      omitted: 0,
    });
  });

  it('keeps 10 per level, new findings first, and says how many are left out and where they are', () => {
    const old = many(11, { isNew: false, path: 'old.html' });
    const fresh = many(1, { isNew: true, path: 'new.html', line: 50 });
    const warnings = many(3, { severity: 'warning', ruleId: 'new-third-party' });
    const plan = planAnnotations([...old, ...fresh, ...warnings], { elsewhere: 'the job summary and the SARIF file' });
    const errors = plan.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(errors[0]).toMatchObject({ file: 'new.html', startLine: 50, title: 'dpa-missing (new)' });
    // The old ones in path/line order; lines 10 and 11 are the two left out.
    expect(errors.slice(1).map((a) => a.startLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(3);
    expect(plan.omitted).toBe(2);
    expect(plan.overflow).toBe('2 more findings have no annotation: GitHub shows 10 annotations per level in a step. All 15 findings are in the job summary and the SARIF file.');
  });

  it('gives up one notice slot to the overflow notice, so the overflow notice is never the one dropped', () => {
    const plan = planAnnotations([...many(11, {}), ...many(10, { severity: 'notice', ruleId: 'dpia-recommended' })]);
    expect(plan.annotations.filter((a) => a.level === 'notice')).toHaveLength(9);
    expect(plan.omitted).toBe(2);
    expect(plan.overflow).toMatch(/^2 more findings have no annotation/);
  });

  it('keeps an error slot free for the verdict of a failing run', () => {
    const plan = planAnnotations(many(10, {}), { reservedErrors: 1 });
    expect(plan.annotations).toHaveLength(9);
    expect(plan.omitted).toBe(1);
  });

  it('leaves suppressed findings out', () => {
    const plan = planAnnotations([finding({ suppressed: { reason: 'reviewed' } }), finding({ severity: 'warning' })]);
    expect(plan.annotations.map((a) => a.level)).toEqual(['warning']);
    expect(plan.omitted).toBe(0);
  });
});

describe('emitAnnotations: the workflow command text the runner reads', () => {
  afterEach(() => vi.restoreAllMocks());

  function stdoutOf(fn: () => void): string[] {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    fn();
    vi.restoreAllMocks();
    return lines.join('').split('\n').filter(Boolean);
  }

  it('writes one ::error command per finding, with the file, line, column and title', () => {
    const plan = planAnnotations([finding({ ruleId: 'dpa-missing', path: 'index.html', line: 38, column: 16, message: 'No DPA for Stripe.' })]);
    expect(stdoutOf(() => emitAnnotations(plan, core))).toEqual(['::error title=dpa-missing,file=index.html,line=38,col=16::No DPA for Stripe.']);
  });

  it('escapes a hostile file name and message so that each stays one command, as data', () => {
    const plan = planAnnotations([finding({ path: HOSTILE.path, line: 3, column: 5, message: `Bad\n${HOSTILE.stop} 100%`, isNew: true })], { pathPrefix: 'site' });
    const lines = stdoutOf(() => emitAnnotations(plan, core));
    expect(lines).toEqual([
      '::error title=dpa-missing (new),file=site/x%250A%3A%3Aset-output name=pwned%3A%3A1%0A%3A%3Aerror%3A%3Ainjected%2Ca%3Ab|c`d.html,line=3,col=5::Bad%0A::stop-commands::pwned 100%25',
    ]);
  });

  it('ends with the overflow notice', () => {
    const plan = planAnnotations(many(11, {}));
    const lines = stdoutOf(() => emitAnnotations(plan, core));
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('::notice title=privacy-lint%3A more findings than annotations::1 more finding has no annotation: GitHub shows 10 annotations per level in a step. All 11 findings are in the job summary and the JSON report.');
  });
});
