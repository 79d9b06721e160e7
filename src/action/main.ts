// The GitHub Action: inputs → the same pipeline as the CLI → reporters → exit status.
import * as core from '@actions/core';
import { scanRoot, DEFAULT_SCAN_OPTIONS } from '../pipeline.js';
import { defaultMatcher } from '../catalogue/index.js';

export async function run(): Promise<void> {
  try {
    const path = core.getInput('path') || '.';
    const { report } = await scanRoot(path, DEFAULT_SCAN_OPTIONS, defaultMatcher());
    core.setOutput('services', JSON.stringify(report.services.map((s) => s.id)));
    core.info(`privacy-lint: ${report.services.length} services, ${report.unclassified.length} unclassified hosts`);
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}
