/**
 * Dates and times as people in the UK read them, on the clock in Britain (GMT in winter, BST in
 * summer). Every console page formats dates with these, so the same moment reads the same way.
 */

/** The UK's time zone. */
export const UK_TIME_ZONE = 'Europe/London';

const ukFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, ...options });

const CLOCK = ukFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const CLOCK_SECONDS = ukFormat({
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const DAY_CLOCK = ukFormat({
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DAY_CLOCK_SECONDS = ukFormat({
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const DATE_24H = ukFormat({
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DATE_12H = ukFormat({
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});
const MEDIUM = ukFormat({ dateStyle: 'medium', timeStyle: 'short' });

type When = Date | string;
const dateOf = (at: When): Date => (typeof at === 'string' ? new Date(at) : at);
const isValid = (date: Date): boolean => !Number.isNaN(date.getTime());
const partsOf = (format: Intl.DateTimeFormat, date: Date): Partial<Record<string, string>> =>
  Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));

/** "14:05". */
export const ukClock = (at: When): string => CLOCK.format(dateOf(at));

/** "14:05:09". */
export const ukClockSeconds = (at: When): string => CLOCK_SECONDS.format(dateOf(at));

/** "23 Nov, 14:05". */
export const ukDayClock = (at: When): string => DAY_CLOCK.format(dateOf(at));

/** "22 Nov, 08:03:05"; empty for something that is not a time. */
export function ukDayClockSeconds(at: When): string {
  const date = dateOf(at);
  return isValid(date) ? DAY_CLOCK_SECONDS.format(date) : '';
}

/**
 * A time precise enough for the span shown: seconds for a few minutes, the day for a span that
 * runs overnight.
 */
export function ukTimeForSpan(at: When, spanSeconds: number): string {
  if (spanSeconds < 10 * 60) return ukClockSeconds(at);
  if (spanSeconds < 20 * 60 * 60) return ukClock(at);
  return ukDayClock(at);
}

/** "1 May 2024 at 10:30" on the 24-hour clock; a dash when absent, as given when not a time. */
export function ukDateTime24(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (!isValid(date)) return iso;
  const parts = partsOf(DATE_24H, date);
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** "22 November 2026 at 9:05pm" on the 12-hour clock. */
export function ukDateTime12(at: When): string {
  const parts = partsOf(DATE_12H, dateOf(at));
  const period = (parts.dayPeriod ?? '').toLowerCase().replace(/\s/g, '');
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${period}`;
}

/** "22 November 2026 at 9:05 pm": the 12-hour clock with a space before am or pm. */
export const ukDateTime12Spaced = (at: When): string => DATE_12H.format(dateOf(at));

/** "22 Nov 2026, 21:05". */
export const ukMediumDateTime = (at: When): string => MEDIUM.format(dateOf(at));
