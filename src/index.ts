// ncc entry for the GitHub Action.
import { run } from './action/main.js';
import { limitInlining } from './jit-budget.js';

limitInlining();
void run();
