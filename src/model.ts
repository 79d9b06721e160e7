// The data that flows through privacy-lint, in order:
// files → Evidence → ServiceHit / UnclassifiedHost → Finding → reporters.

export type EvidenceKind =
  | 'script-src'
  | 'inline-script'
  | 'iframe'
  | 'img'
  | 'link'
  | 'form'
  | 'csp'
  | 'css'
  | 'code-url'
  | 'code-snippet'
  | 'dependency'
  | 'import'
  | 'env'
  | 'infra';

export type Confidence = 'high' | 'medium' | 'low';

export interface Evidence {
  kind: EvidenceKind;
  /** Relative to the scanned root, POSIX separators. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units of the decoded line. */
  column: number;
  /** The text that was matched, shortened to at most 200 characters. */
  match: string;
  confidence: Confidence;
  /** Lower-cased host, for URL-like evidence. */
  host?: string;
  /** The path part of a URL, used by path-narrowed catalogue domains. */
  urlPath?: string;
  /** For dependency and import evidence. */
  ecosystem?: string;
  package?: string;
  /** Set by the extractor when the evidence already names its service (snippets, env vars, terraform). */
  serviceHint?: string;
  /** Declared as a development/test dependency, or found in a test file. */
  dev?: boolean;
  /** True when the markup holds the script back until consent (type="text/plain" and a consent attribute). */
  gated?: boolean;
  /** The attributes a consent manager uses to gate a script, as found on the element. */
  consentAttributes?: Record<string, string>;
  /** Processing region implied by the endpoint (eu, us, or a country code). */
  region?: string;
  /** The URL is the project's own site address (`metadataBase`, `siteUrl`, `canonical`, an Open Graph `url`). */
  siteAddress?: boolean;
  /** A setting that switches the service off for the whole project (a library's telemetry opt-out). */
  switchedOff?: true;
}

/** A domain taken as the project's own because the code names it as its site address. */
export interface OwnSite {
  domain: string;
  /** Where the code names it. */
  path: string;
  line: number;
}

export interface ServiceHit {
  id: string;
  name: string;
  vendor: string;
  category: string;
  purposes: string[];
  evidence: Evidence[];
  /** Where the project switches the service off (a telemetry opt-out): its evidence is then all of low confidence. */
  switchedOff?: { path: string; line: number };
}

export interface UnclassifiedHost {
  host: string;
  /** Who the host probably belongs to, by the third-party-web entity database: a hint, not a catalogue fact. */
  knownAs?: KnownEntity;
  evidence: Evidence[];
}

/** An entity of third-party-web (MIT): name, company, category (ad, analytics, cdn, …), homepage. */
export interface KnownEntity {
  name: string;
  company?: string;
  category: string;
  categoryTitle: string;
  homepage?: string;
}

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  line: number;
  column: number;
  serviceId?: string;
  host?: string;
  helpUri?: string;
  /** True when the change under review introduced it (pull-request mode). */
  isNew?: boolean;
  suppressed?: { reason: string };
}

export interface ScanError {
  path: string;
  line?: number;
  message: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  skipped: number;
  skippedBy: Record<string, number>;
  durationMs: number;
}

export interface Report {
  version: 1;
  tool: { name: string; version: string };
  root: string;
  services: ServiceHit[];
  unclassified: UnclassifiedHost[];
  findings: Finding[];
  errors: ScanError[];
  stats: ScanStats;
  /** Domains treated as first party because the code names them as its site address (on top of first_party and --first-party). */
  ownSites?: OwnSite[];
}
