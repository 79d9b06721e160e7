// Every check, in alphabetical order. Adding a check: its file, its test, docs/rules/<id>.md,
// and one line here (a test keeps the four in step).
import consentRequired from './consent-required.js';
import deniedService from './denied-service.js';
import dpaMissing from './dpa-missing.js';
import dpiaRecommended from './dpia-recommended.js';
import inventoryOutOfDate from './inventory-out-of-date.js';
import newThirdParty from './new-third-party.js';
import subprocessorUndeclared from './subprocessor-undeclared.js';
import subprocessorUnused from './subprocessor-unused.js';
import telemetryOnByDefault from './telemetry-on-by-default.js';
import transferSafeguardMissing from './transfer-safeguard-missing.js';
import unclassifiedThirdParty from './unclassified-third-party.js';
import type { Check } from './define-check.js';

export const CHECKS: Check[] = [
  consentRequired,
  deniedService,
  dpaMissing,
  dpiaRecommended,
  inventoryOutOfDate,
  newThirdParty,
  subprocessorUndeclared,
  subprocessorUnused,
  telemetryOnByDefault,
  transferSafeguardMissing,
  unclassifiedThirdParty,
];
