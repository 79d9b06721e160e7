// What a <link rel> makes the browser do with its href. A stylesheet, preload or icon is fetched
// and preconnect opens a connection to the host: the visitor's address reaches it. dns-prefetch
// only resolves the name through the visitor's own resolver and never contacts the host, so
// alone it is weak evidence (the host is usually loaded elsewhere on the page, or was once).

const FETCHING = /\b(?:stylesheet|preconnect|preload|prefetch|modulepreload|icon|manifest|import)\b/i;

/** The confidence of a <link>'s href as evidence, from its rel; null when the link fetches nothing (canonical, alternate, author). */
export function linkConfidence(rel: string): 'high' | 'low' | null {
  // `prefetch` is also the end of `dns-prefetch`: that one is taken out first.
  const rest = rel.replace(/\bdns-prefetch\b/gi, ' ');
  if (FETCHING.test(rest)) return 'high';
  return rest === rel ? null : 'low';
}
