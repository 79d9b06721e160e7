import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadCatalogue, formatProblem } from '../../src/catalogue/load.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { servicesOf } from '../helpers/extract.js';
import { exampleFor } from '../helpers/regex-example.js';
import type { ServiceEntry } from '../../src/catalogue/types.js';

const { entries, problems } = loadCatalogue(join(__dirname, '..', '..', 'rules'));

describe('the catalogue', () => {
  it('has no schema, id, conflict or regex problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('is the catalogue compiled into the build', () => {
    expect(defaultMatcher().entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  it('has at least 25 entries, including the services every team asks about first', () => {
    expect(entries.length).toBeGreaterThanOrEqual(25);
    for (const id of ['google-analytics', 'google-tag-manager', 'meta-pixel', 'hotjar', 'sentry', 'stripe', 'openai', 'intercom', 'hubspot', 'segment']) {
      expect(entries.map((e) => e.id)).toContain(id);
    }
  });

  it('every paperwork fact has a source that supports it', () => {
    for (const e of entries) {
      const supports = new Set(e.sources.flatMap((s) => s.supports));
      if (e.dpa.offered !== 'unknown') expect(supports.has('dpa') || !!e.dpa.url, `${e.id}: dpa fact without a source`).toBe(true);
      if (e.transfers.dpf === 'certified') expect(supports.has('dpf'), `${e.id}: DPF certification without a source`).toBe(true);
      // Only US organisations can join the DPF: "not certified" needs a source unless the vendor is not a US company.
      if (e.transfers.dpf === 'not-certified' && e.vendor.country === 'US') expect(supports.has('dpf'), `${e.id}: DPF status without a source`).toBe(true);
      if (e.transfers.sccs === true) expect(supports.has('sccs') || supports.has('dpa'), `${e.id}: SCCs without a source`).toBe(true);
      if (e.certifications.length) expect(supports.has('certifications'), `${e.id}: certifications without a source`).toBe(true);
    }
  });

  it('every alternative names an entry of the catalogue, and never the entry itself', () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const e of entries) for (const alt of e.alternatives) expect(ids.has(alt) && alt !== e.id, `${e.id} → ${alt}`).toBe(true);
  });
});

const MANIFEST: Record<string, (name: string) => [string, string]> = {
  npm: (n) => ['package.json', JSON.stringify({ dependencies: { [n]: '1.0.0' } })],
  pypi: (n) => ['requirements.txt', `${n}==1.0\n`],
  gem: (n) => ['Gemfile', `gem '${n}'\n`],
  go: (n) => ['go.mod', `module x\n\nrequire ${n} v1.0.0\n`],
  composer: (n) => ['composer.json', JSON.stringify({ require: { [n]: '^1' } })],
  maven: (n) => ['pom.xml', `<project><dependencies><dependency><groupId>${n.split(':')[0]}</groupId><artifactId>${n.split(':')[1]}</artifactId></dependency></dependencies></project>`],
  nuget: (n) => ['App.csproj', `<Project><ItemGroup><PackageReference Include="${n}" Version="1.0.0" /></ItemGroup></Project>`],
  cargo: (n) => ['Cargo.toml', `[dependencies]\n"${n}" = "1"\n`],
  hex: (n) => ['mix.exs', `defp deps do\n  [{:${n}, "~> 1.0"}]\nend\n`],
  cocoapods: (n) => ['Podfile', `target 'App' do\n  pod '${n}'\nend\n`],
  pub: (n) => ['pubspec.yaml', `name: app\ndependencies:\n  ${n}: ^1.0.0\n`],
  swiftpm: (n) => ['Package.swift', `let package = Package(dependencies: [.package(url: "https://${n}.git", from: "1.0.0")])\n`],
  upm: (n) => ['Packages/manifest.json', JSON.stringify({ dependencies: { [n]: '1.0.0' } })],
  docker: (n) => ['docker-compose.yml', `services:\n  agent:\n    image: ${n}:latest\n`],
  cpan: (n) => ['cpanfile', `requires '${n}';\n`],
};

function cases(e: ServiceEntry): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const d of e.detect.domains ?? []) {
    const clean = d.replace(/^\*\./, 'x.');
    const slash = clean.indexOf('/');
    // `.*`: the name under a country's suffix
    const host = (slash < 0 ? clean : clean.slice(0, slash)).replace(/\.\*$/, '.com.au');
    const path = slash < 0 ? '/' : clean.slice(slash).replace(/\*/g, 'x');
    out.push([`domain ${d}`, 'index.html', `<script src="https://${host}${path}"></script>`]);
  }
  for (const [eco, names] of Object.entries(e.detect.packages ?? {})) {
    for (const n of names ?? []) {
      const name = n.endsWith('/*') ? n.replace(/\*$/, 'some-sdk') : n.endsWith(':*') ? n.replace(/\*$/, 'some-sdk') : n;
      const [file, text] = MANIFEST[eco]!(name);
      out.push([`${eco} package ${n}`, file, text]);
    }
  }
  for (const s of e.detect.snippets ?? []) {
    const example = exampleFor(s);
    // A protocol-relative URL on its own would read as a // comment: put it in a string as a page would
    // (and so a connection string's scheme, `sendgrid+api://`, which a script would hold in a string).
    const code = example.startsWith('//') ? `load('https:${example}')` : example.includes('://') && !/['"`]/.test(example) ? `connect('${example}')` : example;
    out.push([`snippet ${s}`, 'index.html', `<script>\n${code}\n</script>`]);
  }
  return out;
}

describe.each(entries.map((e) => [e.id, e] as const))('%s detection', (id, entry) => {
  const table = cases(entry);
  it('has detection data', () => expect(table.length).toBeGreaterThan(0));
  it.each(table)('%s is attributed to this entry and no other', (_what, file, text) => {
    expect(servicesOf(file, text)).toEqual([id]);
  });
});
