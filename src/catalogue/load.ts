// Reads rules/services/*.yml, validates each entry against rules/schema.json and
// checks what a schema cannot: id == filename, cross-entry conflicts, regex safety.
// Used at build time (scripts/compile-catalogue.ts) and by the tests, never at scan time.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { nodeAt, errorPointer } from '../yaml-position.js';
import type { ServiceEntry } from './types.js';
import { unsafeRegexReason } from './regex-safety.js';

export interface CatalogueProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadedCatalogue {
  entries: ServiceEntry[];
  problems: CatalogueProblem[];
}

export function loadSchema(rulesDir: string): object {
  return JSON.parse(readFileSync(join(rulesDir, 'schema.json'), 'utf8')) as object;
}

export function describe(err: ErrorObject): string {
  const where = err.instancePath || '/';
  if (err.keyword === 'additionalProperties') {
    return `${where}: unknown field "${(err.params as { additionalProperty: string }).additionalProperty}" (schema ${err.schemaPath})`;
  }
  if (err.keyword === 'enum') {
    return `${where}: ${err.message}: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')} (schema ${err.schemaPath})`;
  }
  return `${where}: ${err.message} (schema ${err.schemaPath})`;
}

export function loadCatalogue(rulesDir: string): LoadedCatalogue {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile<ServiceEntry>(loadSchema(rulesDir));
  const servicesDir = join(rulesDir, 'services');
  const files = readdirSync(servicesDir).filter((f) => f.endsWith('.yml')).sort();
  const entries: ServiceEntry[] = [];
  const problems: CatalogueProblem[] = [];
  const displayRoot = join(rulesDir, '..');

  for (const name of files) {
    const path = join(servicesDir, name);
    const file = relative(displayRoot, path).split('\\').join('/');
    const text = readFileSync(path, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (node: YamlNode | null): { line: number; column: number } => {
      const offset = node?.range?.[0] ?? 0;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    };
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = lineCounter.linePos(e.pos[0]);
        problems.push({ file, line: pos.line, column: pos.col, message: e.message.split('\n')[0]! });
      }
      continue;
    }
    const data: unknown = doc.toJS();
    if (!validate(data)) {
      for (const err of validate.errors ?? []) {
        problems.push({ file, ...at(nodeAt(doc.contents as YamlNode, errorPointer(err))), message: describe(err) });
      }
      continue;
    }
    const entry = data;
    if (entry.id !== basename(name, '.yml')) {
      problems.push({ file, ...at(nodeAt(doc.contents as YamlNode, '/id')), message: `/id: "${entry.id}" does not match the file name ${name}` });
      continue;
    }
    for (const field of ['snippets', 'switched_off'] as const) {
      (entry.detect[field] ?? []).forEach((src, i) => {
        const reason = unsafeRegexReason(src);
        if (reason) problems.push({ file, ...at(nodeAt(doc.contents as YamlNode, `/detect/${field}/${i}`)), message: `/detect/${field}/${i}: ${reason}` });
      });
    }
    entries.push(entry);
  }
  problems.push(...crossEntryProblems(entries));
  return { entries, problems };
}

/** Two entries may not claim the same host+path or the same package: attribution would be a coin toss. */
export function crossEntryProblems(entries: ServiceEntry[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const ids = new Set(entries.map((e) => e.id));
  const owners = new Map<string, string>();
  const claim = (key: string, id: string, what: string): void => {
    const prev = owners.get(key);
    if (prev && prev !== id) {
      problems.push({ file: `rules/services/${id}.yml`, line: 1, column: 1, message: `${what} is also claimed by ${prev}` });
    } else {
      owners.set(key, id);
    }
  };
  for (const e of entries) {
    for (const d of e.detect.domains ?? []) claim(`domain:${d.replace(/^\*\./, '')}`, e.id, `domain ${d}`);
    for (const [eco, names] of Object.entries(e.detect.packages ?? {})) {
      for (const n of names ?? []) claim(`pkg:${eco}:${n}`, e.id, `${eco} package ${n}`);
    }
    for (const alt of e.alternatives) {
      if (!ids.has(alt)) problems.push({ file: `rules/services/${e.id}.yml`, line: 1, column: 1, message: `/alternatives: unknown entry id "${alt}"` });
    }
  }
  return problems;
}

export function formatProblem(p: CatalogueProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
