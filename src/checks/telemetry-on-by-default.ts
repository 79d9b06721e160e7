import { defineCheck, at, label } from './define-check.js';

export default defineCheck({
  id: 'telemetry-on-by-default',
  severity: 'warning',
  description: "A library sends its maker usage data by default from the product, and the project does not switch it off.",
  check(ctx) {
    for (const s of ctx.services) {
      const entry = ctx.entry(s.id);
      if (!entry.opt_out || s.switchedOff) continue;
      const [first] = ctx.effective(s.evidence);
      if (!first) continue;
      ctx.report({
        ...at(first),
        serviceId: s.id,
        message: `${label(entry)} is on by default: the library sends its maker usage data from the product that uses it. Unless you mean to share it (and say so in your privacy notice), switch it off: ${entry.opt_out}`,
      });
    }
  },
});
