import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Options } from 'ajv-draft-04';
import type { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { renderSarif, sarifUri, sarifText } from '../../src/report/sarif.js';
import { CHECKS } from '../../src/checks/index.js';
import { finding, report, service, evidence, HOSTILE } from './helpers.js';

// The SARIF 2.1.0 JSON Schema (draft-04) as Microsoft ships it in @microsoft/jest-sarif.
const require = createRequire(import.meta.url);
const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: the published schema's `language` pattern is not valid with the u flag.
// ajv-draft-04 is CommonJS whose typings only declare a default export: load it with require.
const { default: Ajv04 } = require('ajv-draft-04') as { default: new (o: Options) => Ajv };
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
const errorsOf = (log: unknown): string[] => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const stripe = service({ id: 'stripe', evidence: [evidence({ path: 'index.html', line: 38, column: 16, match: 'https://js.stripe.com/v3/' })] });
const dpa = finding({ ruleId: 'dpa-missing', serviceId: 'stripe', path: 'index.html', line: 38, column: 16, message: 'Stripe has no DPA [GDPR Art. 28].' });

describe('renderSarif', () => {
  it('validates against the SARIF 2.1.0 schema, with findings, suppressions, errors and a PR baseline', () => {
    const log = renderSarif(
      report({
        services: [stripe],
        findings: [{ ...dpa, isNew: true }, finding({ ruleId: 'dpia-recommended', severity: 'notice', isNew: false, suppressed: { reason: 'DPIA done in 2024' } })],
        errors: [{ path: 'broken.json', line: 2, message: 'invalid JSON' }, { path: 'gone.html', message: 'cannot read file: ENOENT' }],
      }),
      { checks: CHECKS },
    );
    expect(errorsOf(log)).toEqual([]);
  });

  it('is checked by a validator that does reject a wrong document', () => {
    const log = renderSarif(report({ findings: [dpa] }), { checks: CHECKS }) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'notice';
    expect(errorsOf(log).join('\n')).toMatch(/level/);
  });

  it('describes every check as a rule with its help and default level', () => {
    const rules = renderSarif(report(), { checks: CHECKS }).runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
    const consent = rules.find((r) => r.id === 'consent-required')!;
    expect(consent).toMatchObject({
      name: 'ConsentRequired',
      shortDescription: { text: 'An analytics or marketing service loads in the browser without waiting for consent.' },
      fullDescription: { text: 'An analytics or marketing service loads in the browser without waiting for consent.' },
      helpUri: 'https://github.com/privacy-lint/privacy-lint/blob/main/docs/rules/consent-required.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(rules.find((r) => r.id === 'dpia-recommended')!.defaultConfiguration).toEqual({ level: 'note' });
    expect(rules.find((r) => r.id === 'new-third-party')!.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('writes a result with rule, level, message, region relative to the repository root', () => {
    const [result] = renderSarif(report({ services: [stripe], findings: [dpa] }), { checks: CHECKS, pathPrefix: 'site' }).runs[0]!.results!;
    expect(result).toMatchObject({
      ruleId: 'dpa-missing',
      ruleIndex: CHECKS.findIndex((c) => c.id === 'dpa-missing'),
      level: 'error',
      message: { text: 'Stripe has no DPA \\[GDPR Art. 28\\].' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'site/index.html' }, region: { startLine: 38, startColumn: 16 } } }],
      properties: { serviceId: 'stripe' },
    });
    expect(result!.baselineState).toBeUndefined();
    expect(result!.partialFingerprints!.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
  });

  it('keeps the fingerprint when the lines move, and changes it when the matched text or service changes', () => {
    const hash = (line: number, match: string, serviceId = 'stripe'): string => {
      const svc = service({ id: serviceId, evidence: [evidence({ path: 'index.html', line, column: 16, match })] });
      const log: Log = renderSarif(report({ services: [svc], findings: [{ ...dpa, serviceId, line }] }), { checks: CHECKS });
      return log.runs[0]!.results![0]!.partialFingerprints!.primaryLocationLineHash!;
    };
    const base = hash(38, 'https://js.stripe.com/v3/');
    expect(hash(120, 'https://js.stripe.com/v3/')).toBe(base);
    expect(hash(120, '  https://JS.stripe.com/v3/ ')).toBe(base);
    expect(hash(38, 'https://js.stripe.com/v2/')).not.toBe(base);
    expect(hash(38, 'https://js.stripe.com/v3/', 'paypal')).not.toBe(base);
  });

  it('numbers results that share a fingerprint', () => {
    const results = renderSarif(report({ findings: [finding({ line: 1 }), finding({ line: 2 })] }), { checks: CHECKS }).runs[0]!.results!;
    const [a, b] = results.map((r) => r.partialFingerprints!.primaryLocationLineHash!);
    expect(a!.split(':')[0]).toBe(b!.split(':')[0]);
    expect([a!.split(':')[1], b!.split(':')[1]]).toEqual(['1', '2']);
  });

  it('marks new and unchanged results in a pull request, and suppressed ones as in-source suppressions', () => {
    const results = renderSarif(report({ findings: [{ ...dpa, isNew: true }, finding({ isNew: false, suppressed: { reason: 'signed offline' } })] }), { checks: CHECKS }).runs[0]!.results!;
    expect(results.map((r) => r.baselineState)).toEqual(['new', 'unchanged']);
    expect(results[1]!.suppressions).toEqual([{ kind: 'inSource', justification: 'signed offline' }]);
  });

  it('keeps a hostile file name as data: a percent-encoded relative URI, still schema-valid', () => {
    const log = renderSarif(report({ findings: [finding({ path: HOSTILE.path, message: `${HOSTILE.link} ${HOSTILE.stop}` })] }), { checks: CHECKS, pathPrefix: 'site' });
    const r = log.runs[0]!.results![0]!;
    expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('site/x%250A%3A%3Aset-output%20name%3Dpwned%3A%3A1%0A%3A%3Aerror%3A%3Ainjected%2Ca%3Ab%7Cc%60d.html');
    expect(r.message.text).toBe('\\[click\\](javascript:alert(1)) !\\[i\\](https://evil.test/p.png) ::stop-commands::pwned');
    expect(errorsOf(log)).toEqual([]);
  });

  it('reports files that could not be read as tool notifications', () => {
    const log = renderSarif(report({ errors: [{ path: 'a b.json', line: 2, message: 'invalid JSON' }] }), { checks: CHECKS });
    expect(log.runs[0]!.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [{ level: 'error', message: { text: 'invalid JSON' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a%20b.json' }, region: { startLine: 2 } } }] }],
      },
    ]);
  });
});

describe('sarif escaping helpers', () => {
  it.each([
    ['src/app.js', 'src/app.js'],
    ['a (1)/it\'s #2?.html', 'a%20%281%29/it%27s%20%232%3F.html'],
    ['100%.css', '100%25.css'],
  ])('sarifUri(%j) = %j', (input, uri) => expect(sarifUri(input)).toBe(uri));

  it('sarifText escapes brackets and backslashes only', () => {
    expect(sarifText('a [b] \\ c (d)')).toBe('a \\[b\\] \\\\ c (d)');
  });
});
