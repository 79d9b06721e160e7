// Vitest global setup: each run of the suite gets a temporary folder of its own, removed when
// the run ends. Tests make scratch repositories with mkdtempSync(tmpdir()) and most leave them
// behind (the hostile repository alone is 53 MB in thousands of files), so a machine that runs
// the suite all day ran out of inodes. tmpdir() reads TMPDIR, which the test processes inherit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'privacy-lint-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
