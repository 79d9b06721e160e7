import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rowsOf } from './rows.js';
import { envSegment, firstEnvSegment } from '../../../src/scan/extractors/code.js';
import { ExtractContext, type Detectors } from '../../../src/scan/context.js';
import { cdnPackage } from '../../../src/scan/urls.js';
import { routeFor } from '../../../src/scan/extract.js';
import { defaultMatcher } from '../../../src/catalogue/index.js';
import { extractFile } from '../../../src/pipeline.js';

// [path, source, expected rows: `line kind service confidence [region]`]. Every host named in a
// comment, docstring or doc attribute of these snippets is also a host the code calls elsewhere,
// so a row on such a line would be a comment leaking into evidence.
const CASES: [string, string, string[]][] = [
  [
    'billing/charges.py',
    `"""Billing helpers. Stripe is called at https://api.stripe.com (never from the browser)."""
import os, stripe as s, sentry_sdk
from twilio.rest import Client
# requests.post("https://api.openai.com/v1/embeddings")
SENDGRID_HOST = "smtp.sendgrid.net"
BUCKET_URL = f"https://{bucket}.s3.eu-west-1.amazonaws.com/{key}"
SQL = """
SELECT * FROM hooks WHERE target = 'https://api.mixpanel.com/track' -- a comment in the SQL
"""
def embed(text):
    '''Embeds with https://api.cohere.com.'''
    return requests.post("https://api.openai.com/v1/embeddings", json={"input": text}, timeout=5)
`,
    ['2 import stripe high', '2 import sentry high', '3 import twilio high', '5 code-url sendgrid medium', '6 code-url aws medium eu', '8 code-url mixpanel medium us', '12 code-url openai medium'],
  ],
  [
    'app/services/notifier.rb',
    `require "stripe"
require_relative "helper"
# Stripe.api_base = "https://api.stripe.com"
=begin
Mixpanel: https://api.mixpanel.com/track
=end
ENDPOINT = "https://#{region}.api.mailgun.net/v3"
body = <<~JSON
  {"callback": "https://hooks.slack.com/services/T000"}
JSON
hosts = %w[api.openai.com]
pattern = %r{https://api\\.segment\\.io}
auth = "Bearer #{ENV.fetch("OPENAI_API_KEY")}"
`,
    ['1 import stripe high', '7 code-url mailgun medium us', '9 code-url slack medium', '11 code-url openai medium', '13 env openai low'],
  ],
  [
    'mail/send.go',
    `package mail

import (
	"fmt"
	sg "github.com/sendgrid/sendgrid-go"
	_ "github.com/lib/pq"
	// "github.com/getsentry/sentry-go"
)

import "github.com/twilio/twilio-go"

const tmpl = \`POST https://api.sendgrid.com/v3/mail/send\`

/* Legacy: https://api.mailgun.net/v3 */
var url = fmt.Sprintf("https://%s.s3.%s.amazonaws.com/%s", bucket, region, key)
var notAnImport = []string{"github.com/stripe/stripe-go"}
`,
    ['5 import sendgrid high', '10 import twilio high', '12 code-url sendgrid medium', '15 code-url aws medium'],
  ],
  [
    'src/Billing.php',
    `<?php
use Stripe\\StripeClient;
use function Sentry\\captureException;
use Aws\\{S3\\S3Client, Sqs\\SqsClient};
#[Route('/webhook', methods: ['POST'])]
// $client->post('https://api.openai.com/v1/chat/completions');
$payload = <<<EOT
    {"url": "https://hooks.slack.com/services/T000"}
    EOT;
$mail = new \\Mailgun\\Mailgun($config);
$class = '\\SendGrid\\Mail\\Mail';
`,
    ['2 import stripe high', '3 import sentry high', '4 import aws high', '8 code-url slack medium', '10 import mailgun high'],
  ],
  [
    'src/main/java/shop/Llm.java',
    `package shop;

import com.stripe.Stripe;
import static com.twilio.Twilio.init;

/** Calls https://api.openai.com/v1/chat/completions. */
class Llm {
  static final String URL = "https://api.openai.com/v1/chat/completions";
  static final String BODY = """
      {"base": "https://api.mistral.ai"}
      """;
  char q = '"'; // "https://api.cohere.com"
}
`,
    ['3 import stripe high', '4 import twilio high', '8 code-url openai medium', '10 code-url mistral-ai medium'],
  ],
  [
    'src/main/kotlin/Track.kt',
    `import io.sentry.Sentry
/* outer /* nested https://api.openai.com */ still a comment: https://api.cohere.com */
val dsn = "https://\${key}@o1.ingest.de.sentry.io/2"
val event = "\${user.name("x")} https://api.segment.io/v1/track"
`,
    // The import is configured in this file to the EU ingest, so it carries that region.
    ['1 import sentry high eu', '3 code-url sentry medium eu', '4 code-url segment medium us'],
  ],
  [
    'Services/Notify.cs',
    `global using Twilio;
using Amazon.S3;
using Mail = SendGrid.Helpers.Mail;
// var url = "https://api.openai.com";
var path = @"C:\\logs\\"; var api = "https://api.openai.com/v1/responses";
var dsn = $"https://{key}@o1.ingest.us.sentry.io/2";
`,
    ['1 import twilio high', '2 import aws high', '3 import sendgrid high', '5 code-url openai medium', '6 code-url sentry medium us'],
  ],
  [
    'src/llm.rs',
    `use sentry::ClientOptions;
use std::env;
/// Sends to https://api.openai.com (doc comment)
fn client<'a>(key: &'a str) -> String {
    let q = '"';
    let body = r#"{"url": "https://api.anthropic.com/v1/messages"}"#;
    format!("https://{}.s3.eu-west-1.amazonaws.com", key)
}
`,
    ['1 import sentry high', '6 code-url anthropic medium', '7 code-url aws medium eu'],
  ],
  [
    'lib/shop/mailer.ex',
    `defmodule Shop.Mailer do
  @moduledoc """
  Sends through https://api.mailgun.net (US).
  """
  alias Sentry
  @doc "Posts to https://api.postmarkapp.com"
  def endpoint, do: "https://api.eu.mailgun.net/v3"
  def quote_char, do: ?"
  def body(name), do: ~s({"to": "#{name}", "hook": "https://hooks.slack.com/x"})
end
`,
    ['5 import sentry high', '7 code-url mailgun medium eu', '9 code-url slack medium'],
  ],
  [
    'deploy/release.sh',
    `#!/bin/sh
# curl https://api.openai.com/v1/models
curl -s https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"
cat <<EOF > /etc/app.env
SENTRY_DSN=https://k@o1.ingest.de.sentry.io/2
EOF
echo "\${#HOSTS}" # https://api.mailgun.net
`,
    ['3 code-url openai medium', '3 env openai low', '5 env sentry low eu', '5 code-url sentry medium eu'],
  ],
  [
    'k8s/deployment.yaml',
    `# https://api.openai.com is not called from here
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            - name: STRIPE_SECRET_KEY
            - name: SMTP_HOST
              value: smtp.sendgrid.net
            - name: NOTE
              value: O'Brien;https://api.mixpanel.com/track
            # - name: SEGMENT_WRITE_KEY  https://api.segment.io
`,
    ['10 env stripe low', '12 code-url sendgrid medium', '14 code-url mixpanel medium us'],
  ],
  [
    'config/settings.toml',
    `[sentry]
dsn = "https://k@o1.ingest.de.sentry.io/2"  # "https://o1.ingest.us.sentry.io" is the US one

[mailgun]
api_key = ""
domain = "mg.shop.example"
`,
    ['2 env sentry low eu', '2 code-url sentry medium eu', '5 env mailgun low', '6 env mailgun low'],
  ],
  [
    'src/main/resources/application.properties',
    `# Sentry for Spring Boot: https://docs.sentry.io
sentry.dsn=https://k@o1.ingest.us.sentry.io/2
sentry.traces-sample-rate=0.2
twilio.account-sid=\${TWILIO_ACCOUNT_SID}
`,
    ['2 env sentry low us', '2 code-url sentry medium us', '4 env twilio low'],
  ],
  [
    'appsettings.json',
    `{
  // Serilog and Sentry: https://docs.sentry.io
  "Sentry": {
    "Dsn": "https://k@o1.ingest.de.sentry.io/2",
    "SendDefaultPii": false
  },
  "Stripe": { "SecretKey": "" }
}
`,
    ['4 env sentry low eu', '4 code-url sentry medium eu', '7 env stripe low'],
  ],
  [
    '.env.example',
    `# Mail: the US API (https://api.mailgun.net) is not used
MAILGUN_ENDPOINT=api.eu.mailgun.net
export OPENAI_API_KEY="sk-..."   # from https://platform.openai.com
`,
    ['2 env mailgun low eu', '2 code-url mailgun medium eu', '3 env openai low'],
  ],
  [
    'Dockerfile',
    `FROM python:3.12-slim
# https://api.openai.com is called at run time
ENV SENTRY_DSN=https://k@o1.ingest.de.sentry.io/2
RUN pip install sentry-sdk
`,
    ['3 env sentry low eu', '3 code-url sentry medium eu', '4 dependency sentry high eu'],
  ],
  [
    'infra/prod.tfvars',
    `region = "eu-central-1" # https://api.datadoghq.com was the US site
datadog_api_url = "https://api.datadoghq.eu/"
`,
    ['2 code-url datadog medium eu'],
  ],
  [
    'src/track.ts',
    `import posthog from 'posthog-js';
// fetch('https://api.openai.com/v1/models')
const sample = "import Stripe from 'stripe'";
posthog.init(key, { api_host: \`https://\${region}.i.posthog.com\` });
`,
    ['1 import posthog high', '4 code-url posthog medium'],
  ],
];

/** A table of [path, source, expected rows] under a title, each row a test. */
function describeRows(title: string, cases: [string, string, string[]][]): void {
  describe(title, () => {
    it.each(cases)('%s: %j', (path, source, expected) => {
      expect(rowsOf(path, source)).toEqual(expected);
    });
  });
}

describe('backend code and config: evidence from code, never from comments', () => {
  it.each(CASES)('%s', (path, source, expected) => {
    expect(rowsOf(path, source)).toEqual(expected);
  });
});

describe('PHP', () => {
  it('a template is read as markup and as code, and a PHP comment is neither', () => {
    const php = `<?php
// <script src="https://js.stripe.com/v3"></script>
/* <iframe src="https://www.youtube.com/embed/x"></iframe> */
$key = getenv('STRIPE_PUBLISHABLE_KEY');
?>
<script src="https://js.stripe.com/v3"></script>
<?php echo '<img src="https://www.facebook.com/tr?id=1">'; ?>
`;
    expect(rowsOf('templates/checkout.php', php)).toEqual(['4 env stripe low', '6 script-src stripe high', '7 img meta-pixel high']);
  });

  it('a file that is only PHP is not read as markup', () => {
    const php = `<?php\n/** Renders <script src="https://js.stripe.com/v3"></script> */\nfunction render(): string { return '<script src="https://js.stripe.com/v3"></script>'; }\n`;
    expect(rowsOf('src/View.php', php)).toEqual(['3 script-src stripe high']);
  });
});

describe('hosts in string literals', () => {
  it.each([
    ['"api.openai.com"', 'openai'],
    ['"smtp.sendgrid.net:587"', 'sendgrid'],
    ['"api.openai.com/v1/chat/completions"', 'openai'],
    ['"  api.openai.com  "', 'openai'],
  ])('a string that is only a catalogue host is evidence: %s', (literal, service) => {
    expect(rowsOf('a.py', `HOST = ${literal}\n`)).toEqual([`1 code-url ${service} medium`]);
  });

  it.each(['"os.path"', '"index.js"', '"github.com/acme/tool"', '"not a host.com"', '"api.unknown-vendor.io"'])('a dotted string that is no catalogue host is not: %s', (literal) => {
    expect(rowsOf('a.py', `X = ${literal}\n`)).toEqual([]);
  });

  it('an AWS dual-stack endpoint (api.aws) is AWS, in the region its host names', () => {
    expect(rowsOf('a.py', 'ECS = "https://ecs.eu-west-1.api.aws/"\n')).toEqual(['1 code-url aws medium eu']);
  });

  it('reports an unknown vendor host in a URL as unclassified', () => {
    expect(rowsOf('a.go', 'const u = "https://api.unknown-vendor.io/v1"\n')).toEqual(['1 code-url ?api.unknown-vendor.io medium']);
  });

  it.each([
    ['${bucket}', 'JS and HCL'],
    ['#{bucket}', 'Ruby and Elixir'],
    ['{bucket}', 'Python and C#'],
    ['%s', 'Go and printf'],
    ['%(bucket)s', 'Python %-format'],
    ['$bucket', 'Kotlin, PHP and shell'],
    ['\\(bucket)', 'Swift'],
    ['{{ .Values.bucket }}', 'Helm'],
  ])('a host after a %s placeholder (%s) is the host that follows it', (placeholder, _where) => {
    expect(rowsOf('a.rb', `u = "https://${placeholder}.s3.eu-central-1.amazonaws.com/k"\n`)).toEqual(['1 code-url aws medium eu']);
  });

  it('a URL made only of placeholders yields nothing', () => {
    expect(rowsOf('a.py', 'u = f"https://{host}/v1/{path}"\n')).toEqual([]);
  });
});

describe('imports', () => {
  it.each([
    ['a.py', 'import boto3.session as s3\n', '1 import aws high'],
    ['a.py', 'try:\n    import sentry_sdk\nexcept ImportError:\n    pass\n', '2 import sentry high'],
    ['a.py', 'x = 1; import stripe\n', '1 import stripe high'],
    ['a.go', 'import (\n\tstripe "github.com/stripe/stripe-go/v76"\n)\n', '2 import stripe high'],
    ['a.go', 'import . "github.com/getsentry/sentry-go"\n', '1 import sentry high'],
    ['a.rb', 'require("sentry-ruby")\n', '1 import sentry high'],
    ['a.rb', 'gemfile do\n  gem "twilio-ruby"\nend\n', '2 import twilio high'],
    ['a.php', '<?php\nuse Symfony\\Component\\Mailer\\Bridge\\Mailgun\\Transport\\MailgunApiTransport;\n', '2 import mailgun high'],
    ['a.php', '<?php\n$s3 = new \\Aws\\S3\\S3Client([]);\n', '2 import aws high'],
    ['A.java', 'import com.mailgun.api.v3.MailgunMessagesApi;\n', '1 import mailgun high'],
    ['A.scala', 'import com.twilio.{Twilio, rest}\n', '1 import twilio high'],
    ['A.cs', 'using static Sentry.SentrySdk;\n', '1 import sentry high'],
    ['a.rs', 'pub(crate) use aws_sdk_s3 as s3;\n', '1 import aws high'],
    ['a.ex', '  import Sentry\n', '1 import sentry high'],
  ])('%s: %j', (path, source, expected) => {
    expect(rowsOf(path, source)).toEqual([expected]);
  });

  it.each([
    ['a.py', 'CODE = """\nimport sentry_sdk\n"""\n'],
    ['a.py', '# import sentry_sdk\n'],
    ['a.rb', 'DOC = <<~RUBY\n  require "stripe"\nRUBY\n'],
    ['a.php', '<?php\n/* use Stripe\\StripeClient; */\n'],
    ['a.go', '// import "github.com/stripe/stripe-go"\nvar s = "import \\"github.com/stripe/stripe-go\\""\n'],
    ['A.java', 'String s = """\nimport com.stripe.Stripe;\n""";\n'],
  ])('an import inside a string or comment is not an import: %s %j', (path, source) => {
    expect(rowsOf(path, source)).toEqual([]);
  });
});

describe('vendor variables and config keys are low-confidence evidence', () => {
  it.each([
    ['values.yaml', 'sentry:\n  dsn: ""\n', ['2 env sentry low']],
    ['values.yaml', 'config:\n  mailgun:\n    apiKey: ""\n', ['3 env mailgun low']],
    ['values.yaml', 'sentry:\n  enabled: true\nother:\n  dsn: x\n', []],
    // A theme's settings left unset (YAML null) configure nothing; a key that opens a block still names one below it.
    ['_config.yml', 'facebook:\n  username               :\n  app_id                 :\nalgolia:\n  application_id : # YOUR_APPLICATION_ID\n  index_name: ~\n', []],
    ['_config.yml', 'comments:\n  disqus:\n    shortname: # fill with the Disqus shortname\n', []],
    ['_config.yml', 'comments:\n  disqus:\n    shortname: acme-blog\n', ['3 env disqus low']],
    ['values.yaml', 'sentry:\n  dsn:\n    # the DSN comes from a secret\n    secretKeyRef: sentry-dsn\n', ['2 env sentry low']],
    ['settings.ini', '[stripe]\nsecret_key = sk_test\n', ['2 env stripe low']],
    ['app.properties', 'openai.api-key=${OPENAI_API_KEY}\n', ['1 env openai low']],
    ['app.properties', 'openai.api-key=sk-test\n', ['1 env openai low']],
    // Spring AI's own properties name the model provider even without a key on the line.
    ['application.properties', 'spring.ai.openai.chat.options.temperature: 0.7\n', ['1 code-snippet openai high']],
    ['application.properties', 'spring.ai.azure.openai.chat.options.temperature: 0.7\n#spring.ai.openai.chat.options.model=gpt-4o\n', ['1 code-snippet azure-openai high']],
    ['config.json', '{"twilio": {"accountSid": "AC1"}}', ['1 env twilio low']],
    ['docker-compose.yml', 'services:\n  web:\n    environment:\n      - SENTRY_DSN=${SENTRY_DSN}\n', ['4 env sentry low']],
    ['settings.py', 'SENTRY_DSN = env("SENTRY_DSN")\nSTRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")\n', ['1 env sentry low', '2 env stripe low']],
    ['main.go', '// os.Getenv("STRIPE_SECRET_KEY")\n', []],
    ['appsettings.json', '{"Sentry": {"Dsn": ""}}', ['1 env sentry low']],
    ['config.json', '{\n  "sentryDsn": ""\n}', ['2 env sentry low']],
    // Data files name vendors without configuring them: API models, icon lists.
    ['apis/appflow.min.json', '{"shapes": {"Salesforce": {"type": "structure", "members": {"Object": {}}}}}', []],
    ['apis/acm.min.json', '{"operations": {"ResendValidationEmail": {"input": {"shape": "S1"}}}}', []],
    ['apis/chatbot.min.json', '{"members": {"SlackChannelId": {"shape": "S2"}}}', []],
    ['metadata/icons.yml', 'discord:\n  changes:\n    - 5.0.0\n  label: Discord\n', []],
    // A name that only starts with a vendor's prefix is a setting where the environment is read, or in config.
    ['src/config.js', 'const tags = process.env.DATADOG_CUSTOM_TAGS;\n', ['1 env datadog low']],
    ['.env.example', 'DATADOG_CUSTOM_TAGS=team:web\n', ['1 env datadog low']],
    ['src/errors.js', 'export const RECAPTCHA_NOT_ENABLED = "recaptcha-not-enabled";\n', []],
    ['src/keys.js', 'const key = STRIPE_SECRET_KEY;\n', ['1 env stripe low']],
    ['config/initializers/mailer.rb', 'track_key = ApplicationConfig["CUSTOMERIO_TRACK_API_KEY"]\n', ['1 env customer-io low']],
    ['app/search.py', 'client = SearchClient.create(app.config["ALGOLIA_APP_ID_EU"])\n', ['1 env algolia low']],
    ['lib/limits.rb', 'CUSTOMERIO_BATCH_LIMIT = 100\n', []],
    // Rails initializers that set up an SDK by its constant, the gem being required by Bundler.
    ['config/initializers/algoliasearch.rb', 'AlgoliaSearch.configuration = {\n  application_id: ENV["ALGOLIASEARCH_APPLICATION_ID"],\n}\n', ['1 code-snippet algolia high', '2 env algolia low']],
    ['config/initializers/customerio.rb', '$customerio = Customerio::Client.new(site_id, api_key)\n', ['1 code-snippet customer-io high']],
  ])('%s: %j', (path, source, expected) => {
    expect(rowsOf(path, source)).toEqual(expected);
  });
});

describe('config keys are listed only where a vendor variable can start (a prefilter)', () => {
  // envHead() only spares work: with one that lets every segment through, the same keys must be found.
  const matcher = defaultMatcher();
  const everyHead: Detectors = {
    snippets: (code, source) => matcher.snippets(code, source),
    mayHaveSnippets: (text) => matcher.mayHaveSnippets(text),
    markupSnippets: (text) => matcher.markupSnippets(text),
    snippetMatchesIn: (code, source) => matcher.snippetMatchesIn(code, source),
    knownHost: (host, path) => matcher.knownHost(host, path),
    listsHost: (host) => matcher.listsHost(host),
    knownImport: (language, module) => matcher.knownImport(language, module),
    envName: (name, prefixes) => matcher.envName(name, prefixes),
    envHead: () => true,
    spellsEnvName: (pieces) => matcher.spellsEnvName(pieces),
    terraformProvider: (name) => matcher.terraformProvider(name),
  };
  const evidence = (path: string, text: string, detectors: Detectors) => {
    const ctx = new ExtractContext(path, text, detectors, false);
    routeFor(path)!(ctx);
    return ctx.evidence.filter((e) => e.kind === 'env').map((e) => `${e.line}:${e.column} ${e.match} ${e.serviceHint}`);
  };
  const key = fc.constantFrom('sentry', 'Sentry', 'dsn', 'Dsn', 'mailgun', 'apiKey', 'api_key', 'api-key', 'twilio', 'accountSid', 'config', 'services', 'options', 'sentry.dsn', 'openai.api', 'x', 'stripe', 'secret_key', 'AWS', 'region');
  type Tree = { [k: string]: Tree | string };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.constant('v'), tie('node')), { maxKeys: 3 }),
  })).node;
  const yaml = (t: Tree, indent = ''): string => Object.entries(t).map(([k, v]) => (typeof v === 'string' ? `${indent}${k}: ${v}\n` : `${indent}${k}:\n${yaml(v, indent + '  ')}`)).join('');

  it('JSON and YAML give the same evidence with and without the prefilter', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const json = JSON.stringify(t, null, 1);
        expect(evidence('config.json', json, matcher)).toEqual(evidence('config.json', json, everyHead));
        const y = yaml(t);
        expect(evidence('values.yaml', y, matcher)).toEqual(evidence('values.yaml', y, everyHead));
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('finds a variable spelled by a key and the keys around it', () => {
    expect(evidence('config.json', '{"services": {"sentry": {"dsn": "x"}}}', matcher)).toEqual(['1:27 sentry.dsn sentry']);
    expect(evidence('values.yaml', 'config:\n  sentry.dsn: x\n', matcher)).toEqual(['2:3 sentry.dsn sentry']);
  });
});

describe('the first segment of a config key, read without building the variable name', () => {
  it('is the first segment envSegment() would give, for keys of every shape', () => {
    const part = fc.constantFrom('sentry', 'Sentry', 'SENTRY', 'api', 'Key', 'dsn', 'x1', 'A', 'b2B', '_', '-', '.', 'é', 'ß', '$', ' ', '9');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }).map((p) => p.join('')), (key) => {
        expect(firstEnvSegment(key)).toBe(envSegment(key).split('_')[0]);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it.each([
    ['mailgunApiKey', 'MAILGUN'],
    ['sentry.dsn', 'SENTRY'],
    ['open-ai', 'OPEN'],
    ['v2Key', 'V2'],
    ['ABCdef', 'ABCDEF'],
    ['_private', ''],
  ])('%s → %s', (key, first) => {
    expect(firstEnvSegment(key)).toBe(first);
  });
});

describe('framework components that load a vendor tag (Next.js @next/third-parties)', () => {
  it.each([
    ['app/layout.tsx', "import { GoogleAnalytics } from '@next/third-parties/google';\nexport default () => <GoogleAnalytics gaId=\"G-XYZ\" />;\n", ['2 code-snippet google-analytics high']],
    ['app/layout.tsx', "import { GoogleTagManager } from '@next/third-parties/google';\nexport default () => <GoogleTagManager gtmId=\"GTM-XYZ\" />;\n", ['2 code-snippet google-tag-manager high']],
    ['app/page.tsx', "import { sendGAEvent } from '@next/third-parties/google';\nsendGAEvent({ event: 'buttonClicked' });\n", ['2 code-snippet google-analytics high']],
    ['app/page.tsx', "import { YouTubeEmbed } from '@next/third-parties/google';\nexport default () => <YouTubeEmbed videoid=\"ogfYd705cRs\" />;\n", ['2 code-snippet youtube high']],
    // a component of the project's own that merely shares a prefix is nothing
    ['app/page.tsx', 'export default () => <GoogleAnalyticsSettings enabled />;\n', []],
  ])('%s: %j', (path, source, expected) => {
    expect(rowsOf(path, source)).toEqual(expected);
  });
});

describe('Django settings that switch on a vendor tag (django-analytical)', () => {
  it('names the services of its documented settings', () => {
    const settings = "GOOGLE_ANALYTICS_GTAG_PROPERTY_ID = 'G-ABCDEF1234'\nHUBSPOT_PORTAL_ID = '1234'\nINTERCOM_APP_ID = 'abc'\nYANDEX_METRICA_COUNTER_ID = '12345678'\nDEBUG = False\n";
    expect(rowsOf('shop/settings.py', settings)).toEqual(['1 env google-analytics low', '2 env hubspot low', '3 env intercom low', '4 env yandex-metrica low']);
  });
});

describeRows('CSS held in a string loads what its @import names', [
  ['src/GlobalStyles.js', "import { createGlobalStyle } from 'styled-components'\nexport default createGlobalStyle`\n@import url('https://fonts.googleapis.com/css2?family=Poppins&display=swap');\n  :root { --primary: #1E81A0; }\n`", ['3 css google-fonts high']],
  ['src/theme.ts', "export const fonts = css`\n  @import url(https://fonts.googleapis.com/css?family=Inter);\n  body { margin: 0 }\n`;", ['2 css google-fonts high']],
  ['src/theme.ts', "const style = document.createElement('style');\nstyle.textContent = '@import \"https://fonts.googleapis.com/css?family=Inter\";';", ['2 css google-fonts high']],
  // The same URL in a sentence for a person is a link.
  ['src/help.ts', "const hint = `The fonts come from https://fonts.googleapis.com, see the docs for how to self-host them.`;", []],
]);

describeRows("Grafana Alloy's configuration is read like HCL", [
  ['alloy/config.alloy', 'otelcol.exporter.otlphttp "grafana_cloud" {\n  client {\n    // https://grafana.com/docs/alloy/\n    endpoint = "https://otlp-gateway-prod-us-west-0.grafana.net/otlp"\n  }\n}\n', ['4 code-url grafana-cloud medium us']],
]);

describeRows('config keys spell a vendor whose name has a capital inside as it is written', [
  ['src/Api/appsettings.json', '{\n  "SendGrid": {\n    "ApiKey": "SECRET"\n  },\n  "OpenAI": { "ApiKey": "x" },\n  "PayPal": { "ClientId": "x" }\n}\n', ['3 env sendgrid low', '5 env openai low', '6 env paypal low']],
  ['src/Api/appsettings.json', '{\n  "globalSettings": {\n    "mail": {\n      "sendGridApiKey": "SECRET"\n    }\n  }\n}\n', ['4 env sendgrid low']],
  ['config/application.yml', 'gitHub:\n  clientSecret: ${GITHUB_SECRET}\n', ['2 env github low']],
  // The Datadog Helm chart's values (keys injected at install), a New Relic agent's DaemonSet environment.
  ['datadog/values.yaml', 'datadog:\n  apiKey: ""\n  appKey: ""\n  logs:\n    enabled: true\n', ['2 env datadog low', '3 env datadog low']],
  ['k8s/newrelic-infra.yaml', 'env:\n  - name: NRIA_LICENSE_KEY\n    value: abc123\n', ['2 env new-relic low']],
  // The Okta Spring Boot starter's settings, here without the issuer (set elsewhere).
  ['src/main/resources/application.yml', 'okta:\n  oauth2:\n    redirect-uri: /authorization-code/callback\n    scopes:\n    - profile\n', ['3 env okta low']],
  // The words alone, with no key a variable of theirs has, spell nothing.
  ['src/Api/appsettings.json', '{\n  "SendGrid": { "Enabled": true },\n  "sendGrid": "on"\n}\n', []],
]);

describeRows("a framework's prefix on a vendor variable", [
  ['.env.production', 'EXPO_PUBLIC_SENTRY_DSN=https://x\nNUXT_PUBLIC_STRIPE_KEY=pk_live_x\nDJANGO_SENTRY_DSN=\nVUE_APP_MIXPANEL_TOKEN=x\n', ['1 env sentry low', '2 env stripe low', '3 env sentry low', '4 env mixpanel low']],
  ['app/config.ts', 'export const dsn = process.env.EXPO_PUBLIC_SENTRY_DSN;\n', ['1 env sentry low']],
  // The prefix alone, or before a name no vendor has, is nothing.
  ['.env', 'VITE_API_URL=/api\nPUBLIC_KEY=x\nDJANGO_SECRET_KEY=x\n', []],
  // A project's own name for a vendor's key, after a prefix only that vendor's variables have
  // (reCaptcha and hCaptcha spelled as camel case splits them: RE_CAPTCHA, H_CAPTCHA).
  // A project's own prefix of one or two words before a vendor's whole variable; a vendor's
  // prefix alone after it (STRIPE_ of STRIPE_ANYTHING), or three words of prefix, is not enough.
  ['.env.example', 'NEXT_PRIVATE_RESEND_API_KEY=\nACME_SENTRY_DSN=\nNEXT_PRIVATE_STRIPE_ANYTHING=\nA_B_C_SENTRY_DSN=\nMAX_RETRY_COUNT=3\n', ['1 env resend low', '2 env sentry low']],
  // django-recaptcha's and Flask-WTF's settings.
  ['settings.py', 'RECAPTCHA_PUBLIC_KEY = os.environ["RECAPTCHA_PUBLIC_KEY"]\n', ['1 env recaptcha low']],
  ['.env.example', 'NUXT_PUBLIC_AMPLITUDE_CODE=\nNUXT_PUBLIC_GOOGLE_ANALYTICS_CODE=\nNUXT_PUBLIC_H_CAPTCHA_SITE_KEY=\nNUXT_PUBLIC_RE_CAPTCHA_SITE_KEY=\nMIXPANEL_KEY=\nHOTJAR_SV=6\n', ['1 env amplitude low', '2 env google-analytics low', '3 env hcaptcha low', '4 env recaptcha low', '5 env mixpanel low', '6 env hotjar low']],
]);

describeRows('build plugins and app settings that switch a vendor on', [
  ['app/build.gradle', "apply plugin: 'com.android.application'\napply plugin: 'fullstory'\n", ['2 code-snippet fullstory high']],
  ['app/build.gradle.kts', 'plugins {\n    id("fullstory")\n}\n', ['2 code-snippet fullstory high']],
  ['app/src/main/AndroidManifest.xml', '<manifest package="org.acme.x">\n<application>\n<meta-data android:name="com.google.android.gms.wallet.api.enabled" android:value="true" />\n</application></manifest>\n', ['3 code-snippet google-pay high']],
  ['gatsby-config.js', "module.exports = { plugins: [\n  {\n    resolve: 'gatsby-plugin-web-font-loader',\n    options: {\n      google: { families: ['PT Serif'] },\n    },\n  },\n] };\n", ['3 code-snippet google-fonts high']],
  // The same loader with the project's own fonts loads nothing from Google.
  ['gatsby-config.js', "module.exports = { plugins: [\n  { resolve: 'gatsby-plugin-web-font-loader', options: { custom: { families: ['Inter'], urls: ['/fonts/inter.css'] } } },\n] };\n", []],
]);

describeRows('vendor SDKs used without an import the language needs', [
  // Rust calls a crate by its path; Elixir, Rails and Laravel load modules without an import line.
  ['src/sentry.rs', 'pub fn init(dsn: &str) -> sentry::ClientInitGuard {\n    sentry::init(dsn)\n}\n', ['2 code-snippet sentry high']],
  ['lib/app/uploader.ex', 'defmodule App.Uploader do\n  def upload(stream, key) do\n    stream |> ExAws.S3.upload("bucket", key) |> ExAws.request(region: "eu-west-1")\n  end\nend\n', ['3 code-snippet aws high']],
  // django-anymail's and django-ses' e-mail backends, named in settings.
  ['config/settings/production.py', 'EMAIL_BACKEND = "anymail.backends.sendgrid.EmailBackend"\n', ['1 code-snippet sendgrid high']],
  ['config/settings/production.py', "EMAIL_BACKEND = 'django_ses.SESBackend'\n", ['1 code-snippet amazon-ses high']],
  ['app/jobs/add_subscriber_job.rb', 'class AddSubscriberJob < ApplicationJob\n  def perform(user)\n    Gibbon::Request.new(api_key: ENV.fetch("MC_KEY")).lists(LIST).members.create(body: { email_address: user.email })\n  end\nend\n', ['3 code-snippet mailchimp high']],
  ['app/Http/Controllers/DashboardController.php', "<?php\nclass DashboardController {\n  public function store() {\n    Storage::disk('s3')->put('avatars/1', \$file);\n  }\n}\n", ['4 code-snippet aws high']],
  ['Startup.cs', 'using Serilog;\nLog.Logger = new LoggerConfiguration()\n    .WriteTo.Slack(slackHook)\n    .CreateLogger();\n', ['3 code-snippet slack high']],
  ['app/tracking.py', 'import analytics\nfrom django.conf import settings\nanalytics.write_key = settings.SEGMENT_KEY\n', ['3 code-snippet segment high']],
  // A local disk is no vendor's.
  ['app/Http/Controllers/FileController.php', "<?php\nStorage::disk('local')->put('a', \$b);\n", []],
  // Razor pages written in Visual Basic are markup.
  ['Views/Shared/_Layout.vbhtml', '<head>\n<script src="https://js.stripe.com/v3/"></script>\n</head>\n', ['2 script-src stripe high']],
  // FreeMarker templates (Java sites: CrafterCMS, Liferay, Spring) are markup too.
  ['templates/plugins/chat/body_bottom.ftl', '<#if license??>\n<script>\n  window.__lc.license = ${license};\n  var s = document.createElement("script"); s.src = "https://cdn.livechatinc.com/tracking.js";\n</script>\n</#if>\n', ['3 inline-script livechat high', '4 inline-script livechat high']],
  ['src/main/resources/templates/index.ftlh', '<head>\n<script src="https://js.stripe.com/v3/"></script>\n</head>\n', ['2 script-src stripe high']],
]);

describeRows("a Dockerfile's RUN installs packages into the image", [
  ['Dockerfile', 'FROM python:3.12-alpine\n# RUN pip install sentry-sdk\nRUN pip install --no-cache-dir -r requirements.txt newrelic==9.1 \\\n    ddtrace && rm -rf /tmp\nRUN npm install -g @sentry/cli@2 pnpm\nRUN gem install bugsnag -v 6.0\nCMD ["python", "app.py"]\n', ['3 dependency new-relic high', '4 dependency datadog high', '5 dependency sentry high', '6 dependency bugsnag high']],
  ['docker/Dockerfile.prod', 'FROM python:3.12\nRUN python3 -m pip install "sentry-sdk[flask]>=2" \'newrelic<10\' && echo done\n', ['2 dependency sentry high', '2 dependency new-relic high']],
  // Files, paths, the project itself and a comment install no vendor's package.
  ['Dockerfile', 'FROM node:20\nRUN npm ci && npm run build\nRUN pip install -e . && pip install ./wheels/x.whl -r requirements.txt\n# pip install newrelic\n', []],
]);

describeRows('keys, agent files and site plugins that name their vendor', [
  // A Stripe key of today's length (over 100 characters) is Stripe's; Clerk's and Paystack's share the prefix but are shorter.
  ['src/environments/environment.prod.ts', `export const environment = {\n  stripe: {\n    publishableKey:\n      'pk_live_51MLUx0BbTwqiwTLERcqEaGlgtoOcqPehvrpQpadO5EgI2T0XbR89AnZ1TwRe6m81YzfVtEKQeLaNKFm5IoBwEoN700vVvAeQg4',\n  },\n};\n`, ['4 code-snippet stripe high']],
  ['src/clerk.ts', "export const key = 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k';\nexport const paystack = 'pk_live_0123456789abcdef0123456789abcdef01234567';\n", []],
  ['astro.config.mjs', "import vercel from '@astrojs/vercel';\nexport default defineConfig({\n  adapter: vercel({\n    webAnalytics: { enabled: true },\n  }),\n});\n", ['4 code-snippet vercel-analytics high']],
  ['astro.config.mjs', "import vercel from '@astrojs/vercel';\nexport default defineConfig({ adapter: vercel({ webAnalytics: { enabled: false } }) });\n", []],
  ['newrelic.js', "'use strict'\nexports.config = {\n  app_name: [process.env.APP_NAME],\n  license_key: process.env.LICENSE,\n  distributed_tracing: { enabled: true },\n}\n", ['2 code-snippet new-relic high']],
  ['docusaurus.config.js', "module.exports = {\n  plugins: ['@stackql/docusaurus-plugin-hubspot', 'docusaurus-plugin-smartlook'],\n  themeConfig: { hubspot: { accountId: 8423972 } },\n};\n", ['2 import hubspot high', '2 import smartlook high']],
  ['.env.example', 'PRISMIC_URI=https://x\nPRISMIC_TOKEN=\n', ['1 env prismic low', '2 env prismic low']],
  // The libSQL driver also opens local SQLite files and self-hosted servers: no one's service by itself.
  ['package.json', '{\n  "dependencies": {\n    "@libsql/client": "^0.14.0",\n    "passport-google-oauth2": "^0.2.0"\n  }\n}\n', ['4 dependency google-identity-services high']],
]);

describeRows('lockfiles whose every runtime package ships with the app', [
  // A Flutter plugin's pods (GoogleMaps under google_maps_flutter_ios) are linked into the app: each pod at the top level counts once.
  ['ios/Podfile.lock', 'PODS:\n  - Flutter (1.0.0)\n  - google_maps_flutter_ios (0.0.1):\n    - Flutter\n    - GoogleMaps (< 9.0)\n  - GoogleMaps (6.2.1):\n    - GoogleMaps/Maps (= 6.2.1)\n  - "SwiftyDropbox (8.2.1)"\n\nDEPENDENCIES:\n  - google_maps_flutter_ios (from `.symlinks/plugins/google_maps_flutter_ios/ios`)\n\nCOCOAPODS: 1.11.3\n', ['6 dependency google-maps high', '8 dependency dropbox high']],
  ['pubspec.lock', 'packages:\n  firebase_analytics:\n    dependency: transitive\n    description:\n      name: firebase_analytics\n    version: "6.0.0"\n  giphy_flutter_sdk:\n    dependency: "direct main"\n    version: "1.0.6"\n  sentry_flutter:\n    dependency: "direct dev"\n    version: "7.0.0"\nsdks:\n  dart: ">=2.12.0 <3.0.0"\n', ['2 dependency google-analytics high', '7 dependency giphy high', '10 dependency sentry high dev']],
  ['composer.lock', '{\n    "packages": [\n        {\n            "name": "stripe/stripe-php",\n            "version": "v6.39.1"\n        }\n    ],\n    "packages-dev": [\n        {\n            "name": "sentry/sentry",\n            "version": "4.0.0"\n        }\n    ]\n}\n', ['4 dependency stripe high', '10 dependency sentry high dev']],
  ['Pipfile.lock', '{\n    "_meta": {"hash": {"sha256": "x"}},\n    "default": {\n        "sentry-sdk": {"version": "==1.9.0"},\n        "urllib3": {"version": "==1.26"}\n    },\n    "develop": {\n        "boto3": {"version": "==1.26"}\n    }\n}\n', ['4 dependency sentry high', '8 dependency aws high dev']],
  // An optional package (an extra nobody asked for) is not installed.
  ['poetry.lock', '[[package]]\nname = "sentry-sdk"\nversion = "1.9.0"\noptional = false\n\n[[package]]\nname = "boto3"\nversion = "1.26"\noptional = true\n\n[[package]]\nname = "mixpanel"\nversion = "4.10"\ncategory = "dev"\n', ['2 dependency sentry high', '12 dependency mixpanel high dev']],
  // A crate taken from a git fork keeps its name.
  ['Cargo.toml', '[package]\nname = "api"\n\n[dependencies]\nonesignal-rust-api = { git = "https://github.com/cfi2017/onesignal-rust-api" }\n', ['5 dependency onesignal high']],
  ['requirements/production.txt', 'django-storages[boto3]==1.14  # https://github.com/jschneier/django-storages\nsentry-sdk[django]==1.9\n', ['1 dependency aws high', '2 dependency sentry high']],
]);

describeRows('a package CDN serves the package its URL names', [
  ['supabase/functions/import_map.json', '{\n  "imports": {\n    "stripe": "https://esm.sh/stripe@10.13.0?target=deno",\n    "supabase": "https://esm.sh/@supabase/supabase-js@2"\n  }\n}\n', ['3 code-url esm-sh medium', '3 import stripe medium', '4 code-url esm-sh medium', '4 import supabase medium']],
  ['index.html', '<script src="https://cdn.jsdelivr.net/npm/@sentry/browser@7.64.0/build/bundle.min.js"></script>\n<script src="https://unpkg.com/react@18/umd/react.production.min.js"></script>\n', ['1 script-src jsdelivr high', '1 import sentry high', '2 script-src unpkg high']],
]);

describe('the package a package CDN URL serves', () => {
  it.each([
    ['esm.sh', '/v135/@supabase/supabase-js@2.39.0/es2022/supabase-js.mjs', '@supabase/supabase-js'],
    ['cdn.skypack.dev', '/-/canvas-confetti@v1.4.0-POmgSMO0U5q84otJtXaB/dist=es2020/canvas-confetti.js', 'canvas-confetti'],
    ['ga.jspm.io', '/npm:posthog-js@1.96.0/dist/module.js', 'posthog-js'],
    ['cdn.jsdelivr.net', '/npm/Mixpanel-Browser@2/dist/mixpanel.min.js', 'mixpanel-browser'],
    // jsDelivr's GitHub files, another host's paths and an empty path name no npm package.
    ['cdn.jsdelivr.net', '/gh/user/repo@1/dist/x.js', undefined],
    ['cdn.example.com', '/npm/stripe@13', undefined],
    ['unpkg.com', '/', undefined],
  ])('%s%s → %s', (host, path, expected) => {
    expect(cdnPackage(host, path)).toBe(expected);
  });
});

describeRows('vendor clients known by their namespace, their quickstart call or their variables', [
  ['CollAction/Startup.cs', 'using MailChimp.Net;\nusing MailChimp.Net.Interfaces;\npublic class Startup {\n  public void ConfigureServices(IServiceCollection services) {\n    services.AddTransient<IMailChimpManager, MailChimpManager>();\n  }\n}\n', ['1 import mailchimp high', '2 import mailchimp high']],
  // SendGrid's Java quickstart, in a class that takes its client from elsewhere (no import in the file).
  ['src/SendGridMailService.java', 'class SendGridMailService {\n  void sendMail() throws IOException {\n    Request request = new Request();\n    request.setMethod(Method.POST);\n    request.setEndpoint("mail/send");\n    this.sendGrid.api(request);\n  }\n}\n', ['5 code-snippet sendgrid high']],
  ['.env.example', 'STORAGE_DRIVER=dropbox\nDROPBOX_APP_KEY=\nDROPBOX_APP_SECRET=\nDROPBOX_REFRESH_TOKEN=\n', ['2 env dropbox low', '3 env dropbox low', '4 env dropbox low']],
]);

// A notebook as Jupyter writes it: one source line a string, outputs and markdown beside the code.
const notebook = (cells: string[], language = 'python'): string =>
  `{\n "cells": [\n${cells.join(',\n')}\n ],\n "metadata": {\n  "language_info": {\n   "name": "${language}"\n  }\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n`;
const cell = (type: string, lines: string[], outputs = ''): string =>
  `  {\n   "cell_type": "${type}",\n   "metadata": {},${type === 'code' ? `\n   "outputs": [${outputs}],` : ''}\n   "source": [\n${lines.map((l) => `    ${JSON.stringify(l)}`).join(',\n')}\n   ]\n  }`;

describeRows("Jupyter notebooks: the code cells' lines, where they stand", [
  [
    'analysis/embeddings.ipynb',
    notebook([
      cell('markdown', ['See [the docs](https://platform.openai.com/docs) and https://www.mixpanel.com\n']),
      cell('code', ['!pip install -q wandb sentry-sdk\n', 'import openai\n', 'embedding = openai.Embedding.create(input="x")\n'], '{"name": "stdout", "text": ["https://api.segment.io/v1/track\\n"]}'),
    ]),
    ['15 dependency weights-and-biases high', '15 dependency sentry high', '16 import openai high'],
  ],
  [
    'notebooks/pay.ipynb',
    notebook([cell('code', ["const stripe = require('stripe')(key);\n", "fetch(\"https://api.hubapi.com/crm/v3/objects/contacts\")\n"])], 'javascript'),
    ['8 import stripe high', '9 code-url hubspot medium'],
  ],
  // A URL in an output or in a markdown cell is not the program's.
  ['docs/readme.ipynb', notebook([cell('markdown', ['https://www.googletagmanager.com/gtag/js\n']), cell('code', ['print(1)\n'], '{"text": ["https://www.google-analytics.com/collect\\n"]}')]), []],
]);

describe('Jupyter notebooks that are not well formed', () => {
  it('a broken notebook is reported on its line and read as far as it goes', () => {
    const ctx = extractFile('broken.ipynb', '{\n "cells": [\n  {"cell_type": "code", "source": ["import stripe\\n"]},\n  {"cell_type": "code", "source": [,]}\n ]\n}\n', defaultMatcher());
    expect(ctx.errors.map((e) => [e.line, e.message])).toEqual([[4, 'invalid notebook JSON: value expected']]);
    expect(ctx.evidence.map((e) => [e.line, e.package])).toEqual([[3, 'stripe']]);
  });
  it('one nested beyond any notebook is refused with the offending line', () => {
    const ctx = extractFile('deep.ipynb', '{"cells": ' + '['.repeat(100_000) + '\n', defaultMatcher());
    expect(ctx.errors.map((e) => e.message)).toEqual(['invalid notebook: nested more than 64 levels deep']);
    expect(ctx.evidence).toEqual([]);
  });
});

describeRows('ML and bot tooling that calls its vendor', [
  ['models/upload_baseline.py', 'from huggingface_hub import HfApi\nimport os\n\napi = HfApi(token=os.getenv("HF_TOKEN"))\napi.upload_folder(folder_path="/models/baseline", repo_id="me/baseline")\n', ['4 code-snippet hugging-face high', '4 env hugging-face low']],
  ['rag/retrieval.py', 'from langchain import hub\nprompt = hub.pull("langchain-ai/retrieval-qa-chat")\n', ['1 code-snippet langsmith high', '2 code-snippet langsmith high']],
  ['package.json', '{\n  "dependencies": {\n    "probot": "^13.0.0"\n  }\n}\n', ['3 dependency github high']],
]);

describeRows('experiment trackers, a cloud warehouse, an admin panel, payment gateways and a places API', [
  ['train/track.py', 'import neptune\nfrom comet_ml import Experiment\nrun = neptune.init_run(project="me/x")\n', ['1 import neptune-ai high', '2 import comet-ml high']],
  ['profiles.yml', 'analytics:\n  outputs:\n    prod:\n      type: duckdb\n      path: "md:analytics?motherduck_token={{ env_var(\'MOTHERDUCK_TOKEN\') }}"\n', ['5 code-snippet motherduck high', '5 code-snippet motherduck high', '5 env motherduck low']],
  ['composer.json', '{\n  "require": {\n    "eway/eway-rapid-php": "^1.3",\n    "payfast/payfast-php-sdk": "^1.1",\n    "wepay/php-sdk": "^0.3"\n  }\n}\n', ['3 dependency eway high', '4 dependency payfast high', '5 dependency wepay high']],
  ['package.json', '{\n  "dependencies": {\n    "forest-express-sequelize": "^9.0.0",\n    "yelp-fusion": "^3.0.0"\n  }\n}\n', ['3 dependency forest-admin high', '4 dependency yelp-fusion high']],
]);
