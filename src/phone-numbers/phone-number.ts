import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A phone number in E.164 form, e.g. +447400123456: the only form Crier stores or sends to. */
export type E164 = string & { readonly __brand: 'E164' };

/**
 * Ofcom's range of mobile numbers for drama (07700 900000 to 07700 900999): never given to
 * anyone, so safe in demos, training and documentation, where a real person's number must not
 * appear. libphonenumber counts them unallocated; Crier accepts them.
 */
const OFCOM_DRAMA_MOBILES = /^\+447700900\d{3}$/;

/**
 * Normalises what a person typed (07400 123456, +44 7400 123456, 0044...) to E.164, or null
 * when it is not a valid number. National numbers are read as UK ones; the full metadata set is
 * used so that unallocated ranges are refused, not just wrong lengths.
 */
export function normalisePhoneNumber(input: string): E164 | null {
  if (input.length > 40) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), 'GB');
  if (!parsed) return null;
  if (!parsed.isValid() && !OFCOM_DRAMA_MOBILES.test(parsed.number)) return null;
  return parsed.number as E164;
}

/** The WhatsApp id of a number: E.164 without the plus, as Meta's webhooks write it. */
export const waIdOf = (phone: E164): string => phone.slice(1);

/** A WhatsApp id (digits, no plus) as E.164, or null if it is not a valid number. */
export function fromWaId(waId: string): E164 | null {
  return /^\d{6,15}$/.test(waId) ? normalisePhoneNumber(`+${waId}`) : null;
}

/**
 * Enough of a number for its owner to recognise it and nobody else to use it: the country
 * code and the last three digits, e.g. "+44 ••••••• 456".
 */
export function maskPhoneNumber(phone: E164): string {
  const parsed = parsePhoneNumberFromString(phone);
  const country = parsed ? `+${parsed.countryCallingCode}` : phone.slice(0, 3);
  return `${country} ${'•'.repeat(Math.max(phone.length - country.length - 3, 3))}${phone.slice(-3)}`;
}
