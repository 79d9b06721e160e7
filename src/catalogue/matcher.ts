// The compiled catalogue: indices built once so that matching costs the same with 200 or
// 2,000 entries. Hosts are looked up by walking a host's suffixes, packages and imports
// by name and name prefixes, snippets through one combined regular expression.
import type { ServiceEntry } from './types.js';
import type { Detectors } from '../scan/context.js';

interface HostRule {
  id: string;
  /** null: the whole host; else a path pattern. */
  path: RegExp | null;
  pathLength: number;
}

const IMPORT_SEPARATORS: Record<string, string> = { python: '.', java: '.', csharp: '.', elixir: '.', php: '\\', ruby: '/', rust: '::', go: '/', npm: '/' };

function pathPattern(path: string): RegExp {
  const body = path
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${body}`, 'i');
}

export const normalisePypi = (n: string): string => n.toLowerCase().replace(/[._]+/g, '-');

export class Matcher implements Detectors {
  readonly byId = new Map<string, ServiceEntry>();
  private readonly hosts = new Map<string, HostRule[]>();
  private readonly regions = new Map<string, string>();
  private readonly packages = new Map<string, string>();
  private readonly packagePrefixes = new Map<string, string>();
  private readonly imports = new Map<string, string>();
  private readonly env = new Map<string, string>();
  private readonly envPrefixes = new Map<string, string>();
  private readonly terraform = new Map<string, string>();
  private readonly snippetRe: RegExp | null;
  private readonly snippetOwners: string[] = [];

  constructor(readonly entries: ServiceEntry[]) {
    const snippetSources: string[] = [];
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const d of e.detect.domains ?? []) {
        const clean = d.replace(/^\*\./, '').toLowerCase();
        const slash = clean.indexOf('/');
        const host = slash < 0 ? clean : clean.slice(0, slash);
        const path = slash < 0 ? null : clean.slice(slash);
        const rules = this.hosts.get(host) ?? [];
        rules.push({ id: e.id, path: path ? pathPattern(path) : null, pathLength: path?.length ?? 0 });
        rules.sort((a, b) => b.pathLength - a.pathLength);
        this.hosts.set(host, rules);
      }
      for (const r of e.detect.regions ?? []) this.regions.set(r.host.replace(/^\*\./, '').toLowerCase(), r.region);
      for (const [eco, names] of Object.entries(e.detect.packages ?? {})) {
        for (const raw of names ?? []) {
          const name = eco === 'pypi' ? normalisePypi(raw) : eco === 'composer' ? raw.toLowerCase() : raw;
          if (name.endsWith('/*') || name.endsWith(':*')) this.packagePrefixes.set(`${eco}:${name.slice(0, -1)}`, e.id);
          else this.packages.set(`${eco}:${name}`, e.id);
          // Imports that equal the package name: npm, go module paths, crates (with - → _), gems.
          if (eco === 'npm') this.imports.set(`npm:${name.replace(/\/\*$/, '')}`, e.id);
          if (eco === 'go') this.imports.set(`go:${name}`, e.id);
          if (eco === 'cargo') this.imports.set(`rust:${name.replace(/-/g, '_')}`, e.id);
          if (eco === 'gem') this.imports.set(`ruby:${name}`, e.id);
          if (eco === 'pypi' && !/[-.]/.test(raw)) this.imports.set(`python:${raw.toLowerCase()}`, e.id);
        }
      }
      for (const [lang, names] of Object.entries(e.detect.imports ?? {})) {
        for (const n of names ?? []) this.imports.set(`${lang}:${n.replace(/\\+$/, '')}`, e.id);
      }
      for (const v of e.detect.env ?? []) {
        if (v.endsWith('_')) this.envPrefixes.set(v, e.id);
        else this.env.set(v, e.id);
      }
      for (const t of e.detect.terraform ?? []) this.terraform.set(t, e.id);
      for (const s of e.detect.snippets ?? []) {
        snippetSources.push(`(?<s${this.snippetOwners.length}>${s})`);
        this.snippetOwners.push(e.id);
      }
    }
    this.snippetRe = snippetSources.length ? new RegExp(snippetSources.join('|'), 'g') : null;
  }

  /** The entry owning a host (longest matching suffix; path-narrowed rules first). */
  matchHost(host: string, path = '/'): string | undefined {
    let h = host.toLowerCase();
    for (;;) {
      const rules = this.hosts.get(h);
      if (rules) {
        for (const r of rules) if (!r.path || r.path.test(path)) return r.id;
      }
      const dot = h.indexOf('.');
      if (dot < 0) return undefined;
      h = h.slice(dot + 1);
    }
  }

  regionFor(host: string): string | undefined {
    let h = host.toLowerCase();
    for (;;) {
      const r = this.regions.get(h);
      if (r) return r;
      const dot = h.indexOf('.');
      if (dot < 0) return undefined;
      h = h.slice(dot + 1);
    }
  }

  matchPackage(ecosystem: string, name: string): string | undefined {
    const n = ecosystem === 'pypi' ? normalisePypi(name) : ecosystem === 'composer' ? name.toLowerCase() : name;
    const exact = this.packages.get(`${ecosystem}:${n}`);
    if (exact) return exact;
    if (ecosystem === 'npm' && n.startsWith('@')) return this.packagePrefixes.get(`npm:${n.slice(0, n.indexOf('/') + 1)}`);
    if (ecosystem === 'maven') return this.packagePrefixes.get(`maven:${n.slice(0, n.indexOf(':') + 1)}`);
    if (ecosystem === 'go') return this.matchImport('go', n);
    return undefined;
  }

  /** Import paths match on whole segments: com.stripe matches com.stripe.model but not com.stripes. */
  matchImport(language: string, module: string): string | undefined {
    const sep = IMPORT_SEPARATORS[language] ?? '.';
    let m = language === 'php' ? module.replace(/^\\/, '') : module;
    if (language === 'npm') return this.matchPackage('npm', m) ?? this.imports.get(`npm:${m}`);
    if (language === 'python') m = m.toLowerCase();
    for (;;) {
      const id = this.imports.get(`${language}:${m}`);
      if (id) return id;
      const cut = m.lastIndexOf(sep);
      if (cut <= 0) break;
      m = m.slice(0, cut);
    }
    if (language === 'go') {
      // github.com/stripe/stripe-go/v76 → github.com/stripe/stripe-go
      const noMajor = module.replace(/\/v\d+(?=\/|$)/, '');
      if (noMajor !== module) return this.matchImport('go', noMajor);
    }
    return undefined;
  }

  snippets(code: string): [number, string, string][] {
    if (!this.snippetRe) return [];
    const out: [number, string, string][] = [];
    this.snippetRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.snippetRe.exec(code)) !== null) {
      if (m[0].length === 0) {
        this.snippetRe.lastIndex++;
        continue;
      }
      for (const [k, v] of Object.entries(m.groups ?? {})) {
        if (v !== undefined && k.startsWith('s')) {
          out.push([m.index, m[0], this.snippetOwners[Number(k.slice(1))]!]);
          break;
        }
      }
    }
    return out;
  }

  knownHost(host: string): boolean {
    return this.matchHost(host) !== undefined;
  }

  envName(name: string): string | undefined {
    const exact = this.env.get(name);
    if (exact) return exact;
    // Prefixes end at an underscore, so try each underscore-delimited head of the name.
    for (let i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
      const id = this.envPrefixes.get(name.slice(0, i + 1));
      if (id) return id;
    }
    return undefined;
  }

  terraformProvider(name: string): string | undefined {
    return this.terraform.get(name);
  }
}
