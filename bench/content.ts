// File contents for the benchmark corpus: what a real monorepo holds, in the proportions that
// make a scanner work — mostly ordinary code with comments, strings and the odd third-party
// URL, markup pages carrying tag-manager and pixel snippets, stylesheets, manifests, and large
// minified bundles. Every generator grows its file from blocks until it reaches the target size.
import type { Random } from './random.js';

const WORDS = [
  'account', 'order', 'invoice', 'user', 'session', 'cart', 'payment', 'profile', 'report', 'search', 'event', 'metric',
  'widget', 'billing', 'catalog', 'product', 'review', 'message', 'channel', 'team', 'project', 'task', 'schedule', 'export',
  'import', 'upload', 'media', 'asset', 'theme', 'layout', 'header', 'footer', 'sidebar', 'modal', 'form', 'field', 'table',
  'chart', 'filter', 'sort', 'page', 'route', 'store', 'cache', 'queue', 'worker', 'job', 'token', 'auth', 'login', 'signup',
  'settings', 'admin', 'audit', 'ledger', 'shipment', 'coupon', 'voucher', 'tenant', 'region', 'locale', 'feature', 'flag',
];

// Hosts of real third parties, the way they appear in production code.
export const TRACKER_URLS = [
  'https://www.googletagmanager.com/gtag/js?id=G-',
  'https://www.googletagmanager.com/gtm.js?id=GTM-',
  'https://www.google-analytics.com/analytics.js',
  'https://static.hotjar.com/c/hotjar-',
  'https://connect.facebook.net/en_US/fbevents.js',
  'https://www.facebook.com/tr?id=',
  'https://js.stripe.com/v3/',
  'https://cdn.segment.com/analytics.js/v1/',
  'https://browser.sentry-cdn.com/7.119.0/bundle.min.js',
  'https://widget.intercom.io/widget/',
  'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js',
  'https://eu.i.posthog.com/static/array.js',
  'https://snap.licdn.com/li.lms-analytics/insight.min.js',
  'https://static.ads-twitter.com/uwt.js',
  'https://bat.bing.com/bat.js',
  'https://js.hs-scripts.com/',
  'https://plausible.io/js/script.js',
  'https://cdn.amplitude.com/libs/analytics-browser-2.11.1-min.js.gz',
  'https://consent.cookiebot.com/uc.js',
  'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js',
];
export const API_URLS = [
  'https://api.stripe.com/v1/charges',
  'https://api.segment.io/v1/track',
  'https://api.mixpanel.com/track',
  'https://api2.amplitude.com/2/httpapi',
  'https://o4504.ingest.sentry.io/api/42/envelope/',
  'https://api.sendgrid.com/v3/mail/send',
  'https://hooks.slack.com/services/T000/B000/XXXX',
  'https://api.twilio.com/2010-04-01/Accounts',
  'https://api.openai.com/v1/chat/completions',
  'https://maps.googleapis.com/maps/api/geocode/json',
  'https://api.mailgun.net/v3/messages',
  'https://api.hubapi.com/crm/v3/objects/contacts',
  'https://s3.eu-west-1.amazonaws.com/acme-uploads',
  'https://storage.googleapis.com/acme-public',
  'https://api.github.com/repos',
];
export const EMBED_URLS = [
  'https://www.youtube.com/embed/',
  'https://player.vimeo.com/video/',
  'https://www.google.com/maps/embed?pb=',
  'https://calendly.com/acme/30min',
];
export const FONT_URLS = ['https://fonts.googleapis.com/css2?family=Inter:wght@400;700', 'https://fonts.gstatic.com/s/inter/v12/'];
// First-party and unknown hosts: most URLs in a codebase are the project's own.
export const OWN_URLS = [
  'https://api.acme-internal.dev/v2/', 'https://cdn.acme.io/assets/', 'https://status.acme.io/', 'https://auth.acme.io/oauth/token',
  'https://docs.acme.io/guide/', 'http://localhost:3000/', 'https://staging.acme.io/', 'https://img.acme-media.net/',
];
const DOC_URLS = ['https://developer.mozilla.org/en-US/docs/Web/API/fetch', 'https://github.com/acme/platform/issues/', 'https://stackoverflow.com/a/', 'https://www.w3.org/TR/html52/'];

const word = (r: Random): string => r.pick(WORDS);
const camel = (r: Random): string => word(r) + cap(word(r));
const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
const thirdParty = (r: Random): string => r.pick(API_URLS) + (r.chance(0.5) ? r.hex(6) : '');
const anyUrl = (r: Random): string => (r.chance(0.35) ? thirdParty(r) : r.pick(OWN_URLS) + word(r));
// Most calls in real code go to relative paths or configured bases; an absolute URL is the exception.
const endpoint = (r: Random): string => (r.chance(0.2) ? anyUrl(r) : `/api/${word(r)}`);
const docRef = (r: Random): string => (r.chance(0.15) ? r.pick(DOC_URLS) + r.int(1, 9999) : `the ${word(r)} runbook`);

/** Grows a file from generated blocks until it reaches `bytes`. */
function grow(r: Random, bytes: number, head: string, block: (r: Random) => string, tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  while (size < bytes) {
    const b = block(r);
    parts.push(b);
    size += b.length;
  }
  parts.push(tail);
  return parts.join('');
}

const JS_IMPORTS = [
  "import React, { useEffect, useState } from 'react';",
  "import { z } from 'zod';",
  "import dayjs from 'dayjs';",
  "import { debounce } from 'lodash-es';",
  "import axios from 'axios';",
  "import * as Sentry from '@sentry/browser';",
  "import posthog from 'posthog-js';",
  "import { AnalyticsBrowser } from '@segment/analytics-next';",
  "import mixpanel from 'mixpanel-browser';",
  "import { loadStripe } from '@stripe/stripe-js';",
  "import Stripe from 'stripe';",
  "import { Client } from '@hubspot/api-client';",
  "const { WebClient } = require('@slack/web-api');",
];

const jsBlocks: ((r: Random) => string)[] = [
  (r) => `\n/**\n * ${cap(word(r))} the ${word(r)} for the ${word(r)} view.\n * See ${docRef(r)} for the details.\n */\nexport function ${camel(r)}(${word(r)}: ${cap(word(r))}, options = {}) {\n  const ${word(r)}Id = ${word(r)}.id ?? '${r.hex(8)}';\n  if (!${word(r)}Id) throw new Error('missing ${word(r)} id');\n  return { ...options, id: ${word(r)}Id, at: Date.now() };\n}\n`,
  (r) => `\nexport async function fetch${cap(word(r))}(id) {\n  // retry once: the ${word(r)} service is flaky under load\n  const res = await fetch(\`${endpoint(r)}/\${id}\`, { headers: { 'content-type': 'application/json' } });\n  if (!res.ok) throw new Error(\`${word(r)} \${res.status}\`);\n  return res.json();\n}\n`,
  (r) => `\nconst ${word(r).toUpperCase()}_${word(r).toUpperCase()} = ${r.int(1, 5000)};\nconst ${camel(r)}Pattern = /^[a-z0-9_-]{${r.int(1, 5)},${r.int(6, 64)}}$/i;\nexport const ${camel(r)} = (s) => ${word(r)}Pattern.test(s) && s.length < ${r.int(10, 300)};\n`,
  (r) => `\nexport class ${cap(word(r))}${cap(word(r))}Service {\n  constructor(private readonly http, private readonly base = '${endpoint(r)}') {}\n\n  async list(page = 1) {\n    // TODO(${word(r)}): paginate with cursors instead\n    return this.http.get(\`\${this.base}/${word(r)}s?page=\${page}\`);\n  }\n\n  async remove(id) {\n    return this.http.delete(\`\${this.base}/${word(r)}s/\${id}\`);\n  }\n}\n`,
  (r) => `\nexport const ${camel(r)}Messages = {\n  title: '${cap(word(r))} ${word(r)}',\n  empty: "No ${word(r)}s yet — create one from the ${word(r)} page.",\n  error: 'Could not load the ${word(r)}: please try again',\n  help: '${endpoint(r)}',\n};\n`,
  (r) => `\nfunction ${camel(r)}(list) {\n  let total = 0;\n  for (const item of list) {\n    if (item.${word(r)} > ${r.int(0, 100)} && item.${word(r)} !== undefined) total += item.${word(r)} * ${r.int(1, 9)};\n    else if (item.kind === '${word(r)}') total -= 1;\n  }\n  return total / Math.max(1, list.length);\n}\n`,
  (r) => `\nexport function ${cap(word(r))}${cap(word(r))}({ ${word(r)}, onClose }) {\n  const [open, setOpen] = useState(false);\n  useEffect(() => { if (open) onClose?.(); }, [open]);\n  return (\n    <div className="${word(r)}-${word(r)}">\n      <h2>{${word(r)}.title}</h2>\n      <a href="${r.chance(0.3) ? r.pick(DOC_URLS) : '/' + word(r)}">Learn more</a>\n      <button onClick={() => setOpen(!open)}>Toggle</button>\n    </div>\n  );\n}\n`,
  // the occasional SDK call or tracker snippet, as teams write them
  (r) =>
    r.pick([
      `\nposthog.init('phc_${r.hex(24)}', { api_host: 'https://eu.i.posthog.com' });\n`,
      `\nSentry.init({ dsn: 'https://${r.hex(32)}@o${r.int(1000, 9999)}.ingest.sentry.io/${r.int(100, 999)}', tracesSampleRate: 0.1 });\n`,
      `\nwindow.dataLayer = window.dataLayer || [];\nfunction gtag(){dataLayer.push(arguments);}\ngtag('js', new Date());\ngtag('config', 'G-${r.hex(10).toUpperCase()}');\n`,
      `\nmixpanel.init('${r.hex(32)}', { api_host: 'https://api-eu.mixpanel.com' });\nmixpanel.track('${word(r)}_${word(r)}');\n`,
      `\nconst stripe = await loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY);\n`,
      `\nanalytics.track('${cap(word(r))} ${cap(word(r))}', { plan: '${word(r)}' });\n`,
      `\nconst client = new WebClient(process.env.SLACK_BOT_TOKEN);\n`,
      `\nconst res = await axios.post('${thirdParty(r)}', payload, { timeout: ${r.int(1, 30)}000 });\n`,
    ]),
];

export function jsSource(r: Random, bytes: number, typescript: boolean): string {
  const imports: string[] = [];
  for (let i = r.int(1, 5); i > 0; i--) imports.push(r.chance(0.75) ? `import { ${camel(r)} } from '../${word(r)}/${word(r)}${typescript ? '' : '.js'}';` : r.pick(JS_IMPORTS));
  const head = `// ${cap(word(r))} ${word(r)}: ${word(r)} and ${word(r)} handling.\n${[...new Set(imports)].join('\n')}\n`;
  return grow(r, bytes, head, (rr) => rr.pick(jsBlocks)(rr));
}

export function jsTest(r: Random, bytes: number): string {
  const head = `import { describe, it, expect, vi } from 'vitest';\nimport { ${camel(r)} } from '../src/${word(r)}';\n\n`;
  return grow(r, bytes, head, (rr) => `describe('${word(rr)} ${word(rr)}', () => {\n  it('${word(rr)}s the ${word(rr)}', async () => {\n    const fetchMock = vi.fn().mockResolvedValue({ ok: true, json: async () => ({ id: '${rr.hex(6)}' }) });\n    expect(await run(fetchMock, '${endpoint(rr)}')).toEqual({ id: '${rr.hex(6)}' });\n  });\n});\n\n`);
}

/** One line of minified JavaScript: mostly noise, with the endpoints and tracker loaders a bundle carries. */
export function minifiedBundle(r: Random, bytes: number): string {
  const head = `/*! ${word(r)}-bundle v${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 20)} | (c) Acme | MIT */\n`;
  return grow(r, bytes, head, (rr) =>
    rr.chance(0.04)
      ? rr.pick([
          `fetch("${anyUrl(rr)}",{method:"POST",body:JSON.stringify(e)}).then(function(e){return e.json()});`,
          `var u="${rr.pick(TRACKER_URLS)}${rr.hex(8)}";`,
          `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)}}(window,document,"script","https://connect.facebook.net/en_US/fbevents.js");`,
        ])
      : rr.pick([
          `var ${rr.hex(2)}=function(e,t,n){"use strict";var r=n(${rr.int(1, 999)}),o=n.n(r);function i(e){return e&&e.__esModule?e:{default:e}}`,
          `t.${camel(rr)}=function(e){return e.replace(/[&<>"']/g,function(e){return"&#"+e.charCodeAt(0)+";"})};`,
          `e.exports={${word(rr)}:"${word(rr)}",${word(rr)}:${rr.int(0, 1e6)},${word(rr)}:[${rr.int(0, 99)},${rr.int(0, 99)},${rr.int(0, 99)}]};`,
          `if(o.${word(rr)}&&!o.${word(rr)}.${word(rr)})throw new TypeError("Cannot call a class as a function");`,
          `for(var a=0,s=e.length;a<s;a++){var c=e[a];c.${word(rr)}=c.${word(rr)}||${rr.int(0, 9)}}`,
          `n.d(t,{${word(rr)}:function(){return ${rr.hex(2)}}});var ${rr.hex(2)}="/api/${word(rr)}",${rr.hex(2)}=new Map;`,
        ]),
  '\n');
}

const HTML_HEAD_TAGS: ((r: Random) => string)[] = [
  (r) => `  <script async src="https://www.googletagmanager.com/gtag/js?id=G-${r.hex(10).toUpperCase()}"></script>\n  <script>\n    window.dataLayer = window.dataLayer || [];\n    function gtag(){dataLayer.push(arguments);}\n    gtag('js', new Date());\n    gtag('config', 'G-${r.hex(10).toUpperCase()}');\n  </script>\n`,
  (r) => `  <script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-${r.hex(6).toUpperCase()}');</script>\n`,
  (r) => `  <script>\n    (function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:${r.int(100000, 999999)},hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');\n  </script>\n`,
  (r) => `  <script>\n    !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');\n    fbq('init', '${r.int(1e14, 9e14)}');\n    fbq('track', 'PageView');\n  </script>\n  <noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=${r.int(1e14, 9e14)}&ev=PageView&noscript=1"/></noscript>\n`,
  (r) => `  <script type="text/plain" data-cookieconsent="statistics" src="${r.pick(TRACKER_URLS)}${r.hex(6)}"></script>\n`,
  (r) => `  <script src="${r.pick(TRACKER_URLS)}${r.hex(6)}" async defer></script>\n`,
  (r) => `  <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>\n  <link rel="stylesheet" href="${r.pick(FONT_URLS)}">\n`,
  (r) => `  <link rel="stylesheet" href="/static/css/${word(r)}.css">\n  <script src="/static/js/${word(r)}.${r.hex(8)}.js" defer></script>\n`,
  (r) => `  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' https://www.googletagmanager.com https://static.hotjar.com; img-src * data:">\n`,
];

const htmlBodyBlocks: ((r: Random) => string)[] = [
  (r) => `    <section class="${word(r)} ${word(r)}--${word(r)}">\n      <h2>${cap(word(r))} ${word(r)}</h2>\n      <p>Manage your ${word(r)}s and ${word(r)}s from one place. <a href="${r.pick(DOC_URLS)}">Read the guide</a>.</p>\n      <img src="/static/img/${word(r)}-${r.hex(6)}.png" alt="${word(r)}" loading="lazy">\n    </section>\n`,
  (r) => `    <ul class="${word(r)}-list">\n${Array.from({ length: r.int(3, 12) }, () => `      <li><a href="/${word(r)}/${r.int(1, 999)}">${cap(word(r))} ${word(r)}</a></li>`).join('\n')}\n    </ul>\n`,
  (r) => `    <form action="${r.chance(0.8) ? '/' + word(r) : 'https://forms.hsforms.com/submissions/v3/public/submit/' + r.hex(8)}" method="post">\n      <label>${cap(word(r))} <input name="${word(r)}" type="text" required></label>\n      <button type="submit">Send</button>\n    </form>\n`,
  (r) => `    <iframe src="${r.pick(EMBED_URLS)}${r.hex(11)}" width="560" height="315" title="${word(r)}" allowfullscreen></iframe>\n`,
  (r) => `    <div class="grid">\n${Array.from({ length: r.int(2, 8) }, () => `      <div class="card"><h3>{{ ${word(r)}.${word(r)} }}</h3><p>{{ ${word(r)}.description | truncate(${r.int(40, 200)}) }}</p></div>`).join('\n')}\n    </div>\n`,
  (r) => `    <!-- ${word(r)} ${word(r)}: see ${r.pick(DOC_URLS)} -->\n    <table class="${word(r)}">\n${Array.from({ length: r.int(3, 10) }, () => `      <tr><td>${word(r)}</td><td>${r.int(0, 9999)}</td><td>${word(r)}</td></tr>`).join('\n')}\n    </table>\n`,
  (r) => `    <script>\n      document.querySelectorAll('.${word(r)}').forEach(function (el) {\n        el.addEventListener('click', function () { window.location = '/${word(r)}/' + el.dataset.id; });\n      });\n    </script>\n`,
];

export function htmlPage(r: Random, bytes: number): string {
  const head = `<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>${cap(word(r))} ${word(r)}</title>\n  <meta name="viewport" content="width=device-width, initial-scale=1">\n${Array.from({ length: r.int(1, 4) }, () => r.pick(HTML_HEAD_TAGS)(r)).join('')}</head>\n<body>\n  <main>\n`;
  return grow(r, bytes, head, (rr) => rr.pick(htmlBodyBlocks)(rr), '  </main>\n</body>\n</html>\n');
}

export function vueComponent(r: Random, bytes: number): string {
  const head = `<template>\n  <div class="${word(r)}">\n    <h1>{{ title }}</h1>\n`;
  return grow(r, bytes, head, (rr) => rr.pick(htmlBodyBlocks)(rr), `  </div>\n</template>\n\n<script setup lang="ts">\nimport { ref } from 'vue';\nconst title = ref('${cap(word(r))}');\n</script>\n\n<style scoped>\n.${word(r)} { display: grid; gap: 1rem; }\n</style>\n`);
}

export function stylesheet(r: Random, bytes: number): string {
  const head = r.chance(0.2) ? `@import url('${r.pick(FONT_URLS)}');\n\n` : `/* ${word(r)} styles */\n`;
  return grow(r, bytes, head, (rr) =>
    rr.chance(0.06)
      ? `@font-face { font-family: '${cap(word(rr))}'; src: url(${rr.chance(0.5) ? 'https://fonts.gstatic.com/s/' + word(rr) : '/fonts/' + word(rr)}.woff2) format('woff2'); }\n`
      : `.${word(rr)}-${word(rr)} {\n  display: ${rr.pick(['flex', 'grid', 'block'])};\n  margin: ${rr.int(0, 32)}px ${rr.int(0, 32)}px;\n  color: #${rr.hex(6)};\n  background: ${rr.chance(0.1) ? `url("/static/img/${word(rr)}.svg")` : '#' + rr.hex(6)};\n}\n`,
  );
}

export function python(r: Random, bytes: number): string {
  const head = `"""${cap(word(r))} ${word(r)} service.\n\nDocs: ${docRef(r)}\n"""\nimport os\nimport json\nimport logging\n${r.pick(['import requests', 'import stripe', 'import boto3', 'import sentry_sdk', 'from django.db import models', 'import httpx'])}\n\nlogger = logging.getLogger(__name__)\n`;
  return grow(r, bytes, head, (rr) =>
    rr.pick([
      `\n\ndef ${word(rr)}_${word(rr)}(${word(rr)}, timeout=${rr.int(1, 30)}):\n    """Fetch the ${word(rr)} from ${docRef(rr)}."""\n    # keep the ${word(rr)} small: the API rejects > 1 MB\n    resp = requests.get(f"${endpoint(rr)}/{${word(rr)}}", timeout=timeout)\n    resp.raise_for_status()\n    return resp.json()\n`,
      `\n\nclass ${cap(word(rr))}${cap(word(rr))}(models.Model):\n    ${word(rr)} = models.CharField(max_length=${rr.int(10, 255)})\n    ${word(rr)}_at = models.DateTimeField(auto_now_add=True)\n\n    def __str__(self):\n        return f"{self.${word(rr)}}"\n`,
      `\n${word(rr).toUpperCase()}_URL = os.environ.get("${word(rr).toUpperCase()}_URL", "${endpoint(rr)}")\n`,
      `\n\ndef ${word(rr)}(items):\n    total = 0\n    for item in items:\n        if item.get("${word(rr)}") and item["${word(rr)}"] > ${rr.int(0, 100)}:\n            total += item["${word(rr)}"]\n    return total\n`,
    ]),
  );
}

export function go(r: Random, bytes: number): string {
  const head = `package ${word(r)}\n\nimport (\n\t"context"\n\t"fmt"\n\t"net/http"\n${r.chance(0.3) ? '\t"github.com/stripe/stripe-go/v76"\n' : ''})\n`;
  return grow(r, bytes, head, (rr) =>
    rr.pick([
      `\n// ${cap(word(rr))}${cap(word(rr))} fetches the ${word(rr)}; see ${docRef(rr)}.\nfunc ${cap(word(rr))}${cap(word(rr))}(ctx context.Context, id string) (*http.Response, error) {\n\treq, err := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("${endpoint(rr)}/%s", id), nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn http.DefaultClient.Do(req)\n}\n`,
      `\ntype ${cap(word(rr))} struct {\n\tID   string \`json:"id"\`\n\t${cap(word(rr))} int    \`json:"${word(rr)}"\`\n}\n`,
    ]),
  );
}

export function ruby(r: Random, bytes: number): string {
  const head = `# frozen_string_literal: true\n\nrequire 'net/http'\n${r.chance(0.3) ? "require 'stripe'\n" : ''}\nclass ${cap(word(r))}${cap(word(r))}\n`;
  return grow(r, bytes, head, (rr) => `  # ${word(rr)} the ${word(rr)} (see ${docRef(rr)})\n  def ${word(rr)}_${word(rr)}(id)\n    uri = URI("${endpoint(rr)}/#{id}")\n    Net::HTTP.get_response(uri)\n  end\n\n`, 'end\n');
}

export function php(r: Random, bytes: number): string {
  const head = `<?php\n\nnamespace App\\${cap(word(r))};\n\nuse GuzzleHttp\\Client;\n${r.chance(0.3) ? 'use Stripe\\StripeClient;\n' : ''}\nclass ${cap(word(r))}Controller\n{\n`;
  return grow(r, bytes, head, (rr) => `    // ${word(rr)} endpoint, see ${docRef(rr)}\n    public function ${word(rr)}(int $id): array\n    {\n        $res = (new Client())->get('${endpoint(rr)}/' . $id);\n        return json_decode((string) $res->getBody(), true);\n    }\n\n`, '}\n');
}

export function java(r: Random, bytes: number): string {
  const head = `package com.acme.${word(r)};\n\nimport java.net.URI;\nimport java.net.http.HttpClient;\nimport java.net.http.HttpRequest;\n\npublic class ${cap(word(r))}Client {\n`;
  return grow(r, bytes, head, (rr) => `    /** ${cap(word(rr))} the ${word(rr)}. See ${docRef(rr)} */\n    public HttpRequest ${word(rr)}(String id) {\n        return HttpRequest.newBuilder(URI.create("${endpoint(rr)}/" + id)).GET().build();\n    }\n\n`, '}\n');
}

export function yamlConfig(r: Random, bytes: number): string {
  const head = `# ${word(r)} deployment\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${word(r)}-${word(r)}\nspec:\n  replicas: ${r.int(1, 6)}\n  template:\n    spec:\n      containers:\n`;
  return grow(r, bytes, head, (rr) => `        - name: ${word(rr)}\n          image: ghcr.io/acme/${word(rr)}:${rr.int(1, 9)}.${rr.int(0, 30)}\n          env:\n            - name: ${word(rr).toUpperCase()}_URL\n              value: ${rr.chance(0.1) ? thirdParty(rr) : rr.chance(0.2) ? rr.pick(OWN_URLS) : word(rr)}\n            - name: LOG_LEVEL\n              value: info\n`);
}

export function jsonData(r: Random, bytes: number): string {
  const items: string[] = [];
  let size = 20;
  while (size < bytes) {
    const item = `  {"id": "${r.hex(12)}", "${word(r)}": "${word(r)} ${word(r)}", "${word(r)}": ${r.int(0, 1e6)}, "url": "${r.chance(0.02) ? anyUrl(r) : '/' + word(r)}", "tags": ["${word(r)}", "${word(r)}"]}`;
    items.push(item);
    size += item.length + 2;
  }
  return `[\n${items.join(',\n')}\n]\n`;
}

export function markdown(r: Random, bytes: number): string {
  return grow(r, bytes, `# ${cap(word(r))} ${word(r)}\n\n`, (rr) => `## ${cap(word(rr))}\n\nThe ${word(rr)} ${word(rr)} talks to [${word(rr)}](${rr.pick([...DOC_URLS, ...API_URLS])}) before it ${word(rr)}s the ${word(rr)}.\n\n\`\`\`sh\ncurl ${anyUrl(rr)}\n\`\`\`\n\n`);
}

export function shell(r: Random, bytes: number): string {
  return grow(r, bytes, '#!/usr/bin/env bash\nset -euo pipefail\n\n', (rr) => `# ${word(rr)} step\ncurl -fsSL "${endpoint(rr)}" -o /tmp/${word(rr)}.json\necho "${word(rr)} done"\n\n`);
}

const NPM_DEPS = ['react', 'react-dom', 'next', 'vue', 'zod', 'dayjs', 'lodash-es', 'axios', 'express', 'fastify', 'pg', 'redis', 'ioredis', '@sentry/browser', '@sentry/node', 'posthog-js', '@segment/analytics-next', 'mixpanel-browser', '@stripe/stripe-js', 'stripe', '@hubspot/api-client', '@slack/web-api', 'twilio', '@sendgrid/mail', 'openai', '@aws-sdk/client-s3', '@google-cloud/storage', 'react-hotjar', 'intercom-client'];
const NPM_DEV = ['typescript', 'vitest', 'eslint', 'prettier', '@types/node', 'vite', 'tsx'];

export function packageJson(r: Random, name: string): string {
  const deps = Object.fromEntries(Array.from({ length: r.int(2, 12) }, () => [r.pick(NPM_DEPS), `^${r.int(1, 20)}.${r.int(0, 20)}.${r.int(0, 9)}`]));
  const dev = Object.fromEntries(Array.from({ length: r.int(1, 6) }, () => [r.pick(NPM_DEV), `^${r.int(1, 9)}.${r.int(0, 9)}.0`]));
  return JSON.stringify({ name: `@acme/${name}`, version: `${r.int(0, 3)}.${r.int(0, 30)}.${r.int(0, 9)}`, private: true, type: 'module', scripts: { build: 'tsc -p .', test: 'vitest run' }, dependencies: deps, devDependencies: dev }, null, 2) + '\n';
}

/** A package-lock.json: big, mostly transitive entries the scanner must pass over. */
export function packageLock(r: Random, name: string, bytes: number): string {
  const packages: Record<string, unknown> = { '': { name, version: '1.0.0', dependencies: { react: '^18.2.0', stripe: '^14.0.0' }, devDependencies: { vitest: '^1.0.0' } } };
  let size = 200;
  while (size < bytes) {
    const pkg = `node_modules/${r.chance(0.3) ? '@' + word(r) + '/' : ''}${word(r)}-${word(r)}-${r.hex(4)}`;
    const entry = { version: `${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 9)}`, resolved: `https://registry.npmjs.org/${pkg.slice(13)}/-/${r.hex(6)}.tgz`, integrity: `sha512-${r.hex(86)}==`, dependencies: { [word(r)]: `^${r.int(1, 9)}.0.0` } };
    packages[pkg] = entry;
    size += pkg.length + 260;
  }
  return JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2) + '\n';
}

const PYPI = ['django', 'requests', 'httpx', 'celery', 'boto3', 'stripe', 'sentry-sdk', 'twilio', 'sendgrid', 'openai', 'psycopg2-binary', 'redis', 'pydantic', 'fastapi', 'uvicorn', 'mixpanel', 'segment-analytics-python', 'google-cloud-storage'];
export const requirementsTxt = (r: Random): string => Array.from({ length: r.int(3, 15) }, () => `${r.pick(PYPI)}==${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 9)}`).join('\n') + '\n';
export const goMod = (r: Random, name: string): string => `module github.com/acme/${name}\n\ngo 1.22\n\nrequire (\n\tgithub.com/stripe/stripe-go/v76 v76.${r.int(0, 20)}.0\n\tgithub.com/getsentry/sentry-go v0.${r.int(20, 30)}.0\n\tgithub.com/jackc/pgx/v5 v5.5.${r.int(0, 5)}\n\tgolang.org/x/sync v0.${r.int(1, 9)}.0 // indirect\n)\n`;
export const gemfile = (r: Random): string => `source 'https://rubygems.org'\n\ngem 'rails', '~> 7.${r.int(0, 2)}'\ngem 'pg'\ngem 'stripe'\ngem 'sentry-ruby'\n${r.chance(0.5) ? "gem 'intercom-rails'\n" : ''}group :development, :test do\n  gem 'rspec-rails'\nend\n`;
export const composerJson = (r: Random, name: string): string => JSON.stringify({ name: `acme/${name}`, require: { php: '^8.2', 'guzzlehttp/guzzle': '^7.8', 'stripe/stripe-php': `^${r.int(10, 14)}.0`, ...(r.chance(0.5) ? { 'sentry/sentry-laravel': '^4.0' } : {}) } }, null, 2) + '\n';
export const tsconfig = (): string => JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, outDir: 'dist' }, include: ['src'] }, null, 2) + '\n';

/** Bytes with NULs: images, fonts, databases, compiled objects. */
export function binary(r: Random, bytes: number): Buffer {
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4) buf.writeUInt32LE((Math.floor(r.next() * 0xffffffff) & (i % 64 === 0 ? 0x00ffffff : 0xffffffff)) >>> 0, Math.min(i, bytes - 4));
  return buf;
}
