// Which extractors read which file: one routing table, by file name first, then extension.
import type { ExtractContext } from './context.js';
import { extractHtml } from './extractors/html.js';
import { extractCss } from './extractors/css.js';
import { extractCode, type CodeLanguage } from './extractors/code.js';
import { extractCspHeaders } from './extractors/csp.js';
import { extractTerraform, descriptorFor, extractDescriptor } from './extractors/infra.js';
import * as m from './extractors/manifests.js';

type Route = (ctx: ExtractContext) => void;

const code = (lang: CodeLanguage): Route => (ctx) => extractCode(ctx, lang);
const both = (...routes: Route[]): Route => (ctx) => routes.forEach((r) => r(ctx));

const BY_NAME: Record<string, Route> = {
  'package.json': m.packageJson,
  'package-lock.json': m.packageLock,
  'npm-shrinkwrap.json': m.packageLock,
  'pnpm-lock.yaml': m.pnpmLock,
  'yarn.lock': m.yarnLock,
  'pyproject.toml': m.pyprojectToml,
  Pipfile: m.pipfile,
  Gemfile: m.gemfile,
  'Gemfile.lock': m.gemfileLock,
  'go.mod': m.goMod,
  'composer.json': m.composerJson,
  'pom.xml': m.pomXml,
  'build.gradle': m.gradle,
  'build.gradle.kts': m.gradle,
  'Cargo.toml': m.cargoToml,
  'packages.config': m.csproj,
  'mix.exs': both(m.mixExs, code('elixir')),
  'netlify.toml': both(code('config'), extractCspHeaders),
  _headers: both(code('config'), extractCspHeaders),
  'vercel.json': both(code('json'), extractCspHeaders),
  Dockerfile: code('shell'),
  Containerfile: code('shell'),
  Procfile: code('shell'),
};

const HTML_EXT = ['html', 'htm', 'xhtml', 'vue', 'svelte', 'astro', 'hbs', 'handlebars', 'ejs', 'erb', 'liquid', 'njk', 'twig', 'jsp', 'cshtml', 'razor', 'jinja', 'jinja2', 'j2', 'mustache', 'tpl', 'html.twig', 'gohtml', 'tmpl'];

const BY_EXT: Record<string, Route> = {
  js: code('js'), mjs: code('js'), cjs: code('js'), jsx: code('js'), ts: code('js'), tsx: code('js'), mts: code('js'), cts: code('js'),
  css: extractCss, scss: extractCss, sass: extractCss, less: extractCss, styl: extractCss,
  py: code('python'), pyi: code('python'),
  rb: code('ruby'), rake: code('ruby'),
  go: code('go'),
  php: both(extractHtml, (ctx) => extractPhpCode(ctx)),
  java: code('java'), kt: code('kotlin'), kts: code('kotlin'), scala: code('java'), groovy: code('java'),
  cs: code('csharp'),
  rs: code('rust'),
  ex: code('elixir'), exs: code('elixir'),
  sh: code('shell'), bash: code('shell'), zsh: code('shell'),
  yml: code('config'), yaml: code('config'), toml: code('config'), ini: code('config'), properties: code('config'), cfg: code('config'), conf: both(code('config'), extractCspHeaders),
  env: code('config'),
  tf: extractTerraform, hcl: code('hcl'),
  json: code('json'), jsonc: code('json'),
  csproj: m.csproj, fsproj: m.csproj, vbproj: m.csproj,
  swift: code('java'), dart: code('java'),
  htaccess: extractCspHeaders,
};
for (const ext of HTML_EXT) BY_EXT[ext] = extractHtml;

/** PHP outside <?php … ?> is markup; only the PHP blocks are lexed as code. */
function extractPhpCode(ctx: ExtractContext): void {
  const text = ctx.text;
  if (!text.includes('<?')) return;
  const masked = text.replace(/\?>[\s\S]*?(<\?(?:php|=)?|$)/g, (s) => s.replace(/[^\n\r]/g, ' '));
  const start = masked.search(/<\?(php|=)?/);
  const onlyPhp = (start > 0 ? masked.slice(0, start).replace(/[^\n\r]/g, ' ') : '') + masked.slice(Math.max(start, 0));
  extractCode(ctx, 'php', 0, onlyPhp);
}

const LOCKFILE_JSON = /(^|\/)(package-lock|npm-shrinkwrap|composer\.lock|bun\.lockb?|deno\.lock|.*\.lock)(\.json)?$/;

export function routeFor(path: string): Route | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (BY_NAME[name]) return BY_NAME[name];
  if (/^requirements.*\.(txt|in)$/.test(name) || /(^|\/)requirements\/[^/]+\.(txt|in)$/.test(path)) return m.requirementsTxt;
  if (/^\.env(\..+)?$/.test(name) || name.endsWith('.env')) return code('config');
  if (/^Dockerfile\./.test(name) || /\.dockerfile$/i.test(name)) return code('shell');
  if (/^(nginx|httpd|apache2?)\b.*\.conf$/.test(name)) return both(code('config'), extractCspHeaders);
  const descriptor = descriptorFor(path);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (LOCKFILE_JSON.test(name) || ext === 'map' || /\.min\.(css|js)\.map$/.test(name)) return undefined;
  const route = BY_EXT[ext];
  if (descriptor) return both((ctx) => extractDescriptor(ctx, descriptor), route ?? (() => undefined));
  return route;
}

// Test files and fixtures: evidence there is development use, not production processing.
const TEST_PATH = /(^|\/)(tests?|__tests__|__mocks__|__fixtures__|spec|specs|fixtures?|testdata|test-data|e2e|cypress|playwright|mocks?|stories|storybook|examples?|samples?|demo)\/|(^|\/)[^/]*[._-](test|spec|stories)\.[a-z]+$|(^|\/)test_[^/]+\.py$|_test\.(go|py|rb|exs)$|_spec\.rb$|Tests?\.(cs|java|kt)$/i;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}
