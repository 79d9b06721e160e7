import { describe, it, expect } from 'vitest';
import { findUrls, bareHost, isFirstPartyOrNotAFlow, placeholderDomain } from '../../src/scan/urls.js';

describe('URL finding', () => {
  it.each([
    ['https://api.openai.com/v1/chat', 'api.openai.com', '/v1/chat'],
    ['//www.googletagmanager.com/gtm.js?id=1', 'www.googletagmanager.com', '/gtm.js'],
    ['wss://ws.pusher-like.com/app', 'ws.pusher-like.com', '/app'],
    ['https://key@o1.ingest.sentry.io/42', 'o1.ingest.sentry.io', '/42'],
    ['https://API.Example-Vendor.COM:8443/x', 'api.example-vendor.com', '/x'],
    // The customer's part of a vendor's host, written as a placeholder with underscores.
    ['"https://your_domain.zendesk.com/api/v2/tickets.json"', 'your_domain.zendesk.com', '/api/v2/tickets.json'],
    ['https://YOUR_SHOP_NAME.myshopify.com/admin', 'your_shop_name.myshopify.com', '/admin'],
    ['//my_team.slack.com/x', 'my_team.slack.com', '/x'],
    // Connection strings: a user part with a password names the host after it.
    ['smtp://apikey:SG.abc@smtp.sendgrid.net:587', 'smtp.sendgrid.net', '/'],
    ['https://user:pass@api.mailgun.net/v3/x', 'api.mailgun.net', '/v3/x'],
    ['redis://:pw@redis-1.c1.us-east-1-2.ec2.cloud.redislabs.com:6379', 'redis-1.c1.us-east-1-2.ec2.cloud.redislabs.com', '/'],
    ['mongodb+srv://u:p@cluster0.abcd.mongodb.net/db', 'cluster0.abcd.mongodb.net', '/db'],
    // Oracle's EZConnect after the thin driver's '@'.
    ['jdbc:oracle:thin:@//db.acme-oracle.com:1521/ORCL', 'db.acme-oracle.com', '/ORCL'],
  ])('%s', (text, host, path) => {
    const [u] = findUrls(text);
    expect(u!.host).toBe(host);
    expect(u!.path.startsWith(path)).toBe(true);
  });

  it.each([
    ['[u blue link=https://twitter.com/acme]https://twitter.com/acme', ['https://twitter.com/acme', 'https://twitter.com/acme']],
    ['[url=https://vendor.io/page]text[/url]', ['https://vendor.io/page']],
    ['https://api.vendor.io/v1/items?filter[name]=a&ids[]=1', ['https://api.vendor.io/v1/items?filter[name]=a&ids[]=1']],
    ['https://api.vendor.io/v1/a[b', ['https://api.vendor.io/v1/a']],
  ])('square brackets in the path come in pairs: %s', (text, raws) => {
    expect(findUrls(text).map((u) => u.raw)).toEqual(raws);
  });

  // A user part is no host, when the host after it has no dot for the pattern to take.
  it.each(['sendgrid+api://SG.key@default', 'smtp://user.name:pa.ss@localhost', 'amqp://guest:guest@rabbitmq:5672', 'mailgun+https://KEY:my.domain@default'])('no host in %s', (text) => {
    expect(findUrls(text)).toEqual([]);
  });

  it.each(['no url here', 'a//b.c', 'file:///etc/passwd', '"*://partner.googleadservices.com/*"', '// @match *://www.youtube.com/watch*', 'http://localhost:3000'.replace('localhost', 'x'),
    // an underscore in the registrable domain is no host name
    'https://my_site.com/page', 'https://your.app_name.co.uk/x', 'x = //some_obj.method'])('no URL host in %j', (text) => {
    expect(findUrls(text).map((u) => u.host)).toEqual([]);
  });

  it('takes bare hostnames with a public suffix only', () => {
    expect(bareHost('api.openai.com')?.host).toBe('api.openai.com');
    expect(bareHost('smtp.sendgrid.net:587')?.host).toBe('smtp.sendgrid.net');
    expect(bareHost('index.js')).toBeNull();
    expect(bareHost('readme')).toBeNull();
    expect(bareHost('archive.tar')).toBeNull();
    expect(bareHost('not a host.com')).toBeNull();
  });

  it.each([
    ['localhost', true], ['127.0.0.1', true], ['api.example.com', true], ['shop.test', true], ['www.w3.org', true],
    ['app.acme.io', true], ['cdn.acme.io', true], ['acme.io.evil.com', false], ['www.hotjar.com', false],
    ['github.com', true], ['api.github.com', false], ['developer.mozilla.org', true], ['en.wikipedia.org', true],
    ['tailwindcss.com', true], ['cdn.tailwindcss.com', false], ['telemetry.nextjs.org', false], ['api.stackexchange.com', false], ['docs.nextjs.org', true], ['cdn.example.com', true],
  ])('first party or not a data flow: %s → %s', (host, expected) => {
    expect(isFirstPartyOrNotAFlow(host, { firstParty: ['acme.io'] })).toBe(expected);
  });

  it.each([
    ['example-endpoint.com', true], ['test-idp.com', true], ['your-deployment-url.com', true], ['updates.your-app-server.io', true], ['yourstory.com', false], ['api.acme-example.net', true], ['sample-videos.vendor-unknown.io', false], ['mytest-api.io', false],
  ])('a placeholder domain of help texts: %s → %s', (host, expected) => {
    expect(placeholderDomain(host)).toBe(expected);
  });

  it.each([
    ['sqs.us-east-1.amazonaws.com', '/your-account-id', true],
    ['hooks.slack.com', '/services/YOUR_WEBHOOK_ID', true],
    ['storage.googleapis.com', '/<bucket>/file.png', true],
    ['sqs.us-east-1.amazonaws.com', '/123456789012/jobs', false],
    ['hooks.slack.com', '/services/T000/B000/XXX', false],
    ['api.vendor-unknown.io', '/v1/yours', false],
  ])('a placeholder in the path: %s%s → %s', (host, path, expected) => {
    expect(isFirstPartyOrNotAFlow(host, { firstParty: [] }, path)).toBe(expected);
  });

  it.each([
    ['search.yahoo.com', '/mrss/', true],
    ['a9.com', '/-/spec/opensearch/1.1/', true],
    ['www.georss.org', '/georss', true],
    ['xmlns.com', '/foaf/0.1/', true],
    ['adobe.com', '/xap/1.0/', true],
    ['world.vendor-unknown.io', '/.well-known/assetlinks.json', true],
    ['api.w.org', '/', true],
    ['api.w.org', '/featuredmedia', true],
    ['accounts.vendor-unknown.io', '/.well-known/openid-configuration', false],
    // The same hosts' other paths are other things.
    ['search.yahoo.com', '/search', false],
    ['adobe.com', '/go/getflashplayer', false],
  ])('a feed or metadata format namespace, an app-link file: %s%s → %s', (host, path, expected) => {
    expect(isFirstPartyOrNotAFlow(host, { firstParty: [] }, path)).toBe(expected);
  });
});
