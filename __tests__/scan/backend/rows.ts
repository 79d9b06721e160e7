import { extractFile } from '../../../src/pipeline.js';
import { defaultMatcher } from '../../../src/catalogue/index.js';
import { attribute } from '../../../src/catalogue/attribute.js';
import type { Evidence } from '../../../src/model.js';

/** One evidence as a line a person can check against the source: `line kind who confidence [region] [dev]`. */
export function row(e: Evidence, who: string): string {
  return [e.line, e.kind, who, e.confidence, e.region, e.dev ? 'dev' : undefined].filter((x) => x !== undefined).join(' ');
}

/** Every piece of evidence one in-memory file yields, attributed, in source order; unknown hosts as `?host`. */
export function rowsOf(path: string, text: string): string[] {
  const matcher = defaultMatcher();
  const evidence = extractFile(path, text, matcher).evidence;
  const { services, unclassified } = attribute(evidence, matcher, { firstParty: [] });
  const all: [Evidence, string][] = [...services.flatMap((s) => s.evidence.map((e) => [e, s.id] as [Evidence, string])), ...unclassified.flatMap((u) => u.evidence.map((e) => [e, `?${u.host}`] as [Evidence, string]))];
  return all.sort(([a], [b]) => a.line - b.line || a.column - b.column).map(([e, who]) => row(e, who));
}
