import { describe, it, expect } from 'vitest';
import { durationSeconds, inPlace, listing, longestDuration, placeName, purposePhrase, restrictedFromEu } from '../../src/explain/wording.js';

describe('durations', () => {
  it.each([
    ['2 years', 2 * 31557600],
    ['30 minutes', 1800],
    ['13 months', 13 * 2629800],
    ['365 days', 365 * 86400],
    ['1 week', 604800],
    ['session', 0],
    ['session (token lifetime)', 0],
    ['persistent', undefined],
    ['not documented', undefined],
  ])('%s', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it('the longest of several, as written, or nothing when one cannot be compared', () => {
    expect(longestDuration(['30 minutes', '2 years', '90 days'])).toBe('2 years');
    expect(longestDuration(['session', 'session'])).toBeUndefined();
    expect(longestDuration(['1 year', 'persistent'])).toBeUndefined();
  });
});

describe('places', () => {
  it.each([
    ['US', 'United States', 'in the United States'],
    ['DE', 'Germany', 'in Germany'],
    ['EU', 'European Union', 'in the European Union'],
    ['global', 'worldwide', "on the vendor's worldwide network"],
  ])('%s', (code, name, prose) => {
    expect(placeName(code)).toBe(name);
    expect(inPlace(code)).toBe(prose);
  });

  it('restricted locations for an EU exporter leave out the EEA and adequate countries', () => {
    expect(restrictedFromEu(['US', 'DE', 'GB', 'CH', 'IN', 'global'])).toEqual(['US', 'IN', 'global']);
    expect(restrictedFromEu([])).toEqual(['unknown']);
    expect(restrictedFromEu(['EU', 'unknown'])).toEqual(['unknown']);
  });
});

describe('phrases', () => {
  it('joins lists the way a sentence does', () => {
    expect(listing([])).toBe('');
    expect(listing(['a'])).toBe('a');
    expect(listing(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('describes at most two purposes, and falls back to the code for an unknown one', () => {
    expect(purposePhrase(['payments', 'billing', 'email'])).toBe('process your payments, and to bill your subscription');
    expect(purposePhrase(['telepathy'])).toBe('provide telepathy');
  });
});
