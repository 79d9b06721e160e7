// Infrastructure as code: Terraform providers and resources, and platform descriptors
// (fly.toml, render.yaml, app.yaml, serverless.yml, .do/app.yaml) that name a hosting
// subprocessor and often the region that receives the data.
import type { ExtractContext } from '../context.js';
import { extractCode } from './code.js';

// Cloud region names → the region they put data in.
const AWS_REGION = /\b((?:eu|us|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b/;
const GCP_REGION = /\b((?:europe|us|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|southwest)\d)\b/;
const AZURE_REGION = /\b(westeurope|northeurope|francecentral|germanywestcentral|swedencentral|switzerlandnorth|norwayeast|uksouth|ukwest|italynorth|polandcentral|spaincentral|eastus2?|westus[23]?|centralus|southcentralus|northcentralus|canadacentral|brazilsouth|eastasia|southeastasia|japaneast|australiaeast|centralindia)\b/i;
const EU_AZURE = /europe|france|germany|sweden|switzerland|norway|uk|italy|poland|spain/i;
const FLY_EU = new Set(['ams', 'arn', 'cdg', 'fra', 'lhr', 'mad', 'otp', 'waw']);
const RENDER_EU = new Set(['frankfurt']);

/** The region a cloud region name implies: 'eu', 'us', or the name's prefix. */
export function regionOf(name: string): string | undefined {
  let m = AWS_REGION.exec(name);
  if (m) return m[1]!.startsWith('eu-') ? 'eu' : m[1]!.startsWith('us-') ? 'us' : m[1]!.split('-')[0];
  m = GCP_REGION.exec(name);
  if (m) return m[1]!.startsWith('europe-') ? 'eu' : m[1]!.startsWith('us-') ? 'us' : m[1]!.split('-')[0];
  m = AZURE_REGION.exec(name);
  if (m) return EU_AZURE.test(m[1]!) ? 'eu' : /us$|us\d?$/i.test(m[1]!) ? 'us' : 'other';
  return undefined;
}

export function firstRegionIn(text: string): { region: string; name: string; index: number } | undefined {
  for (const re of [AWS_REGION, GCP_REGION, AZURE_REGION]) {
    const m = re.exec(text);
    if (m) return { region: regionOf(m[1]!)!, name: m[1]!, index: m.index };
  }
  return undefined;
}

export function extractTerraform(ctx: ExtractContext): void {
  extractCode(ctx, 'hcl');
  const code = ctx.text;
  const region = firstRegionIn(code);
  const seen = new Set<string>();
  for (const m of code.matchAll(/^\s*(provider|resource|data)\s+"([a-z0-9_-]+)"/gm)) {
    const provider = m[1] === 'provider' ? m[2]! : m[2]!.split('_')[0]!;
    const id = ctx.detectors.terraformProvider(provider);
    if (!id || seen.has(`${m[1]}:${m[2]}`)) continue;
    seen.add(`${m[1]}:${m[2]}`);
    ctx.add('infra', m.index! + m[0].indexOf(m[2]!), m[0].trim(), 'high', { serviceHint: id, ...(region ? { region: region.region } : {}) });
  }
  // required_providers { datadog = { source = "DataDog/datadog" } }
  for (const m of code.matchAll(/source\s*=\s*"(?:[\w.-]+\/)?([\w-]+)\/([\w-]+)"/g)) {
    const id = ctx.detectors.terraformProvider(m[2]!.toLowerCase());
    if (id && !seen.has(`source:${m[2]}`)) {
      seen.add(`source:${m[2]}`);
      ctx.add('infra', m.index!, m[0], 'high', { serviceHint: id });
    }
  }
}

interface Descriptor {
  test: RegExp;
  serviceId: string;
  region: (text: string) => string | undefined;
}

const DESCRIPTORS: Descriptor[] = [
  { test: /(^|\/)fly\.toml$/, serviceId: 'fly-io', region: (t) => { const m = /primary_region\s*=\s*["']([a-z]{3})["']/.exec(t); return m ? (FLY_EU.has(m[1]!) ? 'eu' : 'other') : undefined; } },
  { test: /(^|\/)render\.ya?ml$/, serviceId: 'render', region: (t) => { const m = /region:\s*["']?([a-z]+)/.exec(t); return m ? (RENDER_EU.has(m[1]!) ? 'eu' : m[1] === 'oregon' || m[1] === 'ohio' || m[1] === 'virginia' ? 'us' : 'other') : undefined; } },
  { test: /(^|\/)\.do\/(app|deploy\.template)\.ya?ml$/, serviceId: 'digitalocean', region: (t) => { const m = /region:\s*["']?([a-z]+)/.exec(t); return m ? (/^(ams|fra|lon)/.test(m[1]!) ? 'eu' : /^(nyc|sfo)/.test(m[1]!) ? 'us' : 'other') : undefined; } },
  { test: /(^|\/)app\.ya?ml$/, serviceId: 'google-cloud', region: () => undefined },
  { test: /(^|\/)serverless\.ya?ml$/, serviceId: 'aws', region: (t) => firstRegionIn(t)?.region },
  { test: /(^|\/)vercel\.json$/, serviceId: 'vercel', region: (t) => { const m = /"regions"\s*:\s*\[\s*"([a-z]{3})\d/.exec(t); return m ? (['fra', 'cdg', 'lhr', 'arn', 'dub'].includes(m[1]!) ? 'eu' : 'other') : undefined; } },
  { test: /(^|\/)netlify\.toml$/, serviceId: 'netlify', region: () => undefined },
  { test: /(^|\/)(wrangler\.toml|wrangler\.jsonc?)$/, serviceId: 'cloudflare', region: () => undefined },
  { test: /(^|\/)(Procfile|app\.json|heroku\.yml)$/, serviceId: 'heroku', region: () => undefined },
  { test: /(^|\/)railway\.(json|toml)$/, serviceId: 'railway', region: () => undefined },
  { test: /(^|\/)firebase\.json$/, serviceId: 'firebase', region: () => undefined },
];

/** A platform descriptor is itself evidence that the platform hosts the project. */
export function descriptorFor(path: string): Descriptor | undefined {
  return DESCRIPTORS.find((d) => d.test.test(path));
}

export function extractDescriptor(ctx: ExtractContext, d: Descriptor): void {
  if (d.serviceId === 'google-cloud' && !/^runtime:\s*\w+/m.test(ctx.text)) return;
  if (d.serviceId === 'aws' && !/^provider:\s*\n\s+name:\s*aws/m.test(ctx.text)) return;
  if (d.serviceId === 'heroku' && /app\.json$/.test(ctx.path) && !/"(buildpacks|formation|addons)"/.test(ctx.text)) return;
  const region = d.region(ctx.text);
  ctx.add('infra', 0, ctx.path.split('/').pop()!, 'high', { serviceHint: d.serviceId, ...(region ? { region } : {}) });
}
