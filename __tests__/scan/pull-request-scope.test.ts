// --changed-only: a pull request is scanned where it changed plus the dependency manifests,
// with the same skip rules as a full walk, and compared with the base versions of those files.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walk, walkPaths } from '../../src/scan/walk.js';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { newGitRepo } from '../helpers/git-repo.js';
import { routeFor, fileRoute } from '../../src/scan/extract.js';
import * as manifests from '../../src/scan/extractors/manifests.js';
import { isManifestPath, extractFile } from '../../src/pipeline.js';

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every file under a directory, links included, as root-relative paths. */
function allPaths(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? allPaths(root, p) : [p];
  });
}

describe('walkPaths decides like walk', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pl-paths-'));
    write(root, {
      '.gitignore': 'secret/\n*.log\n',
      'package.json': '{}',
      'src/app.js': '1',
      'src/debug.log': 'x',
      'src/nested/.gitignore': 'local.js\n',
      'src/nested/local.js': '1',
      'src/nested/kept.js': '1',
      'secret/key.js': '1',
      'node_modules/lib/index.js': '1',
      '.contentlayer/generated/Post/blog.mdx.json': '{"url":"https://img.vendor-unknown.io/a.png"}',
      'dist/bundle.js': '1',
      'docs/guide.md': '# guide',
      'LICENSE': 'MIT',
      'img/logo.png': 'png',
      'web/index.html': '<p>',
      'types/vendor.d.ts': "declare const API: 'https://api.vendor-unknown.io';",
      'types/esm.d.mts': 'export declare function track(): void;',
      'jetty-home/jetty-home-12.0.20-cyclonedx.json': '{"externalReferences": [{"type": "issue-tracker", "url": "https://issues.vendor-unknown.io/browse/X"}]}',
      'release/app.cdx.xml': '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>',
      'bom.json': '{"bomFormat": "CycloneDX"}',
      'dist-info/sboms/package.spdx.json': '{"spdxVersion": "SPDX-2.3"}',
      // A vendored library carries its own licence; the project's own integrations folder does not.
      'src/third_party/httplib2/LICENSE': 'MIT',
      'src/third_party/httplib2/iri2uri.py': 'u = "http://bitworking.org/?fred=1"',
      'src/third_party/integrations/stripe.py': 'import stripe',
    });
    symlinkSync(join(root, 'src'), join(root, 'linked'));
    symlinkSync(join(root, 'src', 'app.js'), join(root, 'web', 'app-link.js'));
  });

  it('keeps exactly the files the full walk keeps', () => {
    const options = { ignore: ['web/*.html'], includeGenerated: false };
    const walked = walk(root, options).files.map((f) => f.path);
    const paths = walkPaths(root, [...allPaths(root), 'deleted/by-the-change.js'], options).files.map((f) => f.path);
    expect(paths).toEqual(walked);
    expect(paths).toEqual(['.gitignore', 'package.json', 'src/app.js', 'src/nested/.gitignore', 'src/nested/kept.js', 'src/third_party/integrations/stripe.py']);
  });

  it.each([
    ['node_modules/lib/index.js', 'dependency-or-tool-folder'],
    ['.contentlayer/generated/Post/blog.mdx.json', 'dependency-or-tool-folder'],
    ['src/third_party/httplib2/iri2uri.py', 'dependency-or-tool-folder'],
    ['dist/bundle.js', 'generated-folder'],
    ['secret/key.js', 'gitignored'],
    ['src/debug.log', 'gitignored'],
    ['src/nested/local.js', 'gitignored'],
    ['linked/app.js', 'symlink'],
    ['web/app-link.js', 'symlink'],
    ['docs/guide.md', 'prose'],
    ['LICENSE', 'prose'],
    ['img/logo.png', 'binary'],
    ['types/vendor.d.ts', 'type-declarations'],
    ['types/esm.d.mts', 'type-declarations'],
    ['jetty-home/jetty-home-12.0.20-cyclonedx.json', 'sbom'],
    ['release/app.cdx.xml', 'sbom'],
    ['bom.json', 'sbom'],
    ['dist-info/sboms/package.spdx.json', 'sbom'],
  ])('%s is skipped as %s', (path, reason) => {
    const r = walkPaths(root, [path], { ignore: [], includeGenerated: false });
    expect(r.files).toEqual([]);
    expect(r.skippedBy).toEqual({ [reason]: 1 });
  });

  it('reads a generated folder with includeGenerated, and says nothing of a path that is gone', () => {
    expect(walkPaths(root, ['dist/bundle.js'], { ignore: [], includeGenerated: true }).files.map((f) => f.path)).toEqual(['dist/bundle.js']);
    expect(walkPaths(root, ['gone.js'], { ignore: [], includeGenerated: false })).toEqual({ files: [], skippedBy: {}, errors: [] });
  });
});

describe('lint with changedOnly', () => {
  let repo = '';
  let git: (...args: string[]) => string;

  beforeAll(() => {
    ({ dir: repo, git } = newGitRepo('pl-scope-'));
    write(repo, {
      'package.json': JSON.stringify({ dependencies: { stripe: '1' } }, null, 2),
      'web/layout.html': '<script src="https://static.hotjar.com/c/hotjar-1.js"></script>\n',
      'web/old.html': '<script src="https://js.intercomcdn.com/frame.js"></script>\n',
      'src/pay.js': "import Stripe from 'stripe';\n",
    });
    git('add', '.');
    git('commit', '-qm', 'base');
    write(repo, {
      'src/ai.py': 'import openai\nURL = "https://api.unknown-vendor.io/v1"\n',
      'web/page.html': '<script src="https://static.hotjar.com/c/hotjar-2.js"></script>\n',
    });
    rmSync(join(repo, 'web/old.html'));
  });

  it('reads the changed files and the manifests only', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main', changedOnly: true });
    // src/ai.py, web/page.html and package.json; the unchanged layout and script are not read
    expect(result.report.stats.files).toBe(3);
    expect(result.report.services.map((s) => s.id)).toEqual(['hotjar', 'openai', 'stripe']);
    expect(result.report.services.find((s) => s.id === 'hotjar')!.evidence.map((e) => e.path)).toEqual(['web/page.html']);
  });

  it('calls new what the base versions of those files did not have, and fails only on it', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main', changedOnly: true });
    // Hotjar was in web/layout.html, which this mode does not read: it counts as new here.
    expect(result.newServices.sort()).toEqual(['api.unknown-vendor.io', 'hotjar', 'openai']);
    expect(result.report.findings.find((f) => f.ruleId === 'dpa-missing' && f.serviceId === 'stripe')!.isNew).toBe(false);
    expect(result.failing.some((f) => f.serviceId === 'stripe')).toBe(false);
    expect(result.failing.some((f) => f.serviceId === 'openai')).toBe(true);
  });

  it('the whole-tree comparison still knows Hotjar from the unchanged layout', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main' });
    expect(result.newServices.sort()).toEqual(['api.unknown-vendor.io', 'openai']);
    expect(result.report.services.find((s) => s.id === 'hotjar')!.evidence.map((e) => e.path)).toEqual(['web/layout.html', 'web/page.html']);
  });

  it('scans the whole tree when every finding counts (onlyNew off)', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main', changedOnly: true, onlyNew: false });
    expect(result.report.stats.files).toBe(5);
  });
});

describe('lint with changedOnly and rules that judge the whole tree', () => {
  let repo = '';
  let git: (...args: string[]) => string;

  beforeAll(() => {
    ({ dir: repo, git } = newGitRepo('pl-scope-whole-'));
    write(repo, {
      '.privacy-lint.yml': 'subprocessors: { path: SUBPROCESSORS.md }\n',
      'SUBPROCESSORS.md': '| Vendor | Purpose |\n|---|---|\n| Hotjar Ltd | analytics |\n',
      'web/layout.html': '<script src="https://static.hotjar.com/c/hotjar-1.js"></script>\n',
    });
    git('add', '.');
    git('commit', '-qm', 'base');
    // The change adds Mailgun to the list and code that uses it; Hotjar stays in the unchanged layout.
    write(repo, {
      'SUBPROCESSORS.md': '| Vendor | Purpose |\n|---|---|\n| Hotjar Ltd | analytics |\n| Mailgun Technologies, Inc. | email |\n',
      'src/mail.js': "const r = await fetch('https://api.mailgun.net/v3/example.com/messages');\n",
    });
  });

  it('a whole-tree scan finds every listed vendor in use', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main' });
    expect(result.report.services.map((s) => s.id).sort()).toEqual(['hotjar', 'mailgun']);
    expect(result.report.findings.filter((f) => f.ruleId === 'subprocessor-unused')).toEqual([]);
  });

  it('a changed-only scan does not call Hotjar unused because it did not read the layout', async () => {
    const result = await lint(repo, defaultMatcher(), { base: 'main', changedOnly: true });
    expect(result.report.services.map((s) => s.id)).toEqual(['mailgun']);
    expect(result.report.findings.filter((f) => f.ruleId === 'subprocessor-unused')).toEqual([]);
  });
});

describe("a pull request's scope", () => {
  // mix.exs is read as a manifest and as code, so its route is no manifest reader itself.
  const readers = new Set<unknown>(Object.values(manifests));
  it.each([
    'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'requirements.txt', 'requirements-dev.txt',
    'pyproject.toml', 'Pipfile', 'Gemfile', 'Gemfile.lock', 'go.mod', 'composer.json', 'pom.xml',
    'Cargo.toml', 'packages.config', 'App.csproj', 'App.fsproj', 'App.vbproj', 'Podfile', 'pubspec.yaml', 'Package.swift',
    'Package.resolved', 'project.pbxproj', 'Cartfile', 'Cartfile.resolved',
  ])('always takes in %s, which a manifest reader reads', (name) => {
    // fileRoute: routeFor() also reads an app identifier from package.json and project.pbxproj.
    expect(readers.has(fileRoute(name))).toBe(true);
    expect(isManifestPath(name)).toBe(true);
    expect(isManifestPath(`packages/web/${name}`)).toBe(true);
  });

  // Where a file stands decides as much as its name.
  it.each([
    ['requirements/base.txt', true],
    ['requirements-prod.in', true],
    ['unity-game/Packages/manifest.json', true],
    ['build.sbt', true],
    ['app/package.json.dist', true],
    ['public/manifest.json', false],
    ['src/index.js', false],
    ['package.json.map', false],
    ['docs/requirements.md', false],
    ['vercel.json', false],
  ])('%s is a manifest: %s', (path, expected) => {
    expect(isManifestPath(path)).toBe(expected);
  });

  // Manifests that are also code or config: their routes read them both ways.
  it.each([
    ['setup.py', 'setup(install_requires=["stripe"])\n'],
    ['setup.cfg', '[options]\ninstall_requires =\n    stripe\n'],
    ['environment.yml', 'dependencies:\n  - stripe\n'],
    ['gradle/libs.versions.toml', '[libraries]\nstripe = "com.stripe:stripe-android:20.0.0"\n'],
    ['app/build.gradle', 'dependencies {\n    implementation "com.stripe:stripe-android:20.0.0"\n}\n'],
    ['app/build.gradle.kts', 'dependencies {\n    implementation("com.stripe:stripe-android:20.0.0")\n}\n'],
    ['Directory.Packages.props', '<PackageVersion Include="Stripe.net" Version="1" />'],
  ])('always takes in %s, whose dependencies a scan reads', (path, text) => {
    const name = path.split('/').pop()!;
    expect(isManifestPath(path)).toBe(true);
    expect(extractFile(path, text, defaultMatcher()).evidence.some((e) => e.kind === 'dependency')).toBe(true);
  });
});
