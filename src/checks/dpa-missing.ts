import { defineCheck, at, label, processesPersonalData } from './define-check.js';

export default defineCheck({
  id: 'dpa-missing',
  severity: 'error',
  description: 'A service that processes personal data on your behalf has no signed DPA in the register.',
  check(ctx) {
    for (const s of ctx.services) {
      const entry = ctx.entry(s.id);
      if (entry.role === 'controller' || !processesPersonalData(entry)) continue;
      const [first] = ctx.effective(s.evidence);
      if (!first) continue;
      const dpa = ctx.record(entry)?.dpa;
      if (dpa === 'signed' || dpa === 'not-needed') continue;
      const offer = entry.dpa.offered === true
        ? `${entry.vendor.name} offers one${entry.dpa.how && entry.dpa.how !== 'unknown' ? ` (${entry.dpa.how.replace(/-/g, ' ')})` : ''}${entry.dpa.url ? `: ${entry.dpa.url}` : ''}`
        : entry.dpa.offered === false
          ? `${entry.vendor.name} does not offer one: assess whether you can use it`
          : `ask ${entry.vendor.name} for one`;
      const what = entry.role === 'joint-controller' ? 'joint-controller arrangement (GDPR Art. 26)' : 'signed DPA (GDPR Art. 28)';
      const fix = entry.dpa.offered === false
        ? `If you conclude none is needed, record "vendors: ${entry.id}: dpa: not-needed" with a note.`
        : `Once signed, add "vendors: ${entry.id}: dpa: signed" to .privacy-lint.yml.`;
      ctx.report({
        ...at(first),
        serviceId: s.id,
        message: `${label(entry)} processes personal data for you but the register has no ${what}; ${offer}. ${fix}`,
      });
    }
  },
});
