import {
  type E164,
  maskPhoneNumber,
  normalisePhoneNumber,
} from '../../phone-numbers/phone-number.js';

/**
 * Ofcom's drama range, 07700 900000 to 07700 900999: never given to anyone. Training handsets
 * only ever use these, so a trainee can never message a real person, even by a typo.
 */
const DRAMA_RANGE = /^\+447700900\d{3}$/;

/** A number as typed (07700 900123, +44 7700 900123…) if it is in the drama range, else null. */
export function trainingNumber(input: string): E164 | null {
  const phone = normalisePhoneNumber(input);
  return phone !== null && DRAMA_RANGE.test(phone) ? phone : null;
}

/** The form the handset's address uses: the national number, digits only (07700900123). */
export const handsetPathNumber = (phone: E164): string => `0${phone.slice(3)}`;

export const handsetPath = (phone: E164): string =>
  `/console/training/handsets/${handsetPathNumber(phone)}`;

/** Shown in lists: masked like every resident's number, the last three digits left to tell them apart. */
export const maskedTrainingNumber = (phone: E164): string => maskPhoneNumber(phone);

export const NOT_A_TRAINING_NUMBER =
  'Enter a number from 07700 900000 to 07700 900999. Training only uses these numbers, so nobody real is messaged.';
