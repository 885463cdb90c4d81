import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe: the session cookie's value and the forms' `_csrf`. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * The session's row id: a hash of the cookie's token, so that reading the table (a backup, a
 * support query) does not give anyone a way to sign in as the people in it.
 */
export const sessionId = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** Compares in constant time; hashing first makes the lengths equal whatever was sent. */
export function formTokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
