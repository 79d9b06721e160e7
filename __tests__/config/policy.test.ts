import { describe, it, expect } from 'vitest';
import { parsePolicy, DEFAULT_POLICY } from '../../src/config/policy.js';

describe('the policy file', () => {
  it('an empty file is the default policy', () => {
    const p = parsePolicy('', '.privacy-lint.yml');
    expect(p.fail_on).toBe('error');
    expect(p.jurisdiction).toBe('eu');
    expect(p.consent.managers).toEqual([]);
    expect(p.min_confidence).toBe(DEFAULT_POLICY.min_confidence);
  });

  it('reads every documented field', () => {
    const p = parsePolicy(
      [
        'first_party: [Acme.io]',
        'jurisdiction: uk',
        'consent: { manager: [cookiebot, google-consent-mode] }',
        'vendors:',
        '  stripe: { dpa: signed, date: 2026-01-02, link: https://x, transfer: dpf, allowed: true, scope: account-data, purpose: billing, note: n }',
        'subprocessors: { path: legal/subprocessors.md }',
        'rules: { dpia-recommended: off, new-third-party: error }',
        'ignore: ["fixtures/**"]',
        'deny_locations: [CN]',
        'fail_on: warning',
        'only_new: false',
        'min_confidence: low',
        'include_dev: true',
      ].join('\n'),
      'p.yml',
    );
    expect(p.first_party).toEqual(['acme.io']);
    expect(p.consent.managers).toEqual(['cookiebot', 'google-consent-mode']);
    expect(p.vendors.stripe!.transfer).toBe('dpf');
    expect(p.subprocessors).toEqual({ path: 'legal/subprocessors.md', notice_days: 30 });
    expect(p.rules['dpia-recommended']).toBe('off');
    expect([p.fail_on, p.only_new, p.min_confidence, p.include_dev]).toEqual(['warning', false, 'low', true]);
  });

  it.each([
    ['an unknown key', 'fail_on: error\nfailon: never\n', /p\.yml:2:\d+: \/: unknown field "failon"/],
    ['a bad enum', 'vendors:\n  stripe:\n    dpa: yes\n', /p\.yml:3:10: \/vendors\/stripe\/dpa: must be equal to one of the allowed values: signed, not-needed, missing/],
    ['a bad manager', 'consent:\n  manager: cookiebott\n', /p\.yml:2:12: \/consent\/manager/],
    ['an unknown rule id', 'rules:\n  consent-requird: off\n', /p\.yml:2:3/],
    ['invalid YAML', 'vendors: [\n', /p\.yml:\d+:\d+: invalid YAML/],
    ['a duplicate key', 'fail_on: error\nfail_on: never\n', /p\.yml:2:1: invalid YAML/],
    ['a list at the top', '- a\n- b\n', /p\.yml:1:1: \/: must be object/],
  ])('%s is a usage error naming the line', (_name, text, message) => {
    expect(() => parsePolicy(text, 'p.yml')).toThrow(message);
  });

  it('a YAML alias bomb is refused quickly instead of expanding', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    expect(() => parsePolicy(bomb, 'bomb.yml')).toThrow(/bomb\.yml/);
  });

  it('deep nesting is an error, not a crash', () => {
    const deep = 'vendors:\n  x:\n    note: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    expect(() => parsePolicy(deep, 'deep.yml')).toThrow(/deep\.yml/);
  });
});
