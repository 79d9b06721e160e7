// privacy-lint vendors FILE [--format text|json]: which catalogue services a document
// (a subprocessor list, a DPA annex, a cookie policy) names, and on which line.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from '../run.js';
import { UsageError } from '../../pipeline.js';
import { parseCommandLine, oneOf } from '../args.js';
import { defaultMatcher } from '../../catalogue/index.js';
import { VendorNames, nameKey, type NamedVendor } from '../../catalogue/vendor-names.js';
import { decode, looksBinary } from '../../scan/source-file.js';
import { documentText } from '../../explain/document-text.js';

const MAX_BYTES = 20 * 1024 * 1024;

const HELP = `Usage: privacy-lint vendors FILE [--format text|json]

Lists the catalogue services a document names (by service name, vendor, legal entity or
alias), with the line of the first mention. Reads Markdown, HTML, YAML, CSV and plain text.
`;

let names: VendorNames | null = null;

/** The catalogue services the document names. Pure apart from the shared recogniser. */
export function namedServices(path: string, text: string): NamedVendor[] {
  const matcher = defaultMatcher();
  names ??= new VendorNames(matcher.entries, matcher);
  return names.find(documentText(path, text));
}

function readDocument(file: string, cwd: string): string {
  const abs = resolve(cwd, file);
  let buf: Buffer;
  try {
    if (statSync(abs).size > MAX_BYTES) throw new UsageError(`${file}: larger than 20 MiB`);
    buf = readFileSync(abs);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `file not found: ${file}` : code === 'EISDIR' ? `${file} is a folder; pass a document` : `cannot read ${file}: ${code ?? (e as Error).message}`);
  }
  if (looksBinary(buf)) throw new UsageError(`${file} is a binary file; save the page as text, Markdown or HTML first`);
  return decode(buf);
}

export async function runVendors(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine('vendors', argv, { format: { type: 'string', short: 'f' } });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = oneOf('format', values.format, ['text', 'json'], 'vendors') ?? 'text';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'vendors needs a FILE to read' : `vendors reads one file at a time (got ${positionals.length})`);
  const file = positionals[0]!;
  const found = namedServices(file, readDocument(file, io.cwd));
  const byId = defaultMatcher().byId;

  if (format === 'json') {
    const services = found.map((v) => ({ id: v.id, name: byId.get(v.id)!.name, line: v.line, match: v.name }));
    io.stdout.write(JSON.stringify({ file, services }, null, 2) + '\n');
    return 0;
  }
  if (found.length === 0) {
    io.stdout.write(`${file}: names no service in the catalogue\n`);
    return 0;
  }
  const width = Math.max(...found.map((v) => `${file}:${v.line}`.length));
  const idWidth = Math.max(...found.map((v) => v.id.length));
  for (const v of found) {
    const name = byId.get(v.id)!.name;
    // Say how the document wrote it when that is not simply the service's name.
    const as = nameKey(name).includes(nameKey(v.name)) ? '' : `  (as "${v.name}")`;
    io.stdout.write(`${`${file}:${v.line}`.padEnd(width)}  ${v.id.padEnd(idWidth)}  ${name}${as}\n`);
  }
  io.stdout.write(`${found.length} catalogue ${found.length === 1 ? 'service' : 'services'} named\n`);
  return 0;
}
