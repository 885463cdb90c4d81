import { parseCookie } from 'cookie';
import type { CookieOptions, Request, Response } from 'express';

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, has Path=/ and no Domain, so
 * neither a sibling subdomain nor plain HTTP can plant or read it. Browsers treat localhost and
 * 127.0.0.1 as secure, so it works on a developer's machine over http too.
 */
export const SESSION_COOKIE = '__Host-crier-session';

/** No Max-Age: it goes when the browser closes; the server's own expiry is what counts. */
const OPTIONS: CookieOptions = { httpOnly: true, secure: true, sameSite: 'lax', path: '/' };

export function readSessionToken(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

export const setSessionCookie = (response: Response, token: string): void => {
  response.cookie(SESSION_COOKIE, token, OPTIONS);
};

export const clearSessionCookie = (response: Response): void => {
  response.clearCookie(SESSION_COOKIE, OPTIONS);
};
