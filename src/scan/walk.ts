// Walks the scanned root: honours .gitignore files (root and nested) and --ignore globs,
// skips dependency and generated folders, symlinks, binaries and oversized files, and
// counts every file it passes over by reason so nothing disappears silently.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface WalkOptions {
  ignore: string[];
  /** Scan dist/, build/ and out/ folders even when they look generated. */
  includeGenerated: boolean;
}

export interface WalkedFile {
  path: string;
  abs: string;
}

export interface WalkResult {
  files: WalkedFile[];
  skippedBy: Record<string, number>;
  errors: { path: string; message: string }[];
}

const ALWAYS_SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', 'vendor', '.venv', 'venv', '__pycache__',
  '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache',
  '.parcel-cache', '.terraform', '.gradle', '.idea', '.vscode', '.yarn', 'Pods', 'DerivedData', 'site-packages', '.angular',
  '.docusaurus', '.vercel', '.netlify', '.serverless', '.expo', 'coverage', '.nyc_output', '_build', 'deps', '.dart_tool',
]);
const GENERATED_DIRS = new Set(['dist', 'build', 'out', 'target', 'public/build', '.output']);
const BUILD_MANIFESTS = ['package.json', 'tsconfig.json', 'pyproject.toml', 'setup.py', 'Cargo.toml', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'composer.json', 'angular.json', 'vite.config.ts', 'vite.config.js', 'webpack.config.js', 'Makefile'];

// Asset and archive formats that cannot hold source evidence: skipped unread.
const ASSET_EXT = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff', 'psd', 'svg', 'woff', 'woff2', 'ttf', 'otf', 'eot',
  'mp3', 'mp4', 'webm', 'ogg', 'wav', 'flac', 'mov', 'avi', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'jar', 'war',
  'class', 'so', 'dll', 'dylib', 'exe', 'bin', 'o', 'a', 'wasm', 'pyc', 'pyo', 'db', 'sqlite', 'sqlite3', 'lockb', 'map', 'snap',
  'pbxproj', 'xcf', 'sketch', 'fig', 'ai', 'eps', 'heic', 'dmg', 'iso', 'img', 'parquet', 'avro', 'pkl', 'npy', 'pt', 'onnx',
]);
// Prose: URLs in documentation are links, not uses of a service.
const PROSE_EXT = new Set(['md', 'markdown', 'mdx', 'rst', 'adoc', 'txt', 'rtf', 'tex', 'org']);

export function skipReasonForName(name: string): string | undefined {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (ASSET_EXT.has(ext)) return 'binary';
  // The policy names vendors and their paperwork: it is configuration, not a use of them.
  if (name === '.privacy-lint.yml' || name === '.privacy-lint.yaml') return 'policy-file';
  if (PROSE_EXT.has(ext) && !/(^|\/)requirements([^/]*|\/[^/]+)\.txt$/.test(name)) return 'prose';
  if (/^(LICENSE|LICENCE|COPYING|NOTICE|AUTHORS|CHANGELOG|CHANGES)(\..*)?$/i.test(name)) return 'prose';
  return undefined;
}

export function walk(root: string, options: WalkOptions): WalkResult {
  const files: WalkedFile[] = [];
  const skippedBy: Record<string, number> = {};
  const errors: { path: string; message: string }[] = [];
  const skip = (reason: string): void => {
    skippedBy[reason] = (skippedBy[reason] ?? 0) + 1;
  };
  const user = ignore().add(options.ignore);
  const stack: { dir: string; rel: string; matchers: { base: string; ig: Ignore }[] }[] = [{ dir: root, rel: '', matchers: [] }];

  while (stack.length > 0) {
    const { dir, rel, matchers: inherited } = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ path: rel || '.', message: `cannot read directory: ${(e as Error).message}` });
      continue;
    }
    let matchers = inherited;
    const gi = entries.find((e) => e.name === '.gitignore' && e.isFile());
    if (gi) {
      try {
        matchers = [...inherited, { base: rel, ig: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }];
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    const names = new Set(entries.map((e) => e.name));
    const isIgnored = (childRel: string, isDir: boolean): boolean => {
      const probe = isDir ? childRel + '/' : childRel;
      if (user.ignores(probe)) return true;
      for (const { base, ig } of matchers) {
        const relToBase = base ? probe.slice(base.length + 1) : probe;
        if (relToBase && ig.ignores(relToBase)) return true;
      }
      return false;
    };
    // Sorted so output order does not depend on the file system.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        // Links are never followed: the target is scanned where it really lives, if inside the root.
        skip('symlink');
        continue;
      }
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name)) {
          skip('dependency-or-tool-folder');
          continue;
        }
        if (!options.includeGenerated && GENERATED_DIRS.has(entry.name) && BUILD_MANIFESTS.some((f) => names.has(f))) {
          skip('generated-folder');
          continue;
        }
        if (entry.name === 'env' && existsSync(join(abs, 'pyvenv.cfg'))) {
          skip('dependency-or-tool-folder');
          continue;
        }
        if (isIgnored(childRel, true)) {
          skip('gitignored');
          continue;
        }
        subdirs.push({ dir: abs, rel: childRel, matchers });
        continue;
      }
      if (!entry.isFile()) {
        skip('not-a-regular-file');
        continue;
      }
      if (isIgnored(childRel, false)) {
        skip('gitignored');
        continue;
      }
      const reason = skipReasonForName(entry.name);
      if (reason) {
        skip(reason);
        continue;
      }
      files.push({ path: childRel, abs });
    }
    // reverse so that popping visits directories in sorted order
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  return { files, skippedBy, errors };
}
