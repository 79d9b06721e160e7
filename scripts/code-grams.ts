// Writes data/code-grams.json: how often each three-character sequence occurs in real code,
// per million characters, for the grams common enough to matter. The snippet prefilter
// (src/catalogue/matcher.ts) anchors each snippet on its rarest gram; this table says which
// grams are rare in the code people actually write, where a hand-made guess said "mat" was.
//
//   npx tsx scripts/code-grams.ts SAMPLE…   (default: node_modules, a few hundred real packages)
//
// A SAMPLE is a folder, or folders joined with '+': an ecosystem's packages, a language's
// library, a generated SDK. Each counts the same, whatever its size: a gram common in one
// ecosystem's code ("Fie" of Python's generated `messages.StringField`, rare in JavaScript) is
// common for the prefilter, which reads every language. A sample is read up to SAMPLE_CHARS.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['node_modules'];
const CODE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx|py|rb|go|php|java|kt|cs|swift|dart|html|vue|svelte|c|h|cc|cpp)$/;
const SAMPLE_CHARS = 80_000_000;

/** Gram counts of one sample, keyed by the three characters' codes (printable ASCII only). */
function sample(root: string): { counts: Map<number, number>; chars: number } {
  const counts = new Map<number, number>();
  let chars = 0;
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (chars >= SAMPLE_CHARS) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && CODE.test(e.name) && statSync(p).size < 2_000_000) {
        const text = readFileSync(p, 'latin1');
        chars += text.length;
        let key = 0;
        for (let i = 0; i < text.length; i++) {
          key = ((key << 8) | text.charCodeAt(i)) & 0xffffff;
          if (i >= 2) counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  };
  for (const dir of root.split('+')) visit(dir);
  return { counts, chars };
}

const samples = roots.map((r) => ({ root: r, ...sample(r) }));
const perMillion = new Map<number, number>();
for (const { counts, chars } of samples) for (const [k, n] of counts) perMillion.set(k, (perMillion.get(k) ?? 0) + (n / chars) * 1e6 / samples.length);
const gram = (k: number): string => String.fromCharCode(k >> 16, (k >> 8) & 255, k & 255);
// Grams seen at least once per 100,000 characters; anything rarer is rare enough.
const table = Object.fromEntries(
  [...perMillion]
    .map(([k, v]) => [gram(k), Math.round(v)] as const)
    .filter(([g, v]) => v >= 10 && /^[\x20-\x7e]{3}$/.test(g))
    .sort((a, b) => b[1] - a[1]),
);
const source = samples.map((s) => `${s.root} (${(s.chars / 1e6).toFixed(0)} M characters)`).join(', ');
writeFileSync(join(import.meta.dirname, '..', 'data', 'code-grams.json'), JSON.stringify({ source: `each sample weighed alike: ${source}`, perMillion: table }) + '\n');
console.error(`code-grams: ${Object.keys(table).length} grams from ${samples.length} samples`);
