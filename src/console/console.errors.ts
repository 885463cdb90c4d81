import { forbidden } from '../common/errors/crier-error.js';

export const ConsoleErrors = {
  cannotSignInAs: () =>
    forbidden(
      'STAFF_NOT_ACTIVE',
      'That person is not an active member of staff, so nobody can sign in as them.',
    ),
};
