const LONDON = 'Europe/London';

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const SHORT_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DAY_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A time as people in the UK read it (GMT or BST as the date falls), precise enough for the
 * span shown: seconds for a send of a few minutes, the day for one that ran overnight.
 */
export function ukTime(at: Date, spanSeconds: number): string {
  if (spanSeconds < 10 * 60) return TIME.format(at);
  if (spanSeconds < 20 * 60 * 60) return SHORT_TIME.format(at);
  return DAY_TIME.format(at);
}
