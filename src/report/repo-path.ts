// Report paths are relative to the scanned folder; GitHub (annotations, SARIF, links) wants
// them relative to the repository root. The prefix is the scanned folder seen from the root.

/** "site" + "index.html" → "site/index.html"; an empty prefix leaves the path as it is. */
export function repoPath(prefix: string, path: string): string {
  const p = prefix.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return p ? `${p}/${path}` : path;
}
