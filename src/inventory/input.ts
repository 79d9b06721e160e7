// What the inventory is built from. A check's context already has this shape (services,
// policy, entry, record, effective), so the inventory-out-of-date rule passes its context
// straight in; the CLI builds one from a lint() result.
import type { Evidence, ServiceHit } from '../model.js';
import type { Policy, VendorRecord } from '../config/policy.js';
import type { ServiceEntry } from '../catalogue/types.js';
import type { Matcher } from '../catalogue/matcher.js';
import { findRecord } from '../checks/run.js';

export interface InventoryInput {
  services: ServiceHit[];
  policy: Policy;
  entry(id: string): ServiceEntry;
  record(entry: ServiceEntry): VendorRecord | undefined;
  /** Evidence that counts: at or above min_confidence, and not dev-only unless include_dev. */
  effective(evidence: Evidence[]): Evidence[];
}

const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 } as const;

/** The same view of the evidence the checks get (see runChecks), so documents and findings agree. */
export function inventoryInput(services: ServiceHit[], policy: Policy, matcher: Matcher): InventoryInput {
  const minRank = CONFIDENCE_RANK[policy.min_confidence];
  return {
    services,
    policy,
    entry: (id) => matcher.byId.get(id)!,
    record: (entry) => findRecord(policy, entry),
    effective: (evs) => evs.filter((e) => CONFIDENCE_RANK[e.confidence] >= minRank && (policy.include_dev || !e.dev)),
  };
}
