import { describe, it, expect } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

const from = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readInputs', () => {
  it('fills the documented defaults when nothing is set', () => {
    expect(readInputs(from({}), {})).toEqual({
      path: '.',
      config: undefined,
      failOn: undefined,
      onlyNew: undefined,
      changedOnly: false,
      comment: 'on-findings',
      commentDefaultReason: undefined,
      sarif: '',
      report: '',
      annotations: true,
      summary: true,
      token: '',
    });
  });

  it('reads every input', () => {
    const inputs = readInputs(
      from({ path: 'site', config: 'policy/privacy.yml', 'fail-on': 'warning', 'only-new': 'false', 'changed-only': 'true', comment: 'always', sarif: 'out.sarif', report: 'r.json', annotations: 'false', summary: 'no', token: 't0k' }),
      {},
    );
    expect(inputs).toMatchObject({ path: 'site', config: 'policy/privacy.yml', failOn: 'warning', onlyNew: false, changedOnly: true, comment: 'always', sarif: 'out.sarif', report: 'r.json', annotations: false, summary: false, token: 't0k' });
  });

  it('treats the default config name as "look for it", not as a file that must exist', () => {
    expect(readInputs(from({ config: '.privacy-lint.yml' }), {}).config).toBeUndefined();
  });

  it('turns the comment off under act unless it is asked for', () => {
    expect(readInputs(from({}), { ACT: 'true' })).toMatchObject({ comment: 'never', commentDefaultReason: expect.stringMatching(/act/) });
    expect(readInputs(from({ comment: 'always' }), { ACT: 'true' }).comment).toBe('always');
  });

  it.each([
    [{ 'fail-on': 'errors' }, 'input "fail-on": expected error|warning|notice|never, got "errors"'],
    [{ comment: 'sometimes' }, 'input "comment": expected always|on-findings|never, got "sometimes"'],
    [{ 'only-new': 'maybe' }, 'input "only-new": expected true or false, got "maybe"'],
    [{ annotations: '2' }, 'input "annotations": expected true or false, got "2"'],
  ])('rejects %j by name', (inputs, message) => {
    expect(() => readInputs(from(inputs), {})).toThrow(message);
  });
});
