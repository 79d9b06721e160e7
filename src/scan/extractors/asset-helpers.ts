// Rails' view helpers write the tag themselves: `<%= javascript_include_tag "https://js.stripe.com/v3/" %>`
// in an ERB layout, `= stylesheet_link_tag "https://fonts.googleapis.com/css?family=Lato"` in
// Haml or Slim. The page then loads the URL as if the tag were written out, so it is that tag's
// evidence. (A local asset, `javascript_include_tag "application"`, names no host.)
import type { ExtractContext } from '../context.js';
import type { EvidenceKind } from '../../model.js';
import { findUrls } from '../urls.js';

const HELPER_KIND: Record<string, EvidenceKind> = {
  javascript_include_tag: 'script-src',
  stylesheet_link_tag: 'link',
  preload_link_tag: 'link',
  favicon_link_tag: 'link',
  image_tag: 'img',
  // As an HTML page's <audio src> and <video src>.
  audio_tag: 'iframe',
  video_tag: 'iframe',
};
// The helper's name, then its arguments up to the end of the ERB tag or of the line.
const HELPER_CALL = /\b(javascript_include_tag|stylesheet_link_tag|preload_link_tag|favicon_link_tag|image_tag|audio_tag|video_tag)\b[ \t]*\(?([^\n]{1,500}?)(?=%>|\n|$)/g;
// A quoted argument: the helper's sources (options follow as `key: value`).
const QUOTED = /(["'])((?:https?:)?\/\/[^"'\s]+)\1/g;

/**
 * The URLs that view helpers in `text` load, added to `ctx` as evidence of the tag each helper
 * writes; returns their offsets, which a code read of the same text finds again as plain URLs.
 */
export function extractAssetHelpers(ctx: ExtractContext, text: string): Set<number> {
  const at = new Set<number>();
  if (!text.includes('_tag')) return at;
  for (const call of text.matchAll(HELPER_CALL)) {
    const args = call[2]!;
    const argsAt = call.index! + call[0].length - args.length;
    for (const q of args.matchAll(QUOTED)) {
      const valueAt = argsAt + q.index! + 1;
      for (const u of findUrls(q[2]!)) {
        at.add(valueAt + u.index);
        ctx.add(HELPER_KIND[call[1]!]!, valueAt + u.index, u.raw, 'high', { host: u.host, urlPath: u.path });
      }
    }
  }
  return at;
}
