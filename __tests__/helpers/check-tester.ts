// Runs the checks over in-memory files and a policy written as YAML, without touching disk.
import { extractFile } from '../../src/pipeline.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { attribute } from '../../src/catalogue/attribute.js';
import { parsePolicy } from '../../src/config/policy.js';
import { runChecks } from '../../src/checks/run.js';
import { VendorNames } from '../../src/catalogue/vendor-names.js';
import { parseSuppressions, type Suppression } from '../../src/scan/suppressions.js';
import type { Finding } from '../../src/model.js';
import type { CheckInput } from '../../src/checks/define-check.js';

export interface Case {
  files: Record<string, string>;
  policy?: string;
  base?: { services: string[]; hosts?: string[] };
}

export function findingsFor(c: Case, ruleId?: string): Finding[] {
  const matcher = defaultMatcher();
  const policy = parsePolicy(c.policy ?? '', '.privacy-lint.yml');
  const evidence = Object.entries(c.files).flatMap(([path, text]) => extractFile(path, text, matcher).evidence);
  const { services, unclassified } = attribute(evidence, matcher, { firstParty: policy.first_party });
  const suppressions = new Map<string, Suppression[]>();
  for (const [path, text] of Object.entries(c.files)) suppressions.set(path, parseSuppressions(text).suppressions);
  const input: CheckInput = { services, unclassified, policy, matcher };
  const listPath = policy.subprocessors?.path;
  if (listPath && c.files[listPath] !== undefined) input.subprocessorList = { path: listPath, vendors: new VendorNames(matcher.entries, matcher).find(c.files[listPath]!) };
  if (c.base) {
    input.base = { services: new Set(c.base.services), hosts: new Set(c.base.hosts ?? []) };
    input.changedFiles = new Set(Object.keys(c.files));
  }
  const all = runChecks(input, suppressions);
  return ruleId ? all.filter((f) => f.ruleId === ruleId) : all;
}

/** [path:line, serviceId or host] pairs: what a reviewer checks first. */
export const where = (fs: Finding[]): string[] => fs.map((f) => `${f.path}:${f.line} ${f.serviceId ?? f.host ?? ''}`);
