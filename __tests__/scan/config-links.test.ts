import { describe, it, expect } from 'vitest';
import { evidenceOf } from '../helpers/extract.js';
import { skipReasonForName } from '../../src/scan/walk.js';

// A site's own address (a site generator's url) is no use either: it makes its domain first party (own-site.test.ts).
const hosts = (path: string, text: string): string[] => evidenceOf(path, text).filter((e) => e.host && !e.siteAddress).map((e) => e.host!);

describe('config and data files: links about the project are not uses', () => {
  it.each([
    ['mkdocs.yml', 'site_url: https://docs.acme-unknown.io\nrepo_url: https://git.acme-unknown.io/acme\n', []],
    ['_config.yml', 'url: "https://www.acme-unknown.io"\ntwitter: https://twitter.com/acme\n', []],
    ['app.json', '{\n  "homepage": "https://www.facebook.com/acme",\n  "$schema": "https://json.vendor-unknown.io/s.json"\n}', []],
    ['config.yml', 'api_base: https://api.vendor-unknown.io/v1\n', ['api.vendor-unknown.io']],
    ['config.yml', 'webhook_url: https://hooks.slack.com/services/T0/B0/x\n', ['hooks.slack.com']],
    ['values.yaml', 'image: https://www.gravatar.com/avatar/x\n', ['www.gravatar.com']],
    // A sponsor or partner list links to front pages; an endpoint of the same vendor stays.
    ['metadata/sponsors.yml', "algolia:\n  label: Algolia\n  url: 'http://www.algolia.com'\nhotjar:\n  url: https://hotjar.com/\n", []],
    ['config.yml', 'search:\n  url: https://abc-dsn.algolia.net/1/indexes\n', ['abc-dsn.algolia.net']],
    // A chart's repository is where it comes from, in any scheme (Helm's OCI registries); a connection string's Source= is a server.
    ['Chart.yaml', 'dependencies:\n  - name: postgresql\n    repository: oci://registry-1.docker.io/bitnamicharts\n', []],
    ['appsettings.json', '{"ConnectionStrings": {"Db": "Data Source=tcp:acme.database.windows.net;Initial Catalog=x"}}', ['acme.database.windows.net']],
    // A form's placeholder and an example value are text shown to people (a locale file's
    // `render_deploy_hook_placeholder`, an OpenAPI `example:`); the same URL as a setting stays.
    ['config/locales/en.yml', 'en:\n  render_deploy_hook_label: Render Deploy Hook URL\n  render_deploy_hook_placeholder: https://api.render.com/deploy/srv-xyz...\n', []],
    ['src/locales/en.json', '{"webhookPlaceholder": "https://hooks.slack.com/services/T000/B000/XXXX"}', []],
    ['openapi.yaml', 'properties:\n  callback:\n    type: string\n    example: https://hooks.slack.com/services/T0/B0/x\n', []],
    ['config.yml', 'render_deploy_hook: https://api.render.com/deploy/srv-abc\n', ['api.render.com']],
    // A base URL is the site's own address, unless it is an API's (an api. host, an /api or /v1 path).
    ['.env', 'BASE_URL=https://www.acme-unknown.io\n', []],
    ['.env', 'BASE_URL=http://api.ipstack.com\n', ['api.ipstack.com']],
    ['.env.example', 'GEO_BASE_URL=https://geo.vendor-unknown.io/v2/lookup\n', ['geo.vendor-unknown.io']],
    ['config.yml', 'site_url: https://docs.acme-unknown.io/api-reference\n', []],
    // A `url` in the settings of some service's client is its endpoint (lichess's HOCON), as is a versioned path.
    ['conf/base.conf', 'security {\n  check_mail_api {\n    url = "https://mailcheck.p.rapidapi.com/"\n  }\n}\n', ['mailcheck.p.rapidapi.com']],
    ['conf/base.conf', 'detectlanguage.api {\n  url = "https://ws.detectlanguage.com/0.2/detect"\n}\n', ['ws.detectlanguage.com']],
    ['config.yml', 'geoip:\n  service:\n    url: https://geo.ipfinder-co.io/\n', ['geo.ipfinder-co.io']],
    ['config.yml', 'sponsor:\n  url: https://sponsorco-unknown.com/\n', []],
    ['config.yml', 'blog:\n  url: https://acme-unknown.io/2024/10/launch\n', []],
    // nginx proxying an analytics script through the site's own domain names the vendor by its Host header alone.
    ['nginx.conf', 'location /js/script.js {\n  proxy_pass $plausible_script_url;\n  proxy_set_header Host plausible.io;\n}\nupstream api {\n  server api.acme-internal.io:8080;\n}\n# server js.stripe.com;\n', ['plausible.io']],
  ])('%s %j', (path, text, expected) => {
    expect(hosts(path, text)).toEqual(expected);
  });
});

describe("a site's menus, social links and Markdown links are pages people open", () => {
  const HUGO = [
    'baseURL = "https://acme.io/"',
    '[params]',
    '  description = "DevRel @ [Nexmo](https://developer.nexmo.com). Advisor @ [Crosser](https://crosser.io)."',
    '  copyright = "Thanks [Hugo](https://gohugo.io/) & ![badge](https://img.vendor-unknown.io/b.svg)"',
    '  bitbucket = "https://bitbucket.org/acme"',
    '[[menu.main]]',
    'name = "Donate"',
    'URL = "https://www.paypal.com/donate/?hosted_button_id=G9AJ2HR3SDQ3J"',
    '[[params.social_links]]',
    'name = "slack"',
    'url = "https://join.slack.com/t/acme/shared_invite/abc"',
    '[[params.integrations]]',
    'url = "https://hooks.slack.com/services/T0/B0/X"',
  ].join('\n');
  const JEKYLL = 'social:\n  - name: LinkedIn\n    icon: linkedin\n    url: https://www.linkedin.com/pub/acme/47/769/60a\nintegrations:\n  - name: chat\n    url: https://hooks.slack.com/services/T0/B0/Y\n';

  it.each([
    // A Markdown image is loaded; the webhook of a section that is no list of links is a use.
    ['config.toml', HUGO, ['img.vendor-unknown.io', 'hooks.slack.com']],
    ['_config.yml', JEKYLL, ['hooks.slack.com']],
  ])('%s', (path, text, expected) => {
    expect(hosts(path, text)).toEqual(expected);
  });
});

describe("a web server's virtual hosts are read for their headers", () => {
  const VHOST = 'server {\n  server_name acme.io;\n  add_header Content-Security-Policy "default-src \'self\'; script-src \'self\' www.googletagmanager.com js.stripe.com" always;\n}\n';
  it.each([
    ['deploy/nginx/sites-available/acme.io', ['www.googletagmanager.com', 'js.stripe.com']],
    ['etc/nginx/sites-enabled/default', ['www.googletagmanager.com', 'js.stripe.com']],
    // An extension-less file elsewhere is no vhost.
    ['deploy/acme', []],
  ])('%s', (path, expected) => {
    expect(evidenceOf(path, VHOST).filter((e) => e.kind === 'csp').map((e) => e.host)).toEqual(expected);
  });

  it("IIS's web.config sets a Content-Security-Policy as a custom header", () => {
    const config = '<configuration><system.webServer><httpProtocol><customHeaders>\n  <add name="Content-Security-Policy" value="default-src \'self\'; script-src www.googletagmanager.com; connect-src api.segment.io" />\n</customHeaders></httpProtocol></system.webServer></configuration>\n';
    expect(evidenceOf('Web.config', config).filter((e) => e.kind === 'csp').map((e) => e.host)).toEqual(['www.googletagmanager.com', 'api.segment.io']);
  });
});

describe('a policy written as data in code names its sources as a policy', () => {
  const kinds = (path: string, text: string): string[] => evidenceOf(path, text).filter((e) => e.host).map((e) => `${e.kind} ${e.host}`);
  it.each([
    // Django's SECURE_CSP dict and django-csp's settings: each source a string of a tuple.
    ['travel_agency/settings.py', "SECURE_CSP = {\n    'script-src': (\n        \"'self'\",\n        'cdn.jsdelivr.net',\n    ),\n    'img-src': ('https://res.cloudinary.com',),\n}\n", ['csp cdn.jsdelivr.net', 'csp res.cloudinary.com']],
    ['app/settings.py', "CSP_SCRIPT_SRC = (\"'self'\", 'https://www.googletagmanager.com')\n", ['csp www.googletagmanager.com']],
    // helmet's directives, and the rest of a policy string.
    ['server.ts', "app.use(helmet.contentSecurityPolicy({ directives: { scriptSrc: [\"'self'\", 'https://js.stripe.com'] } }));", ['csp js.stripe.com']],
    ['next.config.js', "const csp = \"default-src 'self'; script-src 'self' https://plausible.io\";", ['csp plausible.io']],
    // A URL used by the code stays a URL of code.
    ['app/settings.py', "SENTRY_DSN = 'https://abc@o1.ingest.sentry.io/1'\nSTATIC = ['https://cdn.jsdelivr.net/npm/x.js']\n", ['code-url o1.ingest.sentry.io', 'code-url cdn.jsdelivr.net']],
  ])('%s', (path, text, expected) => {
    expect(kinds(path, text)).toEqual(expected);
  });
});

describe('build and CI tooling is dev evidence', () => {
  it.each([
    ['.github/workflows/ci.yml', 'run: curl -fsSL https://get.vendor-unknown.io | sh'],
    ['Dockerfile', 'RUN curl -fsSL https://deb.vendor-unknown.io/setup.sh | bash'],
    ['docker/api.Dockerfile', 'RUN curl https://deb.vendor-unknown.io/x'],
    ['.gitlab-ci.yml', 'script: curl https://get.vendor-unknown.io'],
    // A theme's release task uploads the zip to a code host.
    ['gulpfile.js', "const release = () => fetch('https://uploads.vendor-unknown.io/repos/acme/theme/releases', { method: 'POST' });"],
    ['Gruntfile.js', "grunt.initConfig({ deploy: { url: 'https://deploy.vendor-unknown.io/hooks/1' } });"],
  ])('%s', (path, text) => {
    const evs = evidenceOf(path, text);
    expect(evs.length).toBeGreaterThan(0);
    for (const e of evs) expect(e.dev).toBe(true);
  });

  it("a Dockerfile's continued RUN line is build time; the ENV after it is how the product runs", () => {
    const evs = evidenceOf('Dockerfile', 'FROM node:20\nRUN apt-get update \\\n  && curl -fsSL https://deb.vendor-unknown.io/x \\\n  | bash\nENV API=https://api.vendor-unknown.io\n');
    expect(evs.map((e) => [e.line, e.dev ?? false])).toEqual([[3, true], [5, false]]);
  });

  it('docker-compose is how the product runs: production evidence', () => {
    const [e] = evidenceOf('docker-compose.yml', 'environment:\n  - API=https://api.vendor-unknown.io\n');
    expect(e!.dev).toBeUndefined();
  });
});

describe('API descriptions (OpenAPI, Swagger) describe an API and call nothing', () => {
  const confidences = (path: string, text: string): string[] => evidenceOf(path, text).filter((e) => e.host).map((e) => `${e.host} ${e.confidence}`);
  it.each([
    // the servers a spec lists, its examples and its docs: the API it describes, which it does not call
    ['api/openapi.yaml', "openapi: 3.0.1\nservers:\n  - url: '{scheme}://api.vendor-unknown.io/ds-api'\npaths:\n  /fields:\n    get:\n      example: |\n        { 'apiUrl': 'https://api.vendor-unknown.io/ds-api/v1/fields' }\n", ['api.vendor-unknown.io low']],
    ['spec/swagger.json', '{\n  "swagger": "2.0",\n  "host": "api.vendor-unknown.io",\n  "externalDocs": { "url": "https://docs.vendor-unknown.io" }\n}\n', ['api.vendor-unknown.io low']],
    ['specs/api.yml', '# generated\n\n"openapi": "3.1.0"\npaths:\n  /x:\n    get:\n      example: { apiUrl: "https://api.vendor-unknown.io/v1/x" }\n', ['api.vendor-unknown.io low']],
    // Not API descriptions: a key named openapi further down, or a config that merely mentions one.
    ['config.yml', 'api_base: https://api.vendor-unknown.io/v1\nopenapi: 3.0.0\n', ['api.vendor-unknown.io medium']],
    ['settings.json', '{ "host": "api.vendor-unknown.io", "openapi": "3.0.0" }\n', ['api.vendor-unknown.io medium']],
  ])('%s', (path, text, expected) => {
    expect(confidences(path, text)).toEqual(expected);
  });
});

describe("GitHub's sponsor button (.github/FUNDING.yml) is links for people", () => {
  it.each([
    ['.github/FUNDING.yml', 'prose'],
    ['.github/FUNDING.yaml', 'prose'],
    ['config/FUNDING.yml', undefined],
  ])('%s → %s', (path, reason) => {
    expect(skipReasonForName(path)).toBe(reason);
  });
});
