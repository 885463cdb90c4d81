import { describe, expect, it } from 'vitest';
import { failsAfterAcceptance, isNotOnWhatsApp, waIdFor } from './phone-number.js';

describe('waIdFor', () => {
  it('reduces the ways a number is written to its digits', () => {
    expect(waIdFor('+447400123456')).toBe('447400123456');
    expect(waIdFor('+44 (7400) 123-456')).toBe('447400123456');
  });

  it('refuses what cannot be a phone number', () => {
    expect(waIdFor('not a number')).toBeNull();
    expect(waIdFor('+123')).toBeNull();
    expect(waIdFor('+1234567890123456')).toBeNull();
  });
});

describe('isNotOnWhatsApp', () => {
  it('marks numbers ending 0000 as not on WhatsApp', () => {
    expect(isNotOnWhatsApp('447400120000')).toBe(true);
    expect(isNotOnWhatsApp('447400123456')).toBe(false);
  });
});

describe('failsAfterAcceptance', () => {
  it('marks numbers ending 0001 as failing after the send is accepted, and only those', () => {
    expect(failsAfterAcceptance('447400120001')).toBe(true);
    expect(failsAfterAcceptance('447400120000')).toBe(false);
    expect(failsAfterAcceptance('447400123456')).toBe(false);
  });
});
