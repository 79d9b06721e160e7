import { defineCheck, label } from './define-check.js';

export default defineCheck({
  id: 'subprocessor-unused',
  severity: 'notice',
  wholeTree: true,
  description: 'A vendor on the published subprocessor list is not found anywhere in the code.',
  check(ctx) {
    const list = ctx.subprocessorList;
    if (!list) return;
    const found = new Set(ctx.services.map((s) => s.id));
    const ours = (host: string): boolean => ctx.policy.first_party.some((d) => host === d || host.endsWith(`.${d}`));
    for (const v of list.vendors) {
      if (found.has(v.id)) continue;
      // The list names its own company ("Clerk.io engages the following …"): not a subprocessor.
      if ((ctx.entry(v.id).detect.domains ?? []).some((d) => ours(d.replace(/^\*\./, '').split('/')[0]!))) continue;
      ctx.report({
        path: list.path,
        line: v.line,
        column: 1,
        serviceId: v.id,
        message: `${label(ctx.entry(v.id))} is on the subprocessor list but not found in the code. If it is used outside this repository keep it; if it is gone, remove it from the list.`,
      });
    }
  },
});
