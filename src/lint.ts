// The whole run, shared by the CLI and the Action: policy → scan → (base comparison) →
// checks → report. Reporters and exit status live with the callers.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report, Evidence } from './model.js';
import { scanRoot, extractFile, keptEvidence, isManifestPath, type ScanOptions, DEFAULT_SCAN_OPTIONS } from './pipeline.js';
import { loadPolicy, type Policy } from './config/policy.js';
import { attribute } from './catalogue/attribute.js';
import type { Matcher } from './catalogue/matcher.js';
import { VendorNames } from './catalogue/vendor-names.js';
import { documentText } from './explain/document-text.js';
import { readCommittedDocuments } from './inventory/documents.js';
import { runChecks, findingKey, failing } from './checks/run.js';
import { mergeBase, changedFiles, filesAt, trackedFiles } from './diff/git.js';
import { decode, looksBinary } from './scan/source-file.js';
import { isDocsSitePage } from './scan/walk.js';
import type { CheckInput } from './checks/define-check.js';
import type { Suppression } from './scan/suppressions.js';

export interface LintOptions {
  configPath?: string;
  /** Compare with this git ref (pull-request mode). */
  base?: string;
  scan?: Partial<ScanOptions>;
  /** Overrides of the policy (CLI flags and Action inputs win over the file). */
  failOn?: Policy['fail_on'];
  onlyNew?: boolean;
  /**
   * With a base and only new findings to report: scan the changed files and the dependency
   * manifests, not the whole tree, and compare them with their base versions. The report then
   * lists only what those files show, and a service is new when none of them had it before.
   */
  changedOnly?: boolean;
}

export interface LintResult {
  report: Report;
  policy: Policy;
  /** The findings that fail the run. */
  failing: Report['findings'];
  /** Services and hosts the change adds (pull-request mode). */
  newServices: string[];
  prMode: boolean;
}

let vendorNames: VendorNames | null = null;

function readSubprocessorList(root: string, policy: Policy, matcher: Matcher, report: Report): CheckInput['subprocessorList'] {
  if (!policy.subprocessors) return undefined;
  const path = policy.subprocessors.path;
  const abs = join(root, path);
  if (!existsSync(abs)) {
    report.errors.push({ path, message: 'the subprocessor list named in the policy does not exist; subprocessor checks were skipped' });
    return undefined;
  }
  vendorNames ??= new VendorNames(matcher.entries, matcher);
  // HTML lists are read as text with the markup blanked, so lines stay where they are.
  return { path, vendors: vendorNames.find(documentText(path, decode(readFileSync(abs)))) };
}

export async function lint(rootArg: string, matcher: Matcher, options: LintOptions = {}): Promise<LintResult> {
  const root = resolve(rootArg);
  const policy = loadPolicy(root, options.configPath);
  if (options.failOn) policy.fail_on = options.failOn;
  if (options.onlyNew !== undefined) policy.only_new = options.onlyNew;
  const scanOptions: ScanOptions = {
    ...DEFAULT_SCAN_OPTIONS,
    ...options.scan,
    ignore: [...(options.scan?.ignore ?? []), ...policy.ignore],
    firstParty: [...(options.scan?.firstParty ?? []), ...policy.first_party],
  };
  let change: { commit: string; changed: Set<string> } | undefined;
  // --changed-only: the scan reads what the change touched and the dependency manifests, and
  // compares them with their base versions (see "pull-request scope" in pipeline.ts).
  let scope: Set<string> | undefined;
  if (options.base) {
    const commit = mergeBase(root, options.base);
    const scoped = options.changedOnly && policy.only_new;
    // The tracked list comes first: sorting out its manifests overlaps the slower listings.
    const [changed, manifests] = await Promise.all([changedFiles(root, commit), scoped ? trackedFiles(root).then((paths) => paths.filter(isManifestPath)) : undefined]);
    change = { commit, changed };
    if (manifests) scope = new Set([...changed, ...manifests]);
  }
  const { report, suppressions, evidence } = await scanRoot(root, { ...scanOptions, only: scope }, matcher);
  const subprocessorList = readSubprocessorList(root, policy, matcher, report);
  const input: CheckInput = { services: report.services, unclassified: report.unclassified, policy, matcher, subprocessorList, documents: readCommittedDocuments(root, policy), partial: scope !== undefined };

  let newServices: string[] = [];
  if (change) {
    const base = baseComparison(root, change, evidence, matcher, scanOptions, policy, subprocessorList, suppressions);
    input.base = { services: base.services, hosts: base.hosts };
    input.changedFiles = base.changed;
    report.findings = runChecks(input, suppressions);
    for (const f of report.findings) f.isNew = !base.findingKeys.has(findingKey(f));
    newServices = [...report.services.filter((s) => !base.services.has(s.id)).map((s) => s.id), ...report.unclassified.filter((u) => !base.hosts.has(u.host)).map((u) => u.host)];
    // A finding about a file outside the scope (e.g. "not found in the code") would be judged on a part of the tree.
    if (scope) report.findings = report.findings.filter((f) => scope.has(f.path));
  } else {
    report.findings = runChecks(input, suppressions);
  }
  const prMode = options.base !== undefined;
  return { report, policy, failing: failing(report.findings, policy.fail_on, prMode && policy.only_new), newServices, prMode };
}

/** What the base had: head evidence from unchanged files plus the base versions of changed files. */
function baseComparison(root: string, { commit, changed }: { commit: string; changed: Set<string> }, headEvidence: Evidence[], matcher: Matcher, scanOptions: ScanOptions, policy: Policy, subprocessorList: CheckInput['subprocessorList'], suppressions: Map<string, Suppression[]>) {
  const evidence = headEvidence.filter((e) => !changed.has(e.path));
  for (const [path, buf] of filesAt(root, commit, [...changed], scanOptions.maxFileBytes)) {
    if (looksBinary(buf)) continue;
    try {
      evidence.push(...keptEvidence(extractFile(path, decode(buf), matcher, isDocsSitePage(root, path)).evidence, matcher));
    } catch {
      // the base version of a file that cannot be read adds nothing to the comparison
    }
  }
  const attributed = attribute(evidence.map((e) => ({ ...e })), matcher, { firstParty: scanOptions.firstParty });
  const findings = runChecks({ services: attributed.services, unclassified: attributed.unclassified, policy, matcher, subprocessorList }, suppressions);
  return {
    changed,
    services: new Set(attributed.services.map((s) => s.id)),
    hosts: new Set(attributed.unclassified.map((u) => u.host)),
    findingKeys: new Set(findings.map(findingKey)),
  };
}
