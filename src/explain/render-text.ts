// An explain page for the terminal: plain text wrapped at 80 columns, sections in the order
// a reviewer works through them.
import type { ExplainPage } from './page.js';
import { tristate, detectionLine, vendorLine, domainsLine, sampleHeading, tristateDpf } from './render-shared.js';

const WIDTH = 80;

/** Greedy word wrap; continuation lines get `hang` spaces. Long words (URLs) are never cut. */
export function wrap(text: string, indent = 0, hang = indent, width = WIDTH): string {
  const out: string[] = [];
  let line = ' '.repeat(indent);
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = ' '.repeat(hang) + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  out.push(line);
  return out.join('\n');
}

const heading = (title: string): string => `\n${title}\n${'-'.repeat(title.length)}`;
/** `marker` then the text wrapped under itself: "  - a long…\n    line". */
const marked = (marker: string, text: string, indent = 2): string => {
  const hang = indent + marker.length + 1;
  return ' '.repeat(indent) + marker + ' ' + wrap(text, hang).slice(hang);
};
const bullet = (text: string): string => marked('-', text);
/** "  Label       value", the value wrapped under itself. */
const field = (label: string, value: string): string => `  ${label.padEnd(14)}${wrap(value, 16).slice(16)}`;

export function renderText(page: ExplainPage): string {
  const out: string[] = [];
  const title = `${page.name} (${page.id})`;
  out.push(title, '='.repeat(title.length), wrap(page.description), '');
  const vendor = vendorLine(page);
  out.push(field('Vendor', vendor));
  out.push(field('Website', page.website));
  out.push(field('Purposes', page.purposes.join(', ').replace(/-/g, ' ')));
  out.push(field('Role', page.role.meaning));
  out.push(field('Verified', page.verified));

  out.push(heading(`Consent (banner category: ${page.consent.category})`));
  out.push(wrap(page.consent.summary));
  out.push('Legal basis:', ...page.consent.legalBasis.map(bullet));
  out.push(...page.consent.notes.map(bullet));
  if (page.optOut) out.push(wrap(`To switch it off: ${page.optOut}`));

  out.push(heading(`Cookies (${page.cookies.length})`));
  if (page.cookies.length === 0) out.push(wrap('The catalogue lists none.'));
  const nameWidth = Math.max(0, ...page.cookies.map((c) => c.name.length));
  for (const c of page.cookies) {
    out.push(`  ${c.name.padEnd(nameWidth)}  ${c.party} party, ${c.duration}, ${c.category}${c.needsConsent ? '' : ' (no consent needed)'}`);
    out.push(wrap(c.purpose, 4 + nameWidth));
  }

  out.push(heading('Domains contacted'));
  out.push(wrap(domainsLine(page)));
  const detection = detectionLine(page);
  if (detection) out.push(wrap(`privacy-lint also recognises it by ${detection}.`));

  out.push(heading('Personal data'));
  out.push(...page.personalData.map((d) => bullet(d.label)));

  out.push(heading('Where the data goes'));
  out.push(field("Processed in", page.transfers.locations.map((l) => l.name).join(', ') || 'not documented'));
  out.push(field('DPF', tristateDpf(page.transfers.dpf)));
  out.push(field('SCCs', tristate(page.transfers.sccs, 'in the DPA', 'not offered')));
  out.push(field('EU hosting', tristate(page.transfers.euDataResidency, 'available', 'not available')));
  out.push(...page.transfers.mechanism.map(bullet));
  if (page.transfers.notes) out.push(wrap(`Note: ${page.transfers.notes}`));

  out.push(heading('Data processing agreement'));
  out.push(wrap(page.dpa.summary));
  if (page.links.subprocessors) out.push(field("Subprocessors", page.links.subprocessors));
  if (page.links.privacy) out.push(field('Privacy', page.links.privacy));
  if (page.certifications.length) out.push(field('Certified', page.certifications.join(', ')));

  out.push(heading('DPIA'));
  out.push(wrap(page.dpia.advice));

  out.push(heading('Alternatives'));
  if (page.alternatives.length === 0) out.push(wrap('None listed in the catalogue.'));
  for (const a of page.alternatives) out.push(bullet(`${a.name} (${a.id}): ${a.why.length ? a.why.join('; ') : `banner category ${a.category}`}`));

  out.push(heading(sampleHeading(page)));
  out.push(wrap(`"${page.sample.text}"`, 2));

  out.push(heading('What to do'));
  page.actions.forEach((a, i) => out.push(marked(`${i + 1}.`, a)));

  out.push(heading('In .privacy-lint.yml'));
  out.push(...page.register.split('\n').map((l) => `  ${l}`));

  out.push(heading(`Sources (checked ${page.verified})`));
  out.push(...page.sources.map((s) => bullet(`${s.url} (${s.supports.join(', ')})`)));
  return out.join('\n') + '\n';
}
