import { describe, it, expect } from 'vitest';
import { verdictOf, readingOrder, digest } from '../../src/report/digest.js';
import { finding, report, lintResult } from './helpers.js';

describe('verdictOf: the last log line', () => {
  it.each([
    [[], 'error', false, 'privacy-lint passed: no finding at or above "error".'],
    [[], 'warning', true, 'privacy-lint passed: no finding at or above "warning" introduced by this change.'],
    [[finding()], 'never', false, 'privacy-lint passed: fail-on is "never", so findings are reported but never fail the check.'],
    [[finding(), finding({ ruleId: 'consent-required' }), finding()], 'error', false, 'privacy-lint failed: 3 findings at or above "error" (dpa-missing ×2, consent-required ×1).'],
    [[finding()], 'notice', true, 'privacy-lint failed: 1 finding at or above "notice" introduced by this change (dpa-missing ×1).'],
  ])('%#', (failing, failOn, newOnly, sentence) => expect(verdictOf(failing, failOn, newOnly)).toBe(sentence));
});

describe('readingOrder', () => {
  it('puts new findings first, then errors, warnings, notices, keeping the scan order otherwise', () => {
    const a = finding({ severity: 'notice', line: 1, isNew: false });
    const b = finding({ severity: 'error', line: 2, isNew: false });
    const c = finding({ severity: 'warning', line: 3, isNew: true });
    const d = finding({ severity: 'error', line: 4, isNew: true });
    const e = finding({ severity: 'error', line: 5, isNew: false });
    expect(readingOrder([a, b, c, d, e])).toEqual([d, c, b, e, a]);
  });
});

describe('digest', () => {
  it('asks for attention only on new findings in a pull request that fails on new ones, on all otherwise', () => {
    const findings = [finding({ isNew: true }), finding({ isNew: false, line: 2 })];
    expect(digest(lintResult(report({ findings }), { prMode: true })).attention).toHaveLength(1);
    expect(digest(lintResult(report({ findings }), { prMode: true, policy: { only_new: false } })).attention).toHaveLength(2);
    expect(digest(lintResult(report({ findings }))).attention).toHaveLength(2);
  });
});
