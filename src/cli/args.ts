// Command-line parsing shared by the scan and every subcommand: node:util's parseArgs with
// positionals and -h/--help, and its errors (and every value check) turned into usage errors
// that say which command to ask for help.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../pipeline.js';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses `argv` for `command` ('' for the scan itself). A parse error becomes a UsageError
 * that names the command and where its help is.
 */
export function parseCommandLine<O extends Options>(command: string, argv: string[], options: O) {
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, ...HELP_OPTION } });
    // `--output -` is standard output, as it is to most tools (not a file named "-").
    const values = parsed.values as Record<string, unknown>;
    if (values.output === '-') delete values.output;
    return parsed;
  } catch (e) {
    const where = command ? `privacy-lint ${command} --help` : 'privacy-lint --help';
    throw new UsageError(`${command ? `${command}: ` : ''}${(e as Error).message} (see ${where})`);
  }
}

/** `value` when it is absent or one of `allowed`; otherwise a usage error naming the flag. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], command = ''): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : allowed[0];
  throw new UsageError(`${command ? `${command}: ` : ''}--${flag} must be ${list}, got "${value}"`);
}
