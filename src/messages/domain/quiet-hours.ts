import { DateTime } from 'luxon';
import type { QuietHours } from '../../channels/governance-policy.js';

const minutesOf = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * The first instant on the calendar day of `day` whose local wall-clock time is `hhmm` or later.
 * Usually that is `hhmm` itself; when a spring-forward gap skips `hhmm`, it is the moment the
 * clocks jump past it (Luxon alone would push the time on by the length of the gap instead).
 */
function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  let at = day.set({ hour, minute, second: 0, millisecond: 0 });
  if (at.hour === hour && at.minute === minute) return at;
  const wanted = hour * 60 + minute;
  for (;;) {
    const earlier = at.minus({ minutes: 1 });
    if (!earlier.hasSame(at, 'day') || earlier.hour * 60 + earlier.minute < wanted) return at;
    at = earlier;
  }
}

/**
 * When the quiet period containing `instant` ends, or null when `instant` is not in quiet hours.
 * Works on local wall-clock time, so "21:00 to 08:00 Europe/London" holds across the clock
 * changes; a period that spans midnight ends on the next local day.
 */
export function quietHoursEnd(instant: Date, quietHours: QuietHours): Date | null {
  const local = DateTime.fromJSDate(instant, { zone: quietHours.timeZone });
  const now = local.hour * 60 + local.minute;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);

  if (start < end) {
    return now >= start && now < end ? atLocalTime(local, quietHours.end).toJSDate() : null;
  }
  if (now >= start) return atLocalTime(local.plus({ days: 1 }), quietHours.end).toJSDate();
  if (now < end) return atLocalTime(local, quietHours.end).toJSDate();
  return null;
}
