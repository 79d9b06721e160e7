// Source files are read in full only when the raw text may hold something a report keeps.
// The gate must change nothing but speed: what a gated read keeps is what a full read keeps.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { ExtractContext } from '../../src/scan/context.js';
import { extractCode, mayUseService, GATED_LANGUAGES, envTokens, ENV_TOKEN, type GatedLanguage } from '../../src/scan/extractors/code.js';
import { extractFile, keptEvidence } from '../../src/pipeline.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import type { Evidence } from '../../src/model.js';

const matcher = defaultMatcher();
/** What scanFile keeps of a file's evidence: hosts that may be data flows, and what a catalogue entry claims. */
const kept = (evidence: Evidence[]): Evidence[] => keptEvidence(evidence, matcher);
/** A file of each gated language, read through its route. */
const FILE: Record<GatedLanguage, string> = {
  js: 'src/app.ts', python: 'app/views.py', ruby: 'app/models/user.rb', go: 'cmd/server/main.go', java: 'src/main/java/App.java',
  kotlin: 'app/src/main/kotlin/App.kt', swift: 'Sources/App/App.swift', dart: 'lib/main.dart', objc: 'ios/App/AppDelegate.m', csharp: 'src/App/Program.cs', rust: 'src/main.rs', elixir: 'lib/app/client.ex',
  json: 'config/appsettings.json', config: 'config/settings.yml', toml: 'config/app.toml',
};
const gated = (text: string, language: GatedLanguage = 'js'): Evidence[] => kept(extractFile(FILE[language], text, matcher).evidence);
const full = (text: string, language: GatedLanguage = 'js'): Evidence[] => {
  const ctx = new ExtractContext(FILE[language], text, matcher, false);
  extractCode(ctx, language);
  return kept(ctx.evidence);
};
const passes = (text: string, language: GatedLanguage = 'js'): boolean => mayUseService(new ExtractContext(FILE[language], text, matcher, false), language);

describe('environment names', () => {
  // envTokens() finds by words what ENV_TOKEN finds by trying every offset.
  const reference = (text: string): [number, string][] => Array.from(text.matchAll(ENV_TOKEN), (m) => [m.index!, m[0]]);
  it.each(['', 'STRIPE_SECRET_KEY', 'os.environ["SENTRY_DSN"]', 'self._private_name', 'A_B', 'A_', '_A', 'A__B', 'AB_c', 'x.MAX_RETRIES+1', 'ÉSENTRY_DSN', 'SENTRY_DSNé', 'a_B_C D_E_', 'my_FOO_BAR', 'FOO_bar_BAZ', 'FOO_BAR_baz QUX_1'])('%j', (text) => {
    expect(envTokens(text)).toEqual(reference(text));
  });
  it('finds what the pattern finds (property)', () => {
    const text = fc.array(fc.constantFrom('A', 'Z', 'a', 'z', '0', '9', '_', ' ', '.', '\n', '-', 'é', '$', 'SENTRY', '_DSN'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(envTokens(t)).toEqual(reference(t));
    }), { numRuns: 5000, seed: 3 });
  });
});

describe('keptEvidence', () => {
  const url = (host: string, urlPath = '/'): Evidence => ({ kind: 'code-url', path: 'src/app.ts', line: 1, column: 1, match: `https://${host}${urlPath}`, confidence: 'medium', host, urlPath });
  it.each([
    ['www.w3.org', '/2000/svg', false],
    ['json-schema.org', '/draft/2020-12/schema', false],
    ['github.com', '/owner/repo', false],
    ['github.com', '/login/oauth/access_token', true],
    ['api.github.com', '/repos', true],
    ['www.figma.com', '/figma/ns', false],
    ['www.figma.com', '/api/v1', true],
    ['test.json', '/', false],
    ['api.vendor-unknown.io', '/v1', true],
    ['js.stripe.com', '/v3', true],
    // A placeholder domain of a help text is dropped, unless a catalogue entry owns it (Branch's test links).
    ['example-endpoint.com', '/', false],
    ['test-app.link', '/abc', true],
  ])('%s%s is kept: %s', (host, urlPath, expected) => {
    expect(kept([url(host, urlPath)]).length).toBe(expected ? 1 : 0);
  });
});

describe('the JavaScript gate', () => {
  it.each([
    ["import { useState } from 'react';\nexport const add = (a, b) => a + b; // see docs\n", false],
    ['const MAX_RETRIES = 3;\nfunction retry(fn) { for (let i = 0; i < MAX_RETRIES; i++) fn(); }\n', false],
    ["fetch('https://api.vendor-unknown.io/v1')", true],
    ["const cdn = '//cdn.vendor-unknown.io/a.js'", true],
    // findUrls() takes `//` after a comma or a bracket too
    ["const cdns = 'a.js,//cdn.vendor-unknown.io/a.js'", true],
    ["const cdns = '[//cdn.vendor-unknown.io/a.js]'", true],
    ["import Stripe from 'stripe';", true],
    ["const Sentry = require('@sentry/node');", true],
    ['const key = process.env.STRIPE_SECRET_KEY;', true],
    ["const host = 'api.openai.com';", true],
    ["gtag('config', 'G-XXXX');", true],
    // URLs only in comments: nothing to report
    ['/**\n * @license MIT https://opensource.org/licenses/MIT\n */\nexport const add = (a, b) => a + b;\n', false],
    ["// see https://example.com/docs\nconst x = require('./x');\n", false],
    ["/* https://a.io */ const u = '//cdn.vendor-unknown.io/a.js';", true],
    ["const s = '/* https://x.io';\n// https://y.io\n", true],
    ['const t = `\n// https://api.vendor-unknown.io/v1\n`;\n', true],
    ["const r = /\\/\\//; // https://x.io\n", false],
    ["const x = require('./identify');\n", false],
    // URLs that are never data flows: namespaces, schema ids, repository links, no host at all
    ["const NS = 'http://www.w3.org/2000/svg';\nel.setAttributeNS(NS, 'x', '1');\n", false],
    ['const schema = { $schema: "https://json-schema.org/draft/2020-12/schema" };', false],
    ["throw new Error('see https://github.com/owner/repo/issues/1');", false],
    ["const u = location.protocol + '//' + location.host;", false],
    ["const u = 'https://' + host + '/v1';", false],
    // …but not a repository host's API, a namespace host with a placeholder after it, or a user part
    // a snippet's words alone are no snippet (`cloud: { id:` of Elastic Cloud), but a comment between its parts reads as space
    ["const cloud = { id: 1 };", false],
    ["new Client({ cloud: /* hosted */ { id: process.env.ID } });", true],
    ["fetch('https://github.com/login/oauth/access_token')", true],
    ['fetch(`https://github.com/api${path}`)', true],
    ['fetch(`https://www.w3.org.${tld}/x`)', true],
    ["fetch('https://www.w3.org@api.vendor-unknown.io/')", true],
    ["const NS = 'http://www.w3.org/2000/svg'; fetch('https://api.vendor-unknown.io/v1');", true],
  ])('%s → read in full: %s', (text, expected) => {
    expect(passes(text)).toBe(expected);
  });

  // Pieces that make or unmake evidence: URLs, vendor imports, variables, bare hosts, snippets, comments.
  const PIECES = [
    'fetch(', ')', ';', '\n', ' ', '//', '/*', '*/', "'", '"', '`', 'https://api.stripe.com/v1', '://', '//cdn.vendor-unknown.io/x.js',
    "import x from 'stripe'", "require('posthog-js')", "import('react')", "from 'lodash'", 'process.env.', 'STRIPE_SECRET_KEY', 'MAX_RETRIES',
    '/** @see https://docs.vendor-unknown.io */', '// https://x.io/a\n', ' * ', 'require(', "ire('identify'", '/', 'x = ',
    'SENTRY_DSN', "'api.openai.com'", '"js.stripe.com"', "'example.com'", "gtag('config'", "fbq('init'", 'posthog.init(', 'window.', '${', '}',
    'http://www.w3.org/2000/svg', 'https://github.com/', 'api', 'login/oauth', 'owner/repo', 'json-schema.org', 'www.w3.org', '.', '@', ':8080',
    'https:', 'stripe.com', 'ns', '#', '{', ')', '<%= x %>', '\\', '?q=1', 'js.stripe.com/v3', 'cloud: ', '{ id: ', ',', '[',
  ];

  it('keeps what a full read keeps, for texts built from those pieces (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(gated(text)).toEqual(full(text));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

});

describe('the gate of the other languages', () => {
  it.each<[GatedLanguage, string, boolean]>([
    ['python', 'import os\nimport json\n\ndef load(path):\n    return json.load(open(path))\n', false],
    ['python', 'import stripe\n', true],
    ['python', 'import os, stripe as s\n', true],
    ['python', 'from sentry_sdk import init\n', true],
    ['python', '# Docs: https://docs.vendor-unknown.io/api\nimport os\n', false],
    ['python', '"""Client for https://api.vendor-unknown.io (see its docs)."""\nimport os\n', false],
    ['python', 'requests.get("https://api.vendor-unknown.io/v1")\n', true],
    ['python', 'key = os.environ["STRIPE_SECRET_KEY"]\n', true],
    ['python', 'HOST = "api.openai.com"\n', true],
    // the literals of the `cloud: { id:` snippet, in a Python dict that is not it
    ['python', 'config = {"cloud": {"id": 1}}\n', false],
    ['ruby', "require 'json'\nputs JSON.generate({})\n", false],
    ['ruby', "require 'stripe'\n", true],
    ['ruby', 'host = %q(api.openai.com)\n', true],
    ['go', 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n', false],
    ['go', 'package main\n\nimport (\n\t"fmt"\n\tsentry "github.com/getsentry/sentry-go"\n)\n', true],
    ['go', 'package main\n\nvar endpoint = `api.openai.com`\n', true],
    ['java', 'import java.util.List;\n\nclass App {}\n', false],
    ['java', 'import com.stripe.Stripe;\n', true],
    ['java', '/* billing */ import com.stripe.Stripe;\n', true],
    ['java', 'import /* billing */ com.stripe.Stripe;\n', true],
    ['kotlin', 'import kotlin.math.max\n\nfun main() = println(max(1, 2))\n', false],
    ['kotlin', 'import io.sentry.Sentry\n', true],
    ['csharp', 'using System;\nusing System.Linq;\n', false],
    ['csharp', 'using Stripe;\n', true],
    ['rust', 'use std::io;\n\nfn main() {}\n', false],
    ['rust', 'use sentry::ClientOptions;\n', true],
    ['elixir', 'defmodule App.Client do\n  alias App.Repo\nend\n', false],
    ['elixir', 'defmodule App.Client do\n  alias Sentry.Event\nend\n', true],
    ['elixir', 'defmodule App.Client do\n  @host ~s(api.openai.com)\nend\n', true],
    ['swift', 'import Foundation\n\nlet x = 1\n', false],
    ['swift', 'let url = URL(string: "https://api.vendor-unknown.io/v1")\n', true],
    // JSON: keys that start like a vendor variable (NEXT_, AUTH…) but spell none are no evidence
    ['json', '{"next": {"auth": {"public": true}}, "customer": {"streamId": 1}}', false],
    ['json', '{"Sentry": {"Dsn": "https://key@o1.ingest.sentry.io/1"}}', true],
    ['json', '{"Sentry": {"Dsn": ""}}', true],
    ['json', '{"sentry.dsn": ""}', true],
    ['json', '{"app.sentry": {"dsn": ""}}', true],
    ['json', '{"mailgun": {"config": {"apiKey": "x"}}}', true],
    // pieces of a name in unrelated keys: the gate cannot tell, so the file is read
    ['json', '{"apiKey": "x", "mailgun": {}}', true],
    ['json', '{"compilerOptions": {"strict": true}} // https://aka.ms/tsconfig', false],
    ['json', '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}', false],
    ['json', '{"endpoint": "api.openai.com"}', true],
    ['json', '{"env": ["STRIPE_SECRET_KEY"]}', true],
    // YAML, TOML, INI: keys on lines and [sections], unquoted values
    ['config', 'name: build\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n', false],
    ['config', 'next:\n  auth:\n    public: true\n', false],
    ['config', 'sentry:\n  dsn: ${SENTRY_DSN_VALUE}\n', true],
    ['config', 'spring.mail.host: smtp.sendgrid.net # outgoing mail\n', true],
    ['config', '- smtp.sendgrid.net\n', true],
    ['config', 'url: https://api.vendor-unknown.io/v1\n', true],
    ['config', '# https://docs.vendor-unknown.io/config\nretries: 3\n', false],
    ['config', 'mirrors: [//cdn.vendor-unknown.io/a]\n', true],
    ['toml', '[tool.black]\nline-length = 100\n', false],
    ['toml', '[sentry]\ndsn = ""\n', true],
    ['toml', '[app.sentry] # errors\ndsn = ""\n', true],
  ])('%s: %j → read in full: %s', (language, text, expected) => {
    expect(passes(text, language)).toBe(expected);
  });

  // Pieces of every language: strings, imports, comments and docstrings of each, variables, hosts, snippets.
  const PIECES: Record<Exclude<GatedLanguage, 'js'>, string[]> = {
    config: ['sentry', 'Sentry', 'dsn', 'mailgun', 'apiKey', 'api_key', 'config', 'next', 'spring.mail.host', ':', ': ', '=', ' = ', '- ', '  ', '\n', '#', ' # x', '"', "'", '[', ']', '[sentry]', 'export ', 'smtp.sendgrid.net', 'api.openai.com', 'https://api.vendor-unknown.io/v1', '//cdn.vendor-unknown.io', 'SENTRY_DSN', 'x', '|', '>', '{', '}', ','],
    toml: ['[', ']', '[[', ']]', 'sentry', 'app.sentry', 'tool', 'dsn', 'api_key', ' = ', '=', '\n', '#', '"', '"""', "'", 'api.openai.com', 'https://api.vendor-unknown.io/v1', 'SENTRY_DSN', 'x', '.', ' '],
    json: ['{', '}', '[', ']', ':', ',', ' ', '\n', '"', '"sentry"', '"Sentry"', '"dsn"', '"Dsn"', '"sentry.dsn"', '"mailgun"', '"apiKey"', '"api_key"', '"config"', '"next"', '"public"', '""', '"x"', '1', 'true', '//', '/*', '*/', '\\', '\\"', '"https://api.vendor-unknown.io/v1"', '"api.openai.com"', '"STRIPE_SECRET_KEY"', '"cloud"', '"id"'],
    python: ['import ', 'from ', ' import ', 'stripe', 'os', 'sentry_sdk', ', ', ' as s', '#', '"""', "'", '"', '\n', ';', ' ', 'f"', '{', '}', 'cloud', ': ', 'id', '{"cloud": {"id": ', 'https://api.vendor-unknown.io/v1', '//', 'STRIPE_SECRET_KEY', '"api.openai.com"', 'api.openai.com', 'x = ', '(', ')', '\\'],
    ruby: ['require ', 'gem ', "'stripe'", '"json"', '#', '=begin\n', '=end\n', '%q(', '%w[', ')', ']', 'api.openai.com', "'", '"', '#{', '}', '\n', ' ', '<<~EOS\n', 'EOS\n', 'https://api.vendor-unknown.io', 'SENTRY_DSN', 'x = '],
    go: ['import ', '(', ')', '"fmt"', '"github.com/getsentry/sentry-go"', 'sentry ', '`', '"', '//', '/*', '*/', '\n', '\t', ' ', 'api.openai.com', 'https://api.vendor-unknown.io', 'os.Getenv(', '"STRIPE_SECRET_KEY"', 'var x = '],
    java: ['import ', 'static ', 'com.stripe.Stripe', 'java.util.List', ';', '/*', '*/', '//', '\n', ' ', '"', '"""', 'api.openai.com', 'https://api.vendor-unknown.io', 'System.getenv(', '"SENTRY_DSN"', 'String x = '],
    kotlin: ['import ', 'io.sentry.Sentry', 'kotlin.math.max', '/*', '*/', '//', '\n', ' ', '"', '"""', '${', '}', 'api.openai.com', 'https://api.vendor-unknown.io', 'val x = '],
    swift: ['import ', '@testable ', 'struct ', 'Foundation', 'Sentry', 'Firebase', 'AppsFlyerLib', 'Analytics', '/*', '*/', '//', '\n', ' ', '"', '#"', '"#', '\\(', ')', 'api.openai.com', 'https://api.vendor-unknown.io', 'let x = '],
    objc: ['#import ', '@import ', '<', '>', '"', 'Branch/Branch.h', 'Firebase', 'UIKit/UIKit.h', 'AppDelegate.h', ';', '@"', '/*', '*/', '//', '\n', ' ', '[', ']', 'api.openai.com', 'https://api.vendor-unknown.io', 'NSString *x = '],
    dart: ['import ', 'export ', "'package:firebase_core/firebase_core.dart'", "'package:flutter/material.dart'", "'package:", 'onesignal_flutter/', "'", '"', "'''", '/*', '*/', '//', '\n', ' ', ';', '${', '}', 'api.openai.com', 'https://api.vendor-unknown.io', 'final x = '],
    csharp: ['using ', 'global ', 'static ', 'Stripe', 'System', ' = ', ';', '/*', '*/', '//', '\n', ' ', '"', '@"', '$"', '{', '}', 'api.openai.com', 'https://api.vendor-unknown.io', '"STRIPE_SECRET_KEY"', 'var x = '],
    rust: ['use ', 'pub ', 'extern crate ', 'sentry', 'std', '::', ';', '/*', '*/', '//', '\n', ' ', '"', 'r#"', '"#', "'a'", 'api.openai.com', 'https://api.vendor-unknown.io', 'env::var(', '"SENTRY_DSN"', 'let x = '],
    elixir: ['alias ', 'import ', 'use ', 'Sentry.Event', 'App.Repo', '#', '@doc """\n', '"""\n', '~s(', ')', '"', '#{', '}', '\n', ' ', 'api.openai.com', 'https://api.vendor-unknown.io', 'System.get_env(', '"SENTRY_DSN"', 'x = '],
  };

  for (const [language, pieces] of Object.entries(PIECES) as [Exclude<GatedLanguage, 'js'>, string[]][]) {
    it(`${language}: keeps what a full read keeps, for texts built from its pieces (property)`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          expect(gated(text, language)).toEqual(full(text, language));
        }),
        { numRuns: 1500, seed: 7 },
      );
    });
  }

  it('covers every gated language', () => {
    expect(Object.keys(PIECES).sort()).toEqual(GATED_LANGUAGES.filter((l) => l !== 'js').sort());
  });
});

describe('every fixture and source file', () => {
  const LANGUAGE_OF: Record<string, GatedLanguage> = {
    '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.ts': 'js', '.tsx': 'js', '.jsx': 'js', '.py': 'python', '.rb': 'ruby', '.go': 'go', '.java': 'java',
    '.kt': 'kotlin', '.swift': 'swift', '.cs': 'csharp', '.rs': 'rust', '.ex': 'elixir', '.exs': 'elixir', '.json': 'json',
    '.yml': 'config', '.yaml': 'config', '.ini': 'config', '.properties': 'config', '.toml': 'toml',
  };
  it('keeps what a full read keeps', () => {
    const files: [string, GatedLanguage][] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (LANGUAGE_OF[extname(p)]) files.push([p, LANGUAGE_OF[extname(p)]!]);
      }
    };
    walk(join(__dirname, '..', 'fixtures'));
    walk(join(__dirname, '..', '..', 'src'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter(([, l]) => l !== 'js').length).toBeGreaterThan(10);
    for (const [f, language] of files) {
      const text = readFileSync(f, 'utf8');
      expect(gated(text, language), f).toEqual(full(text, language));
    }
  });
});
