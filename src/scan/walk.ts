// Walks the scanned root: honours .gitignore files (root and nested) and --ignore globs,
// skips dependency and generated folders, symlinks, binaries and oversized files, and
// counts every file it passes over by reason so nothing disappears silently.
import { readdirSync, readFileSync, existsSync, lstatSync } from 'node:fs';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface WalkOptions {
  ignore: string[];
  /** Scan dist/, build/ and out/ folders even when they look generated. */
  includeGenerated: boolean;
}

export interface WalkedFile {
  /** Relative to the root, with '/' separators. */
  path: string;
  /** Only where it is not the root joined with the path (a root that is itself a file): a tree of 100,000 files would hold each twice. */
  abs?: string;
  /** A Markdown page a documentation site generator publishes (see docsSiteFolders): read as a page, not as prose. */
  published?: true;
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
  // Caches and build output of content and deploy tools, generated from files scanned where they live.
  '.contentlayer', '.velite', '.astro', '.wrangler', '.aws-sam', '.firebase', '.quasar',
]);
const GENERATED_DIRS = new Set(['dist', 'build', 'out', 'target', 'public/build', '.output']);
const BUILD_MANIFESTS = ['package.json', 'tsconfig.json', 'pyproject.toml', 'setup.py', 'Cargo.toml', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'composer.json', 'angular.json', 'vite.config.ts', 'vite.config.js', 'webpack.config.js', 'Makefile'];

// Where a project keeps copies of other projects' source (Google's and Chromium's third_party/,
// and its spellings): a folder there that carries its own licence is a vendored library, like a
// package under node_modules or vendor/, and its links and test URLs are that library's. A
// folder there without one may be the project's own code for its integrations, and is read.
const VENDORED_PARENTS = new Set(['third_party', 'third-party', 'thirdparty', '3rdparty', '3rd_party', '3rd-party']);
const LICENCE_FILE = /^(?:licen[cs]e|copying|notice|metadata|readme\.chromium)(?:[.-][\w.-]*)?$/i;

/** A folder under a third_party/ folder that holds its own licence file: another project's source. */
const isVendoredCopy = (parentName: string | undefined, names: Iterable<string>): boolean => {
  if (parentName === undefined || !VENDORED_PARENTS.has(parentName)) return false;
  for (const name of names) if (LICENCE_FILE.test(name)) return true;
  return false;
};

// Asset and archive formats that cannot hold source evidence: skipped unread. (An Xcode
// project.pbxproj is read: it lists the app's Swift packages.)
const ASSET_EXT = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff', 'psd', 'svg', 'woff', 'woff2', 'ttf', 'otf', 'eot',
  'mp3', 'mp4', 'webm', 'ogg', 'wav', 'flac', 'mov', 'avi', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'jar', 'war',
  'class', 'so', 'dll', 'dylib', 'exe', 'bin', 'o', 'a', 'wasm', 'pyc', 'pyo', 'db', 'sqlite', 'sqlite3', 'lockb', 'map', 'snap',
  'xcf', 'sketch', 'fig', 'ai', 'eps', 'heic', 'dmg', 'iso', 'img', 'parquet', 'avro', 'pkl', 'npy', 'pt', 'onnx',
]);
// Prose: URLs in documentation are links, not uses of a service.
const PROSE_EXT = new Set(['md', 'markdown', 'rst', 'adoc', 'txt', 'rtf', 'tex', 'org']);

// Where static site generators keep the pages they publish (Jekyll's _posts, Hugo's and Astro's
// content, Astro's and Gatsby's src/pages) and the templates around them (Jekyll's _includes
// and _layouts, where a head.md or disqus.md is the site's own markup): raw HTML in those
// Markdown files (an <iframe> embed, a <script>) loads on the site. Elsewhere Markdown is
// documentation (a README's badges never load for a visitor) and stays prose.
const PUBLISHED_MARKDOWN = /(?:^|\/)(?:_posts|_drafts|_includes|_layouts|content|src\/content|src\/pages)\//;

// A repository's own pages for its contributors, read on the code host: a README, the code of
// conduct, contributing and security notes.
const REPOSITORY_PAGE = /(?:^|\/)(?:README|CODE_OF_CONDUCT|CONTRIBUTING|SECURITY|SUPPORT|GOVERNANCE)[^/]*$/i;

/** A Markdown file a static site generator publishes as a page; `inDocsSite`: under a documentation site's pages (docsSiteFolders). */
function isPublishedMarkdown(path: string, ext: string, inDocsSite: boolean): boolean {
  return (ext === 'md' || ext === 'markdown') && (inDocsSite || PUBLISHED_MARKDOWN.test(path)) && !REPOSITORY_PAGE.test(path);
}

// Documentation site generators publish a folder's Markdown as pages, wherever the repository
// keeps it: Docusaurus its docs/ and blog/ beside docusaurus.config.js, MkDocs the docs/ beside
// mkdocs.yml, mdBook the src/ beside book.toml; VitePress and VuePress the folder holding their
// .vitepress or .vuepress, Mintlify the folder holding mint.json, Jekyll (GitHub Pages) the
// folder holding _config.yml with a page or a layout beside it. Their pages' raw HTML loads for
// every reader of the site.
const DOCS_SITE_SOURCES: [RegExp, string[]][] = [
  [/^docusaurus\.config\.[cm]?[jt]s$/, ['docs', 'blog']],
  [/^mkdocs\.ya?ml$/, ['docs']],
  [/^book\.toml$/, ['src']],
];
const DOCS_SITE_ROOT = /^(?:\.vitepress|\.vuepress|mint\.json)$/;
// Hexo names its site's and its themes' settings _config.yml too: a theme's layout/ or a site's
// scaffolds/ says so, and a Jekyll site has its own folders or an index page beside it.
const JEKYLL_CONFIG = /^_config\.ya?ml$/;
const JEKYLL_SITE = /^(?:_layouts|_includes|_posts|_data|_sass|index\.(?:md|markdown|html)|Gemfile)$/;
const HEXO_FOLDER = /^(?:layout|scaffolds)$/;
const DOCS_SITE_MARKER = /^(?:docusaurus\.config\.[cm]?[jt]s|mkdocs\.ya?ml|book\.toml|\.vitepress|\.vuepress|mint\.json|_config\.ya?ml|_layouts|_includes|_posts|_data|_sass|index\.(?:md|markdown|html)|Gemfile|layout|scaffolds)$/;

/** From the names in one folder: whether its own subtree is a documentation site's pages (`whole`), and which of its subfolders are. */
export function docsSiteFolders(names: Iterable<string>): { whole: boolean; subfolders: Set<string> } {
  let whole = false;
  let jekyll = 0;
  const subfolders = new Set<string>();
  for (const name of names) {
    // Every folder of the tree is listed through here: most names fail this one test.
    if (!DOCS_SITE_MARKER.test(name)) continue;
    if (DOCS_SITE_ROOT.test(name)) whole = true;
    else if (JEKYLL_CONFIG.test(name)) jekyll |= 1;
    else if (JEKYLL_SITE.test(name)) jekyll |= 2;
    else if (HEXO_FOLDER.test(name)) jekyll |= 4;
    for (const [config, folders] of DOCS_SITE_SOURCES) if (config.test(name)) for (const f of folders) subfolders.add(f);
  }
  return { whole: whole || jekyll === 3, subfolders };
}

// A software bill of materials (CycloneDX, SPDX) describes packages: its URLs are their
// websites, repositories, issue trackers and licences, never a request the product makes, and
// the dependencies it lists are read from the manifests it was made from.
const SBOM_NAME = /^(?:bom|sbom)\.(?:json|xml)$|(?:^|[._-])(?:cyclonedx|cdx|spdx|sbom)(?:[._-][^/]*)?\.(?:json|xml|ya?ml|rdf)$|\.spdx$/i;

/** Why a file is passed over unread, from its root-relative path; undefined when it is read. `inDocsSite`: the file is under a documentation site's pages. */
export function skipReasonForName(path: string, inDocsSite = false): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (ASSET_EXT.has(ext)) return 'binary';
  // The policy names vendors and their paperwork: it is configuration, not a use of them.
  if (name === '.privacy-lint.yml' || name === '.privacy-lint.yaml') return 'policy-file';
  if (PROSE_EXT.has(ext) && !/(^|\/)requirements([^/]*|\/[^/]+)\.txt$/.test(path) && !isPublishedMarkdown(path, ext, inDocsSite)) return 'prose';
  if (/^(LICENSE|LICENCE|COPYING|NOTICE|AUTHORS|CHANGELOG|CHANGES)(\..*)?$/i.test(name)) return 'prose';
  // GitHub's sponsor button: links for people to follow (`custom: https://…`), nothing the project runs.
  if (/^FUNDING\.ya?ml$/.test(name) && /(^|\/)\.github\/FUNDING\.ya?ml$/.test(path)) return 'prose';
  // TypeScript declarations hold types only (the compiler refuses statements in them): nothing
  // in one runs, so nothing in one sends data. The code they describe is scanned where it is.
  if (/\.d\.[cm]?ts$/i.test(name)) return 'type-declarations';
  if (SBOM_NAME.test(name)) return 'sbom';
  return undefined;
}

interface PendingDir {
  dir: string;
  rel: string;
  matchers: { base: string; ig: Ignore }[];
  /** The folder is under a documentation site's pages. */
  docsSite?: boolean;
}

/**
 * The walk, a few directories at a time: the scan starts on the first files while the rest of
 * a large tree is still being listed. Files come in the same order as a walk in one go.
 */
export class TreeWalk implements WalkResult {
  readonly files: WalkedFile[] = [];
  readonly skippedBy: Record<string, number> = {};
  readonly errors: { path: string; message: string }[] = [];
  /** Without --ignore globs there is nothing to test (and the library would still cache every path). */
  private readonly user: Ignore | null;
  private readonly stack: PendingDir[];

  constructor(
    root: string,
    private readonly options: WalkOptions,
  ) {
    this.user = options.ignore.length ? ignore().add(options.ignore) : null;
    this.stack = [{ dir: root, rel: '', matchers: [] }];
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Lists directories until at least `atLeast` more files are known or the tree is done. */
  step(atLeast: number): void {
    const target = this.files.length + atLeast;
    while (this.stack.length > 0 && this.files.length < target) this.visit(this.stack.pop()!);
  }

  private skip(reason: string): void {
    this.skippedBy[reason] = (this.skippedBy[reason] ?? 0) + 1;
  }

  private visit({ dir, rel, matchers: inherited, docsSite: inDocsSite = false }: PendingDir): void {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      this.errors.push({ path: rel || '.', message: `cannot read directory: ${(e as Error).message}` });
      return;
    }
    if (rel && isVendoredCopy(rel.split('/').at(-2), entries.filter((e) => e.isFile()).map((e) => e.name))) {
      this.skip('dependency-or-tool-folder');
      return;
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
    let names: Set<string> | undefined;
    const hasBuildManifest = (): boolean => BUILD_MANIFESTS.some((f) => (names ??= new Set(entries.map((e) => e.name))).has(f));
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    const isIgnored = (childRel: string, isDir: boolean): boolean => {
      const probe = isDir ? childRel + '/' : childRel;
      if (this.user?.ignores(probe)) return true;
      for (const { base, ig } of matchers) {
        const relToBase = base ? probe.slice(base.length + 1) : probe;
        if (relToBase && ig.ignores(relToBase)) return true;
      }
      return false;
    };
    // Sorted so output order does not depend on the file system.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const docs = docsSiteFolders(entries.map((e) => e.name));
    const docsSite = inDocsSite || docs.whole;
    const subdirs: PendingDir[] = [];
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = prefix + entry.name;
      if (entry.isSymbolicLink()) {
        // Links are never followed: the target is scanned where it really lives, if inside the root.
        this.skip('symlink');
        continue;
      }
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name)) {
          this.skip('dependency-or-tool-folder');
          continue;
        }
        if (!this.options.includeGenerated && GENERATED_DIRS.has(entry.name) && hasBuildManifest()) {
          this.skip('generated-folder');
          continue;
        }
        if (entry.name === 'env' && existsSync(join(abs, 'pyvenv.cfg'))) {
          this.skip('dependency-or-tool-folder');
          continue;
        }
        if (isIgnored(childRel, true)) {
          this.skip('gitignored');
          continue;
        }
        subdirs.push({ dir: abs, rel: childRel, matchers, ...(docsSite || docs.subfolders.has(entry.name) ? { docsSite: true } : {}) });
        continue;
      }
      if (!entry.isFile()) {
        this.skip('not-a-regular-file');
        continue;
      }
      if (isIgnored(childRel, false)) {
        this.skip('gitignored');
        continue;
      }
      const reason = skipReasonForName(childRel, docsSite);
      if (reason) {
        this.skip(reason);
        continue;
      }
      this.files.push(docsSite && isMarkdownName(entry.name) ? { path: childRel, published: true } : { path: childRel });
    }
    // reverse so that popping visits directories in sorted order
    for (let i = subdirs.length - 1; i >= 0; i--) this.stack.push(subdirs[i]!);
  }
}

export function walk(root: string, options: WalkOptions): WalkResult {
  const tree = new TreeWalk(root, options);
  tree.step(Infinity);
  return { files: tree.files, skippedBy: tree.skippedBy, errors: tree.errors };
}

/**
 * The same decisions as walk(), for a given list of root-relative paths instead of the whole
 * tree: pull-request mode reads the changed files and the manifests without walking 100,000
 * others. Paths that no longer exist (deleted by the change) are left out.
 */
export function walkPaths(root: string, paths: Iterable<string>, options: WalkOptions): WalkResult {
  const files: WalkedFile[] = [];
  const skippedBy: Record<string, number> = {};
  const skip = (reason: string): void => {
    skippedBy[reason] = (skippedBy[reason] ?? 0) + 1;
  };
  const user = options.ignore.length ? ignore().add(options.ignore) : null;
  const gitignores = new Map<string, Ignore | null>();
  const gitignoreOf = (dirRel: string): Ignore | null => {
    let ig = gitignores.get(dirRel);
    if (ig === undefined) {
      try {
        ig = ignore().add(readFileSync(join(root, dirRel, '.gitignore'), 'utf8'));
      } catch {
        ig = null;
      }
      gitignores.set(dirRel, ig);
    }
    return ig;
  };
  const isIgnored = (rel: string, isDir: boolean): boolean => {
    const probe = isDir ? rel + '/' : rel;
    if (user?.ignores(probe)) return true;
    const segments = rel.split('/');
    for (let i = 0; i < segments.length; i++) {
      const base = segments.slice(0, i).join('/');
      const ig = gitignoreOf(base);
      if (ig && ig.ignores(base ? probe.slice(base.length + 1) : probe)) return true;
    }
    return false;
  };
  const manifestBeside = new Map<string, boolean>();
  const hasBuildManifest = (dirRel: string): boolean => {
    let has = manifestBeside.get(dirRel);
    if (has === undefined) manifestBeside.set(dirRel, (has = BUILD_MANIFESTS.some((f) => existsSync(join(root, dirRel, f)))));
    return has;
  };
  const listed = new Map<string, string[]>();
  const filesIn = (rel: string): string[] => {
    let names = listed.get(rel);
    if (names === undefined) {
      try {
        names = readdirSync(join(root, rel), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
      } catch {
        names = [];
      }
      listed.set(rel, names);
    }
    return names;
  };
  const linked = new Map<string, boolean>();
  const isLink = (rel: string): boolean => {
    let link = linked.get(rel);
    if (link === undefined) {
      try {
        link = lstatSync(join(root, rel)).isSymbolicLink();
      } catch {
        link = false;
      }
      linked.set(rel, link);
    }
    return link;
  };
  const folderReason = (segments: string[]): string | undefined => {
    for (let i = 0; i < segments.length - 1; i++) {
      const name = segments[i]!;
      const parent = segments.slice(0, i).join('/');
      const rel = segments.slice(0, i + 1).join('/');
      // a linked folder is never entered, as in walk()
      if (isLink(rel)) return 'symlink';
      if (ALWAYS_SKIPPED_DIRS.has(name)) return 'dependency-or-tool-folder';
      if (!options.includeGenerated && GENERATED_DIRS.has(name) && hasBuildManifest(parent)) return 'generated-folder';
      if (name === 'env' && existsSync(join(root, rel, 'pyvenv.cfg'))) return 'dependency-or-tool-folder';
      if (i > 0 && VENDORED_PARENTS.has(segments[i - 1]!) && isVendoredCopy(segments[i - 1], filesIn(rel))) return 'dependency-or-tool-folder';
      if (isIgnored(rel, true)) return 'gitignored';
    }
    return undefined;
  };

  for (const rel of [...new Set(paths)].sort()) {
    const segments = rel.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..')) continue;
    const abs = join(root, rel);
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      continue;
    }
    const published = isDocsSitePage(root, rel);
    const reason = folderReason(segments) ?? (st.isSymbolicLink() ? 'symlink' : !st.isFile() ? 'not-a-regular-file' : isIgnored(rel, false) ? 'gitignored' : skipReasonForName(rel, published));
    if (reason) skip(reason);
    else files.push(published ? { path: rel, published: true } : { path: rel });
  }
  return { files, skippedBy, errors: [] };
}

const isMarkdownName = (name: string): boolean => /\.(?:md|markdown)$/i.test(name);

/**
 * Whether the file at `rel` is a Markdown page of a documentation site, as the walk decides it
 * from the folders above it: for the few files a pull request changes, and their base versions.
 */
export function isDocsSitePage(root: string, rel: string): boolean {
  if (!isMarkdownName(rel)) return false;
  const segments = rel.split('/');
  // Each folder from the root to the file's own: a site's root makes its whole subtree pages.
  for (let i = 0; i < segments.length; i++) {
    let names: string[];
    try {
      names = readdirSync(join(root, ...segments.slice(0, i)));
    } catch {
      return false;
    }
    const docs = docsSiteFolders(names);
    if (docs.whole || (i < segments.length - 1 && docs.subfolders.has(segments[i]!))) return true;
  }
  return false;
}
