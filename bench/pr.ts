// A pull request on the corpus: the corpus becomes a git repository with two commits, the
// base (20 files as they were before the change, two of them not there yet) and the head
// (the corpus as generated), so that `--base HEAD~1` reviews a realistic 20-file change:
// new tracking code in pages and scripts, a new SDK, a new dependency.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from './random.js';

const CHANGED_FILES = 20;
const NEW_FILES = 2;

const git = (cwd: string, args: string[]): string =>
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'gc.auto=0', '-c', 'core.autocrlf=false', '-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });

/** What a file looked like before the change: its first part, without the code the change adds. */
function before(text: string): string {
  const lines = text.split('\n');
  return lines.slice(0, Math.max(1, Math.floor(lines.length * 0.6))).join('\n') + '\n';
}

/** Makes `root` a repository whose HEAD~1..HEAD is a 20-file change; returns the changed paths. Idempotent. */
export function preparePullRequest(root: string, seed: number): string[] {
  const marker = join(root, '.git', 'privacy-lint-bench-pr.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as string[];
  rmSync(join(root, '.git'), { recursive: true, force: true });
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['config', 'user.email', 'bench@privacy-lint.invalid']);
  git(root, ['config', 'user.name', 'privacy-lint bench']);
  git(root, ['config', 'core.compression', '1']);
  const tracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean).sort();
  const r = new Random(seed);
  const candidates = tracked.filter((p) => /\.(html|njk|tsx?|jsx?|py|rb|go|php)$/.test(p) && !p.includes('.min.') && !p.startsWith('data/'));
  const chosen = new Set<string>();
  while (chosen.size < CHANGED_FILES - 1) chosen.add(r.pick(candidates));
  // and one manifest: the change adds a dependency
  chosen.add(r.pick(tracked.filter((p) => p.endsWith('/package.json'))));
  const changed = [...chosen].sort();
  const added = changed.filter((p) => !p.endsWith('package.json')).slice(0, NEW_FILES);

  const head = new Map(changed.map((p) => [p, readFileSync(join(root, p), 'utf8')]));
  for (const p of changed) {
    if (added.includes(p)) rmSync(join(root, p));
    else if (p.endsWith('package.json')) {
      const pkg = JSON.parse(head.get(p)!) as { dependencies?: Record<string, string> };
      delete pkg.dependencies?.['posthog-js'];
      delete pkg.dependencies?.['@sentry/browser'];
      writeFileSync(join(root, p), JSON.stringify(pkg, null, 2) + '\n');
    } else writeFileSync(join(root, p), before(head.get(p)!));
  }
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'base']);
  for (const [p, text] of head) writeFileSync(join(root, p), text);
  // The change also brings a tracker the rest of the repository has never used.
  const page = changed.find((p) => p.endsWith('.html'));
  if (page) writeFileSync(join(root, page), head.get(page)!.replace('</head>', '  <script async src="https://cdn.nuvola-metrics.com/tag.js"></script>\n</head>'));
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'head: the change under review']);
  writeFileSync(marker, JSON.stringify(changed));
  return changed;
}
