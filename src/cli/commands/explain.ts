// privacy-lint explain: not implemented yet.
import type { CliIO } from '../run.js';

export async function runExplain(_argv: string[], io: CliIO): Promise<number> {
  io.stderr.write('privacy-lint: explain is not implemented yet\n');
  return 2;
}
