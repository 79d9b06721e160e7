// privacy-lint inventory: not implemented yet.
import type { CliIO } from '../run.js';

export async function runInventory(_argv: string[], io: CliIO): Promise<number> {
  io.stderr.write('privacy-lint: inventory is not implemented yet\n');
  return 2;
}
