// Cost of catalogue size: the same scan with the compiled catalogue and with 2,000 synthetic
// entries added (domains, packages, imports, snippets, env variables like real entries have).
// Run in this process from the TypeScript sources, on one thread, so only matching changes.
import { CATALOGUE } from '../src/catalogue/catalogue.generated.js';
import { Matcher } from '../src/catalogue/matcher.js';
import type { ServiceEntry } from '../src/catalogue/types.js';
import { scanRoot, DEFAULT_SCAN_OPTIONS } from '../src/pipeline.js';
import { Random } from './random.js';
import { median } from './measure.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'tra', 'vex', 'zu', 'pri', 'nor', 'quel', 'dax', 'fen', 'gor', 'hap', 'jin', 'sul', 'bro'];

/** `count` entries that look like real ones to the matcher but name services nobody uses. */
export function syntheticEntries(count: number, seed = 7): ServiceEntry[] {
  const r = new Random(seed);
  const template = CATALOGUE[0]!;
  return Array.from({ length: count }, (_, i) => {
    const name = `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${i}`;
    const Name = name[0]!.toUpperCase() + name.slice(1);
    const upper = name.toUpperCase();
    return {
      ...template,
      id: `synthetic-${name}`,
      name: `${Name} Analytics`,
      vendor: { name: Name, legal_entity: `${Name} Inc.`, country: 'US' },
      detect: {
        domains: [`${name}.io`, `cdn.${name}-analytics.com`, `api.${name}.com/v1/*`],
        packages: { npm: [`@${name}/browser`, `${name}-js`], pypi: [`${name}-sdk`], gem: [`${name}-ruby`] },
        imports: { python: [`${name}_sdk`] },
        snippets: [`\\b${Name}\\.(init|track|identify)\\(\\s*['"]`, `\\bwindow\\._${name}q\\s*=`, `${name}-analytics\\.com/loader\\.js`],
        env: [`${upper}_API_KEY`, `${upper}_`],
      },
    };
  });
}

export interface GrowthResult {
  baseEntries: number;
  grownEntries: number;
  baseSeconds: number;
  grownSeconds: number;
  /** Relative slow-down, 0.05 = 5 %. */
  slowdown: number;
}

/** Alternates the two catalogues `runs` times each (after one warm-up of each), medians compared. */
export async function measureGrowth(root: string, runs: number, extra = 2000): Promise<GrowthResult> {
  const base = new Matcher(CATALOGUE);
  const grown = new Matcher([...CATALOGUE, ...syntheticEntries(extra)]);
  const once = async (m: Matcher): Promise<number> => {
    const started = performance.now();
    await scanRoot(root, DEFAULT_SCAN_OPTIONS, m);
    return (performance.now() - started) / 1000;
  };
  await once(base);
  await once(grown);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await once(base));
    b.push(await once(grown));
  }
  const baseSeconds = median(a);
  const grownSeconds = median(b);
  return { baseEntries: base.entries.length, grownEntries: grown.entries.length, baseSeconds, grownSeconds, slowdown: grownSeconds / baseSeconds - 1 };
}
