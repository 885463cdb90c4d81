import { badInput, conflict, notFound } from '../common/errors/crier-error.js';

export const ChannelErrors = {
  notFound: () => notFound('CHANNEL_NOT_FOUND', 'There is no channel with that id.'),
  serviceRequired: () =>
    badInput(
      'SERVICE_REQUIRED',
      'A service channel needs the serviceId of the service it belongs to.',
    ),
  serviceForbidden: () =>
    badInput(
      'SERVICE_NOT_ALLOWED',
      'A corporate channel belongs to the whole council: omit serviceId.',
    ),
  unknownService: () => badInput('UNKNOWN_SERVICE', 'No service has that serviceId.'),
  invalidPolicy: (problems: string[]) =>
    badInput('INVALID_POLICY', `The governance policy is not valid: ${problems.join('; ')}.`, {
      problems,
    }),
  nameTaken: () => conflict('CHANNEL_NAME_TAKEN', 'A channel with that name already exists.'),
  numberTaken: () =>
    conflict('PHONE_NUMBER_TAKEN', 'Another channel already uses that WhatsApp phoneNumberId.'),
  notPaused: () => conflict('CHANNEL_NOT_PAUSED', 'Sending on this channel is not paused.'),
};
