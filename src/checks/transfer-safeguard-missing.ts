import { defineCheck, at, label, processesPersonalData } from './define-check.js';
import { restrictedLocations, offers, adequateFor } from './transfers.js';

const SAFEGUARDS = new Set(['dpf', 'sccs', 'bcr', 'adequacy', 'eu-hosted']);

export default defineCheck({
  id: 'transfer-safeguard-missing',
  severity: 'error',
  description: 'A service processes personal data outside the jurisdiction with no transfer safeguard in the register.',
  check(ctx) {
    for (const s of ctx.services) {
      const entry = ctx.entry(s.id);
      if (!processesPersonalData(entry)) continue;
      const evidence = ctx.effective(s.evidence);
      if (evidence.length === 0) continue;
      const transfer = ctx.record(entry)?.transfer;
      if (transfer && SAFEGUARDS.has(transfer)) continue;
      const where = restrictedLocations(entry, ctx.policy);
      if (where.length === 0) continue;
      // An endpoint in the EU (or an adequate country such as GB or CH) keeps the data there:
      // only evidence that is not resident there decides.
      const adequate = adequateFor(ctx.policy.jurisdiction)!;
      const deciding = evidence.find((e) => !e.region || !adequate.has(e.region.toUpperCase()));
      if (!deciding) continue;
      const offered = offers(entry);
      const places = where[0] === 'unknown' ? 'in locations the catalogue cannot confirm' : `in ${where.map((l) => (l === 'global' ? 'a worldwide network' : l)).join(', ')}`;
      ctx.report({
        ...at(deciding),
        serviceId: s.id,
        message: `${label(entry)} processes personal data ${places} and the register has no transfer safeguard${transfer === 'none' ? ' (it says none)' : ''}. ${offered.length ? `${entry.vendor.name} ${offered.join('; ')}` : `Check ${entry.vendor.name}'s DPA for SCCs`}; record it as "vendors: ${entry.id}: transfer: …".`,
      });
    }
  },
});
