// The JSON report: the stable contract every other consumer reads (version 1; fields are
// added, never renamed).
import type { Report } from '../model.js';

/**
 * The report as pieces that join to exactly JSON.stringify(report, null, 2) + '\n'. A large
 * repository's report runs to hundreds of megabytes; writing it piece by piece keeps it from
 * ever being one string in memory.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const keys = Object.keys(report) as (keyof Report)[];
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = report[key];
    const tail = i < keys.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < value.length; j++) {
        yield `    ${JSON.stringify(value[j], null, 2).replace(/\n/g, '\n    ')}${j < value.length - 1 ? ',\n' : '\n'}`;
      }
      yield `  ]${tail}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${tail}`;
    }
  }
  yield '}\n';
}

export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}
