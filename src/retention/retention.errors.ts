import { conflict } from '../common/errors/crier-error.js';

export const RetentionErrors = {
  alreadyRunning: () =>
    conflict('RETENTION_RUNNING', 'A retention run is already under way; try again shortly'),
};
