import { ParseUUIDPipe } from '@nestjs/common';
import { badInput } from '../errors/crier-error.js';

/** Path ids are UUIDs; anything else is bad input (400), not an unknown id (404). */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => badInput('INVALID_ID', 'The id in the path must be a UUID.'),
});
