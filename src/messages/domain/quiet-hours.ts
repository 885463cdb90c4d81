import { DateTime } from 'luxon';
import type { QuietHours } from '../../channels/governance-policy.js';

const minutesOf = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

/** The local date-time `hhmm` on the calendar day of `day`, in the zone of `day`. */
function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  // Luxon moves a wall-clock time that a spring-forward gap skips to the first valid instant.
  return day.set({ hour, minute, second: 0, millisecond: 0 });
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
