// Catalogue purposes → the functions a subprocessor list is grouped by, and the words a
// reader expects for each purpose. One table, so a new purpose is one line.
import type { ServiceEntry } from '../catalogue/types.js';

export interface Group {
  id: string;
  title: string;
}

/** In the order documents print them: the order the seeds' lists use, then the rest. */
export const GROUPS: Group[] = [
  { id: 'infrastructure', title: 'Infrastructure and hosting' },
  { id: 'monitoring', title: 'Monitoring' },
  { id: 'ai', title: 'AI' },
  { id: 'payments', title: 'Payments' },
  { id: 'messaging', title: 'Email and messaging' },
  { id: 'support', title: 'Customer support' },
  { id: 'sales-marketing', title: 'Sales and marketing' },
  { id: 'analytics', title: 'Analytics' },
  { id: 'experimentation', title: 'Product experimentation' },
  { id: 'advertising', title: 'Advertising and attribution' },
  { id: 'security', title: 'Authentication and security' },
  { id: 'consent', title: 'Consent management' },
  { id: 'content', title: 'Embedded content and media' },
  { id: 'collaboration', title: 'Collaboration and productivity' },
  { id: 'other', title: 'Other' },
];

const GROUP_ORDER = new Map(GROUPS.map((g, i) => [g.id, i]));

/** purpose → [group, phrase used in the purpose column]. Every purpose of rules/schema.json is here. */
const PURPOSES: Record<string, [string, string]> = {
  hosting: ['infrastructure', 'hosting'],
  cdn: ['infrastructure', 'content delivery network'],
  database: ['infrastructure', 'managed database'],
  storage: ['infrastructure', 'file storage'],
  'data-warehouse': ['infrastructure', 'data warehouse'],
  'media-processing': ['infrastructure', 'media processing'],
  search: ['infrastructure', 'search'],
  'error-monitoring': ['monitoring', 'error monitoring'],
  'apm-logging': ['monitoring', 'performance monitoring and logging'],
  'ai-llm': ['ai', 'AI models'],
  payments: ['payments', 'payment processing'],
  billing: ['payments', 'subscription billing'],
  accounting: ['payments', 'accounting'],
  email: ['messaging', 'email delivery'],
  'sms-voice': ['messaging', 'SMS and voice'],
  'push-notifications': ['messaging', 'push notifications'],
  communications: ['messaging', 'messaging'],
  'support-chat': ['support', 'customer support'],
  crm: ['sales-marketing', 'CRM'],
  'marketing-automation': ['sales-marketing', 'marketing automation'],
  forms: ['sales-marketing', 'forms'],
  surveys: ['sales-marketing', 'surveys'],
  scheduling: ['sales-marketing', 'scheduling'],
  analytics: ['analytics', 'web analytics'],
  'product-analytics': ['analytics', 'product analytics'],
  'session-replay': ['analytics', 'session replay'],
  'tag-manager': ['analytics', 'tag management'],
  'customer-data-platform': ['analytics', 'customer data platform'],
  'ab-testing': ['experimentation', 'A/B testing'],
  'feature-flags': ['experimentation', 'feature flags'],
  personalisation: ['experimentation', 'personalisation'],
  advertising: ['advertising', 'advertising'],
  attribution: ['advertising', 'conversion attribution'],
  affiliate: ['advertising', 'affiliate marketing'],
  auth: ['security', 'authentication'],
  security: ['security', 'security (DDoS protection, firewall)'],
  captcha: ['security', 'bot protection'],
  'identity-verification': ['security', 'identity verification'],
  'consent-management': ['consent', 'consent management'],
  video: ['content', 'video'],
  fonts: ['content', 'web fonts'],
  maps: ['content', 'maps'],
  social: ['content', 'social media embeds'],
  comments: ['content', 'comments'],
  reviews: ['content', 'reviews'],
  translation: ['content', 'translation'],
  'video-conferencing': ['collaboration', 'video conferencing'],
  productivity: ['collaboration', 'productivity tools'],
  automation: ['collaboration', 'workflow automation'],
  recruiting: ['collaboration', 'recruiting'],
  other: ['other', 'other'],
};

// A mailing tool that is also marketing automation or a CRM is a marketing vendor, not a
// mail relay: "email" and "messaging" give way to any other function the service has.
const GENERIC = new Set(['email', 'communications']);

/** The function a service is listed under: its first catalogue purpose, unless that one is generic. */
export function groupOf(entry: Pick<ServiceEntry, 'purposes'>): Group {
  const known = entry.purposes.filter((p) => PURPOSES[p]);
  let chosen = known[0];
  if (chosen && GENERIC.has(chosen)) chosen = known.find((p) => PURPOSES[p]![0] === 'sales-marketing') ?? chosen;
  const id = chosen ? PURPOSES[chosen]![0] : 'other';
  return GROUPS[GROUP_ORDER.get(id)!]!;
}

export function groupRank(groupId: string): number {
  return GROUP_ORDER.get(groupId) ?? GROUPS.length;
}

/** "Error monitoring, performance monitoring and logging and session replay". */
export function purposePhrase(purposes: string[]): string {
  const words = purposes.map((p) => PURPOSES[p]?.[1] ?? p.replace(/-/g, ' '));
  return capitalise(joinAnd(words));
}

export function joinAnd(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
