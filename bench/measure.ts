// Timing a command: wall time from this process, peak RSS from GNU time (or, without it, by
// polling /proc/<pid>/status while the command runs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timing {
  seconds: number;
  /** Peak resident set size in MB, when it could be measured. */
  peakRssMb?: number;
  status: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

/** Runs a command to completion, its stdout discarded. */
export async function timeCommand(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Timing> {
  const rssFile = join(tmpdir(), `privacy-lint-bench-rss-${process.pid}`);
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let polledKb = 0;
  const poll = hasGnuTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) polledKb = Math.max(polledKb, Number(m[1]));
        } catch {
          // the process has just exited
        }
      }, 5);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  let peakKb = polledKb;
  if (hasGnuTime) {
    try {
      peakKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    } catch {
      peakKb = 0;
    }
    rmSync(rssFile, { force: true });
  }
  return { seconds, peakRssMb: peakKb ? peakKb / 1024 : undefined, status, stderr };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const peakRssNote = hasGnuTime ? 'peak RSS from GNU time' : 'peak RSS polled from /proc every 5 ms (GNU time not found)';
