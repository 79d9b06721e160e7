// The shape of one catalogue entry, mirroring rules/schema.json.

export type ConsentCategory = 'necessary' | 'functional' | 'analytics' | 'marketing';
/** Package ecosystems of detect.packages (the keys rules/schema.json allows), in lookup order. */
export const ECOSYSTEMS = ['npm', 'pypi', 'gem', 'go', 'composer', 'maven', 'nuget', 'cargo', 'hex', 'cocoapods', 'pub', 'swiftpm', 'upm', 'docker', 'cpan'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];
/** Languages of detect.imports, in lookup order. */
export const IMPORT_LANGUAGES = ['python', 'java', 'csharp', 'php', 'ruby', 'rust', 'elixir', 'swift', 'c'] as const;
export type ImportLanguage = (typeof IMPORT_LANGUAGES)[number];
export type Tristate = true | false | 'unknown';

export interface CookieFact {
  name: string;
  party: 'first' | 'third';
  duration: string;
  purpose: string;
  category: ConsentCategory;
}

export interface ServiceEntry {
  id: string;
  name: string;
  description: string;
  website: string;
  vendor: { name: string; legal_entity: string; aliases?: string[]; country: string; address?: string };
  purposes: string[];
  consent_category: ConsentCategory;
  role: 'processor' | 'controller' | 'joint-controller';
  detect: {
    domains?: string[];
    regions?: { host: string; region: string }[];
    packages?: Partial<Record<Ecosystem, string[]>>;
    imports?: Partial<Record<ImportLanguage, string[]>>;
    snippets?: string[];
    /** Settings that switch the service off project-wide (a telemetry opt-out), written as snippets. */
    switched_off?: string[];
    env?: string[];
    terraform?: string[];
  };
  personal_data: string[];
  cookies: CookieFact[];
  locations: string[];
  dpa: { offered: Tristate; url?: string; how?: 'part-of-terms' | 'click-through' | 'on-request' | 'unknown' };
  transfers: { dpf: 'certified' | 'not-certified' | 'unknown'; sccs: Tristate; eu_data_residency: Tristate; notes?: string };
  certifications: string[];
  subprocessors_url?: string;
  privacy_url?: string;
  /** How a project switches off a service a library turns on by default (see detect.switched_off). */
  opt_out?: string;
  dpia_recommended: { value: boolean; reason?: string };
  alternatives: string[];
  sources: { url: string; supports: string[] }[];
  verified: string;
}
