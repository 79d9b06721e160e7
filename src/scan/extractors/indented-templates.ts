// Haml, Slim and Pug (Jade): markup written as indented lines rather than tags, the layouts of
// many Rails and Express apps, where a tracking tag sits as often as in an HTML page.
//   %script{async: true, src: "https://www.googletagmanager.com/gtag/js?id=G-1"}   (Haml)
//   script async=true src="https://www.googletagmanager.com/gtag/js?id=G-1"       (Slim)
//   script(async src="https://www.googletagmanager.com/gtag/js?id=G-1")           (Pug)
// A line that opens a script, iframe or img element, or a fetching link, gives its src or href
// as that element's evidence; the rest (inline `:javascript` / `javascript:` / `script.` blocks,
// URLs in attribute values) is read as JavaScript, which the three languages embed.
import type { ExtractContext } from '../context.js';
import type { EvidenceKind } from '../../model.js';
import { findUrls } from '../urls.js';
import { extractCode } from './code.js';
import { linkConfidence } from './link-rel.js';
import { extractAssetHelpers } from './asset-helpers.js';

const ELEMENT_KIND: Record<string, EvidenceKind> = { script: 'script-src', iframe: 'iframe', img: 'img', link: 'link' };
// The element first on its line (after Haml's %; classes, ids and other attributes may follow
// it), then its src or href: `src: "…"`, `:src => "…"`, `"src" => "…"`, `src="…"`.
const ELEMENT_LINE = /^[ \t]*%?(script|iframe|img|link|a)\b[^\n]*?["':]?\b(?:src|href)["']?\s*(?:=>|[:=])\s*(["'])([^"'\n]+)\2/gm;

export function extractIndentedTemplate(ctx: ExtractContext): void {
  const text = ctx.text;
  // Where an element's URL is: evidence of the element's kind, or (an anchor, a link that fetches
  // nothing) a link for a person, never a plain URL of the code.
  const elementAt = new Set<string>();
  for (const m of text.matchAll(ELEMENT_LINE)) {
    const element = m[1]!;
    const lineEnd = text.indexOf('\n', m.index!);
    const confidence = element === 'a' ? null : element === 'link' ? linkConfidence(text.slice(m.index!, lineEnd < 0 ? text.length : lineEnd)) : 'high';
    const valueAt = m.index! + m[0].length - 1 - m[3]!.length;
    for (const u of findUrls(m[3]!)) {
      const pos = ctx.position(valueAt + u.index);
      elementAt.add(`${pos.line}:${pos.column}`);
      if (confidence) ctx.add(ELEMENT_KIND[element]!, valueAt + u.index, u.raw, confidence, { host: u.host, urlPath: u.path });
    }
  }
  const helperAt = extractAssetHelpers(ctx, text);
  for (const at of helperAt) {
    const pos = ctx.position(at);
    elementAt.add(`${pos.line}:${pos.column}`);
  }
  const first = ctx.evidence.length;
  extractCode(ctx, 'js');
  // The code read finds an element's URL again as a plain URL.
  const code = ctx.evidence.splice(first);
  for (const ev of code) if (!(ev.kind === 'code-url' && elementAt.has(`${ev.line}:${ev.column}`))) ctx.evidence.push(ev);
}
