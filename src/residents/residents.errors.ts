import { badInput } from '../common/errors/crier-error.js';
import { type E164, normalisePhoneNumber } from '../phone-numbers/phone-number.js';

/** The number a privacy request is about, in E.164, or a 400 that does not repeat it. */
export function requirePhoneNumber(input: string): E164 {
  const phone = normalisePhoneNumber(input);
  if (!phone) {
    throw badInput(
      'INVALID_PHONE_NUMBER',
      'That is not a valid phone number; give a UK mobile such as 07700 900123, or + and the country code.',
    );
  }
  return phone;
}
