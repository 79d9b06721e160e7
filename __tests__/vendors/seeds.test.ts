// The four seed subprocessor lists: every vendor each one names that has a catalogue entry,
// with the line of its first mention. Written by reading the seeds, not by running the tool.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { namedServices } from '../../src/cli/commands/vendors.js';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const seed = (prefix: string): { path: string; text: string } => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return { path: name, text: readFileSync(join(SEEDS, name), 'utf8') };
};
const found = (path: string, text: string): [string, number][] => namedServices(path, text).map((v) => [v.id, v.line]);

const EXPECTED: Record<string, [string, number][]> = {
  // SegMetrics' own list: the owner is named in the introduction; "Sinch America, Inc. (Mailgun)"
  // is Mailgun, not Sinch's SMS business; privacy@segmetrics.io is not a mention.
  '000_': [
    ['segmetrics', 5],
    ['digitalocean', 23],
    ['aws', 24],
    ['singlestore', 25],
    ['cloudflare', 26],
    ['sentry', 27],
    ['openai', 28],
    ['help-scout', 29],
    ['activecampaign', 38],
    ['mailgun', 39],
    ['stripe', 40],
  ],
  // Clerk.io's list: the owner names itself (clerk-io, the e-commerce search service, not Clerk
  // the auth provider); "MessageBird B.V. (d/b/a SparkPost)" is SparkPost.
  '001_': [
    ['clerk-io', 2],
    ['aws', 6],
    ['datadog', 9],
    ['sentry', 10],
    ['mailgun', 14],
    ['sparkpost', 15],
    ['openai', 19],
    ['stripe', 23],
  ],
  // Names glued to the "Sub-Processor" label: "Sub-ProcessorAWS (PaaS)", "Sub-ProcessorHelpScout".
  '002_': [
    ['aws', 16],
    ['chargebee', 20],
    ['cloudflare', 24],
    ['coconut', 28],
    ['fullstory', 32],
    ['grafana-cloud', 36],
    ['sentry', 40],
    ['twilio', 44],
    ['zoom', 48],
    ['activecampaign', 61],
    ['gong', 65],
    ['hubspot', 69],
    ['webflow', 73],
    ['zapier', 77],
    ['ada', 90],
    ['google-workspace', 94],
    ['help-scout', 98],
  ],
  // Selma's list: "Microsoft Ireland Operations Ltd. (Microsoft Azure)" is Azure, line 13 names
  // both Azure OpenAI and OpenAI, "Astrodon Inc" operates Loops, SmartBear makes BugSnag.
  '003_': [
    ['microsoft-azure', 12],
    ['azure-openai', 13],
    ['openai', 13],
    ['mailgun', 14],
    ['mailreach', 15],
    ['stripe', 16],
    ['loops', 17],
    ['zendesk', 18],
    ['bugsnag', 19],
    ['intercom', 20],
    ['kleer', 21],
    ['hubspot', 22],
  ],
};

describe('vendors on the seed subprocessor lists', () => {
  it.each(Object.entries(EXPECTED))('seed %s: every catalogued vendor, on the line it is first named', (prefix, expected) => {
    const { path, text } = seed(prefix);
    expect(found(path, text)).toEqual(expected);
  });

  it.each([
    ['001_', 'clerk'],
    ['001_', 'bird'],
    ['000_', 'sinch'],
    ['003_', 'sinch'],
  ])('seed %s does not name %s', (prefix, id) => {
    const { path, text } = seed(prefix);
    expect(found(path, text).map(([i]) => i)).not.toContain(id);
  });

  it('finds the same vendors on the same lines when the list is published as HTML', () => {
    const { text } = seed('002_');
    // One element per line, as a CMS would render the table: tags must not shift the lines.
    const html = text
      .split('\n')
      .map((l) => (l.startsWith('Sub-Processor') && l !== 'Sub-Processor' ? `<tr><td class="label">Sub-Processor</td><td><strong>${l.slice('Sub-Processor'.length).replace(/&/g, '&amp;')}</strong></td></tr>` : `<p>${l}</p>`))
      .join('\n');
    expect(found('subprocessors.html', `<!doctype html>${html}`)).toEqual(EXPECTED['002_']);
  });

  it('finds the same vendors when the list is a Markdown table', () => {
    const { text } = seed('001_');
    const md = text.replace(/^(.*\|)$/gm, '| $1');
    expect(found('subprocessors.md', md)).toEqual(EXPECTED['001_']);
  });
});
