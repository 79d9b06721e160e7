// JavaScript files are read in full only when the raw text may hold something a report keeps.
// The gate must change nothing but speed: what a gated read keeps is what a full read keeps.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { ExtractContext } from '../../src/scan/context.js';
import { extractCode, mayUseService } from '../../src/scan/extractors/code.js';
import { extractFile, keptEvidence } from '../../src/pipeline.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import type { Evidence } from '../../src/model.js';

const matcher = defaultMatcher();
/** What scanFile keeps of a file's evidence: hosts that may be data flows, and what a catalogue entry claims. */
const kept = (evidence: Evidence[]): Evidence[] => keptEvidence(evidence, matcher);
const gated = (text: string): Evidence[] => kept(extractFile('src/app.ts', text, matcher).evidence);
const full = (text: string): Evidence[] => {
  const ctx = new ExtractContext('src/app.ts', text, matcher, false);
  extractCode(ctx, 'js');
  return kept(ctx.evidence);
};
const passes = (text: string): boolean => mayUseService(new ExtractContext('src/app.ts', text, matcher, false));

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
    'https:', 'stripe.com', 'ns', '#', '{', ')', '<%= x %>', '\\', '?q=1', 'js.stripe.com/v3',
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

  it('keeps what a full read keeps, for every JavaScript and TypeScript fixture and source file', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (['.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx'].includes(extname(p))) files.push(p);
      }
    };
    walk(join(__dirname, '..', 'fixtures'));
    walk(join(__dirname, '..', '..', 'src'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(gated(text), f).toEqual(full(text));
    }
  });
});
