// What every extractor receives: the file, a way to turn offsets into positions, the
// catalogue knowledge extraction itself needs, and a sink for evidence.
import type { Evidence, EvidenceKind, Confidence, ScanError } from '../model.js';
import { LineIndex, clip } from './source-file.js';
import { cdnPackage } from './urls.js';

/** A snippet found in code: offset, matched text, service id, and true when it is a setting that switches the service off (detect.switched_off). */
export type SnippetHit = [number, string, string] | [number, string, string, true];

/** The few catalogue lookups extraction needs; attribution does the rest. */
export interface Detectors {
  /** Finds catalogue snippets in code. `source`: the text `code` was blanked from. */
  snippets(code: string, source?: string): SnippetHit[];
  /** False only when no snippet can match anywhere in the text (a cheap prefilter of snippets()). */
  mayHaveSnippets(text: string): boolean;
  /** Finds the catalogue snippets that spell markup (a tag, an attribute) in a text: a page's start tags, the rest blanked. */
  markupSnippets(text: string): SnippetHit[];
  /** Whether a snippet matches in `code`: `source`, or it with comments blanked, after mayHaveSnippets(source). */
  snippetMatchesIn(code: string, source: string): boolean;
  /** True when a hostname (with the URL's path, when there is one) belongs to a catalogue entry. */
  knownHost(host: string, path?: string): boolean;
  /** True when the catalogue names this very host as a domain (not only a parent domain of it). */
  listsHost(host: string): boolean;
  /** True when an imported module (by import ecosystem: npm, python, php …) belongs to a catalogue entry. */
  knownImport(language: string, module: string): boolean;
  /** Service id for a vendor-specific environment variable name; `prefixes: false` takes only the catalogue's exact names. */
  envName(name: string, prefixes?: boolean): string | undefined;
  /** False when no catalogue variable starts with this segment (`SENTRY`, `NEXT`): a cheap prefilter of envName(). */
  envHead(segment: string): boolean;
  /** Whether a catalogue variable is these pieces, one to three of them, joined by '_' (how config keys spell one: `sentry` › `dsn`). */
  spellsEnvName(pieces: ReadonlySet<string>): boolean;
  /** Service id for a Terraform provider name. */
  terraformProvider(name: string): string | undefined;
}

export const NO_DETECTORS: Detectors = {
  snippets: () => [],
  mayHaveSnippets: () => false,
  markupSnippets: () => [],
  snippetMatchesIn: () => false,
  knownHost: () => false,
  listsHost: () => false,
  knownImport: () => false,
  envName: () => undefined,
  envHead: () => false,
  spellsEnvName: () => false,
  terraformProvider: () => undefined,
};

// A URL's user part stays out of the report: a connection string's password
// (`postgres://app:s3cret@db.vendor.com`), a transport's key (`sendgrid+api://SG.…@default`).
// Reports travel further than the repository (PR comments, code scanning, artifacts).
const USER_PART = /\/\/[^\s/@'"`]+@/g;
// …and a connection string's keys and passwords (`;SharedAccessKey=…`, `AccountKey=…`, `Password=…`).
const SECRET_PAIR = /\b((?:shared ?access ?key|account ?key|password|pwd|access[ _]?token|secret)=)[^;,&'"`\s]+/gi;
export function withoutCredentials(match: string): string {
  let out = match.includes('@') && match.includes('//') ? match.replace(USER_PART, '//***@') : match;
  if (out.includes('=')) out = out.replace(SECRET_PAIR, '$1***');
  return out;
}

export class ExtractContext {
  readonly evidence: Evidence[] = [];
  readonly errors: ScanError[] = [];
  private readonly lines: LineIndex;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly detectors: Detectors,
    readonly isTestFile: boolean,
  ) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  add(kind: EvidenceKind, offset: number, match: string, confidence: Confidence, extra: Partial<Evidence> = {}): void {
    const pos = this.lines.position(offset);
    const ev: Evidence = { kind, path: this.path, line: pos.line, column: pos.column, match: clip(withoutCredentials(match)), confidence, ...extra };
    if (this.isTestFile && ev.dev === undefined) ev.dev = true;
    this.evidence.push(ev);
    // A module a package CDN serves is that package: the SDK it loads is what sends the data.
    const name = extra.host !== undefined && extra.urlPath !== undefined ? cdnPackage(extra.host, extra.urlPath) : undefined;
    if (name !== undefined && this.detectors.knownImport('npm', name)) {
      const { host: _host, urlPath: _path, ...served } = ev;
      this.evidence.push({ ...served, kind: 'import', ecosystem: 'npm', package: name });
    }
  }

  /** A catalogue snippet's match at `offset`: evidence of its service, or of the setting that switches that service off. */
  addSnippet(kind: EvidenceKind, offset: number, [, match, serviceHint, off]: SnippetHit): void {
    this.add(kind, offset, match, 'high', off ? { serviceHint, switchedOff: true } : { serviceHint });
  }

  error(message: string, offset?: number): void {
    this.errors.push(offset === undefined ? { path: this.path, message } : { path: this.path, line: this.lines.position(offset).line, message });
  }
}

export type Extractor = (ctx: ExtractContext) => void;
