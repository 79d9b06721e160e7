// inventory-out-of-date: a document the policy names no longer matches what privacy-lint
// would generate from the code. Pure like every check: lint() reads the documents first
// (readCommittedDocuments) and hands them over in the check input.
import { defineCheck, label } from '../checks/define-check.js';
import { VendorNames } from '../catalogue/vendor-names.js';
import type { Matcher } from '../catalogue/matcher.js';
import { buildInventory } from './build.js';
import { compareDocument, expectedDocument } from './compare.js';

const namesFor = new WeakMap<Matcher, VendorNames>();

function vendorNames(matcher: Matcher): VendorNames {
  let names = namesFor.get(matcher);
  if (!names) namesFor.set(matcher, (names = new VendorNames(matcher.entries, matcher)));
  return names;
}

export default defineCheck({
  id: 'inventory-out-of-date',
  severity: 'error',
  wholeTree: true,
  description: 'A compliance document the policy names (subprocessor list, cookie table, consent map, record of processing) no longer matches the code.',
  check(ctx) {
    const documents = ctx.documents ?? [];
    if (documents.length === 0) return;
    const inventory = buildInventory(ctx);
    for (const doc of documents) {
      const regenerate = `privacy-lint inventory --document ${doc.kind} --output ${doc.path}`;
      if (doc.text === null) {
        const why = doc.unreadable === 'too-large' ? 'is larger than 5 MB' : doc.unreadable === 'not-a-file' ? 'is not a regular file' : 'does not exist';
        ctx.report({ path: doc.path, line: 1, column: 1, message: `${doc.path} is named in .privacy-lint.yml (documents.${doc.key}) but ${why}. Generate it with "${regenerate}" and commit it.` });
        continue;
      }
      const drift = compareDocument(doc.text, expectedDocument(inventory, [doc.kind], doc.format, doc.text), doc.path, vendorNames(ctx.matcher));
      if (drift.upToDate) continue;
      const name = (id: string): string => (ctx.matcher.byId.has(id) ? label(ctx.entry(id)) : id);
      const changes = [drift.added.length ? `missing ${drift.added.map(name).join(', ')}` : '', drift.removed.length ? `still lists ${drift.removed.map(name).join(', ')}, no longer found in the code` : ''].filter(Boolean);
      ctx.report({
        path: doc.path,
        line: drift.line,
        column: 1,
        message: `${doc.path} is out of date with the code${changes.length ? ` (${changes.join('; ')})` : ''}. Regenerate it with "${regenerate}" and commit the result; "privacy-lint inventory --check ${doc.path}" shows the diff.`,
      });
    }
  },
});
