import { defineCheck, at, label } from './define-check.js';

export default defineCheck({
  id: 'dpia-recommended',
  severity: 'notice',
  description: 'A service profiles people across sites or systems: a DPIA is recommended.',
  check(ctx) {
    for (const s of ctx.services) {
      const entry = ctx.entry(s.id);
      if (!entry.dpia_recommended.value) continue;
      const [first] = ctx.effective(s.evidence);
      if (!first) continue;
      ctx.report({
        ...at(first),
        serviceId: s.id,
        message: `A DPIA (GDPR Art. 35) is recommended for ${label(entry)}${entry.dpia_recommended.reason ? `: ${entry.dpia_recommended.reason.replace(/\.$/, '')}` : ''}.`,
      });
    }
  },
});
