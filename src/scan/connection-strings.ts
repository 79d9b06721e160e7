// Hosts that settings name without a URL: an ADO.NET-style connection string's server
// (`Server=tcp:acme.database.windows.net,1433;…`, `Host=db.vendor.io;…`, Azure Storage's
// `…;EndpointSuffix=core.windows.net`), and the host lists that brokers and clusters take
// (`bootstrap.servers=b-1.acme.kafka.eu-west-1.amazonaws.com:9092,b-2.…`).
import { bareHost } from './urls.js';

export interface NamedHost {
  /** Offset of the host in the searched text. */
  index: number;
  raw: string;
  host: string;
}

// The keys whose value is the server a connection string connects to (SQL Server's and
// Npgsql's spellings, Azure's `Endpoint`/`EndpointSuffix`, IoT Hub's `HostName`).
const SERVER_KEY = 'server|data source|address|addr|network address|host|hostname|endpoint|endpointsuffix';
const SERVER_PAIR = new RegExp(String.raw`(?:^|;)[ \t]*(?:${SERVER_KEY})[ \t]*=[ \t]*([^;'"\`\n]{1,300})`, 'gi');

/**
 * Whether a text may hold a connection string of `key=value;` pairs naming a server. The keys'
 * tails are found first, in one pass (six includes() cost five times as much: each search for a
 * literal that starts with a common letter stops at every such letter); the full pattern then
 * runs only near them, so a long file pays for its keys, not for its length.
 */
export function mayHoldConnectionString(text: string): boolean {
  if (text.length <= 2 * NEAR) return SERVER_KEY_TAIL.test(text) && CONNECTION_STRING.test(text);
  const tails = SERVER_KEY_TAILS;
  tails.lastIndex = 0;
  for (let m = tails.exec(text); m; m = tails.exec(text)) {
    // A pair that holds this tail starts at most NEAR before it and ends at most NEAR after
    // it; tails up to NEAR further on lie inside the same window, so windows are NEAR apart.
    const from = Math.max(0, m.index - NEAR);
    if (CONNECTION_STRING.test(text.slice(from, m.index + 2 * NEAR))) return true;
    tails.lastIndex = m.index + NEAR;
  }
  return false;
}
// A server key's tail as CONNECTION_STRING has it (`hostname=` and `HOST =` too).
const SERVER_KEY_TAIL = /(?:erver|ource|ddr(?:ess)?|ost(?:name)?)[ \t]*=|ndpoint/i;
const SERVER_KEY_TAILS = new RegExp(SERVER_KEY_TAIL.source, 'gi');
// Longer than a pair before its value's 300 characters: a key, its blanks and `=`.
const NEAR = 400;
// A server pair that another pair follows or precedes: `Server=…;`, `…;EndpointSuffix=…`.
const CONNECTION_STRING = new RegExp(String.raw`(?:^|[;'"\`=])[ \t]*(?:${SERVER_KEY})[ \t]*=[^;\n]{1,300};|;[ \t]*(?:${SERVER_KEY})[ \t]*=`, 'i');

/** A host named with its port (`db.vendor.io:5432`), without it. */
const withoutPort = (hostAndPort: string): string => hostAndPort.replace(/:\d{1,5}$/, '');

/** The value a server key gives, as a host: without `tcp:`, a `,port` or `:port`, a `\instance`. */
function serverHost(value: string): { offset: number; raw: string; host: string } | null {
  let start = 0;
  const prefix = /^(?:tcp|np|lpc|admin):/i.exec(value);
  if (prefix) start = prefix[0].length;
  if (value.includes('//', start)) return null; // a URL: read as one elsewhere (`Endpoint=sb://…`)
  let end = value.length;
  for (const stop of [',', '\\', ' ']) {
    const k = value.indexOf(stop, start);
    if (k >= 0 && k < end) end = k;
  }
  const raw = withoutPort(value.slice(start, end).trim());
  const found = bareHost(raw);
  return found && found.path === '/' ? { offset: start, raw, host: found.host } : null;
}

/** The servers a connection string of `key=value;` pairs names, at their offsets in `value`. */
export function connectionStringHosts(value: string): NamedHost[] {
  const out: NamedHost[] = [];
  for (const m of value.matchAll(SERVER_PAIR)) {
    const v = m[1]!;
    const h = serverHost(v);
    if (h) out.push({ index: m.index! + m[0].length - v.length + h.offset, raw: h.raw, host: h.host });
  }
  return out;
}

// A list of two or more hosts, each with an optional port, as a settings value (Kafka's
// bootstrap servers, a cluster's nodes), or of hosts and then options, as StackExchange.Redis
// takes them (`acme.redis.cache.windows.net:6380,password=…,ssl=True`).
const HOST_PORT = String.raw`[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63}(?::\d{1,5})?`;
const OPTION = String.raw`[a-z][\w.-]{0,40}=[^,]{0,300}`;
const HOST_LIST = new RegExp(String.raw`^${HOST_PORT}(?:(?:[ \t]*,[ \t]*${HOST_PORT})+(?:[ \t]*,[ \t]*${OPTION})*|(?:[ \t]*,[ \t]*${OPTION})+)$`, 'i');

/** Keys whose value is a list of hosts to connect to. */
export const HOST_LIST_KEY = /(?:servers|brokers|hosts|nodes|seeds|contact[._-]?points|endpoints)["']?[ \t]*(?:[:=]|=>)[ \t]*["']?$/i;
/** What names a key for the project's own site or the hosts it lets in, before `host`, `servers` and the like (`ALLOWED_HOSTS`, `CORS_ORIGINS`, `bind_host`). */
export const OWN_KEY_PREFIX = 'virtual|allowed|trusted|public|canonical|site|app|web|front(?:end)?|own|local|internal|bind|listen|cookie|cors|origin|callback|redirect';
/** …except the hosts a project serves or lets in: Django's ALLOWED_HOSTS, CORS origins, extra hosts. */
const OWN_HOSTS_KEY = new RegExp(String.raw`(?:${OWN_KEY_PREFIX}|extra|no)[_.-]?(?:hosts|servers|nodes|endpoints|origins|domains)["']?[ \t]*(?:[:=]|=>)[ \t]*["']?$`, 'i');

/**
 * The hosts a settings value lists that are connections: only a list with ports or options (a
 * list of bare domains is an allow-list or a list of sites, not servers); all of them under a key
 * for servers, else those `known` accepts. `keyText`: the line before the value, asked for only
 * when the value is such a list (most strings with a comma in a bundle are none).
 */
export function listedServers(value: string, keyText: () => string, known: (host: string) => boolean): NamedHost[] {
  const hosts = hostListHosts(value);
  if (hosts.length === 0 || !PORT_OR_OPTION.test(value)) return [];
  const key = keyText();
  if (OWN_HOSTS_KEY.test(key)) return [];
  return HOST_LIST_KEY.test(key) ? hosts : hosts.filter((h) => known(h.host));
}
const PORT_OR_OPTION = /:\d{1,5}[ \t]*(?:,|$)|=/;

/** The hosts of a value that is a comma-separated list of hosts (with ports), at their offsets in it; none for any other value. */
export function hostListHosts(value: string): NamedHost[] {
  if (!value.includes(',') || !HOST_LIST.test(value)) return [];
  const out: NamedHost[] = [];
  let at = 0;
  for (const part of value.split(',')) {
    if (part.includes('=')) break; // the options after the hosts
    const raw = withoutPort(part.trim());
    const index = at + part.indexOf(raw);
    const found = bareHost(raw);
    if (found) out.push({ index, raw, host: found.host });
    at += part.length + 1;
  }
  return out;
}
