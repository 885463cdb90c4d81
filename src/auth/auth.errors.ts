import { whoMay } from '../organisation/role.js';
import { forbidden, unauthenticated } from '../common/errors/crier-error.js';

export const AuthErrors = {
  tokenRequired: () =>
    unauthenticated('AUTH_REQUIRED', 'Sign in first: send "Authorization: Bearer <token>".'),
  invalidToken: (why: string) =>
    unauthenticated('INVALID_TOKEN', `The bearer token was not accepted (${why}); sign in again.`),
  notRegistered: () =>
    forbidden(
      'STAFF_NOT_REGISTERED',
      'You are signed in, but Crier has no staff record for you; ask a Crier admin to add you.',
    ),
  disabled: () =>
    forbidden('STAFF_DISABLED', 'Your Crier account is disabled; ask a Crier admin to enable it.'),
  roleRequired: (roles: readonly string[]) =>
    forbidden(
      'ROLE_REQUIRED',
      `Only ${whoMay(roles)} can do this. Ask your Crier administrator if you need to.`,
    ),
  noAccessRule: () =>
    forbidden('ACCESS_RULE_MISSING', 'This route declares no access rule, so it is closed.'),
};
