import { describe, it, expect } from 'vitest';
import { regionOf, firstRegionIn, descriptorFor } from '../../../src/scan/extractors/infra.js';
import { attribute } from '../../../src/catalogue/attribute.js';
import { defaultMatcher } from '../../../src/catalogue/index.js';
import type { Evidence } from '../../../src/model.js';
import { rowsOf } from './rows.js';

describe('cloud region names', () => {
  it.each([
    ['eu-central-1', 'eu'], ['eu-west-1', 'eu'], ['eu-north-1', 'eu'], ['eu-south-2', 'eu'],
    ['eu-west-2', 'GB'], ['eu-central-2', 'CH'], ['us-east-1', 'us'], ['us-gov-west-1', 'us'],
    ['ap-northeast-1', 'JP'], ['ap-southeast-2', 'AU'], ['ap-south-1', 'IN'], ['sa-east-1', 'BR'], ['ca-central-1', 'CA'], ['me-central-1', 'AE'],
    ['europe-west3', 'eu'], ['europe-west2', 'GB'], ['europe-west6', 'CH'], ['europe-southwest1', 'eu'], ['us-central1', 'us'], ['asia-southeast1', 'SG'], ['australia-southeast1', 'AU'],
    ['westeurope', 'eu'], ['germanywestcentral', 'eu'], ['uksouth', 'GB'], ['switzerlandnorth', 'CH'], ['eastus2', 'us'], ['japaneast', 'JP'],
    ['EU-CENTRAL-1', 'eu'], ['shop.s3.eu-north-1.amazonaws.com', 'eu'], ['europe-west3-aiplatform.googleapis.com', 'eu'],
  ])('%s → %s', (name, region) => {
    expect(regionOf(name)).toBe(region);
  });

  it.each(['localhost', 'eu-central', 'europe', 'us-east', 'feastus.example'])('%s names no region', (name) => {
    expect(regionOf(name)).toBeUndefined();
  });

  it.each([
    ['# us-east-1 is the default\nregion = "eu-central-1"\n', 'eu-central-1'],
    ['// us-east-1\nconst r = "ap-south-1";\n', 'ap-south-1'],
    ['/* us-east-1 */\n * us-west-2\ns3 = client(region_name="eu-west-1")\n', 'eu-west-1'],
    ['u = "https://b.s3.eu-north-1.amazonaws.com" // not us-east-1\n', 'eu-north-1'],
    ['aws s3 cp x s3://b --region us-west-2\n', 'us-west-2'],
  ])('the region a file uses is the first one outside a comment: %j', (text, name) => {
    expect(firstRegionIn(text)?.name).toBe(name);
  });

  it('a file whose regions are all in comments uses none', () => {
    expect(firstRegionIn('# eu-central-1\n// us-east-1\nx = 1\n')).toBeUndefined();
  });
});

describe('regional endpoints from the catalogue and from cloud host names', () => {
  it.each([
    ['https://api.eu.mailgun.net/v3', 'mailgun', 'eu'],
    ['https://api.mailgun.net/v3', 'mailgun', 'us'],
    ['smtp.eu.mailgun.org', 'mailgun', 'eu'],
    ['https://k@o1.ingest.de.sentry.io/2', 'sentry', 'eu'],
    ['https://k@o1.ingest.us.sentry.io/2', 'sentry', 'us'],
    ['https://k@o1.ingest.sentry.io/2', 'sentry', undefined],
    ['https://api.dublin.ie1.twilio.com/2010-04-01', 'twilio', 'eu'],
    ['https://api.twilio.com/2010-04-01', 'twilio', undefined],
    ['https://eu.i.posthog.com', 'posthog', 'eu'],
    ['https://us.i.posthog.com', 'posthog', 'us'],
    ['https://api.eu.amplitude.com/2/httpapi', 'amplitude', 'eu'],
    ['https://api2.amplitude.com/2/httpapi', 'amplitude', 'us'],
    ['https://eu.api.openai.com/v1', 'openai', 'eu'],
    ['https://shop.s3.eu-central-1.amazonaws.com/r.pdf', 'aws', 'eu'],
    ['https://shop.s3.eu-west-2.amazonaws.com/r.pdf', 'aws', 'GB'],
    ['https://s3.amazonaws.com/shop/r.pdf', 'aws', undefined],
    ['https://europe-west3-aiplatform.googleapis.com/v1', 'google-cloud', 'eu'],
  ])('%s → %s in %s', (endpoint, service, region) => {
    expect(rowsOf('client.py', `ENDPOINT = "${endpoint}"\n`)).toEqual([['1 code-url', service, 'medium', region].filter(Boolean).join(' ')]);
  });
});

describe('evidence without an endpoint takes the region its service’s endpoints say', () => {
  const ev = (path: string, kind: Evidence['kind'], extra: Partial<Evidence>): Evidence => ({ kind, path, line: 1, column: 1, match: 'm', confidence: kind === 'env' ? 'low' : kind === 'code-url' ? 'medium' : 'high', ...extra });
  const regions = (evidence: Evidence[]): string[] =>
    attribute(evidence, defaultMatcher(), { firstParty: [] })
      .services.flatMap((s) => s.evidence)
      .map((e) => `${e.path} ${e.kind} ${e.region ?? '-'}`);

  it('an SDK import takes the region of the endpoint configured in its own file, not of other files', () => {
    expect(regions([
      ev('mail.py', 'import', { ecosystem: 'python', package: 'mailgun' }),
      ev('mail.py', 'code-url', { host: 'api.eu.mailgun.net' }),
      ev('other.go', 'import', { ecosystem: 'go', package: 'github.com/mailgun/mailgun-go/v4' }),
    ])).toEqual(['mail.py import eu', 'mail.py code-url eu', 'other.go import -']);
  });

  it('a dependency and a variable take the region all production endpoints agree on', () => {
    expect(regions([
      ev('composer.json', 'dependency', { ecosystem: 'composer', package: 'mailgun/mailgun-php' }),
      ev('.env', 'env', { serviceHint: 'mailgun' }),
      ev('a.php', 'code-url', { host: 'api.eu.mailgun.net' }),
      ev('b.rb', 'code-url', { host: 'smtp.eu.mailgun.org' }),
    ])).toEqual(['.env env eu', 'a.php code-url eu', 'b.rb code-url eu', 'composer.json dependency eu']);
  });

  it('endpoints that disagree leave the dependency without a region', () => {
    expect(regions([
      ev('composer.json', 'dependency', { ecosystem: 'composer', package: 'mailgun/mailgun-php' }),
      ev('a.php', 'code-url', { host: 'api.eu.mailgun.net' }),
      ev('b.php', 'code-url', { host: 'api.mailgun.net' }),
    ])).toEqual(['a.php code-url eu', 'b.php code-url us', 'composer.json dependency -']);
  });

  it('an endpoint in a test file decides nothing', () => {
    expect(regions([
      ev('composer.json', 'dependency', { ecosystem: 'composer', package: 'mailgun/mailgun-php' }),
      ev('tests/MailTest.php', 'code-url', { host: 'api.eu.mailgun.net', dev: true }),
    ])).toEqual(['composer.json dependency -', 'tests/MailTest.php code-url eu']);
  });
});

describe('Terraform', () => {
  it('reports providers, resources and state backends with the region each one uses', () => {
    const tf = `terraform {
  backend "s3" {
    bucket = "shop-tf-state"
    region = "eu-central-1"
  }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "us"
  region = "us-east-1" # CloudFront certificates must live here
}

variable "region" {
  default = "eu-west-1"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "shop-uploads"
}

resource "aws_acm_certificate" "cdn" {
  provider    = aws.us
  domain_name = "shop.example"
}

resource "google_storage_bucket" "exports" {
  name     = "shop-exports"
  location = "EU"
}

resource "azurerm_storage_account" "logs" {
  location = "uksouth"
}

resource "digitalocean_droplet" "worker" {
  region = "fra1"
}

# resource "aws_s3_bucket" "old" { region = "us-west-2" }
/*
resource "datadog_monitor" "x" {}
*/
`;
    expect(rowsOf('infra/main.tf', tf)).toEqual([
      '2 infra aws high eu',
      '8 infra aws high eu',
      '12 infra aws high us',
      '21 infra aws high eu',
      '25 infra aws high us',
      '30 infra google-cloud high eu',
      '35 infra microsoft-azure high GB',
      '39 infra digitalocean high eu',
    ]);
  });

  it('a provider configured with a regional API URL takes that region', () => {
    const tf = 'provider "datadog" {\n  api_url = "https://api.datadoghq.eu/"\n}\nresource "datadog_monitor" "errors" {\n  name = "errors"\n}\n';
    expect(rowsOf('monitoring.tf', tf)).toEqual(['1 infra datadog high eu', '2 code-url datadog medium eu', '4 infra datadog high eu']);
  });

  it('reads required_providers sources', () => {
    const tf = 'terraform {\n  required_providers {\n    cloudflare = { source = "cloudflare/cloudflare" }\n  }\n}\n';
    expect(rowsOf('versions.tf', tf)).toEqual(['3 infra cloudflare high']);
  });

  it('one evidence per resource type and region, however many resources', () => {
    const tf = 'provider "aws" { region = "eu-west-1" }\n' + 'resource "aws_s3_bucket" "b" {}\n'.repeat(50);
    expect(rowsOf('many.tf', tf)).toEqual(['1 infra aws high eu', '2 infra aws high eu']);
  });
});

describe('platform descriptors', () => {
  it.each([
    ['fly.toml', 'app = "shop"\nprimary_region = "fra"\n', ['1 infra fly-io high eu']],
    ['fly.toml', 'app = "shop"\nprimary_region = "lhr"\n', ['1 infra fly-io high GB']],
    ['fly.toml', 'app = "shop"\nprimary_region = "iad"\n', ['1 infra fly-io high us']],
    ['render.yaml', 'services:\n  - type: web\n    region: frankfurt\n', ['1 infra render high eu']],
    ['.do/app.yaml', 'name: shop\nregion: lon\n', ['1 infra digitalocean high GB']],
    ['vercel.json', '{ "regions": ["fra1"] }', ['1 infra vercel high eu']],
    ['vercel.json', '{ "regions": ["iad1"] }', ['1 infra vercel high us']],
    ['serverless.yml', 'service: shop\nprovider:\n  name: aws\n  region: eu-west-1\n', ['1 infra aws high eu']],
    ['app.yaml', 'runtime: python312\n', ['1 infra google-cloud high']],
    ['k8s/app.yaml', 'apiVersion: v1\nkind: Service\n', []],
    // A command's spec that happens to be named render.yaml is not a Render Blueprint.
    ['lib/surface/versions/render.yaml', '_PARTIALS_: true\n', []],
    ['render.yaml', 'databases:\n  - name: db\n    region: oregon\n', ['1 infra render high us']],
    ['app.json', '{ "name": "shop", "version": "1.0.0" }', []],
    ['app.json', '{ "name": "shop", "addons": ["heroku-postgresql"] }', ['1 infra heroku high']],
  ])('%s: %j', (path, text, expected) => {
    expect(rowsOf(path, text)).toEqual(expected);
  });
});

describe('platform descriptors are known by their file names', () => {
  it.each([
    ['fly.toml', 'fly-io'], ['deploy/fly.toml', 'fly-io'], ['render.yaml', 'render'], ['render.yml', 'render'],
    ['.do/app.yaml', 'digitalocean'], ['.do/deploy.template.yml', 'digitalocean'], ['app.yml', 'google-cloud'],
    ['serverless.yaml', 'aws'], ['vercel.json', 'vercel'], ['netlify.toml', 'netlify'], ['wrangler.toml', 'cloudflare'],
    ['wrangler.jsonc', 'cloudflare'], ['Procfile', 'heroku'], ['api/Procfile', 'heroku'], ['app.json', 'heroku'], ['heroku.yml', 'heroku'],
    ['railway.toml', 'railway'], ['firebase.json', 'firebase'],
  ])('%s → %s', (path, service) => {
    expect(descriptorFor(path)?.serviceId).toBe(service);
  });

  it.each([['src/app.ts'], ['fly.toml.bak'], ['MyProcfile'], ['docs/vercel.md'], ['config.json']])('%s is none', (path) => {
    expect(descriptorFor(path)).toBeUndefined();
  });
});
