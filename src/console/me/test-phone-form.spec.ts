import { describe, expect, it } from 'vitest';
import { parseTestPhoneForm, returnPath } from './test-phone-form.js';

describe('parseTestPhoneForm', () => {
  it('saves a trimmed number, or asks for one', () => {
    expect(parseTestPhoneForm({ action: 'save', phone: ' 07700 900123 ' })).toEqual({
      action: 'save',
      phone: '07700 900123',
      next: null,
      problem: null,
    });
    expect(parseTestPhoneForm({ phone: '' })).toMatchObject({
      problem: 'Enter your mobile phone number',
    });
  });
  it('removes when asked', () => {
    expect(parseTestPhoneForm({ action: 'remove', next: '/console/review' })).toEqual({
      action: 'remove',
      next: '/console/review',
    });
  });
});

describe('returnPath', () => {
  it('goes back only to a console page', () => {
    expect(returnPath('/console/messages/x/review')).toBe('/console/messages/x/review');
    expect(returnPath('https://evil.example')).toBeNull();
    expect(returnPath('//evil.example')).toBeNull();
    expect(returnPath(undefined)).toBeNull();
    expect(returnPath('/console')).toBe('/console');
  });
});
