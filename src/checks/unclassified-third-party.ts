import { defineCheck, at } from './define-check.js';

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
        message: `${u.host} is an external host the catalogue does not know${more}. Find out who runs it and what it receives; add it to first_party if it is yours, or propose a catalogue entry.`,
      });
    }
  },
});
