import { defineCheck, at, label, processesPersonalData } from './define-check.js';

export default defineCheck({
  id: 'subprocessor-undeclared',
  severity: 'error',
  description: 'A processor used in the code is missing from the published subprocessor list.',
  check(ctx) {
    const list = ctx.subprocessorList;
    if (!list) return;
    const listed = new Set(list.vendors.map((v) => v.id));
    for (const s of ctx.services) {
      const entry = ctx.entry(s.id);
      if (entry.role !== 'processor' || !processesPersonalData(entry) || listed.has(s.id)) continue;
      const [first] = ctx.effective(s.evidence);
      if (!first) continue;
      ctx.report({
        ...at(first),
        serviceId: s.id,
        message: `${label(entry)} is a processor used here but ${list.path} does not list it. Add it (legal entity, function, location, safeguard) and give customers the notice your DPA promises before it processes their data.`,
      });
    }
  },
});
