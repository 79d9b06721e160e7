// ncc entry for the GitHub Action.
import { isMainThread } from 'node:worker_threads';
import { run } from './action/main.js';
import { limitInlining } from './jit-budget.js';

// The bundle is also the scan worker (src/pipeline.ts): on a worker thread only the pipeline runs.
if (isMainThread) {
  limitInlining();
  void run();
}
