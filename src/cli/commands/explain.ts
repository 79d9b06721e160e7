// privacy-lint explain <id|name|alias|domain|package> [--format text|json|markdown]:
// one catalogue entry as a review page.
import type { CliIO } from '../run.js';
import { parseCommandLine, oneOf } from '../args.js';
import { UsageError } from '../../pipeline.js';
import { defaultMatcher } from '../../catalogue/index.js';
import { lookupService } from '../../explain/lookup.js';
import { buildPage } from '../../explain/page.js';
import { renderText } from '../../explain/render-text.js';
import { renderMarkdown } from '../../explain/render-markdown.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: privacy-lint explain <id|name|alias|domain|package> [--format text|json|markdown]

Prints one catalogue entry as a review page: consent and legal basis, cookies, domains,
where the data goes and the transfer safeguard, DPA, DPIA advice, alternatives and a
sample consent-banner sentence.

  privacy-lint explain segmetrics
  privacy-lint explain "Functional Software, Inc."
  privacy-lint explain js.stripe.com
  privacy-lint explain @sentry/browser          (or npm:@sentry/browser, pypi:sentry-sdk)
`;

export async function runExplain(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine('explain', argv, { format: { type: 'string', short: 'f' } });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format: Format = oneOf('format', values.format, FORMATS, 'explain') ?? 'text';
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('explain needs a service: an id, name, alias, domain or package (see privacy-lint catalogue)');

  const matcher = defaultMatcher();
  const found = lookupService(query, matcher);
  if (found.kind === 'unknown') throw new UsageError(`no catalogue entry for "${query}"; closest: ${found.suggestions.join(', ')} (privacy-lint catalogue lists them all)`);
  if (found.kind === 'ambiguous') throw new UsageError(`"${query}" matches ${found.ids.length} entries by ${found.via}: ${found.ids.join(', ')}; pass one of these ids`);

  const page = buildPage(found.entry, matcher.byId);
  if (format === 'json') io.stdout.write(JSON.stringify({ query, matchedBy: found.via, ...page }, null, 2) + '\n');
  else if (format === 'markdown') io.stdout.write(renderMarkdown(page));
  else io.stdout.write(renderText(page));
  return 0;
}
