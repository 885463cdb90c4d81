import { describe, expect, it } from 'vitest';
import {
  clockTime,
  costText,
  dateTime,
  isStatus,
  namesOf,
  residentsText,
  statusTag,
  summariseNames,
} from './message-display.js';

describe('how messages are shown', () => {
  it('tags every status in plain words', () => {
    expect(statusTag('changes_requested')).toEqual({
      text: 'Changes requested',
      classes: 'govuk-tag--orange',
    });
    expect(isStatus('sent')).toBe(true);
    expect(isStatus('toString')).toBe(false);
  });

  it('writes dates the GOV.UK way, on the UK clock', () => {
    expect(dateTime('2030-07-15T13:05:00Z')).toBe('Monday 15 July 2030 at 2:05pm');
    expect(dateTime('2030-01-15T09:00:00Z')).toBe('Tuesday 15 January 2030 at 9am');
    expect(dateTime(null)).toBe('');
    expect(clockTime('2030-07-15T13:05:00Z')).toBe('14:05');
  });

  it('summarises an audience by name', () => {
    const names = new Map([
      ['n', 'Northfield'],
      ['s', 'Southbank'],
    ]);
    expect(namesOf(['n', 'x'], names)).toEqual(['Northfield', 'x']);
    expect(summariseNames([])).toBe('None');
    expect(summariseNames(['A'])).toBe('A');
    expect(summariseNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(summariseNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });

  it('counts residents and prices them', () => {
    expect(residentsText(1)).toBe('1 resident');
    expect(residentsText(12345)).toBe('12,345 residents');
    expect(costText(null)).toMatch(/no estimate/);
    expect(costText({ currency: 'GBP', total: 1.5, example: false })).toBe('£1.50');
    expect(costText({ currency: 'EUR', total: 2, example: true })).toBe(
      '2.00 EUR (an example price: the simulator is in use)',
    );
  });
});
