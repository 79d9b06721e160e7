// .privacy-lint.yml: read, validate against schema/privacy-lint.schema.json, fill defaults.
// An invalid file is a usage error that names the line and the problem.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import schema from '../../schema/privacy-lint.schema.json' with { type: 'json' };
import { nodeAt, errorPointer } from '../yaml-position.js';
import { describe } from '../catalogue/load.js';
import { UsageError } from '../pipeline.js';
import type { Severity } from '../model.js';

export type ConsentManager = 'cookiebot' | 'onetrust' | 'usercentrics' | 'didomi' | 'klaro' | 'cookieyes' | 'osano' | 'iubenda' | 'complianz' | 'tarteaucitron' | 'google-consent-mode' | 'custom';
export type FailOn = Severity | 'never';
export type Transfer = 'dpf' | 'sccs' | 'bcr' | 'adequacy' | 'eu-hosted' | 'none';

export interface VendorRecord {
  dpa?: 'signed' | 'not-needed' | 'missing';
  date?: string;
  link?: string;
  transfer?: Transfer;
  allowed?: boolean;
  scope?: 'customer-data' | 'account-data';
  purpose?: string;
  note?: string;
}

export interface Policy {
  first_party: string[];
  jurisdiction: 'eu' | 'uk' | 'ch' | 'us' | 'global';
  consent: { managers: ConsentManager[]; attributes: string[]; classes: string[] };
  vendors: Record<string, VendorRecord>;
  subprocessors?: { path: string; notice_days: number };
  documents: { subprocessors?: string; cookies?: string; consent_map?: string; ropa?: string };
  rules: Record<string, Severity | 'off'>;
  ignore: string[];
  deny_locations: string[];
  fail_on: FailOn;
  only_new: boolean;
  min_confidence: 'low' | 'medium' | 'high';
  include_dev: boolean;
  /** Where the policy was read from, for messages; undefined for the built-in default. */
  source?: string;
}

export const DEFAULT_POLICY: Policy = {
  first_party: [],
  jurisdiction: 'eu',
  consent: { managers: [], attributes: [], classes: [] },
  vendors: {},
  documents: {},
  rules: {},
  ignore: [],
  deny_locations: [],
  fail_on: 'error',
  only_new: true,
  min_confidence: 'medium',
  include_dev: false,
};

const MAX_POLICY_BYTES = 1024 * 1024;
let validator: ReturnType<Ajv['compile']> | null = null;

/** Parses and validates policy text. `file` is only used in messages. */
export function parsePolicy(text: string, file: string): Policy {
  const lineCounter = new LineCounter();
  // maxAliasCount bounds alias expansion ("billion laughs"); the size cap bounds nesting.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const where = (offset: number): string => {
    const p = lineCounter.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  if (doc.errors.length) throw new UsageError(`${where(doc.errors[0]!.pos[0])}: invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  validator ??= new Ajv({ allErrors: false, strict: false, useDefaults: false }).compile(schema);
  if (!validator(data)) {
    const err = validator.errors![0]!;
    const node = nodeAt(doc.contents as YamlNode, errorPointer(err));
    throw new UsageError(`${where(node?.range?.[0] ?? 0)}: ${describe(err).replace(/ \(schema [^)]*\)$/, '')}`);
  }
  const raw = data as Record<string, unknown> & { consent?: { manager?: ConsentManager | ConsentManager[]; attributes?: string[]; classes?: string[] }; subprocessors?: { path: string; notice_days?: number } };
  const managers = raw.consent?.manager === undefined ? [] : Array.isArray(raw.consent.manager) ? raw.consent.manager : [raw.consent.manager];
  return {
    ...DEFAULT_POLICY,
    ...(raw as Partial<Policy>),
    consent: { managers, attributes: raw.consent?.attributes ?? [], classes: raw.consent?.classes ?? [] },
    subprocessors: raw.subprocessors ? { path: raw.subprocessors.path, notice_days: raw.subprocessors.notice_days ?? 30 } : undefined,
    documents: (raw.documents as Policy['documents']) ?? {},
    first_party: ((raw.first_party as string[]) ?? []).map((d) => d.toLowerCase()),
    source: file,
  };
}

/** Reads the policy from --config, or .privacy-lint.yml in the root, or returns the default. */
export function loadPolicy(root: string, configPath?: string): Policy {
  const path = configPath ?? join(root, '.privacy-lint.yml');
  if (!existsSync(path)) {
    if (configPath) throw new UsageError(`config file not found: ${configPath}`);
    const alt = join(root, '.privacy-lint.yaml');
    if (existsSync(alt)) return loadPolicy(root, alt);
    return { ...DEFAULT_POLICY };
  }
  if (statSync(path).size > MAX_POLICY_BYTES) throw new UsageError(`${path}: policy file larger than 1 MiB`);
  return parsePolicy(readFileSync(path, 'utf8'), configPath ?? '.privacy-lint.yml');
}
