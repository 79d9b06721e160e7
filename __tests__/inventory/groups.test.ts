import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupOf, purposePhrase } from '../../src/inventory/groups.js';

describe('the function a service is listed under', () => {
  it.each([
    // [catalogue purposes, group] — the first purpose decides…
    [['hosting', 'storage', 'database'], 'Infrastructure and hosting'],
    [['cdn', 'hosting', 'security', 'storage', 'database'], 'Infrastructure and hosting'],
    [['database', 'data-warehouse'], 'Infrastructure and hosting'],
    [['error-monitoring', 'apm-logging', 'session-replay'], 'Monitoring'],
    [['ai-llm'], 'AI'],
    [['payments', 'billing'], 'Payments'],
    [['email'], 'Email and messaging'],
    [['sms-voice', 'communications', 'email'], 'Email and messaging'],
    [['support-chat', 'communications'], 'Customer support'],
    [['crm', 'marketing-automation', 'analytics'], 'Sales and marketing'],
    [['session-replay', 'analytics', 'surveys'], 'Analytics'],
    [['feature-flags', 'ab-testing'], 'Product experimentation'],
    [['advertising', 'attribution'], 'Advertising and attribution'],
    [['auth', 'security'], 'Authentication and security'],
    [['consent-management'], 'Consent management'],
    [['video', 'social'], 'Embedded content and media'],
    [['video-conferencing', 'communications'], 'Collaboration and productivity'],
    // …except a mailing tool that is also marketing automation: a marketing vendor (seed 000's ActiveCampaign).
    [['email', 'marketing-automation', 'crm', 'forms'], 'Sales and marketing'],
    [['email', 'marketing-automation'], 'Sales and marketing'],
    // A generic first purpose with no marketing one stays where it is.
    [['communications', 'productivity'], 'Email and messaging'],
    [['other'], 'Other'],
  ])('%j → %s', (purposes, title) => {
    expect(groupOf({ purposes }).title).toBe(title);
  });

  it('has a group other than "Other" for every purpose the catalogue schema allows, except "other"', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'rules', 'schema.json'), 'utf8')) as { definitions: { purpose: { enum: string[] } } };
    const ungrouped = schema.definitions.purpose.enum.filter((p) => p !== 'other' && groupOf({ purposes: [p] }).id === 'other');
    expect(ungrouped).toEqual([]);
  });
});

describe('the purpose column when the register gives no wording', () => {
  it.each([
    [['payments', 'billing'], 'Payment processing and subscription billing'],
    [['ai-llm'], 'AI models'],
    [['error-monitoring', 'apm-logging', 'session-replay'], 'Error monitoring, performance monitoring and logging and session replay'],
    [['fonts', 'cdn'], 'Web fonts and content delivery network'],
  ])('%j → %s', (purposes, phrase) => {
    expect(purposePhrase(purposes)).toBe(phrase);
  });
});
