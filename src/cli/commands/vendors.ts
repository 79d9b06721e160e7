// privacy-lint vendors: not implemented yet.
import type { CliIO } from '../run.js';

export async function runVendors(_argv: string[], io: CliIO): Promise<number> {
  io.stderr.write('privacy-lint: vendors is not implemented yet\n');
  return 2;
}
