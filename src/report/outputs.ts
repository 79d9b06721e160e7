// The step outputs: small values and JSON that later steps read (through `env:`, never by
// pasting `${{ }}` into a script). The full data is in the files whose paths are given.
import type { Digest } from './digest.js';

export interface OutputFiles {
  report: string;
  sarif: string;
}

export function actionOutputs(d: Digest, files: OutputFiles): Record<string, string> {
  return {
    findings: String(d.active.length),
    errors: String(d.counts.error),
    warnings: String(d.counts.warning),
    notices: String(d.counts.notice),
    'new-findings': String(d.newFindings),
    'new-services': JSON.stringify(d.newServices),
    services: JSON.stringify(d.services.map((s) => ({ id: s.id, name: s.name, vendor: s.vendor, category: s.category, new: s.isNew }))),
    'sarif-file': files.sarif,
    report: files.report,
    conclusion: d.passed ? 'success' : 'failure',
  };
}
