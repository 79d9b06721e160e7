// Documentation site generators publish a folder's Markdown as pages: an embed in one loads for
// every reader of the site. Elsewhere a Markdown file is documentation, read on GitHub or in an
// editor, and stays prose.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walk, walkPaths, docsSiteFolders } from '../../src/scan/walk.js';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { newGitRepo } from '../helpers/git-repo.js';

const LOOM = '# Tour\n\n<iframe src="https://www.loom.com/embed/abc" allowfullscreen></iframe>\n';

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const TREE: Record<string, string> = {
  // Docusaurus in a folder of its own: its docs/ and blog/ are pages, its other folders are not.
  'website/docusaurus.config.js': 'module.exports = {};',
  'website/docs/intro.md': LOOM,
  'website/blog/2024-01-01-launch.md': LOOM,
  'website/notes/todo.md': LOOM,
  // MkDocs publishes docs/ beside mkdocs.yml; mdBook publishes src/ beside book.toml.
  'mkdocs.yml': 'site_name: Acme\n',
  'docs/tutorials/get-started.md': LOOM,
  'book/book.toml': '[book]\ntitle = "Acme"\n',
  'book/src/chapter_1.md': LOOM,
  // VitePress publishes the folder that holds .vitepress, all of it.
  'guide/.vitepress/config.ts': 'export default {}',
  'guide/start.md': LOOM,
  'guide/deep/er/page.md': LOOM,
  // Jekyll publishes the folder holding _config.yml and its pages; a Hexo theme's _config.yml
  // holds its settings, and its docs/ are the repository's.
  'site/_config.yml': 'title: Acme\n',
  'site/index.md': '# Acme\n',
  'site/about/team.md': LOOM,
  'themes/next/_config.yml': 'menu:\n  home: /\n',
  'themes/next/layout/index.njk': '{{ body }}',
  'themes/next/docs/FAQ.md': LOOM,
  // A README or a contributors' page is never a page, and Markdown outside a site is prose.
  'website/docs/README.md': LOOM,
  'website/docs/CONTRIBUTING.md': LOOM,
  'packages/lib/docs/usage.md': LOOM,
  'CONTRIBUTING.md': LOOM,
};

describe('Markdown pages of documentation sites', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pl-docs-'));
    write(root, TREE);
  });

  it('the walk reads the pages a site publishes and leaves the rest as prose', () => {
    const r = walk(root, { ignore: [], includeGenerated: false });
    const pages = r.files.filter((f) => f.path.endsWith('.md')).map((f) => [f.path, f.published]);
    expect(pages).toEqual([
      ['book/src/chapter_1.md', true],
      ['docs/tutorials/get-started.md', true],
      ['guide/start.md', true],
      ['guide/deep/er/page.md', true],
      ['site/index.md', true],
      ['site/about/team.md', true],
      ['website/blog/2024-01-01-launch.md', true],
      ['website/docs/intro.md', true],
    ]);
    expect(r.skippedBy.prose).toBe(6);
  });

  it('a pull request decides the same for the files it changed', () => {
    const paths = Object.keys(TREE).filter((p) => p.endsWith('.md'));
    const r = walkPaths(root, paths, { ignore: [], includeGenerated: false });
    const pages = (files: { path: string; published?: true }[]) => files.filter((f) => f.published).map((f) => f.path).sort();
    expect(pages(r.files)).toEqual(pages(walk(root, { ignore: [], includeGenerated: false }).files));
    expect(pages(r.files)).toHaveLength(8);
  });

  it("an embed in a site's page is evidence, with its line", async () => {
    const { report } = await lint(root, defaultMatcher(), {});
    const loom = report.services.find((s) => s.id === 'loom');
    expect(loom?.evidence.map((e) => `${e.path}:${e.line} ${e.kind}`)).toEqual([
      'book/src/chapter_1.md:3 iframe',
      'docs/tutorials/get-started.md:3 iframe',
      'guide/deep/er/page.md:3 iframe',
      'guide/start.md:3 iframe',
      'site/about/team.md:3 iframe',
      'website/blog/2024-01-01-launch.md:3 iframe',
      'website/docs/intro.md:3 iframe',
    ]);
  });

  it.each([
    [['docusaurus.config.ts', 'docs', 'src'], false, ['blog', 'docs']],
    [['mkdocs.yaml', 'docs'], false, ['docs']],
    [['mint.json', 'api-reference'], true, []],
    [['_config.yml', 'index.md'], true, []],
    [['_config.yml', '_layouts', 'assets'], true, []],
    [['_config.yml', 'languages', 'layout', 'README.md'], false, []],
    [['_config.yml', 'scaffolds', 'source', 'index.md'], false, []],
    [['_config.yml', 'package.json'], false, []],
    [['.vuepress', 'README.md'], true, []],
    [['config.yml', 'docs', 'package.json'], false, []],
  ])('%j: whole %s, pages in %j', (names, whole, subfolders) => {
    const docs = docsSiteFolders(names);
    expect([docs.whole, [...docs.subfolders].sort()]).toEqual([whole, subfolders]);
  });
});

describe('a pull request that adds an embed to a published page', () => {
  it('compares it with the base version read the same way', async () => {
    const { dir, git } = newGitRepo('pl-docs-pr-');
    write(dir, { 'mkdocs.yml': 'site_name: Acme\n', 'docs/a.md': LOOM, 'docs/b.md': '# B\n' });
    git('add', '.');
    git('commit', '-qm', 'base');
    write(dir, { 'docs/a.md': LOOM + '\nMore text.\n', 'docs/b.md': '# B\n\n<iframe src="https://player.vimeo.com/video/1"></iframe>\n' });
    const result = await lint(dir, defaultMatcher(), { base: 'main', changedOnly: true });
    // Loom's embed was on the base's page already; Vimeo's is new.
    expect(result.newServices).toEqual(['vimeo']);
  });
});
