// URLs written for a person to read, in a sentence or in a message the program prints, logs or
// throws, are links; a URL the code connects to is evidence wherever it sits.
import { describe, it, expect } from 'vitest';
import { evidenceOf, unclassifiedOf } from '../helpers/extract.js';
import { isSocialPage } from '../../src/scan/extractors/code.js';

const hosts = (path: string, text: string): string[] => evidenceOf(path, text).filter((e) => e.host).map((e) => e.host!);

describe('links in messages and sentences are not uses', () => {
  it.each([
    ['app.js', "console.warn(name + ': deprecated. Migration guide:\\n' + 'https://guide.vendor-unknown.io/migrate')"],
    ['app.js', "throw new Error(`Missing key; get one at https://dashboard.vendor-unknown.io/keys`)"],
    ['app.ts', "logger.info('docs: https://docs.vendor-unknown.io')"],
    ['app.js', "const msg = 'Read more at https://aka.vendor-unknown.io/tsconfig for details'"],
    ['app.py', 'raise ValueError(f"bad config, see https://docs.vendor-unknown.io/{x}")'],
    ['app.py', 'print("Dashboard: https://dash.vendor-unknown.io")'],
    ['app.rb', 'puts "See https://docs.vendor-unknown.io"'],
    ['main.go', 'return fmt.Errorf("see https://docs.vendor-unknown.io: %w", err)'],
    ['main.rs', 'println!("open https://docs.vendor-unknown.io");'],
    ['messages.json', '{"help": "Další informace najdete na adrese https://aka.vendor-unknown.io/tsconfig."}'],
    ['config.yml', 'description: Sends events to https://api.vendor-unknown.io\n'],
    // Lines of a block of text for people: help, examples, a description.
    ['http.yaml', 'arguments:\n  params:\n    - arg_name: uri\n      help_text: |\n        The full URI. For example,\n        `http://acme-unknown.io` or `https://acme-unknown.io/sales:8080`. Encoded\n        for safety.\n'],
    ['create.yaml', 'help_text:\n  examples: |\n    To create a connection:\n\n      $ {command} my-conn \\\n        --host-uri=https://my.git-server-unknown.io \\\n        --project=myproj\n'],
    ['openapi.yaml', 'info:\n  description: >\n    The events API.\n    https://status.vendor-unknown.io\n'],
    ['ja.json', '{"see_also": "https://aka.vendor-unknown.io/tsconfig/module も参照"}'],
    ['ru.json', '{"see_also": "См. также https://aka.vendor-unknown.io/tsconfig/module"}'],
    // A comment of the code a string holds: a shader chunk, SQL, a page.
    ['chunk.js', 'export default /* glsl */`\nfloat a = 1.0; // see https://blog.vendor-unknown.io/brdf\nvec3 b;\n`;'],
    ['query.py', 'SQL = """\nSELECT 1 -- https://api.vendor-unknown.io/track\n"""'],
    // Pages for people: documentation, guides and bug trackers, whatever the site.
    ['help.js', "const help = 'https://sass-lang.com/documentation/at-rules/use';"],
    ['rule.js', "module.exports = { meta: { deprecated: { url: 'https://lint.vendor-unknown.io/guide/migration' } } };"],
    ['bug.js', "const bug = 'https://bugs.chromium.org/p/v8/issues/detail?id=1';"],
    // Links in a document a string holds (Markdown, JSDoc), pages opened for the person, an anchor's front page.
    ['data.js', "export const attrs = [{ name: 'robots', description: 'See [Bing](https://www.vendor-unknown.io/webmaster/which-robots-metatags) and [more](https://vendor-unknown.io)' }];"],
    ['lib.js', "lib['es2020.d.ts'] = 'interface Intl { /** currency codes {@link http://www.vendor-unknown.io/en/home/tables/table-a1.html ISO 4217} */ x: 1 }';"],
    ['no-webgl.js', "button.onclick = () => { window.open('https://get.vendor-unknown.io'); };"],
    // A warning bound to its message (Sequelize's data types: `warn.bind(void 0, url)`).
    ['data-types.js', 'const warn = BaseTypes.ABSTRACT.warn.bind(void 0, "https://www.vendor-unknown.io/datatype3.html");'],
    ['modebar.js', "const a = document.createElement('a'); a.href = 'https://vendor-unknown.io/'; a.target = '_blank';"],
    // The same in a script a settings file holds as a string (Pelican's ANALYTICS), on any host of the site.
    ['publishconf.py', 'ANALYTICS = """\n<script>\n    var link = document.createElement(\'a\')\n    link.href = "https://beian.miit.gov.cn"\n</script>\n"""\n'],
    // An object's href (a footer logo's) is where a click goes, on any host of a site.
    ['docusaurus.config.ts', "logo: {\n  alt: 'Meta Open Source Logo',\n  src: '/img/logo.svg',\n  href: 'https://opensource.vendor-unknown.com',\n},"],
    // A docs site's menu and footer items: a label and where it goes, whatever the host.
    ['docusaurus.config.ts', "footer: { links: [{ title: 'Legal', items: [\n  {\n    label: 'Privacy Policy',\n    to: 'https://static.vendor-unknown.io/terms/privacy-policy.pdf',\n  },\n  { label: 'Chat', href: 'https://discord.gg/acme' },\n] }] }"],
    ['.vitepress/config.ts', "nav: [{ text: 'Changelog', link: 'https://api.vendor-unknown.io/releases/v2' }]"],
    ['shader.js', 'export const frag = /* glsl */`\n  //// http://paulbourke.vendor-unknown.io/geometry/pointlineplane/\n  float d = 1.0;\n`;'],
    ['warn.js', 'warn(x)(`The \'${a}\' property is deprecated on ${t.type} nodes. Use \'${s}\' instead. See https://lint.vendor-unknown.io/key-property-deprecated.`);'],
    ['tseslint.js', "let v = `The '${a}' property is deprecated.`; v += \" See https://lint.vendor-unknown.io/key-property-deprecated.\"; warnOnce(v);"],
    ['attrs.js', "description: 'The variables available in `hovertemplate` are the ones described at this link https://charts.vendor-unknown.io/javascript/events/#data.',"],
    // An anchor whose attributes before the href run long (create-next-app's page).
    ['app/page.tsx', `<a\n  className="${'rounded-full border border-solid transition-colors flex items-center '.repeat(4)}"\n  href="https://deploy.vendor-unknown.io/new?utm_source=create-next-app"\n  target="_blank"\n>Deploy</a>`],
    // Specifications by standards bodies.
    ['spec.js', "const SPEC = { viewport: 'https://drafts.csswg.org/css-device-adapt/#viewport-meta', gl: 'https://registry.khronos.org/webgl/specs/latest/', es: 'https://tc39.es/ecma262/#sec-array' };"],
    // A lint rule's documentation page, in its metadata.
    ['rules/indent.js', "module.exports = { meta: { type: 'layout', docs: { description: 'Enforce indent', url: 'https://lint.vendor-unknown.io/rules/indent' }, schema: [] } };"],
    ['rules/semi.js', 'module.exports = { meta: { deprecated: { message: "moved", replacedBy: [{ plugin: { name: "@stylistic/eslint-plugin" }, rule: { name: "semi", url: "https://lint.vendor-unknown.io/rules/semi" } }] } } };'],
    ['rules/quotes.ts', 'export default createRule({ meta: { docs: { recommended: true, "url": `https://lint.vendor-unknown.io/r/${name}` } } });'],
    ['style.js', "const spec = 'https://docs.mapbox.com/mapbox-gl-js/style-spec/';"],
    ['oauth.js', "const register = 'https://developers.vendor-unknown.io/apps/new';"],
    ['errors.js', "const FAQ = 'https://support.vendor-unknown.io/hc/articles/360';"],
    // A URL on a line of its own in a message, under the sentence that introduces it.
    ['install.py', 'msg = textwrap.dedent("""\n    For more, consult the documentation at:\n\n      https://tools.vendor-unknown.io/en/latest/install.html\n\n    and try again.\n    """)'],
    ['hint.js', "const hint = 'To enable long paths, see:\\n  https://tools.vendor-unknown.io/warnings/long-paths';"],
    // Read the Docs: /en/latest/, /stable/.
    ['links.py', "TOPIC = 'https://tools.vendor-unknown.io/en/stable/topics/resolution/'"],
    // The front page of a site, named as its url or homepage: metadata of a lexer, a list of languages.
    ['lexers/crystal.py', "class CrystalLexer(RegexLexer):\n    name = 'Crystal'\n    url = 'http://crystal-lang.org'\n"],
    ['langs.js', "export const langs = [{ name: 'Dart', url: 'https://dart.dev/' }, { name: 'D', homepage: 'https://www.dlang.org' }];"],
    // …including a site on a shared host, which is the front page of its own site.
    ['lexers/esoteric.py', "class AheuiLexer(RegexLexer):\n    name = 'Aheui'\n    url = 'http://aheui.github.io/'\n"],
    ['lexers/docs.py', "class DocsLexer(RegexLexer):\n    homepage = 'https://tool-unknown.readthedocs.io'\n"],
    // A host a placeholder cuts short names no server.
    ['s3.js', 'const u = `https://s3-fips.dualstack.us-${rest}`;'],
    // A string holding a whole embedded file is judged line by line around the URL.
    ['lib.js', "lib['lib.d.ts'] = '/*! Licensed under the Apache License. You may obtain a copy of the\\nLicense at https://www.vendor-unknown.io/licenses/LICENSE-2.0\\n*/\\ninterface A { b: Array<string> }'"],
    ['page.js', 'const page = `<main>\n  <p>Questions? Read more at https://help.vendor-unknown.io today</p>\n</main>`'.replace('<p>', '').replace('</p>', '')],
    // An Error or Exception of no other name, and a message built from lines with an object among them.
    ['plot.js', "throw new Error('This element is not a plot: ' + gd + '. For more details, see ' + 'https://plot.vendor-unknown.io/javascript/animations/');"],
    ['Main.java', 'throw new Exception(\n    "https://keys.vendor-unknown.io/format");'],
    ['App.swift', 'fatalError(\n    "https://keys.vendor-unknown.io/swift")'],
    ['main.rs', 'anyhow::bail!(\n    "https://keys.vendor-unknown.io/rust");'],
    ['lib.php', '<?php\ntrigger_error(\n    "https://keys.vendor-unknown.io/php", E_USER_WARNING);'],
    ['theme.js', "console.error(['The component increases the CSS specificity.', JSON.stringify({ root: { [`&.${cls}`]: child } }, null, 2), '', 'https://ui.vendor-unknown.io/r/state-classes-guide'].join('\\n'));"],
    // A URL string joined to a sentence, or listed after the line that introduces it.
    ['attrs.js', "const d = ['Map styles take the form described in the documentation available at', 'https://maps.vendor-unknown.io/style-spec/', ''].join(' ');"],
    ['errors.py', "msg = ('Creation failed for lack of permissions. Please, refer to '\n       'https://cloud.vendor-unknown.io/composer/how-to/creating')"],
    ['hint.php', "<?php\n$m = 'Get a key from the settings page at ' . 'https://dash.vendor-unknown.io/keys';"],
    ['note.js', "const n = 'https://tracker.vendor-unknown.io/new' + ' is where bugs are reported';"],
    // reStructuredText links in help text and docstrings.
    ['help.py', 'HELP = """Grant all users from the `Suite\n<https://apps.vendor-unknown.io/business/>`_ domain read access."""'],
    ['links.py', 'HELP = "Flags:\\n  --x  set x\\n\\n.. _docs: https://guide.vendor-unknown.io/setup\\n"'],
    // A URL in parentheses in a line of a message; a site's legal pages; a name that says the page is for people.
    ['ack.py', "msg = ('Registration is provided by the vendor '\n       '(https://domains.vendor-unknown.io),\\n'\n       'under its terms.')"],
    ['footer.js', "const privacy = 'https://www.vendor-unknown.io/privacy';"],
    ['footer.js', "const terms = 'https://www.vendor-unknown.io/en/terms-of-service/';"],
    ['register.py', "NOTICE = ('agree to the Registration Agreement '\n          '(https://www.vendor-unknown.io/domain-registration-agreement), and')"],
    ['legal.ts', "export const eula = 'https://www.vendor-unknown.io/legal/eula';"],
    // A table of libraries: each one's site beside the sentence that describes it.
    ['appinfo.py', "_VersionedLibrary(\n    'click',\n    'http://click.vendor-unknown.io/',\n    'A command line library for Python.',\n    ['6.6'])\n"],
    // A share button's intent URL, opened when a person clicks it.
    ['sharer.js', "const sites = { buffer: { shareUrl: 'https://buffer.vendor-unknown.io/add', params: { url } }, line: { shareUrl:\n  'http://line.vendor-unknown.io/R/msg/text/?' + encodeURIComponent(t) } };"],
    // A list of partners' privacy policies, each page named by its last segment.
    ['Privacy.cs', 'string[] urls = { "https://www.vendor-unknown.io/about/privacy", "https://www.vendor-unknown.io/services-privacy-statement/", "https://ads.vendor-unknown.io/en/terms/policy/", "https://www.vendor-unknown.io/legal/#privacy-policy", "https://vendor-unknown.io/about/privacy/full-privacy-policy", "https://developers.vendor-unknown.io/sdk/air/sdk-privacy-policy/" };'],
    ['resources.py', "DOCS_URL = 'https://docs.google.com/document/d/1zNN/edit'"],
    ['app.ts', "export const config = { helpUrl: 'https://help2.vendor-unknown.io/x', privacyPolicyUrl: 'https://legal2.vendor-unknown.io/p' };"],
    // A documentation page deeper in a path.
    ['examples.json', '{"ActivationUrl": "https://falcon.vendor-unknown.io/support/documentation"}'],
    // Links that open a web app with something filled in: add to calendar, open the inbox, directions, click to chat.
    ['calendar.ts', 'export const addToGoogle = (e) => `https://calendar.google.com/calendar/render?action=TEMPLATE&text=${e.title}`;'],
    ['calendar.ts', 'export const addToOutlook = (e) => `https://outlook.live.com/calendar/0/deeplink/compose?subject=${e.title}`;'],
    ['inbox.js', "const gmail = 'https://mail.google.com/mail/u/0/#search/from%3Anoreply';"],
    ['inbox.js', 'const links = { yahoo: `https://mail.yahoo.com/d/search/keyword=from:${s}`, proton: `https://mail.proton.me/u/0/all-mail#from=${s}`, icloud: "https://www.icloud.com/mail", hey: "https://app.hey.com/topics/everything", outlook: "https://outlook.live.com/" };'],
    ['venue.jsx', 'const directions = `https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`;'],
    ['contact.js', 'const chat = `https://wa.me/${phone}?text=${encodeURIComponent(msg)}`;'],
    // A link tagged for the site it leads to: a campaign, a referral, an affiliate.
    ['promo.js', "const promo = { href: 'https://www.vendor-unknown.io/en-us?utm_source=acme&utm_medium=referral' };"],
    ['editor.js', "export const PINTURA = 'https://www.vendor-unknown.io/pintura/?utm_campaign=acme';"],
    ['partners.ts', "const offer = 'https://vendor-unknown.io/?fpr=acme&fp_sid=admin';"],
    // A sentence with two links is still a sentence.
    ['help.js', "const help = 'See https://a.vendor-unknown.io and https://b.vendor-unknown.io for the details';"],
    // XML namespaces: a prefix's value in a namespace map, or a variable named for one.
    ['util.py', 'def get_record(id):\n    ns = {"cmd": "http://www.vendor-unknown.io/cmd/"}\n    root.find("./cmd:Components", ns)'],
    ['feed.py', 'for e in tree.findall("a:entry", namespaces={"a": "http://www.vendor-unknown.io/2005/Atom", "m": "http://m.vendor-unknown.io/x"}):'],
    ['xml.py', 'NSMAP = {None: "http://www.vendor-unknown.io/cmd/", "xsi": "http://x.vendor-unknown.io/xsi"}'],
    ['kml.js', "const KML_NS = 'http://www.vendor-unknown.io/kml/2.2';"],
    ['atom.ts', "export const atomNamespace = 'http://www.vendor-unknown.io/2005/Atom';"],
    ['constants.php', "<?php\ndefine('SIMPLEPIE_NAMESPACE_GEORSS', 'http://www.vendor-unknown.io/georss');"],
    ['Feed.php', "<?php\nclass Feed {\n    public const NAMESPACE_MEDIARSS = 'http://media.vendor-unknown.io/mrss/';\n}"],
    // JSON held in a string: its keys say what a value is, as in a JSON file (escaped quotes too).
    ['photos.js', 'const photos = JSON.parse(`[{"user":{"portfolio_url":"http://www.vendor-unknown.io","twitter":"https://vendor-unknown2.io/acme"}}]`);'],
    ['fixture.js', 'export const user = "{\\"username\\":\\"acme\\",\\"portfolio_url\\":\\"http://www.vendor-unknown.io\\"}";'],
    ['users.ts', "export const author = { name: 'Acme', profileUrl: 'https://www.vendor-unknown.io/acme', portfolio_url: 'https://acme.vendor-unknown2.io' };"],
    ['bucket.py', "s = u'<BucketLoggingStatus xmlns=\"http://doc.vendor-unknown.io/2006-03-01\">'"],
  ])('%s: %s', (path, text) => {
    expect(hosts(path, text)).toEqual([]);
  });
});

describe('a list of sites names domains it never contacts', () => {
  const REFERRERS = "const SOURCES = { Reddit: 'reddit.com', Facebook: 'facebook.com', Bluesky: 'bsky.app', Ecosia: 'ecosia.org', Gmail: 'gmail.com', Flipboard: 'flipboard.com', Buffer: 'buffer.com', Taboola: 'taboola.com', AppNexus: 'appnexus.com', Wikipedia: 'wikipedia.org' };";
  const PROVIDERS = "export const WEBMAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'aol.com', 'proton.me', 'zoho.com', 'gmx.net'];";
  it.each([
    ['sources.js', REFERRERS, []],
    ['providers.ts', PROVIDERS, []],
    // A host under a domain is an endpoint even in a list; a few domains alone are no list.
    ['providers.ts', PROVIDERS.replace("'gmx.net'", "'gmx.net', 'api.segment.io'"), ['api.segment.io']],
    ['csp.js', "const scriptSrc = ['self', 'www.googletagmanager.com', 'js.stripe.com', 'stripe.com'];", ['www.googletagmanager.com', 'js.stripe.com', 'stripe.com']],
    // A short list named for domains, or anything a test or an extension blocks, is names too.
    ['src/config/network-config.ts', 'export const AD_DOMAINS = [\n  "google-analytics",\n  "facebook.net",\n  "taboola.com",\n];\n', []],
    ['e2e/block.ts', "const BLOCKED_HOSTS: string[] = ['www.google-analytics.com', 'connect.facebook.net'];", []],
    ['blocker.py', 'IGNORE = frozenset(["static.hotjar.com", "js.stripe.com"])\n', []],
    // Endpoints by name, and a subdomain in a list of domains, stay.
    ['client.ts', "const API_HOSTS = ['api.stripe.com', 'api.segment.io'];", ['api.stripe.com', 'api.segment.io']],
    ['cdn.ts', "export const CDN_DOMAINS = ['cdn.jsdelivr.net'];", ['cdn.jsdelivr.net']],
    // A URL in a list of what something blocks is a name too; OpenTelemetry's attribute names only look like hosts.
    ['bot-detection.ts', "export const DEFAULT_BLOCKED_UA_STRS = [\n  'amazonbot',\n  'http://yandex.com/bots',\n];\n", []],
    ['otel/constants.js', "module.exports = {\n  ATTR_HTTP_HOST: 'http.host',\n  ATTR_NET_PEER_NAME: 'net.peer.name',\n  SERVER_HOST: 'api.vendor-unknown.io',\n};\n", ['api.vendor-unknown.io']],
  ])('%s', (path, text, expected) => {
    expect(hosts(path, text)).toEqual(expected);
  });
});

describe('URLs the code connects to stay evidence', () => {
  it.each([
    ['app.js', "fetch('https://api.vendor-unknown.io/v1/events', { method: 'POST' })", ['api.vendor-unknown.io']],
    ['app.js', "const API = 'https://api.vendor-unknown.io'; logger.info(API)", ['api.vendor-unknown.io']],
    ['app.js', "el.innerHTML = '<script src=\"https://cdn.vendor-unknown.io/t.js\" async></script>'", ['cdn.vendor-unknown.io']],
    ['app.js', "div.style.cssText = 'background: url(https://img.vendor-unknown.io/a.png) no-repeat'", ['img.vendor-unknown.io']],
    ['app.py', 'requests.post("https://api.vendor-unknown.io/v1", json=body)', ['api.vendor-unknown.io']],
    ['app.py', 'url = f"https://api.vendor-unknown.io/users/{uid}"  # print(url)', ['api.vendor-unknown.io']],
    ['main.go', 'req, _ := http.NewRequest("GET", fmt.Sprintf("https://api.vendor-unknown.io/%s", id), nil)', ['api.vendor-unknown.io']],
    // An API path that mentions docs, and a product called Docs, are uses.
    ['api.js', "fetch('https://api.vendor-unknown.io/v1/docs')", ['api.vendor-unknown.io']],
    ['sheet.js', "fetch('https://docs.google.com/spreadsheets/d/abc/export?format=csv')", ['docs.google.com']],
    ['contents.js', "fetch('https://api.vendor-unknown.io/repos/acme/app/contents/a.json?ref=main')", ['api.vendor-unknown.io']],
    // Gmail's OAuth scope is a use of Gmail; a Maps embed in a frame is a use of Maps.
    ['auth.js', "const SCOPES = ['https://mail.google.com/'];", ['mail.google.com']],
    ['proton.js', "await fetch('https://mail.proton.me/api/core/v4/users')", ['mail.proton.me']],
    ['config.js', 'const cfg = JSON.parse(`{"endpoint":"https://api.vendor-unknown.io/v1"}`);', ['api.vendor-unknown.io']],
    ['map.js', "frame.src = 'https://www.google.com/maps/embed/v1/place?key=K&q=x'; document.body.append(frame);", ['www.google.com']],
    ['dot.js', "const a = await get('https://api.vendor-unknown.io/v1.')", ['api.vendor-unknown.io']],
    // A URL alone on its line under code or another URL is no sentence.
    ['conf.js', 'const conf = `[upstream]\nhttps://api.vendor-unknown.io/v1\n`;', ['api.vendor-unknown.io']],
    // A url that is an API's address, or a path on a site, is a connection.
    ['client.js', "const url = 'https://api.vendor-unknown.io'; fetch(url)", ['api.vendor-unknown.io']],
    ['client.py', "url = 'https://vendor-unknown.io/v1/events'", ['vendor-unknown.io']],
    ['client.py', "url = 'https://data-unknown.github.io/v1/events.json'", ['data-unknown.github.io']],
    // Markup on the URL's own line still makes it code, however long the string.
    ['page.js', 'const page = `<main>\n  <a class="x" data-src="https://api.vendor-unknown.io/v1">x</a>\n</main>`', ['api.vendor-unknown.io']],
    // A known service opened in a window, a stylesheet's href, an anchor to an API path: uses.
    ['pay.js', "window.open('https://checkout.stripe.com/c/pay/cs_test')", ['checkout.stripe.com']],
    ['fonts.js', "const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = 'https://fonts.googleapis.com/css2?family=Inter';", ['fonts.googleapis.com']],
    ['a.js', "a.href = 'https://api.vendor-unknown.io/v1/export';", ['api.vendor-unknown.io']],
    ['msg.js', 'fetch(`https://api.vendor-unknown.io/users/${id}`)', ['api.vendor-unknown.io']],
    ['cmd.js', "const cmd = `curl https://api.vendor-unknown.io/v1/install | sh`;", ['api.vendor-unknown.io']],
    ['see.js', "const seed = 'https://api.vendor-unknown.io/v1/seed';", ['api.vendor-unknown.io']],
    // A docs object's other keys, or a url outside it, are not its documentation page.
    ['plugin.js', "const docs = { upload: { url: 'https://api.vendor-unknown.io/v1/upload' } };", ['api.vendor-unknown.io']],
    ['plugin.js', "const conf = { docs: { description: 'x' }, url: 'https://api.vendor-unknown.io/v1' };", ['api.vendor-unknown.io']],
    ['app.js', "const ua = 'Mozilla/5.0 (compatible; Bot/2.1; +https://bot.vendor-unknown.io/info)'; fetch(x, { headers: { 'User-Agent': ua } })", ['bot.vendor-unknown.io']],
    // A name and its address in a list, a URL joined to a path, a request after a message call.
    ['feeds.js', "const feeds = [['Product events', 'https://events.vendor-unknown.io/v1'], ['Send the data to', 'https://api.vendor-unknown.io/v1']];", ['events.vendor-unknown.io', 'api.vendor-unknown.io']],
    ['join.js', "const u = 'https://api.vendor-unknown.io/' + 'v1/events';", ['api.vendor-unknown.io']],
    ['after.js', "console.log({ a: 1 }); fetch('https://api.vendor-unknown.io/v1', { method: 'POST' });", ['api.vendor-unknown.io']],
    ['inside.js', "logger.info(() => { fetch('https://api.vendor-unknown.io/v1'); });", ['api.vendor-unknown.io']],
    // A document's address, and a consent API under /privacy/.
    ['doc.js', "const docUrl = 'https://api.vendor-unknown.io/v1/documents/1'; fetch(docUrl);", ['api.vendor-unknown.io']],
    ['consent.js', "fetch('https://api.vendor-unknown.io/privacy/consents', { method: 'POST' })", ['api.vendor-unknown.io']],
    // An API whose paths hold `docs`.
    ['paper.js', "fetch('https://api.vendor-unknown.io/2/paper/docs/create', { method: 'POST' })", ['api.vendor-unknown.io']],
    // A source list of URLs (a Content-Security-Policy directive) is no sentence, however many URLs it holds.
    ['csp.js', "const csp = { img: \"'self' data: https://a.vendor-unknown.io https://b.vendor-unknown.io https://c.vendor-unknown.io\" };", ['a.vendor-unknown.io', 'b.vendor-unknown.io', 'c.vendor-unknown.io']],
    ['next.config.js', "const value = \"default-src 'self' cdn.vendor-unknown.io js.vendor-unknown.io https://api.vendor-unknown.io https://maps.vendor-unknown.io;\";", ['api.vendor-unknown.io', 'maps.vendor-unknown.io', 'cdn.vendor-unknown.io', 'js.vendor-unknown.io']],
    // A helmet directive's list, and a sentence that only mentions a directive name.
    ['app.js', "app.use(helmet({ contentSecurityPolicy: { directives: { connectSrc: [\"'self'\"] } } })); const csp = \"connect-src 'self' *.vendor-unknown.io\";", ['vendor-unknown.io']],
    // A host built from a scheme, a variable and the host's tail (Mailchimp's data centres).
    ['mc.php', "<?php\n$url = 'https://' . $dc . '.api.vendor-unknown.io/3.0/lists/';\n", ['api.vendor-unknown.io']],
    ['client.js', "const url = 'https://' + region + '.api.vendor-unknown.io/v1'; fetch(url);", ['api.vendor-unknown.io']],
    ['client.py', 'url = "https://" + region + ".api.vendor-unknown.io/v1"', ['api.vendor-unknown.io']],
    ['pages.js', "const site = 'https://' + user + '.github.io/' + repo; const file = 'https://' + host + '.json';", []],
    // An API's address beside its description is still the API.
    ['providers.py', "register('acme', 'https://api.vendor-unknown.io/v1', 'The payments API of Acme.')", ['api.vendor-unknown.io']],
    ['flags.py', "API = flags.DEFINE_string('api', 'https://data.vendor-unknown.io', 'API endpoint to talk to.')", ['data.vendor-unknown.io']],
    // The scheme string may hold the host's first labels; an API's own /privacy is an endpoint.
    ['s3.py', "endpoint_url = 'https://s3.' + region + '.api.vendor-unknown.io'", ['api.vendor-unknown.io']],
    ['app.js', "const u = 'https://api-' + cluster + '.rt.vendor-unknown.io/apps'; fetch(u);", ['rt.vendor-unknown.io']],
    ['privacy.js', "fetch('https://api.vendor-unknown.io/v1/users/me/privacy', { method: 'PUT' })", ['api.vendor-unknown.io']],
    // A map or a name that is no namespace's: a service's endpoints, a Kubernetes namespace beside a URL.
    ['hosts.py', 'ENDPOINTS = {"cmd": "https://api.vendor-unknown.io/cmd/"}', ['api.vendor-unknown.io']],
    ['deploy.py', 'cfg = {"namespace": "prod", "url": "https://api.vendor-unknown.io/v1"}', ['api.vendor-unknown.io']],
    ['news.py', 'news = {"items": "https://api.vendor-unknown.io/v1/items"}', ['api.vendor-unknown.io']],
    // A block under a key that is not text for people: a script, a config's endpoint.
    ['ci.yml', 'steps:\n  - run: |\n      curl -X POST https://hooks.vendor-unknown.io/v1/deploy\n', ['hooks.vendor-unknown.io']],
    ['app.yml', 'analytics:\n  description: events\n  endpoint:\n    https://events.vendor-unknown.io/v1\n', ['events.vendor-unknown.io']],
  ])('%s: %s', (path, text, expected) => {
    expect(hosts(path, text)).toEqual(expected);
  });
});

describe('hosts that name no server', () => {
  it.each([["load('//test.json')"], ["const u = '//mapbox.mapbox'"]])('%s gives no unclassified host', (text) => {
    expect(unclassifiedOf('app.js', text)).toEqual([]);
  });

  it('a real host under a real public suffix still does', () => {
    expect(unclassifiedOf('app.js', "fetch('//cdn.vendor-unknown.io/a.js')")).toEqual(['cdn.vendor-unknown.io']);
  });
});

describe('namespaces, schemas and placeholders', () => {
  it.each([
    ["const NS = 'http://www.figma.com/figma/ns';"],
    ["const DTD = 'http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd';"],
    ["const ns = 'http://schemas.microsoft.com/3dmanufacturing/beamlattice/2017/02';"],
    ["const krita = 'http://krita.org/namespaces/svg/krita';"],
    ["fetch('http://foo.com/api')"],
  ])('%s gives no unclassified host', (text) => {
    expect(unclassifiedOf('app.js', text)).toEqual([]);
  });

  it('a path that only contains the word is still a use', () => {
    expect(unclassifiedOf('app.js', "fetch('https://api.vendor-unknown.io/v1/schemaless')")).toEqual(['api.vendor-unknown.io']);
  });
});

describe('a schema registry is a use', () => {
  it('confluent-style /schemas/ paths stay evidence', () => {
    expect(unclassifiedOf('app.js', "fetch('https://registry.vendor-unknown.io/schemas/ids/1')")).toEqual(['registry.vendor-unknown.io']);
  });
});

describe('a host among plain words in a YAML list is a keyword', () => {
  it('icon search terms give nothing', () => {
    expect(evidenceOf('icons.yml', 'twitch:\n  terms:\n    - streaming\n    - twitch\n    - twitch.tv\n    - video game\n').filter((e) => e.host)).toEqual([]);
  });

  it('a list of hosts stays evidence', () => {
    expect(evidenceOf('config.yml', 'allowed_hosts:\n  - api.stripe.com\n  - api.sendgrid.com\n').filter((e) => e.host).map((e) => e.host)).toEqual(['api.stripe.com', 'api.sendgrid.com']);
  });
});

describe("a social network's pages are links; its SDKs, widgets, embeds and APIs are uses", () => {
  it.each([
    ['twitter.com', '/shadcn', true], ['x.com', '/acme', true], ['www.facebook.com', '/acme', true], ['www.linkedin.com', '/in/shadcn', true],
    ['www.linkedin.com', '/company/acme/', true], ['www.youtube.com', '/@shadcn', true], ['www.youtube.com', '/c/acme', true], ['www.youtube.com', '/watch?v=abc', true],
    ['twitter.com', '/intent/tweet?text=hi', true], ['www.facebook.com', '/sharer/sharer.php?u=x', true], ['www.instagram.com', '/acme/', true], ['discord.gg', '/abc', true],
    ['twitter.com', '/acme/status/123', true], ['twitter.com', '/', true], ['m.facebook.com', '/groups/acme', true],
    // A template's profile (`https://www.facebook.com/${user.handle}`), read up to the `$`.
    ['www.facebook.com', '/$', true], ['x.com', '/$', true],
    ['www.facebook.com', '/tr', false], ['www.facebook.com', '/plugins/like.php', false], ['www.youtube.com', '/embed/abc', false], ['www.youtube.com', '/iframe_api', false],
    ['connect.facebook.net', '/en_US/sdk.js', false], ['platform.twitter.com', '/widgets.js', false], ['www.instagram.com', '/embed.js', false],
    ['www.facebook.com', '/v18.0/dialog/oauth', false], ['www.linkedin.com', '/oauth/v2/authorization', false], ['graph.facebook.com', '/me', false],
    ['api.twitter.com', '/2/tweets', false], ['www.instagram.com', '/p/abc/embed', false], ['twitter.com', '/i/oauth2/authorize', false], ['www.tiktok.com', '/embed/v2/1', false],
    ['vendor-unknown.io', '/acme', false],
    // Video, photo and audio sites: a profile or a video's page is a link; their oEmbed and player endpoints are uses.
    ['vimeo.com', '/shopify', true], ['vimeo.com', '/76979871', true], ['www.flickr.com', '/photos/acme/', true], ['soundcloud.com', '/acme', true],
    ['unsplash.com', '/photos/a-dune-TA5hw14Coh4', true], ['unsplash.com', '/photos/TA5hw14Coh4/download?ixid=M3w', true], ['unsplash.com', '/@acme', true], ['api.unsplash.com', '/photos/random', false],
    ['soundcloud.com', '/oembed', false], ['www.flickr.com', '/services/oembed/', false], ['www.youtube.com', '/oembed', false], ['vimeo.com', '/api/oembed.json', false],
  ])('%s%s is a page: %s', (host, path, expected) => {
    expect(isSocialPage(host, path.split('?')[0]!)).toBe(expected);
  });

  it('a site config of social profiles and share links names no service', () => {
    const config = `export const siteConfig = {
  links: { twitter: "https://twitter.com/shadcn", linkedin: "https://www.linkedin.com/in/shadcn", youtube: "https://www.youtube.com/@shadcn", discord: "https://discord.gg/abc" },
};
const socials = [{ name: 'X', href: 'https://x.com/acme' }, { name: 'Instagram', href: 'https://www.instagram.com/acme/' }];
export const share = \`https://twitter.com/intent/tweet?text=\${encodeURIComponent(title)}\`;`;
    expect(hosts('config/site.ts', config)).toEqual([]);
  });

  it("the SDK, a widget, an embed or the Graph API stays evidence", () => {
    const code = `loadScript('https://connect.facebook.net/en_US/sdk.js');
const frame = '<iframe src="https://www.youtube.com/embed/abc"></iframe>';
fetch('https://graph.facebook.com/v18.0/me?fields=id');
const login = 'https://www.facebook.com/v18.0/dialog/oauth?client_id=1';`;
    expect(hosts('app.js', code)).toEqual(['connect.facebook.net', 'www.youtube.com', 'graph.facebook.com', 'www.facebook.com']);
  });
});

describe('the tag a URL sits in decides its kind, however long the attributes before it', () => {
  it('a script tag in JSX whose src comes after a long className', () => {
    const text = `export const S = () => <script\n  className="${'a-long-class-name '.repeat(20)}"\n  src="https://js.stripe.com/v3"\n/>;`;
    expect(evidenceOf('app/s.tsx', text).filter((e) => e.host).map((e) => [e.kind, e.host])).toEqual([['script-src', 'js.stripe.com']]);
  });

  it('markup in a string, its quotes escaped: an anchor is a link, an image is an image', () => {
    const doc = '{"shapes": {"Date": {"documentation": "<p>In <a href=\\"https://www.iso.org/iso-8601-date-and-time-format.html\\">ISO 8601</a> form.</p>"}}}';
    expect(evidenceOf('data/service-2.json', doc).filter((e) => e.host)).toEqual([]);
    const html = 'const html = "<img src=\\"https://img.vendor-unknown.io/p.png\\">";';
    expect(evidenceOf('a.js', html).filter((e) => e.host).map((e) => [e.kind, e.host])).toEqual([['img', 'img.vendor-unknown.io']]);
  });
});

describe("a browser extension's match patterns are pages it runs on", () => {
  it('reads no host from content_scripts matches or host_permissions, and still reads its endpoints', () => {
    const manifest = JSON.stringify(
      {
        manifest_version: 3,
        name: 'Acme',
        host_permissions: ['https://www.google.com/*', 'https://api.vendor-unknown.io/*'],
        content_scripts: [{ js: ['google.js'], matches: ['https://mail.google.com/*', 'https://www.google.de/*'] }],
        update_url: 'https://updates.vendor-unknown.io/ext.xml',
      },
      null,
      2,
    );
    expect(hosts('src/manifest.json', manifest)).toEqual(['updates.vendor-unknown.io']);
    // Not an extension's manifest (no manifest_version): its URLs are read as any JSON's.
    expect(hosts('public/manifest.json', '{"matches": ["https://api.vendor-unknown.io/v1/x"]}')).toEqual(['api.vendor-unknown.io']);
  });
});
