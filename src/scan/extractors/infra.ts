// Infrastructure as code: Terraform providers, resources and state backends, and platform
// descriptors (fly.toml, render.yaml, app.yaml, serverless.yml, .do/app.yaml, vercel.json) that
// name a hosting subprocessor and often the region that receives the data.
import type { ExtractContext } from '../context.js';
import { lex, LANGUAGES, stringAt, type StringToken } from '../lexer.js';
import { extractCode } from './code.js';
import { lineStartOf } from '../source-file.js';

// Cloud region names. Regions are 'eu' (EU/EEA), 'us', an ISO country code where the region sits
// in one country outside both, or 'other'.
const AWS_REGION = /\b((?:eu|us|ap|sa|ca|me|af|il|mx)-(?:gov-|iso-|isob-)?(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d{1,2})\b/;
const GCP_REGION = /\b((?:europe|us|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)\d{1,2})\b/;
const AZURE_REGION = /\b(westeurope|northeurope|francecentral|francesouth|germanywestcentral|germanynorth|swedencentral|swedensouth|switzerlandnorth|switzerlandwest|norwayeast|norwaywest|uksouth|ukwest|italynorth|polandcentral|spaincentral|eastus2?|westus[23]?|centralus|southcentralus|northcentralus|westcentralus|canadacentral|canadaeast|brazilsouth|eastasia|southeastasia|japaneast|japanwest|koreacentral|australiaeast|australiasoutheast|centralindia|southindia|uaenorth|southafricanorth|israelcentral|qatarcentral|mexicocentral)\b/i;
const ANY_REGION = new RegExp(`${AWS_REGION.source}|${GCP_REGION.source}|${AZURE_REGION.source}`, 'gi');

const AWS_PLACES: Record<string, string> = {
  'eu-west-2': 'GB', 'eu-central-2': 'CH',
  'ap-northeast-1': 'JP', 'ap-northeast-3': 'JP', 'ap-northeast-2': 'KR', 'ap-southeast-1': 'SG', 'ap-southeast-2': 'AU', 'ap-southeast-4': 'AU',
  'ap-southeast-3': 'ID', 'ap-southeast-5': 'MY', 'ap-southeast-7': 'TH', 'ap-south-1': 'IN', 'ap-south-2': 'IN', 'ap-east-1': 'HK', 'ap-east-2': 'TW',
  'me-south-1': 'BH', 'me-central-1': 'AE',
};
const AWS_PREFIX_PLACES: Record<string, string> = { eu: 'eu', us: 'us', ca: 'CA', sa: 'BR', af: 'ZA', il: 'IL', mx: 'MX' };
const GCP_PLACES: Record<string, string> = {
  'europe-west2': 'GB', 'europe-west6': 'CH',
  'asia-east1': 'TW', 'asia-east2': 'HK', 'asia-northeast1': 'JP', 'asia-northeast2': 'JP', 'asia-northeast3': 'KR', 'asia-south1': 'IN', 'asia-south2': 'IN',
  'asia-southeast1': 'SG', 'asia-southeast2': 'ID', 'northamerica-south1': 'MX', 'southamerica-east1': 'BR', 'southamerica-west1': 'CL',
  'me-west1': 'IL', 'me-central1': 'QA', 'me-central2': 'SA', 'africa-south1': 'ZA',
};
const GCP_PREFIX_PLACES: Record<string, string> = { europe: 'eu', us: 'us', australia: 'AU', northamerica: 'CA' };
const AZURE_PLACES: Record<string, string> = {
  westeurope: 'eu', northeurope: 'eu', francecentral: 'eu', francesouth: 'eu', germanywestcentral: 'eu', germanynorth: 'eu', swedencentral: 'eu', swedensouth: 'eu',
  norwayeast: 'eu', norwaywest: 'eu', italynorth: 'eu', polandcentral: 'eu', spaincentral: 'eu', switzerlandnorth: 'CH', switzerlandwest: 'CH', uksouth: 'GB', ukwest: 'GB',
  canadacentral: 'CA', canadaeast: 'CA', brazilsouth: 'BR', eastasia: 'HK', southeastasia: 'SG', japaneast: 'JP', japanwest: 'JP', koreacentral: 'KR',
  australiaeast: 'AU', australiasoutheast: 'AU', centralindia: 'IN', southindia: 'IN', uaenorth: 'AE', southafricanorth: 'ZA', israelcentral: 'IL', qatarcentral: 'QA', mexicocentral: 'MX',
};

/** The region a cloud region name implies (AWS, Google Cloud or Azure naming), or undefined for anything else. */
export function regionOf(text: string): string | undefined {
  const name = text.toLowerCase();
  let m = AWS_REGION.exec(name);
  if (m) {
    const r = m[1]!;
    return AWS_PLACES[r] ?? AWS_PREFIX_PLACES[r.slice(0, r.indexOf('-'))] ?? 'other';
  }
  m = GCP_REGION.exec(name);
  if (m) {
    const r = m[1]!;
    return GCP_PLACES[r] ?? GCP_PREFIX_PLACES[r.slice(0, r.indexOf('-'))] ?? 'other';
  }
  m = AZURE_REGION.exec(name);
  if (m) {
    const r = m[1]!;
    return AZURE_PLACES[r] ?? (/us\d?$/.test(r) ? 'us' : 'other');
  }
  return undefined;
}

// Where a comment starts on a line: at its start (#, //, /*, * of a doc block, <!--), or after
// white space (#) or anything but a URL's colon (//).
const COMMENT_AT_LINE_START = /^[ \t]*(?:#|\/\/|\/?\*|<!--)/;
const COMMENT_IN_LINE = /\s#|[^:]\/\/|<!--/;

/** The first cloud region named outside a comment: the region a file's cloud calls go to. */
export function firstRegionIn(text: string): { region: string; name: string; index: number } | undefined {
  // Each line is searched for a comment start once, from where the last search stopped, so a
  // long commented line full of region names costs one pass.
  let lineEnd = -1;
  let scanned = 0;
  let inComment = false;
  for (const m of text.matchAll(ANY_REGION)) {
    const at = m.index!;
    if (at > lineEnd) {
      const lineStart = lineStartOf(text, at);
      const nl = text.indexOf('\n', at);
      lineEnd = nl < 0 ? text.length : nl;
      inComment = COMMENT_AT_LINE_START.test(text.slice(lineStart, at));
      scanned = lineStart;
    }
    if (!inComment) {
      inComment = COMMENT_IN_LINE.test(text.slice(Math.max(0, scanned - 1), at));
      scanned = at;
    }
    if (!inComment) return { region: regionOf(m[0])!, name: m[0], index: at };
  }
  return undefined;
}

// Region slugs of providers that don't use the cloud names above.
const SLUG_PLACES: Record<string, Record<string, string>> = {
  digitalocean: { ams: 'eu', fra: 'eu', lon: 'GB', nyc: 'us', sfo: 'us', tor: 'CA', sgp: 'SG', blr: 'IN', syd: 'AU' },
  hcloud: { nbg: 'eu', fsn: 'eu', hel: 'eu', ash: 'us', hil: 'us', sin: 'SG' },
  scaleway: { fr: 'eu', nl: 'eu', pl: 'eu' },
};

/** The region a Terraform `region`/`location` value implies for a provider. */
function tfRegion(provider: string, value: string): string | undefined {
  const cloud = regionOf(value);
  if (cloud) return cloud;
  const upper = value.toUpperCase();
  // Multi-region locations (Cloud Storage, BigQuery).
  if (upper === 'EU' || upper === 'EUR4' || upper === 'EUROPE') return 'eu';
  if (upper === 'US' || upper === 'NAM4') return 'us';
  const slug = /^([a-z]+)/.exec(value.toLowerCase())?.[1];
  return slug ? SLUG_PLACES[provider]?.[slug] : undefined;
}

interface TfBlock {
  type: string;
  labels: string[];
  /** Offset of the first label's content. */
  labelAt: number;
  head: string;
  open: number;
  close: number;
}

const TF_BLOCK = /^[ \t]*(provider|resource|data|variable|module|backend)[ \t]+"([^"\n]*)"(?:[ \t]+"([^"\n]*)")?[ \t]*\{/gm;
// An attribute starts a line or follows the brace of a one-line block: provider "aws" { region = "eu-west-1" }.
const TF_ATTR = /(?:^|\{)[ \t]*(region|location|alias|provider|default|source)[ \t]*=[ \t]*(?:"([^"\n]*)"|([A-Za-z_][\w.-]*))/gm;
const REQUIRED_PROVIDER_SOURCE = /source\s*=\s*"(?:[\w.-]+\/)?([\w-]+)\/([\w-]+)"/g;
const STATE_BACKENDS: Record<string, string> = { s3: 'aws', gcs: 'google', azurerm: 'azurerm', oss: 'alicloud' };

/** Every `{` offset with the offset of its `}` (or the end of text), braces inside strings skipped: one pass. */
function matchingBraces(code: string, strings: StringToken[]): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  let k = 0;
  for (let j = 0; j < code.length; j++) {
    const next = strings[k];
    if (next && j === next.start - 1) {
      j = next.start + next.value.length;
      k++;
      continue;
    }
    const c = code[j];
    if (c === '{') open.push(j);
    else if (c === '}' && open.length) closes.set(open.pop()!, j);
  }
  for (const j of open) closes.set(j, code.length);
  return closes;
}

function tfBlocks(code: string, strings: StringToken[]): TfBlock[] {
  const out: TfBlock[] = [];
  let closes: Map<number, number> | undefined;
  for (const m of code.matchAll(TF_BLOCK)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    if (stringAt(strings, at) >= 0) continue;
    const open = m.index! + m[0].length - 1;
    closes ??= matchingBraces(code, strings);
    out.push({ type: m[1]!, labels: m[3] === undefined ? [m[2]!] : [m[2]!, m[3]], labelAt: m.index! + m[0].indexOf('"') + 1, head: m[0].slice(0, -1).trim(), open, close: closes.get(open) ?? code.length });
  }
  return out;
}

interface TfAttribute {
  index: number;
  name: string;
  value: string;
  literal: boolean;
}

/** Every attribute of interest in the file, in order: one pass, whatever the number of blocks. */
function tfAttributeList(code: string, strings: StringToken[]): TfAttribute[] {
  const out: TfAttribute[] = [];
  for (const m of code.matchAll(TF_ATTR)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    if (stringAt(strings, at) >= 0) continue;
    out.push(m[2] !== undefined ? { index: at, name: m[1]!, value: m[2], literal: true } : { index: at, name: m[1]!, value: m[3]!, literal: false });
  }
  return out;
}

/** A block's attributes (the first of each name, nested blocks included), found by bisection in the file's list. */
function tfAttributes(all: TfAttribute[], block: TfBlock): Map<string, { value: string; literal: boolean }> {
  const attrs = new Map<string, { value: string; literal: boolean }>();
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.index <= block.open) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < all.length && all[k]!.index < block.close; k++) {
    const a = all[k]!;
    if (!attrs.has(a.name)) attrs.set(a.name, { value: a.value, literal: a.literal });
  }
  return attrs;
}

export function extractTerraform(ctx: ExtractContext): void {
  const lexed = lex(ctx.text, LANGUAGES.hcl);
  extractCode(ctx, 'hcl', 0, ctx.text, 'code-url', lexed);
  const { strings, code } = lexed;
  const blocks = tfBlocks(code, strings);
  const attributes = tfAttributeList(code, strings);
  const attrsOf = new Map(blocks.map((b) => [b, tfAttributes(attributes, b)]));

  const variables = new Map<string, string>();
  for (const b of blocks) {
    const d = attrsOf.get(b)!.get('default');
    if (b.type === 'variable' && d?.literal) variables.set(b.labels[0]!, d.value);
  }
  const valueOf = (a: { value: string; literal: boolean } | undefined): string | undefined => (a ? (a.literal ? a.value : a.value.startsWith('var.') ? variables.get(a.value.slice(4)) : undefined) : undefined);

  // provider "aws" { region = … } and provider "aws" { alias = "us" … } → regions by "aws" and "aws.us".
  const providerRegions = new Map<string, string>();
  for (const b of blocks) {
    if (b.type !== 'provider') continue;
    const attrs = attrsOf.get(b)!;
    const value = valueOf(attrs.get('region')) ?? valueOf(attrs.get('location'));
    const region = value ? tfRegion(b.labels[0]!, value) : undefined;
    const alias = valueOf(attrs.get('alias'));
    if (region) providerRegions.set(alias ? `${b.labels[0]}.${alias}` : b.labels[0]!, region);
  }

  const seen = new Set<string>();
  const report = (provider: string, key: string, offset: number, match: string, region: string | undefined): void => {
    const id = ctx.detectors.terraformProvider(provider);
    if (!id || seen.has(`${key}|${region ?? ''}`)) return;
    seen.add(`${key}|${region ?? ''}`);
    ctx.add('infra', offset, match, 'high', { serviceHint: id, ...(region ? { region } : {}) });
  };

  for (const b of blocks) {
    const attrs = attrsOf.get(b)!;
    const own = valueOf(attrs.get('region')) ?? valueOf(attrs.get('location'));
    if (b.type === 'provider') {
      const alias = valueOf(attrs.get('alias'));
      report(b.labels[0]!, `provider:${b.labels[0]}:${alias ?? ''}`, b.labelAt, b.head, providerRegions.get(alias ? `${b.labels[0]}.${alias}` : b.labels[0]!));
    } else if (b.type === 'resource' || b.type === 'data') {
      const provider = b.labels[0]!.split('_')[0]!;
      const ref = attrs.get('provider');
      const region = (own ? tfRegion(provider, own) : undefined) ?? providerRegions.get(ref && !ref.literal ? ref.value : provider);
      report(provider, `${b.type}:${b.labels[0]}`, b.labelAt, b.head, region);
    } else if (b.type === 'backend') {
      // terraform { backend "s3" { … } }: the state, secrets included, lives with that cloud.
      const provider = STATE_BACKENDS[b.labels[0]!];
      if (provider) report(provider, `backend:${b.labels[0]}`, b.labelAt, b.head, own ? tfRegion(provider, own) : undefined);
    }
  }
  // required_providers { datadog = { source = "DataDog/datadog" } } and registry module sources.
  for (const m of code.matchAll(REQUIRED_PROVIDER_SOURCE)) {
    const provider = m[2]!.toLowerCase();
    report(provider, `source:${provider}`, m.index!, m[0], providerRegions.get(provider));
  }
}

interface Descriptor {
  test: RegExp;
  serviceId: string;
  region: (text: string) => string | undefined;
  /**
   * What the file must hold to be the platform's descriptor, for names other tools use too: a
   * command's spec named render.yaml, a Kubernetes app.yaml, an npm-style app.json.
   */
  holds?: RegExp;
}

const FLY_PLACES: Record<string, string> = {
  ams: 'eu', arn: 'eu', cdg: 'eu', fra: 'eu', mad: 'eu', otp: 'eu', waw: 'eu', lhr: 'GB',
  atl: 'us', bos: 'us', den: 'us', dfw: 'us', ewr: 'us', iad: 'us', lax: 'us', mia: 'us', ord: 'us', phx: 'us', sea: 'us', sjc: 'us',
  yul: 'CA', yyz: 'CA', gru: 'BR', gig: 'BR', scl: 'CL', eze: 'AR', qro: 'MX', nrt: 'JP', hkg: 'HK', sin: 'SG', syd: 'AU', bom: 'IN', jnb: 'ZA',
};
const RENDER_PLACES: Record<string, string> = { frankfurt: 'eu', oregon: 'us', ohio: 'us', virginia: 'us', singapore: 'SG' };
const DO_PLACES = SLUG_PLACES.digitalocean!;
const VERCEL_PLACES: Record<string, string> = {
  fra: 'eu', cdg: 'eu', arn: 'eu', dub: 'eu', lhr: 'GB', iad: 'us', sfo: 'us', pdx: 'us', cle: 'us',
  hnd: 'JP', kix: 'JP', icn: 'KR', sin: 'SG', syd: 'AU', bom: 'IN', gru: 'BR', cpt: 'ZA', hkg: 'HK',
};

const placeIn = (table: Record<string, string>, re: RegExp) => (text: string): string | undefined => {
  const m = re.exec(text);
  return m ? (table[m[1]!.toLowerCase()] ?? 'other') : undefined;
};

const DESCRIPTORS: Descriptor[] = [
  { test: /(^|\/)fly\.toml$/, serviceId: 'fly-io', region: placeIn(FLY_PLACES, /^\s*primary_region\s*=\s*["']([a-z]{3})["']/m) },
  // A Blueprint's top-level keys (render.com/docs/blueprint-spec).
  { test: /(^|\/)render\.ya?ml$/, serviceId: 'render', region: placeIn(RENDER_PLACES, /^\s*region:\s*["']?([a-z]+)/m), holds: /^(?:services|databases|envVarGroups|previews):/m },
  { test: /(^|\/)\.do\/(app|deploy\.template)\.ya?ml$/, serviceId: 'digitalocean', region: placeIn(DO_PLACES, /^\s*region:\s*["']?([a-z]{3})/m) },
  { test: /(^|\/)app\.ya?ml$/, serviceId: 'google-cloud', region: () => undefined, holds: /^runtime:\s*\w+/m },
  // The Serverless Framework's config, in YAML or as a module (serverless.ts, serverless.js: `provider: { name: 'aws' }`).
  { test: /(^|\/)serverless\.(?:ya?ml|[cm]?[jt]s)$/, serviceId: 'aws', region: (t) => firstRegionIn(t)?.region, holds: /^provider:\s*\n\s+name:\s*aws|\bprovider\s*:\s*\{[\s\S]{0,2000}?\bname\s*:\s*["']aws["']/m },
  { test: /(^|\/)vercel\.json$/, serviceId: 'vercel', region: placeIn(VERCEL_PLACES, /"regions"\s*:\s*\[\s*"([a-z]{3})\d/) },
  { test: /(^|\/)netlify\.toml$/, serviceId: 'netlify', region: () => undefined },
  { test: /(^|\/)(wrangler\.toml|wrangler\.jsonc?)$/, serviceId: 'cloudflare', region: () => undefined },
  { test: /(^|\/)app\.json$/, serviceId: 'heroku', region: () => undefined, holds: /"(?:buildpacks|formation|addons)"/ },
  { test: /(^|\/)(Procfile|heroku\.yml)$/, serviceId: 'heroku', region: () => undefined },
  { test: /(^|\/)railway\.(json|toml)$/, serviceId: 'railway', region: () => undefined },
  { test: /(^|\/)firebase\.json$/, serviceId: 'firebase', region: () => undefined },
];

/** A platform descriptor is itself evidence that the platform hosts the project. */
// Every descriptor is a .toml, .yaml, .yml, .json or .jsonc file or a Procfile: the other files
// of a tree (most of them) are told apart by their name's end before eleven patterns are tried
// (a Serverless config written as a module, by its name).
const DESCRIPTOR_EXT = new Set(['toml', 'yaml', 'yml', 'json', 'jsonc']);
const mayBeDescriptor = (path: string): boolean => DESCRIPTOR_EXT.has(path.slice(path.lastIndexOf('.') + 1)) || path.endsWith('Procfile') || path.includes('serverless.');

export function descriptorFor(path: string): Descriptor | undefined {
  if (!mayBeDescriptor(path)) return undefined;
  return DESCRIPTORS.find((d) => d.test.test(path));
}

export function extractDescriptor(ctx: ExtractContext, d: Descriptor): void {
  if (d.holds && !d.holds.test(ctx.text)) return;
  const region = d.region(ctx.text);
  ctx.add('infra', 0, ctx.path.split('/').pop()!, 'high', { serviceHint: d.serviceId, ...(region ? { region } : {}) });
}
