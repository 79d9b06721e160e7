// privacy-lint inventory: writes the subprocessor list, cookie table, consent map and record
// of processing from the scan, the catalogue and the policy; --check compares a committed
// document with what the code gives now; --update regenerates the documents the policy names.
import { readFileSync, writeFileSync, statSync, mkdirSync } from 'node:fs';
import { resolve, relative, sep, dirname } from 'node:path';
import type { CliIO } from '../run.js';
import { UsageError, DEFAULT_SCAN_OPTIONS } from '../../pipeline.js';
import { parseCommandLine, oneOf } from '../args.js';
import { lint } from '../../lint.js';
import { defaultMatcher } from '../../catalogue/index.js';
import { VendorNames } from '../../catalogue/vendor-names.js';
import { label } from '../../checks/define-check.js';
import { decode } from '../../scan/source-file.js';
import type { Policy } from '../../config/policy.js';
import { DOCUMENT_KINDS, DOCUMENT_FORMATS, type DocumentKind, type DocumentFormat, type Inventory } from '../../inventory/model.js';
import { buildInventory } from '../../inventory/build.js';
import { inventoryInput } from '../../inventory/input.js';
import { renderDocument, RenderError } from '../../inventory/render/index.js';
import { compareDocument, expectedDocument, formatFromPath, type Drift } from '../../inventory/compare.js';
import { POLICY_KEYS, documentFormat } from '../../inventory/documents.js';
import { kindsInDocument } from '../../inventory/detect.js';

const HELP = `Usage: privacy-lint inventory [path] [options]

Writes compliance documents from the code, the catalogue and .privacy-lint.yml: the
subprocessor list, the cookie table, the consent map and the record of processing.

Options:
  --document KIND      subprocessors | cookies | consent-map | ropa | all
                       (default: all; ropa for CSV, which holds one table)
  --format FORMAT      markdown | html | json | csv | yaml
                       (default: from the extension of --output or --check, else markdown)
  --output FILE        write the document to FILE instead of stdout
  --check FILE         compare FILE with what the code gives now: exit 1 and print a diff
                       when they differ (repeatable)
  --update             regenerate every document named under documents: in the policy
  --last-updated DATE  print "Last updated: DATE" (YYYY-MM-DD); without it documents carry no
                       date, and --check/--update keep the date the committed file has
  --config FILE        policy file (default: .privacy-lint.yml in the scanned root)
  --ignore GLOB        skip files matching GLOB (repeatable)
  --first-party DOMAIN the project's own domain (repeatable)
  --include-generated  also scan dist/, build/, out/ and target/
  --help

Exit status: 0 written or up to date, 1 a checked document is out of date, 2 usage error.
`;

interface Args {
  path: string;
  document?: DocumentKind | 'all';
  format?: DocumentFormat;
  output?: string;
  check: string[];
  update: boolean;
  lastUpdated?: string;
  config?: string;
  ignore: string[];
  firstParty: string[];
  includeGenerated: boolean;
  help: boolean;
}

function parse(argv: string[]): Args {
  const { values: v, positionals } = parseCommandLine('inventory', argv, {
    document: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    check: { type: 'string', multiple: true },
    update: { type: 'boolean' },
    'last-updated': { type: 'string' },
    config: { type: 'string' },
    ignore: { type: 'string', multiple: true },
    'first-party': { type: 'string', multiple: true },
    'include-generated': { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError(`inventory: scan one path at a time (got ${positionals.length})`);
  const document = oneOf('document', v.document, [...DOCUMENT_KINDS, 'all'] as const, 'inventory');
  const format = oneOf('format', v.format, DOCUMENT_FORMATS, 'inventory');
  if (v['last-updated'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v['last-updated'])) {
    throw new UsageError(`inventory: --last-updated must be a date as YYYY-MM-DD, got "${v['last-updated']}"`);
  }
  const check = v.check ?? [];
  const modes = [v.output !== undefined, check.length > 0, v.update === true].filter(Boolean).length;
  if (modes > 1) throw new UsageError('inventory: use one of --output, --check and --update at a time');
  return {
    path: positionals[0] ?? '.',
    document,
    format,
    output: v.output,
    check,
    update: v.update ?? false,
    lastUpdated: v['last-updated'],
    config: v.config,
    ignore: v.ignore ?? [],
    firstParty: (v['first-party'] ?? []).map((d) => d.toLowerCase()),
    includeGenerated: v['include-generated'] ?? false,
    help: v.help ?? false,
  };
}

/** A committed document's text, or null when there is no such file. */
function readDocument(abs: string): string | null {
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) return null;
  if (!st.isFile()) throw new UsageError(`inventory: ${abs} is not a file`);
  return decode(readFileSync(abs));
}

function writeDocument(abs: string, text: string): void {
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

const kindsOf = (d: DocumentKind | 'all'): DocumentKind[] => (d === 'all' ? [...DOCUMENT_KINDS] : [d]);

/** --document wins; a CSV without one is the record of processing; anything else is every document. */
function defaultKinds(args: Args, format: DocumentFormat): DocumentKind[] {
  if (args.document) return kindsOf(args.document);
  return format === 'csv' ? ['ropa'] : [...DOCUMENT_KINDS];
}

/** The policy's documents as absolute path → kind, to know what a --check FILE is. */
function policyDocuments(root: string, policy: Policy): Map<string, DocumentKind> {
  const out = new Map<string, DocumentKind>();
  for (const [key, kind] of Object.entries(POLICY_KEYS) as [keyof Policy['documents'], DocumentKind][]) {
    const path = policy.documents[key];
    if (path) out.set(resolve(root, path), kind);
  }
  return out;
}

function render(inv: Inventory, kinds: DocumentKind[], format: DocumentFormat, lastUpdated: string | undefined): string {
  try {
    return renderDocument(inv, kinds, format, lastUpdated ? { lastUpdated } : {});
  } catch (e) {
    if (e instanceof RenderError) throw new UsageError(`inventory: ${e.message}`);
    throw e;
  }
}

const colour = (io: CliIO) => {
  const on = !!io.stdout.isTTY && !io.env.NO_COLOR;
  return (line: string): string => {
    if (!on) return line;
    if (line.startsWith('+') && !line.startsWith('+++')) return `\u001b[32m${line}\u001b[0m`;
    if (line.startsWith('-') && !line.startsWith('---')) return `\u001b[31m${line}\u001b[0m`;
    if (line.startsWith('@@')) return `\u001b[36m${line}\u001b[0m`;
    return line;
  };
};

function describeDrift(drift: Drift, names: (id: string) => string): string {
  const parts = [drift.added.length ? `missing ${drift.added.map(names).join(', ')}` : '', drift.removed.length ? `still lists ${drift.removed.map(names).join(', ')}, no longer found in the code` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function regenerateCommand(args: Args, kinds: DocumentKind[], file: string, format: DocumentFormat): string {
  const path = args.path !== '.' ? ` ${args.path}` : '';
  const fmt = formatFromPath(file) === format ? '' : ` --format ${format}`;
  return `privacy-lint inventory${path} --document ${kinds.length === 1 ? kinds[0] : 'all'}${fmt} --output ${file}`;
}

/** --update: rewrite the documents the policy names that the code has moved on from. */
function update(args: Args, inv: Inventory, root: string, policy: Policy, io: CliIO): number {
  const docs = policyDocuments(root, policy);
  if (docs.size === 0) throw new UsageError('inventory: --update regenerates the documents named under documents: in .privacy-lint.yml, and it names none');
  const shown = (abs: string): string => relative(io.cwd, abs).split(sep).join('/') || abs;
  for (const [abs, kind] of docs) {
    const format = args.format ?? documentFormat(kind, abs);
    const committed = readDocument(abs);
    const text = args.lastUpdated ? render(inv, [kind], format, args.lastUpdated) : expectedDocument(inv, [kind], format, committed);
    if (committed === text) {
      io.stderr.write(`privacy-lint: ${shown(abs)} is up to date\n`);
      continue;
    }
    writeDocument(abs, text);
    io.stderr.write(`privacy-lint: wrote ${shown(abs)} (${kind})\n`);
  }
  return 0;
}

/** --check: a diff on stdout and one line on stderr per stale document; exit 1 if any is. */
function check(args: Args, inv: Inventory, root: string, policy: Policy, io: CliIO): number {
  const matcher = defaultMatcher();
  const byPolicy = policyDocuments(root, policy);
  const vendorNames = new VendorNames(matcher.entries, matcher);
  const names = (id: string): string => (matcher.byId.has(id) ? label(matcher.byId.get(id)!) : id);
  const paint = colour(io);
  let stale = 0;
  for (const file of args.check) {
    const abs = resolve(io.cwd, file);
    const format = args.format ?? formatFromPath(abs) ?? 'markdown';
    const committed = readDocument(abs);
    // What the file is: --document, else the policy entry naming it, else what its title or header says.
    const kinds = args.document ? kindsOf(args.document) : byPolicy.has(abs) ? [byPolicy.get(abs)!] : committed !== null ? kindsInDocument(committed, format) : defaultKinds(args, format);
    const regenerate = regenerateCommand(args, kinds, file, format);
    if (committed === null) {
      io.stderr.write(`privacy-lint: ${file} does not exist; generate it with "${regenerate}" [inventory-out-of-date]\n`);
      stale++;
      continue;
    }
    const generated = args.lastUpdated ? render(inv, kinds, format, args.lastUpdated) : expectedDocument(inv, kinds, format, committed);
    const drift = compareDocument(committed, generated, file, vendorNames);
    if (drift.upToDate) {
      io.stdout.write(`${file} is up to date with the code.\n`);
      continue;
    }
    stale++;
    io.stdout.write(drift.diff.split('\n').map(paint).join('\n'));
    io.stderr.write(`privacy-lint: ${file}:${drift.line}: out of date with the code${describeDrift(drift, names)}; regenerate it with "${regenerate}" [inventory-out-of-date]\n`);
  }
  return stale > 0 ? 1 : 0;
}

export async function runInventory(argv: string[], io: CliIO): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const matcher = defaultMatcher();
  const root = resolve(io.cwd, args.path);
  const result = await lint(root, matcher, {
    configPath: args.config ? resolve(io.cwd, args.config) : undefined,
    scan: { ...DEFAULT_SCAN_OPTIONS, ignore: args.ignore, firstParty: args.firstParty, includeGenerated: args.includeGenerated },
  });
  const inv = buildInventory(inventoryInput(result.report.services, result.policy, matcher));
  if (args.update) return update(args, inv, root, result.policy, io);
  if (args.check.length) return check(args, inv, root, result.policy, io);

  const format = args.format ?? (args.output ? formatFromPath(args.output) : undefined) ?? 'markdown';
  const text = render(inv, defaultKinds(args, format), format, args.lastUpdated);
  if (args.output) writeDocument(resolve(io.cwd, args.output), text);
  else io.stdout.write(text);
  return 0;
}
