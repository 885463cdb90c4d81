import { notFound } from '../common/errors/crier-error.js';

export const PollErrors = {
  noPoll: () => notFound('POLL_NOT_FOUND', 'This message does not carry a poll.'),
};
