// A line diff (Myers' O(ND) algorithm) printed in unified format, the way `git diff` shows
// it, so a failing check reads like the change a reviewer would make.

export type Edit = { op: ' ' | '-' | '+'; line: string; a: number; b: number };

// Beyond this many differences the documents have little in common: the diff becomes
// "remove everything, add everything", which is still correct and keeps memory bounded.
const MAX_EDIT_DISTANCE = 2000;

/** The shortest edit script from a to b; a and b indices are 0-based positions in each side. */
export function diffLines(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[k] for k in [-d, d] as it was before round d, at index k + d.
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return [...a.map((line, i): Edit => ({ op: '-', line, a: i, b: 0 })), ...b.map((line, j): Edit => ({ op: '+', line, a: n, b: j }))];
  // Walk the trace back from (n, m) to (0, 0).
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const at = (k: number): number => vd[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      edits.push({ op: ' ', line: a[x]!, a: x, b: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      edits.push({ op: '+', line: b[y]!, a: x, b: y });
    } else {
      x--;
      edits.push({ op: '-', line: a[x]!, a: x, b: y });
    }
  }
  return edits.reverse();
}

function range(start: number, count: number): string {
  // Unified format: an empty range is written as the line before it.
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** Unified diff with `context` lines around each change; empty when the texts are equal. */
export function unifiedDiff(aText: string, bText: string, aName: string, bName: string, context = 3): string {
  return formatUnified(diffLines(splitLines(aText), splitLines(bText)), aName, bName, context);
}

/** An edit script printed in unified format. */
export function formatUnified(edits: Edit[], aName: string, bName: string, context = 3): string {
  const changed = edits.map((e, i) => (e.op !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  const out = [`--- ${aName}`, `+++ ${bName}`];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - context);
    let end = Math.min(edits.length, changed[i]! + context + 1);
    // Merge changes whose context windows touch into one hunk.
    while (i + 1 < changed.length && changed[i + 1]! - context <= end) {
      i++;
      end = Math.min(edits.length, changed[i]! + context + 1);
    }
    const hunk = edits.slice(start, end);
    const first = hunk[0]!;
    const aCount = hunk.filter((e) => e.op !== '+').length;
    const bCount = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${range(first.a, aCount)} +${range(first.b, bCount)} @@`);
    for (const e of hunk) out.push(`${e.op}${e.line}`);
    i++;
  }
  return out.join('\n') + '\n';
}

/** Lines without their ends; a final line end does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
