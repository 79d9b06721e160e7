// Evidence → services. Each piece of evidence is attributed to at most one catalogue entry;
// external hosts no entry knows become "unclassified" instead of disappearing.
import type { Evidence, OwnSite, ServiceHit, UnclassifiedHost } from '../model.js';
import type { Matcher } from './matcher.js';
import { knownEntity } from './known-entities.js';
import { isFirstPartyOrNotAFlow, siteDomain, type HostFilter } from '../scan/urls.js';
import { canBeOwnSite } from '../scan/site-address.js';
import { regionOf } from '../scan/extractors/infra.js';
import { serviceFor, CLOUD_IDS } from './service-of.js';

export { serviceFor, wantsFileRegion } from './service-of.js';

// Kinds whose host is a real connection from the browser or the server.
const HOST_KINDS = new Set(['script-src', 'inline-script', 'iframe', 'img', 'link', 'form', 'csp', 'css', 'code-url']);

export interface Attribution {
  services: ServiceHit[];
  unclassified: UnclassifiedHost[];
  /** Domains taken as first party from the project's own site address (see ownSites). */
  ownSites: OwnSite[];
}

/**
 * The project's own site, where its code names it (`metadataBase: new URL('https://acme.com')`,
 * `siteUrl`, `canonical`, `<link rel="canonical">`) or its settings and manifests do (a site
 * generator's `baseURL`, a `homepage`, a CNAME file, `APP_URL`; see site-address.ts): that
 * domain is first party, as if it were in first_party, so the site's own images and pages are
 * not unclassified third parties. A host a catalogue entry claims is never taken (a site on
 * vercel.app is hosted by Vercel, whose other evidence stays), nor a domain an entry claims a
 * host under (jquery.com holds code.jquery.com), nor a code host's or a social network's; a site
 * address is never evidence of a service itself. A host on a shared platform counts alone:
 * myapp.github.io, not all of github.io.
 */
export function ownSites(evidence: Evidence[], matcher: Matcher): OwnSite[] {
  const sites = new Map<string, OwnSite>();
  for (const ev of evidence) {
    if (!ev.siteAddress || !ev.host || ev.dev || serviceFor(ev, matcher) !== undefined) continue;
    const domain = siteDomain(ev.host);
    if (domain && canBeOwnSite(domain) && !matcher.claimsUnder(domain) && !sites.has(domain)) sites.set(domain, { domain, path: ev.path, line: ev.line });
  }
  return [...sites.values()].sort((a, b) => (a.domain < b.domain ? -1 : 1));
}

/**
 * The region an endpoint implies: the catalogue's regional hosts, or a cloud region named in the
 * host (bucket.s3.eu-central-1.amazonaws.com, europe-west3-aiplatform.googleapis.com,
 * aws-0-eu-central-1.pooler.supabase.com).
 */
function regionFromHost(host: string, matcher: Matcher): string | undefined {
  return matcher.regionFor(host) ?? regionOf(host);
}

/**
 * Evidence that names a service without an endpoint (an import, a snippet, a manifest entry, an
 * environment variable) says nothing about where the data goes; the service's endpoints do. An
 * import or snippet takes the region of the same service's endpoints in its own file (the SDK is
 * configured there); a dependency, variable or region-less descriptor takes the region all of the
 * service's production endpoints agree on. Without such endpoints the evidence keeps no region.
 */
function inheritRegions(evidence: Evidence[]): void {
  const byFile = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const e of evidence) {
    if (!e.region || e.dev) continue;
    all.add(e.region);
    let regions = byFile.get(e.path);
    if (!regions) byFile.set(e.path, (regions = new Set()));
    regions.add(e.region);
  }
  if (all.size === 0) return;
  const only = (set: Set<string> | undefined): string | undefined => (set?.size === 1 ? set.values().next().value : undefined);
  const consensus = only(all);
  for (const e of evidence) {
    if (e.region || e.host) continue;
    const inFile = only(byFile.get(e.path));
    if (e.kind === 'import' || e.kind === 'code-snippet') {
      if (inFile) e.region = inFile;
    } else if (e.kind === 'dependency' || e.kind === 'env' || e.kind === 'infra') {
      const r = inFile ?? consensus;
      if (r) e.region = r;
    }
  }
}

/**
 * A project that switches a service off (a library's telemetry opt-out in its .env, Dockerfile,
 * settings or code) still uses the library, so the service stays listed, but nothing of it
 * raises findings at the default min_confidence. An opt-out in a test (a CI run's environment)
 * says nothing of the deployed product.
 */
function switchOff(hit: ServiceHit): void {
  const off = hit.evidence.find((e) => e.switchedOff && !e.dev);
  if (!off) return;
  hit.switchedOff = { path: off.path, line: off.line };
  for (const e of hit.evidence) e.confidence = 'low';
}

export function attribute(evidence: Evidence[], matcher: Matcher, given: HostFilter, fileRegions: Map<string, string> = new Map()): Attribution {
  const own = ownSites(evidence, matcher);
  const filter: HostFilter = own.length ? { firstParty: [...given.firstParty, ...own.map((o) => o.domain)] } : given;
  const services = new Map<string, ServiceHit>();
  const unclassified = new Map<string, UnclassifiedHost>();
  for (const ev of evidence) {
    // A site address is metadata (a canonical URL, a sitemap's base), not a connection.
    if (ev.siteAddress) continue;
    if (ev.host && isFirstPartyOrNotAFlow(ev.host, filter, ev.urlPath)) continue;
    const id = serviceFor(ev, matcher);
    if (id) {
      const entry = matcher.byId.get(id)!;
      if (ev.host && !ev.region) {
        const region = regionFromHost(ev.host, matcher);
        if (region) ev.region = region;
      }
      if (!ev.region && CLOUD_IDS.has(id) && fileRegions.has(ev.path)) ev.region = fileRegions.get(ev.path);
      let hit = services.get(id);
      if (!hit) {
        hit = { id, name: entry.name, vendor: entry.vendor.legal_entity !== 'unknown' ? entry.vendor.legal_entity : entry.vendor.name, category: entry.consent_category, purposes: entry.purposes, evidence: [] };
        services.set(id, hit);
      }
      hit.evidence.push(ev);
    } else if (ev.host && HOST_KINDS.has(ev.kind)) {
      let u = unclassified.get(ev.host);
      if (!u) {
        const knownAs = knownEntity(ev.host);
        u = knownAs ? { host: ev.host, knownAs, evidence: [] } : { host: ev.host, evidence: [] };
        unclassified.set(ev.host, u);
      }
      u.evidence.push(ev);
    }
  }
  for (const [id, hit] of services) {
    // An opt-out alone (a .env that silences a library the project does not use) is no use.
    if (hit.evidence.every((e) => e.switchedOff)) {
      services.delete(id);
      continue;
    }
    inheritRegions(hit.evidence);
    switchOff(hit);
  }
  const byPos = (a: Evidence, b: Evidence): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column);
  for (const s of services.values()) s.evidence.sort(byPos);
  for (const u of unclassified.values()) u.evidence.sort(byPos);
  return {
    services: [...services.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    unclassified: [...unclassified.values()].sort((a, b) => (a.host < b.host ? -1 : 1)),
    ownSites: own,
  };
}
