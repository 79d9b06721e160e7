import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { registerSnippet, suggestedTransfer } from '../../src/report/policy-snippet.js';
import { lint } from '../../src/lint.js';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { DEFAULT_POLICY, type Policy } from '../../src/config/policy.js';
import type { ServiceEntry } from '../../src/catalogue/types.js';
import { finding } from './helpers.js';

function entry(over: Partial<ServiceEntry> & { id: string }): ServiceEntry {
  return {
    name: over.id,
    description: '',
    website: '',
    vendor: { name: 'Acme', legal_entity: 'Acme Ltd', country: 'US' },
    purposes: [],
    consent_category: 'necessary',
    role: 'processor',
    detect: {},
    personal_data: ['email'],
    cookies: [],
    locations: ['US'],
    dpa: { offered: true, how: 'click-through', url: 'https://acme.test/dpa' },
    transfers: { dpf: 'unknown', sccs: 'unknown', eu_data_residency: 'unknown' },
    certifications: [],
    dpia_recommended: { value: false },
    alternatives: [],
    sources: [],
    verified: '2026-01-01',
    ...over,
  };
}

const ENTRIES = new Map<string, ServiceEntry>([
  ['mailer', entry({ id: 'mailer', name: 'Mailer', transfers: { dpf: 'certified', sccs: true, eu_data_residency: false } })],
  ['chat', entry({ id: 'chat', name: 'Chat', vendor: { name: 'ChatCo', legal_entity: 'ChatCo Inc.', country: 'US' }, transfers: { dpf: 'not-certified', sccs: true, eu_data_residency: true } })],
  ['pixel', entry({ id: 'pixel', name: 'Pixel', role: 'joint-controller', dpa: { offered: false }, transfers: { dpf: 'unknown', sccs: 'unknown', eu_data_residency: true } })],
]);
const lookup = (id: string): ServiceEntry | undefined => ENTRIES.get(id);
const policy = (over: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...over });

describe('registerSnippet', () => {
  it('turns dpa-missing into dpa: signed and transfer-safeguard-missing into the safeguard the vendor offers', () => {
    const snippet = registerSnippet(
      [
        finding({ ruleId: 'transfer-safeguard-missing', serviceId: 'mailer' }),
        finding({ ruleId: 'dpa-missing', serviceId: 'mailer' }),
        finding({ ruleId: 'transfer-safeguard-missing', serviceId: 'chat' }),
        finding({ ruleId: 'consent-required', serviceId: 'chat' }),
      ],
      policy(),
      lookup,
    );
    expect(snippet).toEqual({
      resolves: 3,
      vendors: 2,
      yaml: [
        'vendors:',
        '  chat:  # Chat',
        "    transfer: sccs  # ChatCo's DPA includes Standard Contractual Clauses",
        '  mailer:  # Mailer',
        '    dpa: signed  # Acme offers a DPA (click through): https://acme.test/dpa',
        '    transfer: dpf  # Acme is certified under the EU-US Data Privacy Framework',
        '',
      ].join('\n'),
    });
  });

  it('keeps an existing entry whole, under its own key, so pasting replaces it', () => {
    const snippet = registerSnippet([finding({ ruleId: 'transfer-safeguard-missing', serviceId: 'chat' })], policy({ vendors: { 'ChatCo Inc.': { dpa: 'signed', date: '2024-05-01', note: 'signed: by "legal" # 2024' } } }), lookup);
    expect(snippet!.yaml).toBe(
      [
        'vendors:',
        '  "ChatCo Inc.":  # Chat',
        '    dpa: signed',
        '    date: "2024-05-01"',
        '    note: "signed: by \\"legal\\" # 2024"',
        "    transfer: sccs  # ChatCo's DPA includes Standard Contractual Clauses",
        '',
      ].join('\n'),
    );
    expect(parse(snippet!.yaml)).toEqual({ vendors: { 'ChatCo Inc.': { dpa: 'signed', date: '2024-05-01', note: 'signed: by "legal" # 2024', transfer: 'sccs' } } });
  });

  it('says when a vendor offers no paperwork, instead of implying it does', () => {
    const snippet = registerSnippet([finding({ ruleId: 'dpa-missing', serviceId: 'pixel' }), finding({ ruleId: 'transfer-safeguard-missing', serviceId: 'pixel' })], policy(), lookup);
    expect(snippet!.yaml).toContain('    dpa: signed  # Acme does not offer a joint-controller arrangement (GDPR Art. 26): record this only once you have one\n');
    expect(snippet!.yaml).toContain("    transfer: eu-hosted  # only once you use Acme's EU region or endpoint\n");
  });

  it('is null when nothing unsuppressed concerns the register', () => {
    expect(registerSnippet([finding({ ruleId: 'consent-required', serviceId: 'chat' }), finding({ ruleId: 'dpa-missing', serviceId: 'chat', suppressed: { reason: 'x' } })], policy(), lookup)).toBeNull();
  });

  it.each([
    [{ dpf: 'certified', sccs: true, eu_data_residency: true }, 'dpf'],
    [{ dpf: 'not-certified', sccs: true, eu_data_residency: true }, 'sccs'],
    [{ dpf: 'unknown', sccs: 'unknown', eu_data_residency: true }, 'eu-hosted'],
    [{ dpf: 'unknown', sccs: false, eu_data_residency: false }, 'sccs'],
  ] as const)('suggestedTransfer(%j) = %s', (transfers, value) => {
    expect(suggestedTransfer(entry({ id: 'x', transfers: { ...transfers } })).value).toBe(value);
  });
});

describe('the snippet, pasted into the policy, resolves the register findings (real catalogue)', () => {
  it('leaves no dpa-missing or transfer-safeguard-missing on the fixture site', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-snippet-'));
    cpSync(join(__dirname, '../fixtures/site'), dir, { recursive: true });
    const matcher = defaultMatcher();
    const before = await lint(dir, matcher);
    const register = before.report.findings.filter((f) => f.ruleId === 'dpa-missing' || f.ruleId === 'transfer-safeguard-missing');
    expect(register.length).toBeGreaterThan(5);
    const snippet = registerSnippet(before.report.findings, before.policy, (id) => matcher.byId.get(id))!;
    expect(snippet.resolves).toBe(register.length);
    writeFileSync(join(dir, '.privacy-lint.yml'), snippet.yaml);
    const after = await lint(dir, matcher);
    expect(after.report.findings.filter((f) => f.ruleId === 'dpa-missing' || f.ruleId === 'transfer-safeguard-missing')).toEqual([]);
    // The other findings are untouched: the snippet only records paperwork.
    expect(after.report.findings.filter((f) => f.ruleId === 'consent-required').length).toBe(before.report.findings.filter((f) => f.ruleId === 'consent-required').length);
  });
});
