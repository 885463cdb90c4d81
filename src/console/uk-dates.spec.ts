import { describe, expect, it } from 'vitest';
import {
  ukClock,
  ukClockSeconds,
  ukDateTime12,
  ukDateTime12Spaced,
  ukDateTime24,
  ukDayClock,
  ukDayClockSeconds,
  ukMediumDateTime,
  ukTimeForSpan,
} from './uk-dates.js';

describe('UK dates', () => {
  it('shows the clock, GMT in winter and BST in summer', () => {
    expect(ukClockSeconds(new Date('2026-01-15T09:05:07Z'))).toBe('09:05:07');
    expect(ukClockSeconds(new Date('2026-07-15T09:05:07Z'))).toBe('10:05:07');
    expect(ukClock('2026-07-15T13:05:00Z')).toBe('14:05');
  });

  it('shows the day and the clock: "1 Jul, 14:05"', () => {
    expect(ukDayClock('2026-07-01T13:05:00Z')).toBe('1 Jul, 14:05');
    expect(ukDayClock('2026-12-01T13:05:00Z')).toBe('1 Dec, 13:05');
  });

  it('shows the day and the clock with seconds, nothing for what is not a time', () => {
    expect(ukDayClockSeconds('2026-07-01T12:00:05.000Z')).toBe('1 Jul, 13:00:05');
    expect(ukDayClockSeconds('not a time')).toBe('');
  });

  it('drops the seconds for longer spans and adds the day for the longest', () => {
    expect(ukTimeForSpan(new Date('2026-01-15T09:05:07Z'), 60)).toBe('09:05:07');
    expect(ukTimeForSpan(new Date('2026-07-15T09:05:07Z'), 60)).toBe('10:05:07');
    expect(ukTimeForSpan(new Date('2026-01-15T09:05:07Z'), 3600)).toBe('09:05');
    expect(ukTimeForSpan(new Date('2026-01-15T09:05:07Z'), 2 * 86400)).toBe('15 Jan, 09:05');
  });

  it('shows the full date on the 24-hour clock: "1 May 2024 at 10:30"', () => {
    expect(ukDateTime24('2024-05-01T09:30:00Z')).toBe('1 May 2024 at 10:30');
    expect(ukDateTime24('2024-12-01T09:05:00Z')).toBe('1 December 2024 at 09:05');
    expect(ukDateTime24(null)).toBe('–');
  });

  it('shows the full date on the 12-hour clock: "1 July 2026 at 9:05pm"', () => {
    expect(ukDateTime12('2026-07-01T20:05:00Z')).toBe('1 July 2026 at 9:05pm');
    expect(ukDateTime12('2026-01-10T09:30:00Z')).toBe('10 January 2026 at 9:30am');
    expect(ukDateTime12Spaced('2026-07-01T20:05:00Z')).toBe('1 July 2026 at 9:05 pm');
    expect(ukDateTime12Spaced('2026-01-10T00:30:00Z')).toBe('10 January 2026 at 12:30 am');
  });

  it('shows a medium date and the clock: "1 Jul 2026, 21:05"', () => {
    expect(ukMediumDateTime('2026-07-01T20:05:00Z')).toBe('1 Jul 2026, 21:05');
    expect(ukMediumDateTime('2026-01-10T09:30:00Z')).toBe('10 Jan 2026, 09:30');
  });
});
