import { afterAll } from 'vitest';
import { join } from 'node:path';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { buildInventory } from '../../src/inventory/build.js';
import { inventoryInput } from '../../src/inventory/input.js';
import { DEFAULT_POLICY, type Policy } from '../../src/config/policy.js';
import type { Evidence, ServiceHit } from '../../src/model.js';
import type { Inventory } from '../../src/inventory/model.js';
import { runCli } from '../../src/cli/run.js';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/** The inventory of a fixture repository, through lint() as the CLI does it. */
export async function inventoryOf(fixture: string): Promise<Inventory> {
  const result = await lint(join(FIXTURES, fixture), defaultMatcher());
  return buildInventory(inventoryInput(result.report.services, result.policy, defaultMatcher()));
}

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fixture in a temporary directory, for tests that change files; removed after the file's tests. */
export function copyOfFixture(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pl-inventory-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  copies.push(dir);
  return dir;
}

export function ev(overrides: Partial<Evidence> = {}): Evidence {
  return { kind: 'code-url', path: 'app/main.py', line: 1, column: 1, match: 'x', confidence: 'high', ...overrides };
}

/** A hit for a catalogue service with the given evidence. */
export function hit(id: string, evidence: Evidence[] = [ev()]): ServiceHit {
  const e = defaultMatcher().byId.get(id);
  if (!e) throw new Error(`no catalogue entry ${id}`);
  return { id, name: e.name, vendor: e.vendor.legal_entity, category: e.consent_category, purposes: e.purposes, evidence };
}

export function policy(overrides: Partial<Policy> = {}): Policy {
  return { ...DEFAULT_POLICY, ...overrides };
}

export function inventoryFrom(services: ServiceHit[], p: Policy = policy()): Inventory {
  return buildInventory(inventoryInput(services, p, defaultMatcher()));
}

export async function cli(args: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}
