import { defineCheck, at, label } from './define-check.js';

export default defineCheck({
  id: 'new-third-party',
  severity: 'warning',
  description: 'The change introduces a service or external host the base did not have.',
  check(ctx) {
    const base = ctx.base;
    if (!base) return;
    const inChange = <T extends { path: string }>(evs: T[]): T | undefined => evs.find((e) => !ctx.changedFiles || ctx.changedFiles.has(e.path)) ?? evs[0];
    for (const s of ctx.services) {
      if (base.services.has(s.id)) continue;
      const ev = inChange(ctx.effective(s.evidence));
      if (!ev) continue;
      const entry = ctx.entry(s.id);
      const days = ctx.policy.subprocessors?.notice_days ?? 30;
      const tail = entry.role === 'processor'
        ? ` As a processor it is a new subprocessor: list it and give customers ${days} days' notice before it processes their personal data.`
        : ` Add it to the register in .privacy-lint.yml.`;
      ctx.report({ ...at(ev), serviceId: s.id, message: `This change adds ${label(entry)} (${entry.consent_category}; ${entry.purposes.join(', ')}).${tail}` });
    }
    for (const u of ctx.unclassified) {
      if (base.hosts.has(u.host)) continue;
      const ev = inChange(ctx.effective(u.evidence));
      if (!ev) continue;
      ctx.report({ ...at(ev), host: u.host, message: `This change adds a connection to ${u.host}, a third party the catalogue does not know. Find out who runs it and what data it receives.` });
    }
  },
});
