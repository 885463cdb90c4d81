import { forbidden, unavailable } from '../../common/errors/crier-error.js';

export const MicrosoftSignInErrors = {
  notConfigured: () =>
    unavailable(
      'MICROSOFT_SIGN_IN_NOT_CONFIGURED',
      'Microsoft sign-in is not set up for Crier yet. Ask your ICT service desk.',
    ),
  unavailable: () =>
    unavailable(
      'MICROSOFT_SIGN_IN_UNAVAILABLE',
      'Microsoft sign-in could not be reached. Try again in a few minutes.',
    ),
  startAgain: () =>
    forbidden(
      'MICROSOFT_SIGN_IN_EXPIRED',
      'Your sign-in took too long or was started in another browser. Sign in again.',
    ),
  refused: () =>
    forbidden('MICROSOFT_SIGN_IN_REFUSED', 'Microsoft did not confirm who you are. Sign in again.'),
  noAccess: () =>
    forbidden(
      'NO_ACCESS_TO_CRIER',
      'You do not have access to Crier. Ask your Crier administrator to add you.',
    ),
};
