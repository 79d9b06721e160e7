// V8's optimizing compiler is tuned for long-running programs. A scan is a few seconds of a few
// large functions (the code extractor, its gate) whose type feedback keeps changing as the files
// do, so each is optimized, deoptimized and optimized again, six to eight times per thread. With
// V8's default inlining budget one such compile of extractCode() took 35-50 ms of a helper
// thread; on a 2-core machine those helpers compete with the scan itself (with two scan threads
// they used 2.0 s of CPU in a 3.5 s scan, 80 % of it compiling). A smaller budget keeps the
// compiles small and cost nothing measurable in steady state. Numbers: README › Performance.
import { setFlagsFromString } from 'node:v8';

/** Bytecode size one optimized function may inline in total (V8's default: 920). */
const INLINE_BUDGET = 300;

/**
 * Sets the budget for this process (V8 flags are process-wide, so the scan workers started
 * afterwards get it too). Only the entry points call it: a library import leaves its host's
 * V8 alone.
 */
export function limitInlining(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
}
