import { conflict, forbidden, notFound } from '../../common/errors/crier-error.js';

export const ReconciliationErrors = {
  notFound: () => notFound('RECONCILIATION_NOT_FOUND', 'No reconciliation report has that id.'),
  alreadyConfirmed: () =>
    conflict('RECONCILIATION_CONFIRMED', 'This reconciliation report was already confirmed.'),
  expired: () =>
    conflict(
      'RECONCILIATION_EXPIRED',
      'This reconciliation report has expired; upload the current master list again.',
    ),
  sameAdmin: () =>
    forbidden(
      'RECONCILIATION_SAME_ADMIN',
      'Another admin must confirm a reconciliation: the one who uploaded the list cannot.',
    ),
};
