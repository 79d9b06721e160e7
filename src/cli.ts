#!/usr/bin/env node
// privacy-lint on the command line: argv → the same pipeline the Action runs → text or JSON.
import { runCli } from './cli/run.js';
import { limitInlining } from './jit-budget.js';

limitInlining();
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`privacy-lint: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
