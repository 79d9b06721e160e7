// The words an explain page uses for catalogue codes: countries, durations, purposes and
// categories of personal data, for a reviewer and for the visitor who reads a banner.
import type { ServiceEntry } from '../catalogue/types.js';
import { adequateFor } from '../checks/transfers.js';

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });
const WITH_ARTICLE = new Set(['US', 'GB', 'NL', 'AE', 'PH', 'EU', 'EEA', 'BS']);

/** "United States", "European Union", "worldwide", "not documented". */
export function placeName(code: string): string {
  if (code === 'global') return 'worldwide';
  if (code === 'unknown') return 'not documented';
  if (code === 'EEA') return 'European Economic Area';
  try {
    return REGIONS.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "the United States", "Germany", "the vendor's worldwide network": a place inside a sentence. */
export function thePlace(code: string): string {
  if (code === 'global') return "the vendor's worldwide network";
  return `${WITH_ARTICLE.has(code) ? 'the ' : ''}${placeName(code)}`;
}

/** "in the United States", "on the vendor's worldwide network". */
export function inPlace(code: string): string {
  return `${code === 'global' ? 'on' : 'in'} ${thePlace(code)}`;
}

/** "a, b and c". */
export function listing(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

const EEA = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'EU', 'EEA']);

export const inEea = (code: string): boolean => EEA.has(code);

/** Locations an EU exporter needs a Chapter V safeguard for ('unknown' when the catalogue cannot say). */
export function restrictedFromEu(locations: string[]): string[] {
  const adequate = adequateFor('eu')!;
  if (locations.length === 0 || locations.includes('unknown')) return ['unknown'];
  return locations.filter((l) => !adequate.has(l));
}

export const hasAdequacy = (code: string): boolean => !inEea(code) && adequateFor('eu')!.has(code);

const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2629800, year: 31557600 };

/** Seconds, 0 for a session cookie, undefined when the catalogue gives no usable duration. */
export function durationSeconds(duration: string): number | undefined {
  const d = duration.trim().toLowerCase();
  if (d.startsWith('session')) return 0;
  const m = /^(\d+)\s*(second|minute|hour|day|week|month|year)s?\b/.exec(d);
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]!]! : undefined;
}

/** The longest of the durations, as written in the catalogue, or undefined if any is unknown. */
export function longestDuration(durations: string[]): string | undefined {
  let best: { s: number; text: string } | undefined;
  for (const d of durations) {
    const s = durationSeconds(d);
    if (s === undefined) return undefined;
    if (!best || s > best.s) best = { s, text: d };
  }
  return best && best.s > 0 ? best.text : undefined;
}

/** What the site does with the service, completing "We use X to …". */
const PURPOSE_PHRASE: Record<string, string> = {
  analytics: 'measure how visitors use our website',
  'product-analytics': 'understand how people use our product',
  attribution: 'see which of our marketing campaigns lead to sign-ups and sales',
  advertising: 'show you ads and measure how they perform',
  'session-replay': 'replay how visitors move through our pages',
  'ab-testing': 'test different versions of our pages',
  'tag-manager': 'load and manage the other tools on our website',
  personalisation: 'tailor content to you',
  'marketing-automation': 'send and tailor our marketing messages',
  crm: 'manage our customer relationships',
  'customer-data-platform': 'bring together what we know about our customers',
  affiliate: 'reward partners who refer customers to us',
  'support-chat': 'offer chat and customer support',
  surveys: 'ask for your feedback',
  forms: 'collect the forms you fill in',
  video: 'provide video features',
  'video-conferencing': 'hold video calls',
  maps: 'show embedded maps',
  social: 'show social media content and buttons',
  comments: 'host comments',
  reviews: 'collect and show customer reviews',
  fonts: 'display our fonts',
  cdn: 'deliver our pages and files quickly',
  hosting: 'host our website and services',
  database: 'store our application data',
  storage: 'store files',
  'data-warehouse': 'analyse our business data',
  captcha: 'protect our forms from spam and abuse',
  security: 'protect our services from attacks and abuse',
  auth: 'let you sign in securely',
  'identity-verification': 'verify your identity',
  payments: 'process your payments',
  billing: 'bill your subscription',
  accounting: 'keep our accounts',
  email: 'send you emails',
  'sms-voice': 'send text messages and make calls',
  communications: 'communicate with you',
  'push-notifications': 'send you notifications',
  'error-monitoring': 'find and fix errors in our software',
  'apm-logging': 'monitor the performance of our services',
  'feature-flags': 'roll out new features gradually',
  'ai-llm': 'provide AI features',
  search: 'provide search',
  scheduling: 'let you book appointments',
  'consent-management': 'record your privacy choices',
  'media-processing': 'process uploaded media',
  productivity: 'run our internal work',
  automation: 'automate our workflows',
};

export function purposePhrase(purposes: string[]): string {
  const phrases = purposes.map((p) => PURPOSE_PHRASE[p]).filter((p): p is string => p !== undefined);
  if (phrases.length === 0) return `provide ${purposes.map(humanise).join(' and ')}`;
  // Each phrase may hold an "and" of its own: "show you ads and measure …, and to see …".
  return phrases.slice(0, 2).join(', and to ');
}

/** How a reviewer reads a personal-data category. */
const DATA_LABEL: Record<string, string> = {
  identifiers: 'identifiers (user and customer IDs)',
  'online-identifiers': 'online identifiers (IP address, cookie and device IDs)',
  contact: 'contact details (name, email, phone)',
  usage: 'usage and behaviour (pages, clicks, events)',
  device: 'device and browser data',
  location: 'location (approximate, from IP or GPS)',
  payment: 'payment data (card or account details)',
  financial: 'financial data (transactions, invoices)',
  content: 'content users submit (messages, files, form input)',
  communications: 'communications (emails, texts, calls)',
  health: 'health data (a special category, GDPR Art. 9)',
  biometric: 'biometric data (a special category, GDPR Art. 9)',
  'audio-video': 'audio and video recordings',
  employment: 'employment data',
  credentials: 'credentials (passwords, tokens)',
  none: 'no personal data',
};

/** How a visitor reads it, completing "… and send … to the vendor". */
const DATA_FOR_VISITOR: Record<string, string> = {
  'online-identifiers': 'your IP address and an identifier for your browser',
  identifiers: 'your customer ID',
  usage: 'what you do on our website',
  contact: 'your contact details',
  device: 'details of your device',
  location: 'your approximate location',
  payment: 'your payment details',
  financial: 'your transaction details',
  content: 'what you type or upload',
  communications: 'your messages',
  'audio-video': 'audio and video of you',
  credentials: 'your login details',
};

export const dataLabel = (code: string): string => DATA_LABEL[code] ?? humanise(code);

export function dataForVisitor(codes: string[], max = 3): string {
  const phrases = codes.map((c) => DATA_FOR_VISITOR[c]).filter((p): p is string => p !== undefined);
  return listing(phrases.slice(0, max));
}

export const humanise = (code: string): string => code.replace(/-/g, ' ');

/** The party a page names: the legal entity when the catalogue knows it. */
export function vendorLabel(entry: ServiceEntry): string {
  return entry.vendor.legal_entity !== 'unknown' ? entry.vendor.legal_entity : entry.vendor.name;
}
