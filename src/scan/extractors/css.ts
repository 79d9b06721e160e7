// Stylesheets: url(…) and @import of other hosts (fonts, background pixels).
import type { ExtractContext } from '../context.js';
import { findUrls } from '../urls.js';
import { blank } from '../source-file.js';

const CSS_REF = /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)/gi;

export function extractCss(ctx: ExtractContext, base = 0, text = ctx.text): void {
  if (!text.includes('//')) return;
  const code = text.replace(/\/\*[\s\S]*?\*\//g, blank);
  for (const m of code.matchAll(CSS_REF)) {
    const ref = (m[1] ?? m[2])!;
    const at = m.index! + m[0].indexOf(ref);
    for (const u of findUrls(ref)) ctx.add('css', base + at + u.index, u.raw, 'high', { host: u.host, urlPath: u.path });
  }
}
