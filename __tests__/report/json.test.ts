import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { jsonChunks, renderJson } from '../../src/report/json.js';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';

describe('the JSON report', () => {
  it('written in pieces is byte for byte the pretty-printed report', async () => {
    const { report } = await lint(join(__dirname, '..', 'fixtures', 'site'), defaultMatcher());
    expect(report.services.length).toBeGreaterThan(3);
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
    expect([...jsonChunks(report)].length).toBeGreaterThan(report.services.length);
  });

  it('handles empty lists the same way', async () => {
    const { report } = await lint(join(__dirname, '..', 'fixtures', 'site', 'README.md'), defaultMatcher());
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
  });
});
