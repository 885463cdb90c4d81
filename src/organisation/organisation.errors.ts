import { badInput, conflict, notFound } from '../common/errors/crier-error.js';

export const OrganisationErrors = {
  serviceNotFound: () => notFound('SERVICE_NOT_FOUND', 'There is no service with that id.'),
  serviceNameTaken: (name: string) =>
    conflict('SERVICE_NAME_TAKEN', `A service called "${name}" already exists.`),
  unknownServices: (ids: string[]) =>
    badInput('UNKNOWN_SERVICE', `No service has the id ${ids.join(', ')}.`, { serviceIds: ids }),
  staffEmailTaken: () =>
    conflict('STAFF_EMAIL_TAKEN', 'A staff member with that email address already exists.'),
  staffNotFound: () => notFound('STAFF_NOT_FOUND', 'There is no staff member with that id.'),
  cannotEraseSelf: () =>
    conflict('CANNOT_ERASE_SELF', 'You cannot erase your own staff record; ask another admin.'),
  lastAdmin: () =>
    conflict(
      'LAST_ADMIN',
      'This change would leave the council with no active admin; give another person the admin role first.',
    ),
};
