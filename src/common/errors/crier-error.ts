/**
 * The kinds of expected failure. Each maps to exactly one HTTP status in the error filter, so a
 * module names what went wrong and never picks a status itself.
 */
export type ErrorKind =
  | 'bad_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'too_many'
  /** Something Crier depends on (an identity provider, say) is not there: try again later. */
  | 'unavailable';

/** An expected failure with a stable machine code and a sentence a person can act on. */
export class CrierError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CrierError';
  }
}

export const badInput = (code: string, message: string, details?: Record<string, unknown>) =>
  new CrierError('bad_input', code, message, details);
export const forbidden = (code: string, message: string) =>
  new CrierError('forbidden', code, message);
export const notFound = (code: string, message: string) =>
  new CrierError('not_found', code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new CrierError('conflict', code, message, details);
export const unauthenticated = (code: string, message: string) =>
  new CrierError('unauthenticated', code, message);
export const tooMany = (code: string, message: string) => new CrierError('too_many', code, message);
export const unavailable = (code: string, message: string) =>
  new CrierError('unavailable', code, message);
