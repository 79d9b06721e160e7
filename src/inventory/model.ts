// The compliance documents privacy-lint writes, as data: built once from the scan, the
// catalogue and the policy (build.ts), then rendered in any format (render/).
import type { ConsentCategory, CookieFact } from '../catalogue/types.js';
import type { ConsentManager, VendorRecord } from '../config/policy.js';

export const DOCUMENT_KINDS = ['subprocessors', 'cookies', 'consent-map', 'ropa'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = ['markdown', 'html', 'json', 'csv', 'yaml'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export type Scope = NonNullable<VendorRecord['scope']>;
/** Where in the project a service is used, as a reader of the document would say it. */
export type UsedIn = 'website' | 'back end' | 'infrastructure';

export interface Location {
  /** Catalogue-style codes (US, EU, DE) or plain names where no code exists ("Asia Pacific"). */
  codes: string[];
  /** Display names of the places, most specific source first (code, register, catalogue). */
  places: string[];
  /** "global network", "vendor's country", … */
  qualifier?: string;
  /** Where the places come from. */
  source: 'code' | 'register' | 'catalogue';
  /** "United States (global network)": what the documents print. */
  text: string;
}

export interface Subprocessor {
  id: string;
  /** The service as the catalogue names it. */
  service: string;
  legalEntity: string;
  /** "Functional Software, Inc. (Sentry)": the legal entity, with the service when the entity does not name it. */
  label: string;
  scope: Scope;
  group: string;
  groupTitle: string;
  /** The policy's own wording when given, else the catalogue purposes and where the service is used. */
  purpose: string;
  usedIn: UsedIn[];
  location: Location;
  certifications: string[];
  transfer: string;
}

export interface CookieRow {
  name: string;
  provider: string;
  serviceId: string;
  category: ConsentCategory;
  party: CookieFact['party'];
  duration: string;
  purpose: string;
}

export interface ConsentRow {
  serviceId: string;
  service: string;
  category: ConsentCategory;
  /** Files that load the service in the browser (no line numbers: a moved line is not a change). */
  loadedIn: string[];
  /** Whether every browser load waits for consent; always 'not needed' for strictly necessary services. */
  waitsForConsent: 'yes' | 'no' | 'partly' | 'not needed';
  /** The files that load it without waiting for consent (for 'no' and 'partly'). */
  notWaitingIn: string[];
  /** Per configured consent manager: what to add to the tag. */
  attributes: Partial<Record<ConsentManager, string>>;
}

export interface RopaRow {
  serviceId: string;
  service: string;
  vendor: string;
  role: 'processor' | 'controller' | 'joint-controller';
  /** As recorded in the register; absent when it says nothing. */
  scope?: Scope;
  purpose: string;
  dataCategories: string[];
  location: string;
  transfer: string;
  dpa: string;
  dpia: string;
}

export interface Inventory {
  subprocessors: Subprocessor[];
  cookies: CookieRow[];
  /** Services that run in the browser but whose cookies the catalogue does not list. */
  browserServicesWithoutCookieFacts: { id: string; name: string }[];
  consent: { managers: ConsentManager[]; rows: ConsentRow[] };
  ropa: RopaRow[];
}
