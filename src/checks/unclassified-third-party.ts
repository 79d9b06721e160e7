import { defineCheck, at } from './define-check.js';
import type { KnownEntity } from '../model.js';

// third-party-web categories whose services track people or show ads: these usually need consent.
const TRACKING_CATEGORIES = new Set(['ad', 'analytics', 'social', 'marketing', 'tag-manager', 'customer-success', 'video']);

function hint(k: KnownEntity): string {
  const who = k.company ? `${k.name} (${k.company})` : k.name;
  const consent = TRACKING_CATEGORIES.has(k.category) ? ': services of that kind usually need consent before they load' : '';
  return ` The third-party-web dataset lists it under ${who}, category ${k.categoryTitle}${consent}.`;
}

export default defineCheck({
  id: 'unclassified-third-party',
  severity: 'warning',
  description: 'An external host the catalogue does not know receives requests from the code.',
  check(ctx) {
    for (const u of ctx.unclassified) {
      const evidence = ctx.effective(u.evidence);
      const [first] = evidence;
      if (!first) continue;
      const more = evidence.length > 1 ? ` (and ${evidence.length - 1} more place${evidence.length > 2 ? 's' : ''})` : '';
      ctx.report({
        ...at(first),
        host: u.host,
        message: `${u.host} is an external host the catalogue does not know${more}.${u.knownAs ? hint(u.knownAs) : ''} ${u.knownAs ? 'Confirm' : 'Find out'} who runs it and what it receives; add it to first_party if it is yours, or propose a catalogue entry.`,
      });
    }
  },
});
