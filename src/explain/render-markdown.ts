// An explain page as Markdown, for a ticket, a pull request or a review record.
import type { ExplainPage } from './page.js';
import { tristate, detectionLine, vendorLine, domainsLine, sampleHeading, tristateDpf } from './render-shared.js';

const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';

export function renderMarkdown(page: ExplainPage): string {
  const out: string[] = [];
  out.push(`# ${page.name} (${code(page.id)})`, '', page.description, '');
  const vendor = vendorLine(page);
  out.push('| | |', '|---|---|');
  out.push(`| Vendor | ${cell(vendor)} |`);
  out.push(`| Website | ${page.website} |`);
  out.push(`| Purposes | ${cell(page.purposes.join(', ').replace(/-/g, ' '))} |`);
  out.push(`| Role | ${cell(page.role.meaning)} |`);
  out.push(`| Banner category | ${page.consent.category} |`);
  out.push(`| Verified | ${page.verified} |`, '');

  out.push('## Consent', '', page.consent.summary, '', '**Legal basis**', '', ...page.consent.legalBasis.map((l) => `- ${l}`));
  if (page.consent.notes.length) out.push('', ...page.consent.notes.map((n) => `- ${n}`));
  if (page.optOut) out.push('', `**To switch it off:** ${page.optOut}`);

  out.push('', `## Cookies (${page.cookies.length})`, '');
  if (page.cookies.length === 0) out.push('The catalogue lists none.');
  else {
    out.push('| Name | Party | Duration | Category | Purpose |', '|---|---|---|---|---|');
    for (const c of page.cookies) out.push(`| ${code(c.name)} | ${c.party} | ${cell(c.duration)} | ${c.category}${c.needsConsent ? '' : ' (no consent needed)'} | ${cell(c.purpose)} |`);
  }

  out.push('', '## Domains contacted', '', domainsLine(page));
  const detection = detectionLine(page);
  if (detection) out.push('', `privacy-lint also recognises it by ${detection}.`);

  out.push('', '## Personal data', '', ...page.personalData.map((d) => `- ${d.label}`));

  out.push('', '## Where the data goes', '');
  out.push(`- Processed in: ${page.transfers.locations.map((l) => l.name).join(', ') || 'not documented'}`);
  out.push(`- EU-US Data Privacy Framework: ${tristateDpf(page.transfers.dpf)}`);
  out.push(`- Standard Contractual Clauses: ${tristate(page.transfers.sccs, 'in the DPA', 'not offered')}`);
  out.push(`- EU data residency: ${tristate(page.transfers.euDataResidency, 'available', 'not available')}`, '');
  out.push('**Transfer safeguard**', '', ...page.transfers.mechanism.map((m) => `- ${m}`));
  if (page.transfers.notes) out.push('', `> ${page.transfers.notes}`);

  out.push('', '## Data processing agreement', '', page.dpa.summary);
  const links = [page.links.subprocessors && `[Subprocessors](${page.links.subprocessors})`, page.links.privacy && `[Privacy policy](${page.links.privacy})`].filter(Boolean);
  if (links.length) out.push('', links.join(' · '));
  if (page.certifications.length) out.push('', `Certifications: ${page.certifications.join(', ')}`);

  out.push('', '## DPIA', '', page.dpia.advice);

  out.push('', '## Alternatives', '');
  if (page.alternatives.length === 0) out.push('None listed in the catalogue.');
  for (const a of page.alternatives) out.push(`- **${a.name}** (${code(a.id)}): ${a.why.length ? a.why.join('; ') : `banner category ${a.category}`}`);

  out.push('', `## ${sampleHeading(page)}`, '', `> ${page.sample.text}`);
  out.push('', '## What to do', '', ...page.actions.map((a, i) => `${i + 1}. ${a}`));
  out.push('', '## In `.privacy-lint.yml`', '', '```yaml', page.register, '```');
  out.push('', '## Sources', '', ...page.sources.map((s) => `- <${s.url}> — ${s.supports.join(', ')}`));
  return out.join('\n') + '\n';
}
