import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import fc from 'fast-check';
import { jsonChunks, renderJson } from '../../src/report/json.js';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import type { Report } from '../../src/model.js';

describe('the JSON report', () => {
  it('written in chunks is byte for byte the pretty-printed report', async () => {
    const { report } = await lint(join(__dirname, '..', 'fixtures', 'site'), defaultMatcher());
    expect(report.services.length).toBeGreaterThan(3);
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('handles empty lists the same way', async () => {
    const { report } = await lint(join(__dirname, '..', 'fixtures', 'site', 'README.md'), defaultMatcher());
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('matches JSON.stringify for any object: nesting, empty containers, undefined and NaN (property)', () => {
    const value = fc.dictionary(fc.string(), fc.oneof(fc.anything({ withNullPrototype: false }), fc.constant(undefined), fc.constant(Number.NaN)));
    fc.assert(
      fc.property(value, (v) => {
        expect(renderJson(v as unknown as Report)).toBe(JSON.stringify(v, null, 2) + '\n');
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('never holds one service with all its evidence as one string', () => {
    const evidence = Array.from({ length: 20_000 }, (_, i) => ({ kind: 'code-url', path: `src/file-${i}.js`, line: i + 1, column: 7, match: `https://api.vendor.io/v1/${i}`, confidence: 'medium', host: 'api.vendor.io' }));
    const report = { version: 1, services: [{ id: 'vendor', evidence }], unclassified: [], findings: [] } as unknown as Report;
    const chunks = [...jsonChunks(report)];
    expect(chunks.join('')).toBe(JSON.stringify(report, null, 2) + '\n');
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(total).toBeGreaterThan(3_000_000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
  });

  it('writes many small items (a host seen once each) in chunks too', () => {
    const unclassified = Array.from({ length: 30_000 }, (_, i) => ({ host: `t${i}.vendor-${i % 50}.io`, evidence: [{ kind: 'code-url', path: 'a.js', line: i + 1, column: 3, match: `https://t${i}.vendor-${i % 50}.io/x`, confidence: 'medium', host: `t${i}.vendor-${i % 50}.io`, consentAttributes: { 'data-category': 'analytics' } }] }));
    const report = { version: 1, services: [], unclassified, findings: [], stats: { files: 1 } } as unknown as Report;
    const chunks = [...jsonChunks(report)];
    expect(chunks.join('')).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(chunks.length).toBeGreaterThan(100);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
  });
});
