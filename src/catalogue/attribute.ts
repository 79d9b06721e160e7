// Evidence → services. Each piece of evidence is attributed to at most one catalogue entry;
// external hosts no entry knows become "unclassified" instead of disappearing.
import type { Evidence, ServiceHit, UnclassifiedHost } from '../model.js';
import type { Matcher } from './matcher.js';
import { isFirstPartyOrNotAFlow, type HostFilter } from '../scan/urls.js';
import { regionOf } from '../scan/extractors/infra.js';

// Kinds whose host is a real connection from the browser or the server.
const HOST_KINDS = new Set(['script-src', 'inline-script', 'iframe', 'img', 'link', 'form', 'csp', 'css', 'code-url']);
// Cloud platforms whose region is set in code or config next to the call rather than in the host.
const CLOUD_IDS = new Set(['aws', 'google-cloud', 'microsoft-azure', 'amazon-ses', 'amazon-bedrock']);

export interface Attribution {
  services: ServiceHit[];
  unclassified: UnclassifiedHost[];
}

export function serviceFor(ev: Evidence, matcher: Matcher): string | undefined {
  if (ev.serviceHint) return matcher.byId.has(ev.serviceHint) ? ev.serviceHint : undefined;
  if (ev.host) return matcher.matchHost(ev.host, ev.urlPath ?? '/');
  if (ev.kind === 'dependency' && ev.ecosystem && ev.package) return matcher.matchPackage(ev.ecosystem, ev.package);
  if (ev.kind === 'import' && ev.ecosystem && ev.package) return matcher.matchImport(ev.ecosystem, ev.package);
  return undefined;
}

/** The region an endpoint implies: the catalogue's regional hosts, or a cloud region in the host name. */
function regionFromHost(host: string, matcher: Matcher): string | undefined {
  const r = matcher.regionFor(host);
  if (r) return r;
  if (host.endsWith('.amazonaws.com') || host.endsWith('.azure.com') || host.endsWith('.googleapis.com')) return regionOf(host);
  return undefined;
}

export function attribute(evidence: Evidence[], matcher: Matcher, filter: HostFilter, fileRegions: Map<string, string> = new Map()): Attribution {
  const services = new Map<string, ServiceHit>();
  const unclassified = new Map<string, UnclassifiedHost>();
  for (const ev of evidence) {
    if (ev.host && isFirstPartyOrNotAFlow(ev.host, filter)) continue;
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
        u = { host: ev.host, evidence: [] };
        unclassified.set(ev.host, u);
      }
      u.evidence.push(ev);
    }
  }
  const byPos = (a: Evidence, b: Evidence): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column);
  for (const s of services.values()) s.evidence.sort(byPos);
  for (const u of unclassified.values()) u.evidence.sort(byPos);
  return {
    services: [...services.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    unclassified: [...unclassified.values()].sort((a, b) => (a.host < b.host ? -1 : 1)),
  };
}
