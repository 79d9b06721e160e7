// The JSON report: the stable contract every other consumer reads (version 1; fields are
// added, never renamed).
import type { Report } from '../model.js';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
