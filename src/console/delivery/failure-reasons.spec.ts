import { describe, expect, it } from 'vitest';
import { failureMeaning } from './failure-reasons.js';

describe('failureMeaning', () => {
  it('explains the common Cloud API codes in plain words', () => {
    expect(failureMeaning('131026', 'x')).toMatch(/not on WhatsApp/);
    expect(failureMeaning('131047', null)).toMatch(/24 hours/);
    expect(failureMeaning('131049', null)).toMatch(/marketing/);
    expect(failureMeaning('131050', null)).toMatch(/stopped messages/);
    expect(failureMeaning('130429', null)).toMatch(/too many messages a second/);
    expect(failureMeaning('131056', null)).toMatch(/this person in a short time/);
    expect(failureMeaning('132000', null)).toMatch(/template/);
    expect(failureMeaning('132001', null)).toMatch(/template/);
    expect(failureMeaning('131000', null)).toMatch(/unknown error/);
  });

  it('falls back to the reason WhatsApp gave, then to the code', () => {
    expect(failureMeaning('999', 'Something odd')).toBe('Something odd');
    expect(failureMeaning('999', null)).toBe('WhatsApp error 999.');
    expect(failureMeaning(null, null)).toBe('No reason was given.');
  });
});
