import { describe, expect, it } from 'vitest';
import { type E164, fromWaId, maskPhoneNumber, normalisePhoneNumber } from './phone-number.js';

describe('normalisePhoneNumber', () => {
  it.each([
    ['07400 123456', '+447400123456'],
    ['+44 7400 123456', '+447400123456'],
    ['0044 7400 123456', '+447400123456'],
    ['(020) 7946 0018', '+442079460018'],
    ['+353 85 123 4567', '+353851234567'],
    ['07700 900123', '+447700900123'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalisePhoneNumber(input)).toBe(expected);
  });

  it.each([
    '',
    'not a number',
    '07400 12345',
    '07700 901123',
    '+44 7400 1234567',
    '+999 123',
    '1'.repeat(41),
  ])('refuses %j', (input) => {
    expect(normalisePhoneNumber(input)).toBeNull();
  });
});

describe('WhatsApp ids', () => {
  it('turns a wa_id into E.164 and refuses junk', () => {
    expect(fromWaId('447400123456')).toBe('+447400123456');
    expect(fromWaId('+447400123456')).toBeNull();
    expect(fromWaId('12')).toBeNull();
  });
});

describe('maskPhoneNumber', () => {
  it('shows only the country code and the last three digits', () => {
    const masked = maskPhoneNumber('+447400123456' as E164);
    expect(masked).toMatch(/^\+44 •+456$/);
    expect(masked).not.toContain('7400');
  });
});
