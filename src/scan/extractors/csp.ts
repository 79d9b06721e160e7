// Content-Security-Policy values list the hosts a site allows itself to load from:
// every host source in them is a third party the site expects to contact.
import type { ExtractContext } from '../context.js';

const HOST_SOURCE = /(?:^|\s)((?:https?|wss?):\/\/)?(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::[\d*]+)?(\/[^\s;]*)?(?=[\s;]|$)/gi;

/** `bareOnly`: only the host sources without a scheme (a code string's URLs are read as URLs already). */
export function extractCspValue(ctx: ExtractContext, value: string, offset: number, bareOnly = false): void {
  for (const m of value.matchAll(HOST_SOURCE)) {
    if (bareOnly && m[1]) continue;
    const host = m[3]!.toLowerCase();
    if (!/[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))) continue;
    const at = offset + m.index! + m[0].indexOf(m[1] ?? m[2] ?? m[3]!);
    ctx.add('csp', at, m[0].trim(), 'medium', { host, urlPath: m[4] ?? '/' });
  }
}

/** The fetch directives' names without `-src`: the directives that say where a page may load from. */
export const CSP_FETCH_DIRECTIVE = 'default|script|style|img|connect|font|frame|media|object|worker|child|manifest';
const FETCH_DIRECTIVE = String.raw`\b(?:${CSP_FETCH_DIRECTIVE})-src`;
// A string that is a policy, or part of one: a fetch directive and its first source
// (`connect-src 'self' cdn.vendor.io`, `script-src https://…`).
const CSP_DIRECTIVE = new RegExp(String.raw`${FETCH_DIRECTIVE}(?:-elem|-attr)?\s+(?:'[a-z-]+'|[*a-z0-9])`);
/** A policy's directive names and keywords: text holding them is a policy, not a sentence. */
export const CSP_WORDS = new RegExp(String.raw`'(?:self|none|unsafe-inline|unsafe-eval|strict-dynamic|wasm-unsafe-eval)'|${FETCH_DIRECTIVE}\b`);

/** Whether a text holds a CSP fetch directive with a source after it. */
export function mayHoldPolicy(text: string): boolean {
  return text.includes('-src') && CSP_DIRECTIVE.test(text);
}

/** CSP headers in config files (netlify.toml, _headers, vercel.json, nginx, Apache, IIS's web.config `<add name="…" value="…" />`). */
export function extractCspHeaders(ctx: ExtractContext): void {
  const text = ctx.text;
  const re = /content-security-policy(?:-report-only)?["']?\s*(?:[:=]|\s)\s*(?:"value"\s*:\s*|value\s*=\s*)?(["']?)([^\n\r]*)/gi;
  for (const m of text.matchAll(re)) {
    let value = m[2]!;
    if (m[1]) {
      const close = value.indexOf(m[1]);
      if (close >= 0) value = value.slice(0, close);
    }
    extractCspValue(ctx, value, m.index! + m[0].length - m[2]!.length);
  }
  extractAllowedOrigins(ctx);
}

// The origin a site's headers let call it (`Access-Control-Allow-Origin: https://acme.com`, as a
// vercel.json header's key and value, a _headers line, nginx's add_header) is the site's own.
const ALLOW_ORIGIN = /access-control-allow-origin["']?(?:\s*[:=,]\s*|\s+)(?:["']?value["']?\s*[:=]\s*)?["']?(https?:\/\/([a-z0-9.-]+\.[a-z]{2,63}))(?::\d+)?\/?["']?/gi;

function extractAllowedOrigins(ctx: ExtractContext): void {
  if (!/access-control-allow-origin/i.test(ctx.text)) return;
  for (const m of ctx.text.matchAll(ALLOW_ORIGIN)) {
    ctx.add('link', m.index! + m[0].indexOf(m[1]!), m[1]!, 'high', { host: m[2]!.toLowerCase(), urlPath: '/', siteAddress: true });
  }
}
