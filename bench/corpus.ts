// The benchmark corpus: a deterministic monorepo (same seed, same bytes) of JS/TS packages,
// server-rendered sites, and Python, Go, Ruby, PHP and Java services, with nested manifests,
// lockfiles, minified bundles, a few huge files, binaries, deep folder trees, and the
// dependency and build folders a real checkout has (git-ignored, as they usually are).
//
//   npx tsx bench/corpus.ts medium [--seed 42] [--out DIR]
import { mkdirSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Random } from './random.js';
import * as c from './content.js';

export const SIZES = { small: 1_000, medium: 20_000, large: 100_000 } as const;
export type CorpusSize = keyof typeof SIZES;
/** Bump when the generator's output changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 4;
export const DEFAULT_SEED = 42;

export interface CorpusSummary {
  version: number;
  seed: number;
  size: CorpusSize;
  files: number;
  bytes: number;
  /** Files by what they are, for the record. */
  byKind: Record<string, number>;
}

type UnitKind = 'web' | 'site' | 'python' | 'go' | 'ruby' | 'php' | 'java';

const NAMES = ['atlas', 'beacon', 'cobalt', 'delta', 'ember', 'falcon', 'garnet', 'harbor', 'iris', 'juno', 'kepler', 'lumen', 'meridian', 'nova', 'orbit', 'pulse', 'quartz', 'raven', 'sierra', 'tundra', 'umbra', 'vortex', 'willow', 'xenon', 'yonder', 'zephyr'];
const DIRS = ['components', 'lib', 'utils', 'features', 'api', 'hooks', 'models', 'views', 'handlers', 'core', 'shared', 'pages', 'routes', 'services', 'adapters', 'domain', 'internal', 'helpers', 'store', 'widgets'];

class Writer {
  files = 0;
  bytes = 0;
  readonly byKind: Record<string, number> = {};
  private readonly madeDirs = new Set<string>();

  constructor(readonly root: string) {}

  write(rel: string, kind: string, content: string | Buffer): void {
    const abs = join(this.root, rel);
    const dir = dirname(abs);
    if (!this.madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    writeFileSync(abs, content);
    this.files++;
    this.bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
  }
}

/** A folder tree grown as files are placed: mostly shallow, now and then very deep. */
class Tree {
  private readonly dirs: string[];

  constructor(private readonly r: Random, base: string) {
    this.dirs = [base];
  }

  place(): string {
    const r = this.r;
    if (r.chance(0.12)) {
      const parent = r.pick(this.dirs);
      let dir = `${parent}/${r.pick(DIRS)}`;
      // Roughly one new folder in fifty starts a deep chain (generated clients, Java packages).
      if (r.chance(0.02)) for (let i = r.int(8, 16); i > 0; i--) dir += `/${r.pick(DIRS)}`;
      this.dirs.push(dir);
      return dir;
    }
    return r.pick(this.dirs);
  }
}

const UNIT_WEIGHTS: Record<UnitKind, number> = { web: 42, site: 12, python: 16, go: 9, ruby: 7, php: 7, java: 7 };
const unitRoot: Record<UnitKind, string> = { web: 'packages', site: 'apps', python: 'services', go: 'services', ruby: 'services', php: 'services', java: 'services' };

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

function fileName(r: Random, ext: string): string {
  return `${r.pick(NAMES)}-${r.pick(DIRS)}-${r.hex(4)}.${ext}`;
}

/** Writes one package or service with its manifests and `count` files. */
function writeUnit(w: Writer, r: Random, kind: UnitKind, base: string, count: number): void {
  const name = base.split('/').pop()!;
  const start = w.files;
  const left = (): number => count - (w.files - start);

  // Manifests and the folders a checkout carries beside them.
  if (kind === 'web' || kind === 'site') {
    w.write(`${base}/package.json`, 'manifest', c.packageJson(r, name));
    if (kind === 'web') w.write(`${base}/tsconfig.json`, 'config', c.tsconfig());
    if (r.chance(0.15)) w.write(`${base}/package-lock.json`, 'lockfile', c.packageLock(r, name, r.size(400_000, 50_000, 3_000_000)));
    if (r.chance(0.2)) for (let i = r.int(2, 6); i > 0; i--) w.write(`${base}/dist/${fileName(r, 'js')}`, 'generated', c.minifiedBundle(r, r.size(20_000, 2_000, 200_000)));
    if (r.chance(0.1)) for (let i = r.int(3, 10); i > 0; i--) w.write(`${base}/node_modules/${r.pick(NAMES)}/index.js`, 'dependency', c.jsSource(r, r.size(4000, 500, 40_000), false));
  }
  if (kind === 'python') {
    w.write(`${base}/requirements.txt`, 'manifest', c.requirementsTxt(r));
    if (r.chance(0.3)) w.write(`${base}/requirements-dev.txt`, 'manifest', 'pytest==8.0.0\nruff==0.4.0\n');
  }
  if (kind === 'go') w.write(`${base}/go.mod`, 'manifest', c.goMod(r, name));
  if (kind === 'ruby') w.write(`${base}/Gemfile`, 'manifest', c.gemfile(r));
  if (kind === 'php') w.write(`${base}/composer.json`, 'manifest', c.composerJson(r, name));
  w.write(`${base}/README.md`, 'prose', c.markdown(r, r.size(3000, 300, 20_000)));

  const src = new Tree(r, `${base}/${kind === 'site' ? 'templates' : kind === 'java' ? 'src/main/java/com/acme' : 'src'}`);
  const tests = new Tree(r, `${base}/${kind === 'python' ? 'tests' : 'test'}`);
  const assets = new Tree(r, `${base}/${kind === 'site' ? 'static' : 'public'}`);

  while (left() > 0) {
    const roll = r.next();
    if (roll < 0.006) {
      // A shipped minified bundle: one very long line.
      w.write(`${assets.place()}/${r.pick(NAMES)}.${r.hex(8)}.min.js`, 'minified', c.minifiedBundle(r, r.size(100_000, 30_000, 1_500_000)));
    } else if (roll < 0.035) {
      const ext = r.pick(['png', 'jpg', 'woff2', 'svg', 'ico', 'pdf']);
      w.write(`${assets.place()}/${fileName(r, ext)}`, 'binary', ext === 'svg' ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M${r.int(0, 24)} ${r.int(0, 24)}h${r.int(1, 9)}"/></svg>\n` : c.binary(r, r.size(12_000, 200, 400_000)));
    } else if (roll < 0.09) {
      w.write(`${src.place()}/${fileName(r, r.pick(['md', 'md', 'txt']))}`, 'prose', c.markdown(r, r.size(2500, 200, 30_000)));
    } else if (roll < 0.13) {
      const ext = r.pick(['yaml', 'yml', 'json']);
      w.write(`${src.place()}/${fileName(r, ext)}`, 'config', ext === 'json' ? c.jsonData(r, r.size(3000, 100, 60_000)) : c.yamlConfig(r, r.size(1500, 300, 12_000)));
    } else if (roll < 0.14) {
      w.write(`${base}/scripts/${fileName(r, 'sh')}`, 'code', c.shell(r, r.size(1200, 200, 8000)));
    } else if (roll < 0.22) {
      writeTest(w, r, kind, tests);
    } else {
      writeSource(w, r, kind, src, assets);
    }
  }
}

function writeTest(w: Writer, r: Random, kind: UnitKind, tests: Tree): void {
  const size = r.size(2500, 300, 30_000);
  if (kind === 'python') w.write(`${tests.place()}/test_${r.pick(NAMES)}_${r.hex(4)}.py`, 'test', c.python(r, size));
  else if (kind === 'go') w.write(`${tests.place()}/${r.pick(NAMES)}_${r.hex(4)}_test.go`, 'test', c.go(r, size));
  else if (kind === 'ruby') w.write(`${tests.place()}/${r.pick(NAMES)}_${r.hex(4)}_spec.rb`, 'test', c.ruby(r, size));
  else w.write(`${tests.place()}/${r.pick(NAMES)}-${r.hex(4)}.test.ts`, 'test', c.jsTest(r, size));
}

function writeSource(w: Writer, r: Random, kind: UnitKind, src: Tree, assets: Tree): void {
  const size = r.size(2000, 200, 60_000);
  switch (kind) {
    case 'web': {
      const roll = r.next();
      if (roll < 0.1) return w.write(`${assets.place()}/${fileName(r, 'html')}`, 'html', c.htmlPage(r, r.size(4000, 800, 60_000)));
      if (roll < 0.2) return w.write(`${src.place()}/${fileName(r, r.pick(['css', 'scss']))}`, 'css', c.stylesheet(r, size));
      if (roll < 0.26) return w.write(`${src.place()}/${fileName(r, 'vue')}`, 'html', c.vueComponent(r, size));
      return w.write(`${src.place()}/${fileName(r, r.pick(['ts', 'ts', 'tsx', 'js', 'jsx', 'mjs']))}`, 'code', c.jsSource(r, size, true));
    }
    case 'site': {
      const roll = r.next();
      if (roll < 0.55) return w.write(`${src.place()}/${fileName(r, r.pick(['html', 'html', 'njk', 'hbs', 'liquid']))}`, 'html', c.htmlPage(r, r.size(5000, 800, 80_000)));
      if (roll < 0.8) return w.write(`${assets.place()}/${fileName(r, 'css')}`, 'css', c.stylesheet(r, size));
      return w.write(`${assets.place()}/${fileName(r, 'js')}`, 'code', c.jsSource(r, size, false));
    }
    case 'python':
      return r.chance(0.9) ? w.write(`${src.place()}/${r.pick(NAMES)}_${r.hex(4)}.py`, 'code', c.python(r, size)) : w.write(`${src.place()}/${fileName(r, 'html')}`, 'html', c.htmlPage(r, size));
    case 'go':
      return w.write(`${src.place()}/${r.pick(NAMES)}_${r.hex(4)}.go`, 'code', c.go(r, size));
    case 'ruby':
      return r.chance(0.8) ? w.write(`${src.place()}/${r.pick(NAMES)}_${r.hex(4)}.rb`, 'code', c.ruby(r, size)) : w.write(`${src.place()}/${fileName(r, 'html.erb')}`, 'html', c.htmlPage(r, size));
    case 'php':
      return r.chance(0.8) ? w.write(`${src.place()}/${cap(r.pick(NAMES))}${r.hex(4)}Controller.php`, 'code', c.php(r, size)) : w.write(`${src.place()}/${fileName(r, 'twig')}`, 'html', c.htmlPage(r, size));
    case 'java':
      return w.write(`${src.place()}/${cap(r.pick(NAMES))}${r.hex(4)}Client.java`, 'code', c.java(r, size));
  }
}

/** Writes the whole corpus into `root` (emptied first). */
export function generateCorpus(root: string, size: CorpusSize, seed = DEFAULT_SEED): CorpusSummary {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const total = SIZES[size];
  const r = new Random(seed ^ total);
  const w = new Writer(root);

  w.write('.gitignore', 'config', 'node_modules/\ndist/\ncoverage/\n.env\n*.log\n');
  w.write('package.json', 'manifest', JSON.stringify({ name: 'acme-monorepo', private: true, workspaces: ['packages/*', 'apps/*'] }, null, 2) + '\n');
  w.write('README.md', 'prose', c.markdown(r, 6000));
  w.write('.github/workflows/ci.yml', 'config', c.yamlConfig(r, 1500));

  // A few huge files per 20k: fixtures and dumps over the 5 MB limit, one bundle just under it.
  const huge = Math.max(1, Math.round(total / 20_000));
  for (let i = 0; i < huge; i++) {
    w.write(`data/fixtures/${r.pick(NAMES)}-${i}.json`, 'huge', c.jsonData(r, r.int(6_000_000, 9_000_000)));
    w.write(`data/dumps/${r.pick(NAMES)}-${i}.sql`, 'huge', c.markdown(r, r.int(6_000_000, 9_000_000)));
    w.write(`apps/legacy/static/vendor.${r.hex(8)}.bundle.js`, 'minified', c.minifiedBundle(r, r.int(3_000_000, 4_500_000)));
    w.write(`data/blobs/${r.pick(NAMES)}-${i}.dat`, 'binary', c.binary(r, r.int(1_000_000, 3_000_000)));
  }

  let n = 0;
  while (w.files < total) {
    const kind = r.weighted(UNIT_WEIGHTS);
    const group = r.chance(0.3) ? `${r.pick(NAMES)}/` : '';
    const base = `${unitRoot[kind]}/${group}${r.pick(NAMES)}-${kind}-${n++}`;
    writeUnit(w, r, kind, base, Math.min(total - w.files, r.int(40, 500)));
  }
  return { version: GENERATOR_VERSION, seed, size, files: w.files, bytes: w.bytes, byKind: w.byKind };
}

/** The corpus at `root`, generated unless an identical one is already there. */
export function ensureCorpus(root: string, size: CorpusSize, seed = DEFAULT_SEED, log: (s: string) => void = () => {}): CorpusSummary {
  const marker = `${root}.json`;
  if (existsSync(marker) && existsSync(root)) {
    const prev = JSON.parse(readFileSync(marker, 'utf8')) as CorpusSummary;
    if (prev.version === GENERATOR_VERSION && prev.seed === seed && prev.size === size) return prev;
  }
  log(`generating the ${size} corpus (${SIZES[size].toLocaleString('en')} files, seed ${seed}) in ${root} …`);
  const started = performance.now();
  rmSync(marker, { force: true });
  const summary = generateCorpus(root, size, seed);
  writeFileSync(marker, JSON.stringify(summary, null, 2) + '\n');
  log(`  ${summary.files.toLocaleString('en')} files, ${(summary.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = (process.argv[2] ?? 'small') as CorpusSize;
  if (!(size in SIZES)) {
    process.stderr.write(`usage: tsx bench/corpus.ts small|medium|large [--seed N] [--out DIR]\n`);
    process.exit(2);
  }
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const seed = Number(arg('--seed') ?? DEFAULT_SEED);
  const out = arg('--out') ?? join(import.meta.dirname, '.corpus', size);
  const summary = ensureCorpus(out, size, seed, (s) => process.stderr.write(s + '\n'));
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
}
