// ncc entry for the GitHub Action.
import { run } from './action/main.js';

void run();
