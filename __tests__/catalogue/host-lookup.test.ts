// Host lookups are cached per host, except where a path-narrowed rule makes the path decide.
// Asked in any order and any number of times, the answers must be those of a fresh matcher.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Matcher } from '../../src/catalogue/matcher.js';
import { CATALOGUE } from '../../src/catalogue/catalogue.generated.js';
import type { ServiceEntry } from '../../src/catalogue/types.js';

const entry = (id: string, domains: string[]): ServiceEntry => ({ ...CATALOGUE[0]!, id, detect: { domains } });
const ENTRIES = [
  entry('cloud', ['googleapis.com']),
  entry('drive', ['www.googleapis.com/drive', 'www.googleapis.com/upload/drive']),
  entry('pay', ['api.pay.test-vendor.io', '*.pay.test-vendor.io']),
  entry('atlas', ['maps.atlas-vendor.*', 'atlas-vendor.*/maps']),
];

const HOSTS = [
  'www.googleapis.com', 'storage.googleapis.com', 'googleapis.com', 'api.pay.test-vendor.io', 'eu.pay.test-vendor.io', 'pay.test-vendor.io', 'test-vendor.io', 'unknown.example.org', 'WWW.GoogleAPIs.com',
  'maps.atlas-vendor.de', 'www.atlas-vendor.co.uk', 'atlas-vendor.com.au', 'atlas-vendor.github.io',
];
const PATHS = ['/', '/drive/v3/files', '/upload/drive/v3', '/storage/v1/b', '/drivex', '/maps/embed'];
const shared = new Matcher(ENTRIES);

describe('host lookups', () => {
  it('give what a fresh matcher gives, whatever was asked before (property)', () => {
    const cached = new Matcher(ENTRIES);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS)), { minLength: 1, maxLength: 20 }), (asks) => {
        for (const [host, path] of asks) expect(cached.matchHost(host, path)).toBe(new Matcher(ENTRIES).matchHost(host, path));
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it.each([
    ['www.googleapis.com', '/drive/v3/files', 'drive'],
    ['www.googleapis.com', '/storage/v1/b', 'cloud'],
    ['www.googleapis.com', '/drive/v3/files', 'drive'],
    ['eu.pay.test-vendor.io', '/', 'pay'],
    ['eu.pay.test-vendor.io', '/anything', 'pay'],
    ['unknown.example.org', '/', undefined],
    ['unknown.example.org', '/', undefined],
    // `.*`: the name under any public suffix, with its subdomains and path rules.
    ['maps.atlas-vendor.de', '/', 'atlas'],
    ['tiles.maps.atlas-vendor.com.au', '/x', 'atlas'],
    ['www.atlas-vendor.co.uk', '/maps/embed', 'atlas'],
    ['www.atlas-vendor.co.uk', '/search', undefined],
    ['www.atlas-vendor.co.uk', '/maps/embed', 'atlas'],
    // a private suffix (github.io) is no company's country domain
    ['atlas-vendor.github.io', '/maps', undefined],
    ['maps.atlas-vendor-x.de', '/', undefined],
    ['maps.atlas-vendor.evil.com', '/', undefined],
  ])('%s%s → %s, asked in a row on one matcher', (host, path, id) => {
    expect(shared.matchHost(host, path)).toBe(id);
  });
});

describe('Google hosts shared by several services: the path decides', () => {
  const catalogue = new Matcher(CATALOGUE);
  it.each([
    // The Firebase JavaScript SDK from Google's CDN: the library names the product.
    ['www.gstatic.com', '/firebasejs/12.7.0/firebase-app.js', 'firebase'],
    ['www.gstatic.com', '/firebasejs/12.7.0/firebase-auth.js', 'firebase-auth'],
    ['www.gstatic.com', '/firebasejs/12.7.0/firebase-analytics.js', 'google-analytics'],
    ['www.gstatic.com', '/firebasejs/12.7.0/firebase-analytics-compat.js', 'google-analytics'],
    // The issuer of Firebase ID tokens, and its discovery document.
    ['securetoken.google.com', '/my-project', 'firebase-auth'],
    ['www.gstatic.com', '/recaptcha/releases/x/recaptcha__en.js', 'recaptcha'],
    ['www.gstatic.com', '/images/branding/logo.png', undefined],
    // Google's country domains
    ['maps.google.com.au', '/maps', 'google-maps'],
    ['www.google.de', '/maps/embed', 'google-maps'],
    ['www.google.co.uk', '/search', undefined],
  ])('%s%s → %s', (host, path, id) => {
    expect(catalogue.matchHost(host, path)).toBe(id);
  });
});
