import { defineCheck, at, label } from './define-check.js';

export default defineCheck({
  id: 'denied-service',
  severity: 'error',
  description: 'A service the register does not allow, or one that processes data in a denied location.',
  check(ctx) {
    for (const s of ctx.services) {
      const entry = ctx.entry(s.id);
      const record = ctx.record(entry);
      const denied = ctx.policy.deny_locations.filter((l) => entry.locations.includes(l));
      if (record?.allowed !== false && denied.length === 0) continue;
      const seen = new Set<string>();
      for (const ev of ctx.effective(s.evidence)) {
        if (seen.has(ev.path)) continue;
        seen.add(ev.path);
        const why = record?.allowed === false ? `the register does not allow it${record.note ? ` (${record.note})` : ''}` : `it processes data in ${denied.join(', ')}, which the policy denies`;
        ctx.report({ ...at(ev), serviceId: s.id, message: `${label(entry)} is used here but ${why}. Remove it or change the register.` });
      }
    }
  },
});
