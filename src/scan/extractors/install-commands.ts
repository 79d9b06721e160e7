// A Dockerfile's RUN lines install packages into the image with a language's package manager:
// `RUN pip install ddtrace newrelic`, `RUN npm install -g @sentry/cli`. Those packages run where
// the image runs, so each is a dependency as if its manifest listed it (the catalogue decides
// which are vendors'; build tools such as poetry or pnpm match nothing).
import type { ExtractContext } from '../context.js';
import { lineStartsForward } from '../source-file.js';

const INSTALL = /\b(?:(?:python3?(?:\.\d+)?\s+-m\s+)?(pip)3?(?:\.\d+)?\s+install|(npm)\s+(?:install|i|add)|(yarn)\s+(?:global\s+)?add|(pnpm)\s+(?:add|install)|(gem)\s+install|(composer)\s+(?:global\s+)?require)\b/g;
const ECOSYSTEM = ['pypi', 'npm', 'npm', 'npm', 'gem', 'composer'];
// Options that take the next word as their value (a file, an index, a directory).
const TAKES_VALUE = new Set(['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-t', '--target', '-e', '--editable', '--prefix', '--root', '-f', '--find-links', '--trusted-host', '--platform', '--python-version', '--cache-dir', '--src', '--registry', '--cache', '-v', '--version', '--install-dir', '-n', '--bindir', '--source']);
// A command ends at a shell separator, a redirection or a line not continued with a backslash;
// a quoted word may hold them (`"sentry-sdk[flask]>=2"`).
const WORD = /\\\r?\n|[ \t]+|(&&|\|\||[;|<>#\n])|((?:"[^"\n]*"|'[^'\n]*'|[^\s;|&<>#\\'"]+|\\.)+)/gy;

/** The package a word names, without extras, version or quotes; null for a path, URL, variable or archive. */
function packageOf(word: string, ecosystem: string): string | null {
  const w = word.replace(/^['"]|['"]$/g, '');
  if (!w || /^[.$/~]|:\/\/|\.(?:whl|tar\.gz|zip|txt|gem)$/.test(w)) return null;
  if (ecosystem === 'npm') {
    const m = /^(@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*|[a-z0-9][\w.-]*)(?:@.*)?$/i.exec(w);
    return m ? m[1]!.toLowerCase() : null;
  }
  if (w.includes('/') && ecosystem !== 'composer') return null;
  const m = /^([A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?)(?:\[[^\]]*\])?(?:[=<>~!:,;].*)?$/.exec(w);
  return m ? (ecosystem === 'pypi' || ecosystem === 'composer' ? m[1]!.toLowerCase() : m[1]!) : null;
}

export function extractInstallCommands(ctx: ExtractContext, text: string = ctx.text): void {
  const seen = new Set<string>();
  const lineStartOfMatch = lineStartsForward(text);
  INSTALL.lastIndex = 0;
  for (let m = INSTALL.exec(text); m; m = INSTALL.exec(text)) {
    const lineStart = lineStartOfMatch(m.index);
    // A comment line (`# RUN pip install …`) installs nothing.
    if (/^[ \t]*#/.test(text.slice(lineStart, Math.min(m.index, lineStart + 200)))) continue;
    const ecosystem = ECOSYSTEM[m.slice(1).findIndex((g) => g !== undefined)]!;
    let skipNext = false;
    let end = INSTALL.lastIndex;
    WORD.lastIndex = end;
    for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
      end = WORD.lastIndex;
      if (w[1]) break;
      const word = w[2];
      if (!word) continue;
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (word.startsWith('-')) {
        skipNext = TAKES_VALUE.has(word);
        continue;
      }
      const name = packageOf(word, ecosystem);
      if (!name || seen.has(`${ecosystem}:${name}`)) continue;
      seen.add(`${ecosystem}:${name}`);
      ctx.add('dependency', w.index, word, 'high', { ecosystem, package: name, dev: ctx.isTestFile || undefined });
    }
    // Each word is read once: the next command is looked for after this one (a sticky search
    // that fails sets its lastIndex back to 0, so the end is kept apart).
    INSTALL.lastIndex = end;
  }
}
