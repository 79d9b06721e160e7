// An app's reverse-DNS identifier (Android's applicationId, an iOS bundle identifier, Tauri's
// `identifier`, electron-builder's and Capacitor's `appId`) is written from its maker's domain:
// `net.pandadev.qopy` is pandadev.net's. Attribution takes that domain as first party (ownSites),
// like a site address, so the app's own API and update server are not unclassified third
// parties. The guards of ownSites apply: a domain a catalogue entry claims (com.google.*,
// com.facebook.*) or a code host's is never taken.
import type { ExtractContext } from './context.js';
import { bareHost, hostNeverAFlow, placeholderDomain } from './urls.js';

/** The files that name the app's identifier, and where. Each pattern's first group is the identifier. */
const IDENTIFIER_BY_NAME = new Map<string, RegExp>([
  ['tauri.conf.json', /"identifier"\s*:\s*"([^"\n]*)"/],
  ['tauri.conf.json5', /["']?identifier["']?\s*:\s*["']([^"'\n]*)["']/],
  ['Tauri.toml', /^identifier\s*=\s*["']([^"'\n]*)["']/m],
  ['package.json', /"appId"\s*:\s*"([^"\n]*)"/],
  ['electron-builder.json', /"appId"\s*:\s*"([^"\n]*)"/],
  ['electron-builder.yml', /^appId\s*:\s*["']?([^"'\s#]+)/m],
  ['electron-builder.yaml', /^appId\s*:\s*["']?([^"'\s#]+)/m],
  ['capacitor.config.json', /"appId"\s*:\s*"([^"\n]*)"/],
  ['capacitor.config.ts', /\bappId\s*:\s*["']([^"'\n]*)["']/],
  // Expo: ios.bundleIdentifier and android.package.
  ['app.json', /"(?:bundleIdentifier|package)"\s*:\s*"([^"\n]*)"/],
  ['app.config.js', /\b(?:bundleIdentifier|package)\s*:\s*["']([^"'\n]*)["']/],
  ['app.config.ts', /\b(?:bundleIdentifier|package)\s*:\s*["']([^"'\n]*)["']/],
  ['build.gradle', /\bapplicationId\s*=?\s*["']([^"'\n]*)["']/],
  ['build.gradle.kts', /\bapplicationId\s*=\s*["']([^"'\n]*)["']/],
  // Bounded: a tag left open must not be read to the end of the file from each `<manifest`.
  ['AndroidManifest.xml', /<manifest\b[^>]{0,2000}?\spackage\s*=\s*"([^"]*)"/],
  ['project.pbxproj', /\bPRODUCT_BUNDLE_IDENTIFIER\s*=\s*"?([\w.-]+)"?\s*;/],
  // Cordova's config.xml.
  ['config.xml', /<widget\b[^>]{0,2000}?\sid\s*=\s*"([^"]*)"/],
]);

/** The domain a reverse-DNS identifier is written from, as a host (`net.pandadev.qopy` → qopy.pandadev.net), or null. */
export function identifierHost(identifier: string): string | null {
  const labels = identifier.split('.');
  if (labels.length < 2 || labels.some((l) => !/^[A-Za-z0-9_-]{1,63}$/.test(l))) return null;
  const host = bareHost(labels.reverse().join('.').toLowerCase().replace(/_/g, '-'))?.host;
  // com.example.app is a template's placeholder, org.apache.* a project's, no one's site.
  return host && !hostNeverAFlow(host) && !placeholderDomain(host) ? host : null;
}

// An iOS app's associated domains (`applinks:bsky.app`, `webcredentials:…`) are domains its maker
// proves it runs: Apple fetches the site's apple-app-site-association file before it lets the app
// claim them. They are written in the app's entitlements and in Expo's config.
const ASSOCIATED_DOMAIN = /["'>]\s*(?:applinks|webcredentials|appclips|activitycontinuation):([A-Za-z0-9.-]{1,253})(?:\?mode=\w+)?\s*["'<]/g;
const WITH_ASSOCIATED_DOMAINS = new Set(['app.json', 'app.config.js', 'app.config.ts']);

function addAssociatedDomains(ctx: ExtractContext): void {
  if (!ctx.text.includes('links:') && !ctx.text.includes('credentials:') && !ctx.text.includes('clips:')) return;
  for (const m of ctx.text.matchAll(ASSOCIATED_DOMAIN)) {
    const host = bareHost(m[1]!.toLowerCase())?.host;
    if (host && !hostNeverAFlow(host) && !placeholderDomain(host)) ctx.add('link', m.index! + m[0].indexOf(m[1]!), m[1]!, 'high', { host, urlPath: '/', siteAddress: true });
  }
}

/** The route that reads a file's app identifier (and associated domains), when its name is one that holds them. */
export function appIdentifierRoute(name: string): ((ctx: ExtractContext) => void) | undefined {
  if (name.endsWith('.entitlements')) return addAssociatedDomains;
  const pattern = IDENTIFIER_BY_NAME.get(name);
  if (!pattern) return undefined;
  const domains = WITH_ASSOCIATED_DOMAINS.has(name);
  return (ctx) => {
    const m = pattern.exec(ctx.text);
    const host = m ? identifierHost(m[1]!) : null;
    if (m && host) ctx.add('link', m.index + m[0].lastIndexOf(m[1]!), m[1]!, 'high', { host, urlPath: '/', siteAddress: true });
    if (domains) addAssociatedDomains(ctx);
  };
}
