import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** The token a request carries: `Authorization: Bearer …`, or Graph's `access_token` query parameter. */
export function tokenOf(request: Request): string | null {
  const header = request.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match) return match[1];
  const query: unknown = request.query.access_token;
  return typeof query === 'string' && query !== '' ? query : null;
}

/** Constant-time comparison (over hashes, so differing lengths leak nothing either). */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
