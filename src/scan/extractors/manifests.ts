// Dependency manifests of every common ecosystem. Each dependency becomes evidence on the
// exact line that declares it; dev/test dependencies are marked so checks can treat them apart.
import { parse as parseToml } from 'smol-toml';
import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument, parseAllDocuments, isMap } from 'yaml';
import type { ExtractContext } from '../context.js';
import type { Confidence } from '../../model.js';
import { blank, lineStartOf, lineEndOf } from '../source-file.js';
import { lex, LANGUAGES } from '../lexer.js';
import { findUrls } from '../urls.js';
import { errorWords, offsetBeyondDepth } from '../json-text.js';

/** `from`: where to start looking for the name; `at`: its exact offset when already known; `spelled`: the name as written. */
type Dep = { name: string; dev: boolean; from?: number; at?: number; spelled?: string };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NAME_CHAR = /[A-Za-z0-9_-]/;
const NAME_CHAR_BEFORE = /[A-Za-z0-9_.@/-]/;

/**
 * Offset of `name` as a whole token (quoted or bare) at or after `from`; -1 when absent. Found
 * with indexOf, not a pattern made per name: a lockfile of 10,000 names compiled 10,000 of them.
 */
function tokenOffset(text: string, name: string, from = 0): number {
  if (!name) return -1;
  for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = at > 0 ? text[at - 1]! : '';
    const after = text[at + name.length] ?? '';
    if (!(before && NAME_CHAR_BEFORE.test(before)) && !(after && NAME_CHAR.test(after))) return at;
  }
  return -1;
}

/**
 * Where each dependency is declared, in the order the parser gave them (the document's order):
 * each is looked for after the one before it, so a manifest of thousands is read once, not once
 * per dependency; one found out of order is looked for again from its block, then the top.
 */
function locate(text: string, deps: Dep[], searchFrom: (d: Dep) => number): number[] {
  let block = -1;
  let cursor = 0;
  return deps.map((d) => {
    if (d.at !== undefined) return d.at;
    const spelled = d.spelled ?? d.name;
    const from = d.from ?? searchFrom(d);
    if (from !== block) [block, cursor] = [from, from];
    let at = tokenOffset(text, spelled, cursor);
    if (at < 0 && cursor > from) at = tokenOffset(text, spelled, from);
    if (at < 0) at = tokenOffset(text, spelled, 0);
    if (at >= cursor) cursor = at + spelled.length;
    return at;
  });
}

function emit(ctx: ExtractContext, ecosystem: string, deps: Dep[], searchFrom: (d: Dep) => number = () => 0, confidence: Confidence = 'high'): void {
  const offsets = locate(ctx.text, deps, searchFrom);
  deps.forEach((d, i) => {
    const at = Math.max(0, offsets[i]!);
    ctx.add('dependency', at, lineAt(ctx.text, at) || d.name, confidence, { ecosystem, package: d.name, dev: d.dev || ctx.isTestFile ? true : undefined });
  });
}

/** Characters of a line kept either side of an offset: a minified manifest is one long line. */
const LINE_WINDOW = 200;

/** The line holding an offset, trimmed (at most LINE_WINDOW characters either side): what a reviewer recognises as the declaration. */
function lineAt(text: string, offset: number): string {
  return text.slice(lineStartOf(text, offset, LINE_WINDOW), lineEndOf(text, offset, LINE_WINDOW)).trim();
}

/** Each line with the offset it starts at, whatever the line ends (\n, \r\n or \r). */
function linesWithOffsets(text: string): [string, number][] {
  const out: [string, number][] = [];
  const re = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < text.length) {
    out.push([m[0].replace(/[\r\n]+$/, ''), m.index]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * A manifest's JSON. When it is invalid, the first error is reported with its line and the file
 * is read as far as a tolerant parser recovers it: a trailing comma or a half-edited field must
 * not hide every dependency the file declares. (JSON.parse first: it is the fast path, and the
 * only one that takes any depth of nesting; the tolerant parser recurses.)
 */
function parseJson(ctx: ExtractContext): unknown {
  try {
    return JSON.parse(ctx.text);
  } catch (e) {
    // The tolerant parser recurses: a document nested deeper than it can go is read up to there.
    const tooDeep = offsetBeyondDepth(ctx.text, MAX_JSON_DEPTH);
    const errors: ParseError[] = [];
    let recovered: unknown;
    try {
      recovered = parseTolerantly(tooDeep < 0 ? ctx.text : ctx.text.slice(0, tooDeep), errors, { disallowComments: true, allowEmptyContent: true });
    } catch {
      // Out of stack all the same: nothing recovered, the error stands.
    }
    const first = errors[0];
    if (tooDeep >= 0) ctx.error(`invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep`, tooDeep);
    else if (first) ctx.error(`invalid JSON: ${errorWords(printParseErrorCode(first.error))}`, first.offset);
    else ctx.error(`invalid JSON: ${(e as Error).message}`);
    return isObj(recovered) ? recovered : undefined;
  }
}

/** Deeper than any manifest is written; shallow enough for the tolerant parser's recursion. */
const MAX_JSON_DEPTH = 1000;


/** Reports a YAML document's first error, if it has one, on its line. */
function yamlErrors(ctx: ExtractContext, doc: { errors: { message: string; pos: [number, number] }[] }): void {
  const first = doc.errors[0];
  if (first) ctx.error(`invalid YAML: ${first.message.split('\n')[0]}`, first.pos[0]);
}

/** Broken lines blanked before a TOML file is given up: enough for a few bad edits, bounded for a hostile file. */
const TOML_REPAIRS = 20;

/**
 * A manifest's TOML. When it is invalid, the first error is reported, and the file is parsed
 * again with the broken lines blanked (spaces in place, so every offset stays true), one at a
 * time from the line the parser names, up to TOML_REPAIRS: the dependencies of the lines that do
 * parse are still read.
 */
function tomlOrError(ctx: ExtractContext): Record<string, unknown> | undefined {
  try {
    return parseToml(ctx.text) as Record<string, unknown>;
  } catch (e) {
    const err = e as Error & { line?: number };
    ctx.errors.push({ path: ctx.path, line: err.line, message: `invalid TOML: ${err.message.split('\n')[0]}` });
    return repairedToml(ctx.text, err.line);
  }
}

function repairedToml(text: string, errorLine: number | undefined): Record<string, unknown> | undefined {
  const lines = text.split(/(?<=\n)/);
  let target = errorLine;
  for (let tries = 0; tries < TOML_REPAIRS && target !== undefined; tries++) {
    // The parser may name the line after the statement it could not close (an array left open
    // at the end of the file): step back to the nearest line with something on it.
    while (target > 0 && !/\S/.test(lines[target - 1] ?? '')) target--;
    if (target < 1) return undefined;
    lines[target - 1] = lines[target - 1]!.replace(/[^\r\n]/g, ' ');
    try {
      return parseToml(lines.join('')) as Record<string, unknown>;
    } catch (e) {
      target = (e as { line?: number }).line;
    }
  }
  return undefined;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyOffset = (text: string, key: string): number => {
  const i = text.search(new RegExp(`"${escapeRe(key)}"\\s*:`));
  return i < 0 ? 0 : i;
};

// A manifest's homepage is the project's own site: attribution takes its domain as first party
// (ownSites), unless it is a code host's or a registry's page (github.com/owner/repo#readme).
const JSON_HOMEPAGE = /"homepage"\s*:\s*"([^"\n]*)"/;
// Cargo's `homepage`, Poetry's `homepage`, PEP 621's `[project.urls] Homepage`.
const TOML_HOMEPAGE = /^[ \t]*["']?(?:homepage|Homepage|home-page|Home-page|HomePage)["']?[ \t]*=[ \t]*["']([^"'\n]*)["']/m;

function homepage(ctx: ExtractContext, pattern: RegExp): void {
  const m = pattern.exec(ctx.text);
  const u = m ? findUrls(m[1]!)[0] : undefined;
  if (!m || !u) return;
  const at = m.index + m[0].lastIndexOf(m[1]!) + u.index;
  ctx.add('link', at, u.raw, 'high', { host: u.host, urlPath: u.path, siteAddress: true });
}

export function packageJson(ctx: ExtractContext): void {
  const data = parseJson(ctx);
  if (data === undefined) return;
  if (!isObj(data)) return ctx.error('package.json is not a JSON object');
  for (const [field, dev] of [['dependencies', false], ['devDependencies', true], ['optionalDependencies', false], ['peerDependencies', false]] as const) {
    const block = data[field];
    if (!isObj(block)) continue;
    const from = keyOffset(ctx.text, field);
    const deps: Dep[] = [];
    for (const [name, spec] of Object.entries(block)) {
      const version = typeof spec === 'string' ? spec.trim() : '';
      // A monorepo's own package (`"@calcom/embed-core": "workspace:*"`) is first party, whatever its name.
      if (OWN_PACKAGE_SPEC.test(version)) continue;
      // An alias installs the package it names: `"analytics": "npm:@segment/analytics-next@^1"`.
      const alias = NPM_ALIAS.exec(version);
      deps.push(alias ? { name: alias[1]!, dev, from, spelled: name } : { name, dev, from });
    }
    emit(ctx, 'npm', deps);
  }
  homepage(ctx, JSON_HOMEPAGE);
}

const OWN_PACKAGE_SPEC = /^(?:workspace|link|portal):/;
const NPM_ALIAS = /^npm:((?:@[\w.-]+\/)?[\w.-]+)(?:@|$)/;

export function packageLock(ctx: ExtractContext): void {
  const data = parseJson(ctx);
  if (!isObj(data)) return;
  const packages = data.packages;
  if (isObj(packages) && isObj(packages[''])) {
    const root = packages[''] as Record<string, unknown>;
    const deps: Dep[] = [];
    for (const [field, dev] of [['dependencies', false], ['devDependencies', true], ['optionalDependencies', false]] as const) {
      if (isObj(root[field])) for (const name of Object.keys(root[field] as object)) deps.push({ name, dev });
    }
    // Each top-level entry's offset, from one pass (a search per dependency would read the file once each).
    const entries = new Map<string, number>();
    for (const m of ctx.text.matchAll(/"node_modules\/((?:@[^"/]+\/)?[^"/]+)"/g)) if (!entries.has(m[1]!)) entries.set(m[1]!, m.index! + '"node_modules/'.length);
    for (const d of deps) d.at = entries.get(d.name);
    emit(ctx, 'npm', deps);
  } else if (isObj(data.dependencies)) {
    // lockfile v1: top-level entries are the tree, dev flagged per entry
    const from = keyOffset(ctx.text, 'dependencies');
    emit(ctx, 'npm', Object.entries(data.dependencies).map(([name, v]) => ({ name, dev: isObj(v) && v.dev === true, from })));
  }
}

export function pnpmLock(ctx: ExtractContext): void {
  // Only the root importer's direct dependencies: the rest of the graph is transitive. Recent
  // pnpm writes two documents, the package manager's own lockfile first, then the project's:
  // each is read (the first has no dependencies of the project's).
  const docs = parseAllDocuments(ctx.text, { uniqueKeys: false });
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    // The YAML parser recovers what it can of a broken document: that much is still read.
    yamlErrors(ctx, doc);
    pnpmRootDependencies(ctx, doc.getIn(['importers', '.'], true) ?? doc.contents);
  }
}

function pnpmRootDependencies(ctx: ExtractContext, root: unknown): void {
  if (!isMap(root)) return;
  for (const [field, dev] of [['dependencies', false], ['devDependencies', true], ['optionalDependencies', false]] as const) {
    const block = root.get(field, true);
    if (!isMap(block)) continue;
    for (const pair of block.items) {
      const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (typeof key?.value !== 'string') continue;
      const at = key.range?.[0] ?? 0;
      ctx.add('dependency', at, `${key.value}`, 'high', { ecosystem: 'npm', package: key.value, dev: dev || undefined });
    }
  }
}

/**
 * yarn.lock: every package of the graph, with nothing to tell a runtime package from one only a
 * dev tool pulls in (a deploy tool's aws-sdk, a CLI's telemetry client), nor a direct dependency
 * from a transitive one. So each is low confidence: package.json names the direct ones, at high.
 */
export function yarnLock(ctx: ExtractContext): void {
  lockedPackages(ctx, 'npm', /^"?(@?[^@\s"][^@\s"]*)@[^\n]*:\s*$/gm);
}

/**
 * Cargo.lock, mix.lock and go.sum: as yarn.lock, the whole graph with nothing to tell a
 * direct dependency from a transitive one, so each package is low confidence (Cargo.toml, mix.exs
 * and go.mod name the direct ones, at high). A crate of the workspace itself has no source.
 */
export function cargoLock(ctx: ExtractContext): void {
  lockedPackages(ctx, 'cargo', /^\[\[package\]\]\r?\nname = "([A-Za-z0-9_-]+)"\r?\nversion = "[^"\n]*"\r?\nsource = /gm);
}

/** mix.lock: `"sentry": {:hex, :sentry, "10.2.0", …}`, the Hex package after :hex. */
export function mixLock(ctx: ExtractContext): void {
  lockedPackages(ctx, 'hex', /^[ \t]*"[a-z0-9_]+":[ \t]*\{:hex,[ \t]*:"?([a-z0-9_]+)"?,/gm);
}

/** go.sum: each module version twice, its tree's hash and its go.mod's. */
export function goSum(ctx: ExtractContext): void {
  lockedPackages(ctx, 'go', /^([A-Za-z0-9][\w.~-]*(?:\/[\w.~-]+)+)[ \t]+v[^ \t\n]+[ \t]+h1:/gm);
}

/** Each package a lockfile's entries name (group 1), once, at low confidence. */
function lockedPackages(ctx: ExtractContext, ecosystem: string, entry: RegExp): void {
  const names = new Set<string>();
  const deps: Dep[] = [];
  for (const m of ctx.text.matchAll(entry)) {
    const name = m[1]!;
    if (names.has(name)) continue;
    names.add(name);
    deps.push({ name, dev: false, at: m.index! + m[0].indexOf(name) });
  }
  emit(ctx, ecosystem, deps, undefined, 'low');
}

const PEP508_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;
const PEP508_EXTRAS = /^\s*\[([A-Za-z0-9._,\s-]{1,200})\]/;
const normPy = (n: string): string => n.toLowerCase().replace(/[._]+/g, '-');

export function requirementsTxt(ctx: ExtractContext): void {
  const dev = /(dev|test|lint|doc|ci)/i.test(ctx.path.split('/').pop()!);
  const deps: Dep[] = [];
  for (const [line, offset] of linesWithOffsets(ctx.text)) {
    const body = line.replace(/(^|\s)#.*$/, '');
    if (body.trim() && !/^\s*-/.test(body) && !/^\s*(https?:|git\+|\.|\/)/.test(body)) {
      const m = PEP508_NAME.exec(body);
      if (m) {
        const from = offset + m.index + m[0].indexOf(m[1]!);
        deps.push({ name: normPy(m[1]!), dev, from });
        // An extra that is itself a package installs it: django-storages[boto3] brings boto3.
        const extras = PEP508_EXTRAS.exec(body.slice(m.index + m[0].length));
        for (const extra of extras?.[1]!.split(',') ?? []) if (extra.trim()) deps.push({ name: normPy(extra.trim()), dev, from });
      }
    }
  }
  for (const d of deps) {
    const at = d.from!;
    const lineEnd = ctx.text.indexOf('\n', at);
    ctx.add('dependency', at, ctx.text.slice(at, lineEnd < 0 ? undefined : lineEnd).trim(), 'high', { ecosystem: 'pypi', package: d.name, dev: d.dev || ctx.isTestFile || undefined });
  }
}

function pep508Names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((s) => (typeof s === 'string' && PEP508_NAME.test(s) ? [PEP508_NAME.exec(s)![1]!] : []));
}

const DEV_GROUP = /^(dev|develop|development|test|tests|testing|lint|linting|docs?|typing|ci)$/i;

export function pyprojectToml(ctx: ExtractContext): void {
  const data = tomlOrError(ctx);
  if (!data) return;
  const deps: Dep[] = [];
  const project = isObj(data.project) ? data.project : {};
  for (const n of pep508Names(project.dependencies)) deps.push({ name: n, dev: false });
  if (isObj(project['optional-dependencies'])) {
    for (const [group, list] of Object.entries(project['optional-dependencies'])) for (const n of pep508Names(list)) deps.push({ name: n, dev: DEV_GROUP.test(group) });
  }
  if (isObj(data['dependency-groups'])) {
    for (const [group, list] of Object.entries(data['dependency-groups'])) for (const n of pep508Names(list)) deps.push({ name: n, dev: DEV_GROUP.test(group) || group !== 'main' });
  }
  const poetry = isObj(data.tool) && isObj(data.tool.poetry) ? data.tool.poetry : undefined;
  if (poetry) {
    const add = (block: unknown, dev: boolean): void => {
      if (isObj(block)) for (const n of Object.keys(block)) if (n.toLowerCase() !== 'python') deps.push({ name: n, dev });
    };
    add(poetry.dependencies, false);
    add(poetry['dev-dependencies'], true);
    if (isObj(poetry.group)) for (const [g, v] of Object.entries(poetry.group)) if (isObj(v)) add(v.dependencies, g !== 'main');
  }
  emitPy(ctx, deps);
  homepage(ctx, TOML_HOMEPAGE);
}

function emitPy(ctx: ExtractContext, deps: Dep[]): void {
  const offsets = locate(ctx.text, deps, () => 0);
  deps.forEach((d, i) => {
    const at = Math.max(0, offsets[i]!);
    ctx.add('dependency', at, ctx.text.slice(at, lineEndOf(ctx.text, at, LINE_WINDOW)).trim(), 'high', { ecosystem: 'pypi', package: normPy(d.name), dev: d.dev || ctx.isTestFile || undefined });
  });
}

/** A requirement string's offset and name as ctx.add() takes it: the line that declares it. */
function addPy(ctx: ExtractContext, at: number, name: string, dev: boolean): void {
  ctx.add('dependency', at, lineAt(ctx.text, at), 'high', { ecosystem: 'pypi', package: normPy(name), dev: dev || ctx.isTestFile || undefined });
}

const SETUP_LIST = /\b(install_requires|tests_require|setup_requires)\s*=\s*[[(]/g;
const SETUP_EXTRAS = /\bextras_require\s*=\s*\{/g;
const PY_STRING = /(['"])((?:(?!\1)[^\\\n]|\\.)*)\1/y;

/**
 * setup.py: the requirement strings of setup()'s install_requires (and of tests_require,
 * setup_requires and extras_require, development when their group says so), read from the
 * lexed code (never run): a commented-out requirement is not one.
 */
export function setupPy(ctx: ExtractContext): void {
  const code = lex(ctx.text, LANGUAGES.python).code;
  // Where the last list's search ended: a list inside it (or a match inside an unclosed one) was read with it.
  let searched = 0;
  const strings = (from: number, close: string): { at: number; value: string; key: boolean }[] => {
    const out: { at: number; value: string; key: boolean }[] = [];
    if (from < searched) return out;
    let depth = 0;
    // A list that never closes ends the search a little way on, not at the end of the file for every list.
    const stop = Math.min(code.length, from + 64 * 1024);
    let i = from;
    for (; i < stop; i++) {
      const c = code[i]!;
      if (c === '"' || c === "'") {
        PY_STRING.lastIndex = i;
        const m = PY_STRING.exec(code);
        if (!m) continue;
        let next = i + m[0].length;
        while (next < code.length && /\s/.test(code[next]!)) next++;
        out.push({ at: i + 1, value: m[2]!, key: code[next] === ':' });
        i += m[0].length - 1;
      } else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      }
      if (depth === 0 && c === close) break;
    }
    searched = Math.max(searched, i);
    return out;
  };
  for (const m of code.matchAll(SETUP_LIST)) {
    for (const s of strings(m.index! + m[0].length, m[0].endsWith('[') ? ']' : ')')) {
      const name = PEP508_NAME.exec(s.value);
      if (name) addPy(ctx, s.at + name.index + name[0].indexOf(name[1]!), name[1]!, m[1] !== 'install_requires');
    }
  }
  searched = 0;
  for (const m of code.matchAll(SETUP_EXTRAS)) {
    let dev = false;
    for (const s of strings(m.index! + m[0].length, '}')) {
      if (s.key) dev = DEV_GROUP.test(s.value);
      else {
        const name = PEP508_NAME.exec(s.value);
        if (name) addPy(ctx, s.at + name.index + name[0].indexOf(name[1]!), name[1]!, dev);
      }
    }
  }
}

/**
 * setup.cfg: install_requires under [options] (one requirement a line), and each group of
 * [options.extras_require]; tests_require and development groups count as development.
 */
export function setupCfg(ctx: ExtractContext): void {
  let section = '';
  let key: { dev: boolean; indent: number } | null = null;
  for (const [line, offset] of linesWithOffsets(ctx.text)) {
    const body = line.replace(/(^|\s)[#;].*$/, '');
    if (!body.trim()) continue;
    const header = /^\[([^\]]+)\]/.exec(body);
    if (header) {
      section = header[1]!.trim();
      key = null;
      continue;
    }
    const indent = /^[ \t]*/.exec(body)![0].length;
    const assign = indent === 0 ? /^([\w.-]+)\s*[=:]\s*(.*)$/.exec(body) : null;
    let value = body;
    let valueAt = offset;
    if (assign) {
      const name = assign[1]!;
      key =
        section === 'options' && /^(install_requires|tests_require|setup_requires)$/.test(name)
          ? { dev: name !== 'install_requires', indent: 0 }
          : section === 'options.extras_require'
            ? { dev: DEV_GROUP.test(name), indent: 0 }
            : null;
      value = assign[2]!;
      valueAt = offset + body.length - assign[2]!.length;
    } else if (!key || indent <= key.indent) continue;
    if (!key) continue;
    const m = PEP508_NAME.exec(value);
    if (m && !/^\s*(https?:|git\+|file:)/.test(value)) addPy(ctx, valueAt + m.index + m[0].indexOf(m[1]!), m[1]!, key.dev);
  }
}

/**
 * Conda's environment.yml: the packages under dependencies (`name=1.0`, `channel::name`) and
 * the pip requirements nested in it. Conda-forge publishes Python packages under their PyPI
 * names, so both are looked up as PyPI packages.
 */
export function condaEnvironment(ctx: ExtractContext): void {
  const doc = parseDocument(ctx.text, { uniqueKeys: false });
  yamlErrors(ctx, doc);
  const deps = doc.get('dependencies', true) as { items?: unknown[] } | undefined;
  const take = (items: unknown[] | undefined, pip: boolean): void => {
    for (const item of items ?? []) {
      const node = item as { value?: unknown; range?: [number, number, number] };
      if (typeof node.value === 'string') {
        const spec = pip ? node.value : node.value.replace(/^[\w.-]+::/, '');
        const m = (pip ? PEP508_NAME : /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/).exec(spec);
        if (m) addPy(ctx, (node.range?.[0] ?? 0) + node.value.indexOf(m[1]!), m[1]!, false);
      } else if (isMap(item)) {
        const nested = item.get('pip', true) as { items?: unknown[] } | undefined;
        take(nested?.items, true);
      }
    }
  };
  take(deps?.items, false);
}

/**
 * Gradle's version catalog (gradle/libs.versions.toml): the [libraries] a build script takes as
 * `libs.firebase.analytics`, written "group:artifact:version", { module = "group:artifact" } or
 * { group = …, name = … }. The build script names only the alias, so the catalog's line is where
 * the library is declared.
 */
export function gradleVersionCatalog(ctx: ExtractContext): void {
  const data = tomlOrError(ctx);
  if (!data || !isObj(data.libraries)) return;
  const from = Math.max(0, ctx.text.search(/^\s*\[libraries\]/m));
  // Each alias's line, found in one pass (a search per alias would cost a pass per library).
  const aliasAt = new Map<string, number>();
  for (const m of ctx.text.slice(from).matchAll(/^[ \t]*["']?([\w.-]+)["']?[ \t]*=/gm)) if (!aliasAt.has(m[1]!)) aliasAt.set(m[1]!, from + m.index! + m[0].indexOf(m[1]!));
  for (const [alias, spec] of Object.entries(data.libraries)) {
    let coordinates: string | undefined;
    if (typeof spec === 'string') coordinates = spec.split(':').slice(0, 2).join(':');
    else if (isObj(spec) && typeof spec.module === 'string') coordinates = spec.module;
    else if (isObj(spec) && typeof spec.group === 'string' && typeof spec.name === 'string') coordinates = `${spec.group}:${spec.name}`;
    if (!coordinates || !/^[\w.-]+:[\w.-]+$/.test(coordinates)) continue;
    const at = aliasAt.get(alias) ?? from;
    ctx.add('dependency', at, lineAt(ctx.text, at), 'high', { ecosystem: 'maven', package: coordinates, dev: /(^|[-_.])(test|junit|espresso|mockk?|mockito|robolectric)/i.test(alias) || ctx.isTestFile || undefined });
  }
}

export function pipfile(ctx: ExtractContext): void {
  const data = tomlOrError(ctx);
  if (!data) return;
  const deps: Dep[] = [];
  if (isObj(data.packages)) for (const n of Object.keys(data.packages)) deps.push({ name: n, dev: false });
  if (isObj(data['dev-packages'])) for (const n of Object.keys(data['dev-packages'])) deps.push({ name: n, dev: true });
  const devStart = ctx.text.indexOf('[dev-packages]');
  const offsets = locate(ctx.text, deps, (d) => (d.dev && devStart >= 0 ? devStart : 0));
  deps.forEach((d, i) => {
    const at = Math.max(0, offsets[i]!);
    ctx.add('dependency', at, ctx.text.slice(at, lineEndOf(ctx.text, at, LINE_WINDOW)).trim(), 'high', { ecosystem: 'pypi', package: normPy(d.name), dev: d.dev || undefined });
  });
}

export function gemfile(ctx: ExtractContext): void {
  const groupStack: boolean[] = [];
  for (const [line, offset] of linesWithOffsets(ctx.text)) {
    const code = line.replace(/#.*$/, '');
    const group = /^\s*group\s+(.+?)\s+do\b/.exec(code);
    if (group) groupStack.push(/:(development|test)\b|["'](development|test)["']/.test(group[1]!) && !/:production\b/.test(group[1]!));
    else if (/^\s*end\b/.test(code) && groupStack.length) groupStack.pop();
    const m = /^\s*gem\s+['"]([^'"]+)['"](.*)$/.exec(code);
    if (m) {
      const dev = groupStack.some(Boolean) || /group:\s*\[?\s*:(development|test)/.test(m[2]!);
      ctx.add('dependency', offset + line.indexOf(m[1]!), line.trim(), 'high', { ecosystem: 'gem', package: m[1]!, dev: dev || ctx.isTestFile || undefined });
    }
  }
}

/**
 * Perl's cpanfile: `requires 'Amazon::S3';` (and `recommends`, `suggests`), at any depth, a
 * feature's optional modules included. Those of an `on 'test'` or `on 'develop'` phase (also
 * `build`, `configure`, and `test_requires`) are development dependencies; the phase's block is
 * followed by its braces.
 */
export function cpanfile(ctx: ExtractContext): void {
  const code = lex(ctx.text, LANGUAGES.python).code;
  const devPhases: [number, number][] = [];
  for (const m of code.matchAll(/\bon\s+['"]?(test|develop|build|configure)['"]?\s*=>\s*sub\s*\{/g)) {
    // A phase inside one already found is dev already: each character is counted once.
    if (devPhases.length > 0 && m.index! < devPhases[devPhases.length - 1]![1]) continue;
    let depth = 1;
    let end = m.index! + m[0].length;
    for (; end < code.length && depth > 0; end++) {
      const c = code.charCodeAt(end);
      if (c === 123) depth++;
      else if (c === 125) depth--;
    }
    devPhases.push([m.index!, end]);
  }
  // Both the phases and the modules come in the text's order: one walk along the phases serves all.
  let phase = 0;
  for (const m of code.matchAll(/\b(requires|recommends|suggests|test_requires|build_requires|configure_requires)\s*\(?\s*['"]([A-Za-z_][\w]*(?:::\w+)*)['"]/g)) {
    const at = m.index! + m[0].lastIndexOf(m[2]!);
    while (phase < devPhases.length && devPhases[phase]![1] <= at) phase++;
    const inPhase = phase < devPhases.length && devPhases[phase]![0] < at;
    const dev = m[1]!.includes('_') || inPhase || ctx.isTestFile;
    ctx.add('dependency', at, ctx.text.slice(m.index!, lineEndOf(ctx.text, at)).trim(), 'high', { ecosystem: 'cpan', package: m[2]!, dev: dev || undefined });
  }
}

export function gemfileLock(ctx: ExtractContext): void {
  const start = ctx.text.search(/^DEPENDENCIES\s*$/m);
  if (start < 0) return;
  const block = ctx.text.slice(start);
  const end = block.search(/\n\s*\n/);
  const body = end < 0 ? block : block.slice(0, end);
  for (const m of body.matchAll(/^ {2}([A-Za-z0-9_.-]+)/gm)) {
    ctx.add('dependency', start + m.index! + 2, m[0].trim(), 'high', { ecosystem: 'gem', package: m[1]! });
  }
}

export function goMod(ctx: ExtractContext): void {
  const text = ctx.text;
  const add = (path: string, at: number, line: string): void => {
    if (/\/\/\s*indirect/.test(line)) return;
    ctx.add('dependency', at, line.trim(), 'high', { ecosystem: 'go', package: path, dev: ctx.isTestFile || undefined });
  };
  for (const m of text.matchAll(/^require\s+([^\s(]+)\s+\S+.*$/gm)) add(m[1]!, m.index! + m[0].indexOf(m[1]!), m[0]);
  for (const block of text.matchAll(/^require\s*\(([\s\S]*?)^\)/gm)) {
    const base = block.index! + block[0].indexOf('(') + 1;
    for (const m of block[1]!.matchAll(/^[ \t]*([^\s/][^\s]*)\s+v\S+.*$/gm)) add(m[1]!, base + m.index! + m[0].indexOf(m[1]!), m[0]);
  }
}

/**
 * The packages of a JSON manifest's sections (`[field, dev]`), each looked for from its
 * section's key: `namesIn` lists a section's names (its keys, or its entries' `name`), `named`
 * turns one into the package's name, or null when it is no package (composer's `php`).
 */
function emitSections(ctx: ExtractContext, data: Record<string, unknown>, ecosystem: string, sections: readonly (readonly [string, boolean])[], namesIn: (block: unknown) => string[], named: (key: string) => string | null): void {
  for (const [field, dev] of sections) {
    const keys = namesIn(data[field]);
    if (keys.length === 0) continue;
    const from = keyOffset(ctx.text, field);
    const deps: Dep[] = [];
    for (const key of keys) {
      const name = named(key);
      if (name !== null) deps.push({ name, spelled: key, dev, from });
    }
    emit(ctx, ecosystem, deps);
  }
}

const keysOf = (block: unknown): string[] => (isObj(block) ? Object.keys(block) : []);
const entryNames = (block: unknown): string[] => (Array.isArray(block) ? block.flatMap((p) => (isObj(p) && typeof p.name === 'string' ? [p.name] : [])) : []);
/** A Composer package is `vendor/package`, in lower case; `php` and `ext-*` are platform requirements. */
const composerName = (key: string): string | null => (key.includes('/') ? key.toLowerCase() : null);

export function composerJson(ctx: ExtractContext): void {
  const data = parseJson(ctx);
  if (!isObj(data)) return;
  emitSections(ctx, data, 'composer', [['require', false], ['require-dev', true]], keysOf, composerName);
  homepage(ctx, JSON_HOMEPAGE);
}

export function pomXml(ctx: ExtractContext): void {
  const text = ctx.text;
  for (const m of text.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const body = m[1]!;
    const g = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(body);
    const a = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(body);
    if (!g || !a) continue;
    const dev = /<scope>\s*test\s*<\/scope>/.test(body);
    const at = m.index! + '<dependency>'.length + a.index + a[0].indexOf(a[1]!);
    ctx.add('dependency', at, `${g[1]}:${a[1]}`, 'high', { ecosystem: 'maven', package: `${g[1]}:${a[1]}`, dev: dev || ctx.isTestFile || undefined });
  }
}

// The group and name apart: Groovy's map notation (`implementation group: 'io.sentry', name: 'sentry'`),
// Kotlin's arguments (`implementation("io.sentry", "sentry", "5.4.3")`, `group = "…", name = "…"`).
const GRADLE_SPLIT_COORDINATES = /\b(\w+)\s*\(?\s*(?:group\s*[:=]\s*)?['"]([A-Za-z0-9_.-]+)['"]\s*,\s*(?:name\s*[:=]\s*)?['"]([A-Za-z0-9_.-]+)['"]/g;

export function gradle(ctx: ExtractContext): void {
  const re = /\b(\w+)\s*\(?\s*['"]([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::[^'"]*)?['"]/g;
  for (const m of [...ctx.text.matchAll(re), ...ctx.text.matchAll(GRADLE_SPLIT_COORDINATES)]) {
    const conf = m[1]!;
    if (!/(implementation|api|compile|runtimeOnly|compileOnly|kapt|ksp|annotationProcessor|classpath)$/i.test(conf)) continue;
    const dev = /^test|^androidTest/i.test(conf);
    ctx.add('dependency', m.index! + m[0].indexOf(m[2]!), m[0], 'high', { ecosystem: 'maven', package: `${m[2]}:${m[3]}`, dev: dev || ctx.isTestFile || undefined });
  }
}

// Gradle's build logic away from build.gradle names its libraries as strings that other
// scripts use: `const val sentry = "io.sentry:sentry-android:6.28.0"` in buildSrc's Deps.kt,
// `ext.libs = [stripe: "com.stripe:stripe-java:24.0.0"]` in gradle/dependencies.gradle. A quoted
// group:artifact:version there, the group a dotted name, is a declared dependency.
const QUOTED_COORDINATE = /(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+):([A-Za-z0-9_.-]+):([^'"\s]+)\1/g;

export function gradleCoordinates(ctx: ExtractContext): void {
  for (const m of ctx.text.matchAll(QUOTED_COORDINATE)) {
    ctx.add('dependency', m.index! + 1, m[0], 'high', { ecosystem: 'maven', package: `${m[2]}:${m[3]}`, dev: ctx.isTestFile || undefined });
  }
}

// sbt (Scala): `"org" % "name" % "1.0"`, `"org" %% "name" % "1.0"` (%% adds the Scala version
// to the artifact's name, under which the catalogue does not list it: matched as written), and a
// `% Test` or `% "test"` scope last.
const SBT_MODULE = /"([\w.-]+)"[ \t]*%{1,3}[ \t]*"([\w.-]+)"[ \t]*%[ \t]*(?:"[^"\n]*"|[\w.]+)(?:[ \t]*%[ \t]*"?([\w-]+)"?)?/g;

export function sbt(ctx: ExtractContext): void {
  const plugins = /(?:^|\/)project\/[^/]+\.sbt$/.test(ctx.path);
  for (const m of ctx.text.matchAll(SBT_MODULE)) {
    const dev = plugins || /^(?:test|it|integrationtest|provided)$/i.test(m[3] ?? '') || ctx.isTestFile;
    ctx.add('dependency', m.index!, m[0], 'high', { ecosystem: 'maven', package: `${m[1]}:${m[2]}`, dev: dev || undefined });
  }
}

// Clojure's deps.edn (`com.stripe/stripe-java {:mvn/version "24.0.0"}`) and Leiningen's
// project.clj (`[com.stripe/stripe-java "24.0.0"]`) name Maven artifacts as group/artifact; a
// name alone is group and artifact both. Aliases (deps.edn's :aliases, Leiningen's :profiles)
// hold the test and build tools.
const EDN_DEP = /(?:^|[\s{\[])([A-Za-z][\w.-]*(?:\/[A-Za-z][\w.-]*)?)[ \t]+\{[^{}]*:mvn\/version\b/g;
const LEIN_DEP = /\[[ \t]*([A-Za-z][\w.-]*(?:\/[A-Za-z][\w.-]*)?)[ \t]+"[^"\n]*"/g;

export function clojureDeps(ctx: ExtractContext): void {
  const text = ctx.text.replace(/;[^\n]*/g, (c) => ' '.repeat(c.length));
  const devFrom = text.search(/:(?:aliases|profiles)\b/);
  const lein = ctx.path.endsWith('project.clj');
  const depsFrom = lein ? Math.max(0, text.search(/:dependencies\b/)) : 0;
  for (const m of text.matchAll(lein ? LEIN_DEP : EDN_DEP)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    if (at < depsFrom || m[1] === 'org.clojure/clojure') continue;
    const [group, artifact = group] = m[1]!.split('/');
    const dev = (devFrom >= 0 && at > devFrom) || ctx.isTestFile;
    ctx.add('dependency', at, lineAt(ctx.text, at), 'high', { ecosystem: 'maven', package: `${group}:${artifact}`, dev: dev || undefined });
  }
}

// A Unity project's Packages/manifest.json: its "dependencies" are Unity Package Manager names
// (com.unity.ads, com.gameanalytics.sdk), each with a version or a git or file URL.
const UNITY_TEST_TOOL = /(?:^|\.)(?:test-framework|testtools|performance\.profile-analyzer)\b/;

export function unityManifest(ctx: ExtractContext): void {
  const data = parseJson(ctx);
  if (!isObj(data) || !isObj(data.dependencies)) return;
  const from = keyOffset(ctx.text, 'dependencies');
  emit(ctx, 'upm', Object.keys(data.dependencies).map((name) => ({ name, dev: UNITY_TEST_TOOL.test(name), from })));
}

export function cargoToml(ctx: ExtractContext): void {
  const data = tomlOrError(ctx);
  if (!data) return;
  const deps: Dep[] = [];
  const take = (tbl: unknown, dev: boolean): void => {
    if (!isObj(tbl)) return;
    for (const [n, spec] of Object.entries(tbl)) {
      // A dependency renamed in the manifest (`yubico = { package = "yubico_ng" }`) is the crate its package names.
      const crate = isObj(spec) && typeof spec.package === 'string' && spec.package !== '' ? spec.package : undefined;
      deps.push(crate ? { name: crate, dev, spelled: n } : { name: n, dev });
    }
  };
  take(data.dependencies, false);
  take(data['dev-dependencies'], true);
  take(data['build-dependencies'], true);
  if (isObj(data.target)) for (const t of Object.values(data.target)) if (isObj(t)) { take(t.dependencies, false); take(t['dev-dependencies'], true); }
  if (isObj(data.workspace)) take((data.workspace as Record<string, unknown>).dependencies, false);
  const devStart = ctx.text.search(/^\[(dev|build)-dependencies\]/m);
  emit(ctx, 'cargo', deps, (d) => (d.dev && devStart >= 0 ? devStart : 0));
  homepage(ctx, TOML_HOMEPAGE);
}

/** .NET projects, and the central package versions of Directory.Packages.props. */
export function csproj(ctx: ExtractContext): void {
  for (const m of ctx.text.matchAll(/<(?:PackageReference|PackageVersion|GlobalPackageReference)\s+[^>]*?Include\s*=\s*"([^"]+)"/gi)) {
    ctx.add('dependency', m.index! + m[0].indexOf(m[1]!), m[0], 'high', { ecosystem: 'nuget', package: m[1]!, dev: ctx.isTestFile || undefined });
  }
  for (const m of ctx.text.matchAll(/<package\s+id\s*=\s*"([^"]+)"/gi)) {
    ctx.add('dependency', m.index! + m[0].indexOf(m[1]!), m[0], 'high', { ecosystem: 'nuget', package: m[1]! });
  }
}

export function mixExs(ctx: ExtractContext): void {
  for (const m of ctx.text.matchAll(/\{\s*:([a-z_][a-z0-9_]*)\s*,([^}]*)\}/g)) {
    const dev = /only:\s*\[?\s*:(dev|test)/.test(m[2]!);
    ctx.add('dependency', m.index! + m[0].indexOf(m[1]!), m[0], 'high', { ecosystem: 'hex', package: m[1]!, dev: dev || undefined });
  }
}

/**
 * CocoaPods: `pod 'Name'` lines, a subspec (`Firebase/Analytics`) kept whole. Pods of a test
 * target (`target 'ShopTests' do`) are development dependencies.
 */
export function podfile(ctx: ExtractContext): void {
  const testTargets: boolean[] = [];
  for (const [line, offset] of linesWithOffsets(ctx.text)) {
    const code = line.replace(/#.*$/, '');
    const target = /^\s*(?:target|abstract_target)\s+['"]([^'"]+)['"]\s+do\b/.exec(code);
    if (target) testTargets.push(/Tests?$/.test(target[1]!));
    // Every other block that an `end` closes (do … end, if … end) inherits the target's kind.
    else if (/\bdo\s*(\|[^|]*\|)?\s*$|^\s*(if|unless|case|begin|while|until|def)\b/.test(code)) testTargets.push(testTargets.at(-1) ?? false);
    else if (/^\s*end\b/.test(code) && testTargets.length) testTargets.pop();
    const m = /^\s*pod\s+['"]([^'"]+)['"]/.exec(code);
    if (m) ctx.add('dependency', offset + line.indexOf(m[1]!), line.trim(), 'high', { ecosystem: 'cocoapods', package: m[1]!, dev: testTargets.some(Boolean) || ctx.isTestFile || undefined });
  }
}

// Cordova and PhoneGap name an app's plugins in config.xml by their npm package:
// <plugin name="cordova-plugin-firebasex" spec="^16.0.0" />. (Comments are blanked first.)
const CORDOVA_PLUGIN = /<plugin\s+(?:[^<>]*?\s)?name\s*=\s*"([^"<>]{1,214})"/g;

/** Cordova's config.xml: each <plugin name> is an npm dependency of the app; any other config.xml names none. */
export function cordovaConfig(ctx: ExtractContext): void {
  if (!/<widget\b/.test(ctx.text)) return;
  const text = ctx.text.replace(/<!--[\s\S]*?(?:-->|$)/g, blank);
  for (const m of text.matchAll(CORDOVA_PLUGIN)) {
    ctx.add('dependency', m.index! + m[0].lastIndexOf(m[1]!), m[0], 'high', { ecosystem: 'npm', package: m[1]!, dev: ctx.isTestFile || undefined });
  }
}

/** Dart and Flutter: the keys of pubspec.yaml's dependency maps (dev_dependencies for development). */
export function pubspecYaml(ctx: ExtractContext): void {
  let section: 'run' | 'dev' | null = null;
  let childIndent = -1;
  for (const [line, offset] of linesWithOffsets(ctx.text)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const top = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (top) {
      section = top[1] === 'dependencies' ? 'run' : top[1] === 'dev_dependencies' ? 'dev' : null;
      childIndent = -1;
      continue;
    }
    if (!section) continue;
    const m = /^(\s+)([a-z0-9_]+)\s*:/.exec(line);
    if (!m) continue;
    if (childIndent < 0) childIndent = m[1]!.length;
    if (m[1]!.length !== childIndent) continue; // a nested key (sdk:, path:, git:)
    ctx.add('dependency', offset + m[1]!.length, line.trim(), 'high', { ecosystem: 'pub', package: m[2]!, dev: section === 'dev' || ctx.isTestFile || undefined });
  }
}

/**
 * Swift Package Manager: `.package(url: "https://github.com/owner/repo.git", …)` in Package.swift,
 * named by the repository (`github.com/firebase/firebase-ios-sdk`: lower case, no scheme, no .git).
 */
export function packageSwift(ctx: ExtractContext): void {
  swiftPackages(ctx, /\.package\s*\(\s*(?:name\s*:\s*"[^"]*"\s*,\s*)?url\s*:\s*"([^"]+)"/g);
}

/**
 * The Swift packages an app's Xcode project adds (most apps have no Package.swift): the project's
 * XCRemoteSwiftPackageReference entries (`repositoryURL = "…";` in project.pbxproj) and the
 * pins of Package.resolved (`"repositoryURL"` in version 1, `"location"` in versions 2 and 3).
 */
export function xcodeProject(ctx: ExtractContext): void {
  swiftPackages(ctx, /\brepositoryURL\s*=\s*"([^"]+)"/g);
}
export function packageResolved(ctx: ExtractContext): void {
  swiftPackages(ctx, /"(?:repositoryURL|location)"\s*:\s*"([^"]+)"/g);
}

/** Carthage's Cartfile and Cartfile.resolved: `github "Owner/Repo"`, `git "https://host/owner/repo.git"`. */
export function cartfile(ctx: ExtractContext): void {
  swiftPackages(ctx, /^[ \t]*(?:github|git)[ \t]+"([^"]+)"/gm, (m) => (/^\s*github/.test(m[0]) && !m[1]!.includes('://') ? `https://github.com/${m[1]}` : m[1]!));
}

/** A dependency for each repository the pattern's first group names (a URL, or what `url` makes one of). */
function swiftPackages(ctx: ExtractContext, pattern: RegExp, url = (m: RegExpMatchArray): string => m[1]!): void {
  for (const m of ctx.text.matchAll(pattern)) {
    const name = swiftPackageName(url(m));
    if (name) ctx.add('dependency', m.index! + m[0].indexOf(m[1]!), m[0], 'high', { ecosystem: 'swiftpm', package: name, dev: ctx.isTestFile || undefined });
  }
}

/** `https://github.com/Owner/Repo.git` and `git@github.com:Owner/Repo.git` → `github.com/owner/repo`. */
function swiftPackageName(url: string): string | null {
  const m = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?|[^@/]+@)([^/:]+)[/:](.+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m ? `${m[1]!.toLowerCase()}/${m[2]!.toLowerCase()}` : null;
}

// ---- lockfiles whose every package ships with the app ----------------------------------------
// An app's CocoaPods, Dart packages, Composer packages and Pipenv or Poetry environment hold
// what its manifest names and what those pull in, and all of it is linked into the app or
// installed beside it: a Flutter plugin's pod (GoogleMaps under google_maps_flutter_ios) runs
// in the app as much as the plugin does. So every runtime package of these lockfiles counts,
// each on its own line. (npm's, pnpm's and Bundler's lockfiles are read for direct dependencies
// only, and go.sum, Cargo.lock and mix.lock not at all: their graphs carry build tools and
// modules a resolver merely considered.)

/** Podfile.lock: the pods of its PODS section, one a line at the top level (`  - Name (1.2.3):`). */
export function podfileLock(ctx: ExtractContext): void {
  const start = ctx.text.search(/^PODS:\s*$/m);
  if (start < 0) return;
  const end = ctx.text.slice(start).search(/\n\S/);
  const body = end < 0 ? ctx.text.slice(start) : ctx.text.slice(start, start + end + 1);
  for (const m of body.matchAll(/^ {2}- "?([A-Za-z0-9_.+-]+(?:\/[A-Za-z0-9_.+-]+)?)/gm)) {
    ctx.add('dependency', start + m.index! + 4 + (m[0].includes('"') ? 1 : 0), m[0].trim().replace(/^- /, ''), 'high', { ecosystem: 'cocoapods', package: m[1]!, dev: ctx.isTestFile || undefined });
  }
}

/** pubspec.lock: every package but the app's own development ones (`dependency: "direct dev"`). */
export function pubspecLock(ctx: ExtractContext): void {
  const start = ctx.text.search(/^packages:\s*$/m);
  if (start < 0) return;
  let current: { name: string; at: number } | null = null;
  const flush = (dev: boolean): void => {
    if (current) ctx.add('dependency', current.at, `${current.name}:`, 'high', { ecosystem: 'pub', package: current.name, dev: dev || ctx.isTestFile || undefined });
    current = null;
  };
  for (const [line, offset] of linesWithOffsets(ctx.text.slice(start))) {
    if (/^\S/.test(line) && !line.startsWith('packages:')) break;
    const name = /^ {2}([a-z0-9_]+):\s*$/.exec(line);
    if (name) {
      flush(false);
      current = { name: name[1]!, at: start + offset + 2 };
      continue;
    }
    const kind = /^ {4}dependency:\s*"?([^"\n]*)"?\s*$/.exec(line);
    if (kind) flush(kind[1]!.trim() === 'direct dev');
  }
  flush(false);
}

/** composer.lock: the names of `packages` (runtime) and `packages-dev`. */
export function composerLock(ctx: ExtractContext): void {
  const data = parseJson(ctx);
  if (isObj(data)) emitSections(ctx, data, 'composer', [['packages', false], ['packages-dev', true]], entryNames, composerName);
}

/** Pipfile.lock: the packages of `default` (runtime) and `develop`. */
export function pipfileLock(ctx: ExtractContext): void {
  const data = parseJson(ctx);
  if (isObj(data)) emitSections(ctx, data, 'pypi', [['default', false], ['develop', true]], keysOf, normPy);
}

/**
 * poetry.lock and uv.lock: each `[[package]]`'s name. Poetry marks the packages only an unasked
 * extra needs `optional = true` (not installed) and, in older files, development ones
 * `category = "dev"`; uv lists its packages without either.
 */
export function pythonLock(ctx: ExtractContext): void {
  const text = ctx.text;
  const heads = [...text.matchAll(/^\[\[package\]\][ \t]*\r?$/gm)].map((m) => m.index!);
  heads.forEach((head, i) => {
    const body = text.slice(head, i + 1 < heads.length ? heads[i + 1] : text.length);
    const name = /^name[ \t]*=[ \t]*"([^"\n]+)"/m.exec(body);
    if (!name || /^optional[ \t]*=[ \t]*true\b/m.test(body)) return;
    const dev = /^category[ \t]*=[ \t]*"dev"/m.test(body);
    ctx.add('dependency', head + name.index + name[0].indexOf('"') + 1, name[0], 'high', { ecosystem: 'pypi', package: normPy(name[1]!), dev: dev || ctx.isTestFile || undefined });
  });
}
