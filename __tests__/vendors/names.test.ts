// VendorNames: what counts as naming a catalogue vendor in a document, and what does not.
import { describe, it, expect } from 'vitest';
import { defaultMatcher } from '../../src/catalogue/index.js';
import { VendorNames } from '../../src/catalogue/vendor-names.js';

const matcher = defaultMatcher();
const names = new VendorNames(matcher.entries, matcher);
const ids = (text: string): string[] => names.find(text).map((v) => v.id);

describe('VendorNames recognises a vendor written as', () => {
  it.each([
    ['Stripe, Inc.', ['stripe']],
    ['STRIPE INC', ['stripe']],
    ['Stripe LLC USA, Ireland Payment processing', ['stripe']],
    ['Datadog, Inc. | Logs', ['datadog']],
    ['OpenAI, L.L.C. | Embeddings', ['openai']],
    ['Amazon Web Services EMEA SARL', ['aws']],
    ['Amazon Web Services EMEA S.à r.l.', ['aws']],
    ['Plausible Insights OÜ', ['plausible']],
    ['iubenda s.r.l.', ['iubenda']],
    ['Help-Scout', ['help-scout']],
    ['HELP SCOUT', ['help-scout']],
    ['HubSpotInc', ['hubspot']],
    ['Sub-ProcessorChargebee', ['chargebee']],
    ['ProcessorChargebeeLegal address', ['chargebee']],
    ['Processor:Stripe', ['stripe']],
    ['[Stripe](https://stripe.com/privacy)', ['stripe']],
    ['Segment.com', ['segment']],
    ['Coconut.co', ['coconut']],
    ['Astrodon Inc', ['loops']],
    // Two companies whose names differ only in case: the exact spelling decides.
    ['PLAID, Inc. | customer experience platform', ['karte']],
    ['Plaid Inc. | bank account linking', ['plaid']],
    ['The Rocket Science Group LLC', ['mailchimp']],
    ['Content Square SAS (Contentsquare)', ['contentsquare']],
    ['ContentSquare SAS', ['contentsquare']],
    ['GoogleWorkspace', ['google-workspace']],
    ['Sub-ProcessorGrafana Cloud', ['grafana-cloud']],
  ])('%j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('a company name in brackets decides which service is meant', () => {
  it.each([
    ['Functional Software, Inc. (d/b/a Sentry)', ['sentry']],
    ['Functional Software, Inc. (Sentry)', ['sentry']],
    ['MessageBird B.V. (d/b/a SparkPost)', ['sparkpost']],
    ['Sinch America, Inc. (Mailgun)', ['mailgun']],
    ['Mailgun (Sinch)', ['mailgun']],
    ['Twilio Inc. (SendGrid)', ['sendgrid']],
    ['Segment (Twilio)', ['segment']],
    ['Microsoft Ireland Operations Ltd. (Microsoft Azure)', ['microsoft-azure']],
    ['Square, Inc. (Block)', ['square']],
  ])('%j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('a name that is also an ordinary word counts only where it reads as a name', () => {
  it.each([
    ['We use Segment for product analytics.', ['segment']],
    ['Segment | Customer data platform | US', ['segment']],
    ['Segment, Inc.', ['segment']],
    ['Sub-ProcessorZoom', ['zoom']],
    ['HubSpot, ActiveCampaign, Ontraport, Drip and other tools', ['hubspot', 'activecampaign', 'ontraport', 'drip']],
    ['Analytics by June', ['june']],
    ['Block, Inc.', ['square']],
    ['Text, Inc.', ['livechat']],
  ])('%j', (text, expected) => {
    expect(ids(text).sort()).toEqual([...expected].sort());
  });
});

describe('Clerk.io is the e-commerce search company, never Clerk the auth provider', () => {
  it.each(['Clerk.io engages the following third-party service providers', 'Payment processing for Clerk.io subscriptions'])('%s', (text) => {
    const ids = new VendorNames(defaultMatcher().entries, defaultMatcher()).find(text).map((v) => v.id);
    expect(ids).toEqual(['clerk-io']);
  });
});

describe('text that names no catalogue vendor finds nothing', () => {
  it.each([
    'We are based in Canada.',
    'we render the page on the server',
    'a square root',
    'Zoomed in on the chart',
    'stripes on the flag',
    'To object, email privacy@segmetrics.io and name the subprocessor.',
    'Write to segmetrics@example.org',
    'Last updated: June 3, 2026',
    'Published 3 June 2026',
    'Segment the audience by country.',
    'Heap memory is limited.',
    'Drip coffee is served.',
    'Slack time in the schedule',
    'Impact assessment',
    'The Branch office is closed.',
    'Render as HTML',
    'Adjust the settings',
    'Loops over the array',
    'Text messages are sent on request.',
    'Block the tag until consent.',
    'Online payments only',
    'we help scout new talent',
    'an AI customer service agent',
    'a video encoding API',
    'conversion tracking and remarketing',
    'https://github.com/stripe/stripe-node',
    'cdn.segment.com and js.stripe.com',
    // a country in brackets after a company name qualifies it; it is not a name of its own
    'Content delivery network | Switzerland (global network)',
    'Hosting: Austria, Belgium and Norway',
  ])('%j', (text) => {
    expect(names.find(text)).toEqual([]);
  });

  it('in a privacy notice paragraph with no vendor in it', () => {
    const notice = [
      'Our team in Canada will render a decision within 30 days.',
      'Zoomed-in screenshots, stripes and a square root are not vendors.',
      'Segment the data by country; drip-feed the results; keep slack in the plan.',
      'Contact privacy@segmetrics.io or dpo@example.com.',
    ].join('\n');
    expect(names.find(notice)).toEqual([]);
  });

  it.each(['Google', 'Microsoft', 'Amazon'])('a parent company shared by several entries (%s) names none of them', (company) => {
    expect(names.find(`${company} | Cloud services | USA`)).toEqual([]);
  });
});

describe('lines', () => {
  it('reports the line of the first mention of each vendor, in line order', () => {
    const text = 'Intro\r\nStripe, Inc. | Payments\nSentry\rStripe again\n\nFunctional Software, Inc.';
    expect(names.find(text).map((v) => [v.id, v.line])).toEqual([
      ['stripe', 2],
      ['sentry', 3],
    ]);
  });
});
