import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * WhatsApp's click-to-chat link to a business number, with a word typed ready to send:
 * `https://wa.me/<digits>?text=STOP`. The display number is the council's own, as configured on
 * the channel (national or international); only its shape is checked, since WhatsApp, not
 * libphonenumber's list of allocated ranges, decides what reaches it. Null when it cannot be read
 * as a phone number: then the page says "the council's WhatsApp number" rather than invent one.
 */
export function clickToChat(displayPhoneNumber: string | null, text: string): string | null {
  const parsed = displayPhoneNumber ? parsePhoneNumberFromString(displayPhoneNumber, 'GB') : null;
  if (!parsed?.isPossible()) return null;
  return `https://wa.me/${parsed.number.slice(1)}?text=${encodeURIComponent(text)}`;
}
