import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../src/checks/index.js';
import schema from '../../schema/privacy-lint.schema.json' with { type: 'json' };

const ROOT = join(__dirname, '..', '..');

describe('the check registry', () => {
  it('is in alphabetical order with unique ids', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))('%s has its source file, a doc with why/how/example, and a policy severity key', (id) => {
    expect(existsSync(join(ROOT, 'src', 'checks', `${id}.ts`))).toBe(true);
    const doc = readFileSync(join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    for (const heading of ['## Why', '## How to fix', '## Example']) expect(doc).toContain(heading);
    expect((schema.properties.rules.propertyNames as { enum: string[] }).enum).toContain(id);
  });

  it('every rule doc belongs to a rule the policy knows', () => {
    const known = (schema.properties.rules.propertyNames as { enum: string[] }).enum;
    for (const f of readdirSync(join(ROOT, 'docs', 'rules'))) expect(known).toContain(f.replace(/\.md$/, ''));
  });
});
