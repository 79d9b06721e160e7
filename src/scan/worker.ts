// A scan worker's side of the threads: it claims files from the shared counter, scans them
// (scan/file-scan.ts) and sends the results back. The main thread's side is in pipeline.ts.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { WalkedFile } from './walk.js';
import { scanFile, type FileResult, type Reading } from './file-scan.js';
import { Matcher } from '../catalogue/matcher.js';
import type { ServiceEntry } from '../catalogue/types.js';

export const WORKER_TAG = 'privacy-lint-scan-worker';

/** What a worker's matcher reads of an entry: its id, the names it spells variables with, and its detection facts. */
export type DetectionEntry = Pick<ServiceEntry, 'id' | 'name' | 'detect'> & { vendor: Pick<ServiceEntry['vendor'], 'name'> };

/** An entry cut to what detection reads, so that a worker gets a tenth of the catalogue. */
export const detectionEntry = (e: ServiceEntry): DetectionEntry => ({ id: e.id, name: e.name, vendor: { name: e.vendor.name }, detect: e.detect });

export interface WorkerInit {
  tag: typeof WORKER_TAG;
  /** The matcher's entries, cut to what detection reads. */
  entries: DetectionEntry[];
  reading: Reading;
  /** One Int32: the index of the next file no thread has claimed (see claimFiles). */
  next: SharedArrayBuffer;
}
/** This thread to a worker: more files of the list, in order; `done`: the list is complete. */
export interface FilesMessage {
  files: WalkedFile[];
  done: boolean;
}
/** A worker to this thread: the results of the files it claimed from `from` on, or that it has nothing left to claim. */
export type WorkerMessage = { from: number; results: FileResult[] } | { finished: true };

/**
 * Claims the next files to scan, at most `size` of them and none at or past `known` (the files
 * this thread has been told of), for the thread that calls it alone: each index is claimed once,
 * whichever thread asks first. Returns [from, to), or null when nothing under `known` is left.
 */
export function claimFiles(next: Int32Array, known: number, size: number): [number, number] | null {
  for (;;) {
    const from = Atomics.load(next, 0);
    if (from >= known) return null;
    const to = Math.min(known, from + size);
    if (Atomics.compareExchange(next, 0, from, to) === from) return [from, to];
  }
}

/**
 * How many files a thread claims at a time: enough that a worker's results go back in few
 * messages, few enough at the end of the list that no thread is left with a long run of files
 * while the others wait (files differ in size a thousandfold, and nothing knows their sizes yet).
 */
export function claimSize(pending: number, listComplete: boolean): number {
  return listComplete ? Math.max(1, Math.min(CLAIM, Math.floor(pending / 16))) : CLAIM;
}
const CLAIM = 64;

/** Answers the main thread's files until it says the list is done; a no-op anywhere but on a scan worker. */
export function serveScans(): void {
  if (isMainThread || (workerData as WorkerInit | undefined)?.tag !== WORKER_TAG) return;
  const init = workerData as WorkerInit;
  // Detection reads nothing else of an entry (DetectionEntry): the rest of ServiceEntry is never asked for here.
  const matcher = new Matcher(init.entries as ServiceEntry[]);
  const next = new Int32Array(init.next);
  const files: WalkedFile[] = [];
  let finished = false;
  parentPort!.on('message', (m: FilesMessage) => {
    for (const f of m.files) files.push(f);
    // Claims until the files this worker knows of are all taken; more arrive as messages.
    for (let c = claimFiles(next, files.length, claimSize(files.length - Atomics.load(next, 0), m.done)); c; c = claimFiles(next, files.length, claimSize(files.length - Atomics.load(next, 0), m.done))) {
      const [from, to] = c;
      const results: FileResult[] = [];
      for (let i = from; i < to; i++) results.push(scanFile(files[i]!, init.reading, matcher));
      parentPort!.postMessage({ from, results } satisfies WorkerMessage);
    }
    if (m.done && !finished) {
      finished = true;
      parentPort!.postMessage({ finished: true } satisfies WorkerMessage);
    }
  });
}
