import { DateTime } from 'luxon';
import { isMessageStatus, MESSAGE_STATUS_ORDER, statusTag } from '../status-tags.js';
import { FORM_TIME_ZONE } from './compose-form.js';

export { statusTag } from '../status-tags.js';

/** For the list's status filter: every status, in the order a message goes through them. */
export const STATUS_OPTIONS = MESSAGE_STATUS_ORDER.map((status) => ({
  value: status,
  text: statusTag(status).text,
}));

export const isStatus = isMessageStatus;

/** "Tuesday 3 March 2026 at 2:05pm", on the clock in Britain. */
export function dateTime(iso: string | null, zone = FORM_TIME_ZONE): string {
  if (!iso) return '';
  const at = DateTime.fromISO(iso, { zone });
  const time = at.toFormat(at.minute === 0 ? 'ha' : 'h:mma').toLowerCase();
  return `${at.toFormat('cccc d MMMM yyyy')} at ${time}`;
}

/** "14:05": the time WhatsApp shows under a message. */
export const clockTime = (iso: string, zone = FORM_TIME_ZONE): string =>
  DateTime.fromISO(iso, { zone }).toFormat('HH:mm');

/** Names for codes, in the order given; an unknown code is shown as it is. */
export function namesOf(codes: readonly string[], names: ReadonlyMap<string, string>): string[] {
  return codes.map((code) => names.get(code) ?? code);
}

/** "Northfield and Southbank", "Northfield, Southbank and 3 more". */
export function summariseNames(names: readonly string[], shown = 3): string {
  if (names.length === 0) return 'None';
  if (names.length <= shown) {
    return names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** "1 resident", "1,234 residents". */
export const residentsText = (count: number): string =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? 'resident' : 'residents'}`;

/** "£1.58" (or "1.58 EUR"), and whether the price is the simulator's example one. */
export function costText(
  cost: { currency: string; total: number; example: boolean } | null,
): string {
  if (!cost) return 'No price is set up, so there is no estimate';
  const amount =
    cost.currency === 'GBP'
      ? `£${cost.total.toFixed(2)}`
      : `${cost.total.toFixed(2)} ${cost.currency}`;
  return cost.example ? `${amount} (an example price: the simulator is in use)` : amount;
}
