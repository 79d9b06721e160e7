// Writes data/code-grams.json: how often each three-character sequence occurs in real code,
// per million characters, for the grams common enough to matter. The snippet prefilter
// (src/catalogue/matcher.ts) anchors each snippet on its rarest gram; this table says which
// grams are rare in the code people actually write, where a hand-made guess said "mat" was.
//
//   npx tsx scripts/code-grams.ts DIR…   (default: node_modules, a few hundred real packages)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['node_modules'];
const CODE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx|py|rb|go|php|java|kt|cs|html|vue|svelte)$/;
const counts = new Map<string, number>();
let chars = 0;

function visit(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) visit(p);
    else if (e.isFile() && CODE.test(e.name) && statSync(p).size < 2_000_000) {
      const text = readFileSync(p, 'utf8');
      chars += text.length;
      for (let i = 0; i + 3 <= text.length; i++) {
        const g = text.slice(i, i + 3);
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    }
  }
}
for (const r of roots) visit(r);
// Grams seen at least once per 100,000 characters; anything rarer is rare enough.
const table = Object.fromEntries(
  [...counts]
    .map(([g, n]) => [g, Math.round((n / chars) * 1e6)] as const)
    .filter(([g, perMillion]) => perMillion >= 10 && /^[\x20-\x7e]{3}$/.test(g))
    .sort((a, b) => b[1] - a[1]),
);
writeFileSync(join(import.meta.dirname, '..', 'data', 'code-grams.json'), JSON.stringify({ source: `${roots.join(', ')}: ${chars} characters of code`, perMillion: table }) + '\n');
console.error(`code-grams: ${Object.keys(table).length} grams from ${(chars / 1e6).toFixed(0)} M characters`);
