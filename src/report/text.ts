// The terminal report: grouped by service, evidence as file:line:col, findings in the
// one-line format path:line:col: message [rule-id]. Colour only for a TTY without NO_COLOR.
import type { Report, Finding, Evidence } from '../model.js';
import { knownLabel } from './known-entity-label.js';

export interface TextOptions {
  color: boolean;
}

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatFinding(f: Finding): string {
  return `${f.path}:${f.line}:${f.column}: ${f.message} [${f.ruleId}]`;
}

function evidenceLine(e: Evidence): string {
  const tags = [e.kind, e.confidence !== 'high' ? `${e.confidence} confidence` : '', e.dev ? 'dev' : '', e.gated ? 'gated' : '', e.region ? `region ${e.region}` : '']
    .filter(Boolean)
    .join(', ');
  return `${e.path}:${e.line}:${e.column}  ${e.match}  (${tags})`;
}

export function renderText(report: Report, opts: TextOptions): string {
  const bold = paint(opts.color, '1');
  const dim = paint(opts.color, '2');
  const red = paint(opts.color, '31');
  const yellow = paint(opts.color, '33');
  const cyan = paint(opts.color, '36');
  const out: string[] = [];
  out.push(bold(`privacy-lint ${report.tool.version}`) + dim(` — ${report.root}`));
  out.push('');
  if (report.services.length === 0 && report.unclassified.length === 0) out.push('No third-party services found.');
  for (const s of report.services) {
    out.push(`${bold(s.name)} ${dim(`(${s.id})`)} — ${cyan(s.category)}; ${s.vendor}; ${s.purposes.join(', ')}`);
    if (s.switchedOff) out.push(dim(`  switched off at ${s.switchedOff.path}:${s.switchedOff.line}: all its evidence is of low confidence`));
    for (const e of s.evidence) out.push(`  ${evidenceLine(e)}`);
    out.push('');
  }
  if (report.unclassified.length) {
    out.push(bold('Unclassified third parties') + dim(' (hosts the catalogue does not know)'));
    for (const u of report.unclassified) {
      out.push(`  ${yellow(u.host)}${u.knownAs ? dim(` — third-party-web: ${knownLabel(u.knownAs)}`) : ''}`);
      for (const e of u.evidence) out.push(`    ${evidenceLine(e)}`);
    }
    out.push('');
  }
  if (report.ownSites?.length) {
    out.push(bold('Your own site') + dim(' (first party, as the code names it; first_party in .privacy-lint.yml adds more)'));
    for (const o of report.ownSites) out.push(`  ${o.domain}  ${dim(`${o.path}:${o.line}`)}`);
    out.push('');
  }
  if (report.findings.length) {
    out.push(bold('Findings'));
    for (const f of report.findings) {
      const sev = f.severity === 'error' ? red('error') : f.severity === 'warning' ? yellow('warning') : cyan('notice');
      out.push(`  ${sev}${f.isNew ? ' (new)' : ''} ${formatFinding(f)}${f.suppressed ? dim(` — suppressed: ${f.suppressed.reason}`) : ''}`);
    }
    out.push('');
  }
  if (report.errors.length) {
    out.push(bold('Errors') + dim(' (these files were not fully read; the rest of the scan went on)'));
    for (const e of report.errors) out.push(`  ${red('error')} ${e.path}${e.line ? `:${e.line}` : ''}: ${e.message}`);
    out.push('');
  }
  const st = report.stats;
  const skipped = Object.entries(st.skippedBy)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  out.push(dim(`${report.services.length} services, ${report.unclassified.length} unclassified hosts, ${report.findings.filter((f) => !f.suppressed).length} findings · ${st.files} files (${(st.bytes / 1e6).toFixed(1)} MB) in ${st.durationMs} ms · skipped ${st.skipped}${skipped ? ` (${skipped})` : ''}`));
  return out.join('\n') + '\n';
}
