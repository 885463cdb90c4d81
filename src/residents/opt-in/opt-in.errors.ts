import { badInput, conflict, tooMany } from '../../common/errors/crier-error.js';

export const OptInErrors = {
  invalidPhone: () =>
    badInput('INVALID_PHONE_NUMBER', 'The phone number is not a valid mobile or landline number.'),
  unknownPostcode: () =>
    badInput('UNKNOWN_POSTCODE', 'That postcode is not one the council sends alerts for.'),
  noCorporateChannel: () =>
    conflict(
      'NO_CORPORATE_CHANNEL',
      'The council has no corporate WhatsApp channel to confirm from.',
    ),
  rateLimited: () =>
    tooMany('RATE_LIMITED', 'Too many requests: please wait a while and try again.'),
};
