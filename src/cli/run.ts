// Argument parsing and dispatch. Exit status: 0 clean, 1 findings at or above the fail
// level, 2 usage or configuration error (one line on stderr).
import { writeFileSync } from 'node:fs';
import { DEFAULT_SCAN_OPTIONS, UsageError } from '../pipeline.js';
import { parseCommandLine, oneOf } from './args.js';
import { lint } from '../lint.js';
import { defaultMatcher } from '../catalogue/index.js';
import { jsonChunks, writeChunksToFile } from '../report/json.js';
import { renderText } from '../report/text.js';
import { TOOL } from '../version.js';

import { runExplain } from './commands/explain.js';
import { runVendors } from './commands/vendors.js';
import { runInventory } from './commands/inventory.js';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Subcommands parse their own arguments; the first positional selects them. */
const SUBCOMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  explain: runExplain,
  vendors: runVendors,
  inventory: runInventory,
};

const HELP = `Usage: privacy-lint [path] [options]
       privacy-lint catalogue [--format text|json]
       privacy-lint explain <id|name|alias|domain|package> [--format text|json|markdown]
       privacy-lint vendors FILE [--format text|json]
       privacy-lint inventory [path] [--format markdown|html|json|csv|yaml] [--output FILE] [--check FILE]

Finds the third-party services a repository sends personal data to.

Options:
  --format text|json       report format (default: text)
  --output FILE            write the report to FILE instead of stdout (- is stdout)
  --config FILE            policy file (default: .privacy-lint.yml in the scanned root)
  --ignore GLOB            skip files matching GLOB (gitignore syntax; repeatable)
  --first-party DOMAIN     the project's own domain, never third party (repeatable)
  --max-file-size BYTES    skip larger files (default: 5242880)
  --include-generated      also scan dist/, build/, out/ and target/ beside a build manifest
  --base REF               compare with a git ref (pull-request mode): mark new findings
  --fail-on LEVEL          error|warning|notice|never (default: the policy's fail_on, else error)
  --all                    with --base, fail on every finding, not only the new ones
  --changed-only           with --base, scan only the changed files and the dependency manifests,
                           compared with their base versions (fast on large repositories)
  --version, --help
`;

function writeChunks(io: CliIO, output: string | undefined, chunks: Iterable<string>): void {
  if (!output) {
    for (const c of chunks) io.stdout.write(c);
    return;
  }
  writeChunksToFile(output, chunks);
}

function write(io: CliIO, output: string | undefined, text: string): void {
  if (output) writeFileSync(output, text);
  else io.stdout.write(text);
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`privacy-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const sub = SUBCOMMANDS[argv[0] ?? ''];
  if (sub) return sub(argv.slice(1), io);
  const { values, positionals } = parseCommandLine('', argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string' },
    ignore: { type: 'string', multiple: true },
    'first-party': { type: 'string', multiple: true },
    'max-file-size': { type: 'string' },
    'include-generated': { type: 'boolean' },
    base: { type: 'string' },
    'fail-on': { type: 'string' },
    all: { type: 'boolean' },
    'changed-only': { type: 'boolean' },
    version: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  const format = oneOf('format', values.format, ['text', 'json']) ?? 'text';
  const [command, ...rest] = positionals;

  if (command === 'catalogue') {
    const entries = defaultMatcher().entries;
    if (format === 'json') {
      write(io, values.output, JSON.stringify(entries.map((e) => ({ id: e.id, name: e.name, vendor: e.vendor.legal_entity, category: e.consent_category, purposes: e.purposes })), null, 2) + '\n');
    } else {
      write(io, values.output, entries.map((e) => `${e.id.padEnd(28)} ${e.name.padEnd(32)} ${e.consent_category.padEnd(10)} ${e.purposes.join(', ')}`).join('\n') + `\n${entries.length} entries\n`);
    }
    return 0;
  }

  let maxFileBytes = DEFAULT_SCAN_OPTIONS.maxFileBytes;
  if (values['max-file-size'] !== undefined) {
    maxFileBytes = Number(values['max-file-size']);
    if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, got "${values['max-file-size']}"`);
  }
  const paths = command === undefined ? ['.'] : [command, ...rest];
  if (paths.length > 1) throw new UsageError('scan one path at a time (got ' + paths.length + ')');
  const options = {
    ...DEFAULT_SCAN_OPTIONS,
    ignore: values.ignore ?? [],
    firstParty: (values['first-party'] ?? []).map((d) => d.toLowerCase()),
    includeGenerated: values['include-generated'] ?? false,
    maxFileBytes,
  };
  const failOn = oneOf('fail-on', values['fail-on'], ['error', 'warning', 'notice', 'never']);
  const result = await lint(paths[0]!, defaultMatcher(), {
    configPath: values.config,
    base: values.base,
    scan: options,
    failOn: failOn as 'error' | 'warning' | 'notice' | 'never' | undefined,
    onlyNew: values.all ? false : undefined,
    changedOnly: values['changed-only'] ?? false,
  });
  const color = !values.output && !!io.stdout.isTTY && !io.env.NO_COLOR;
  if (format === 'json') writeChunks(io, values.output, jsonChunks(result.report));
  else write(io, values.output, renderText(result.report, { color }));
  if (result.failing.length > 0) {
    io.stderr.write(`privacy-lint: ${result.failing.length} finding(s) at or above "${result.policy.fail_on}"${result.prMode && result.policy.only_new ? ' introduced by this change' : ''}\n`);
    return 1;
  }
  return 0;
}
