import { hkdfSync } from 'node:crypto';
import { parseCookie } from 'cookie';
import type { CookieOptions, Request, Response } from 'express';
import { EncryptJWT, jwtDecrypt } from 'jose';

/**
 * What must survive the trip to Microsoft and back: passport-azure-ad's state and nonce (it
 * keeps them in `req.session`) and where to go afterwards. Crier has no server-side session
 * before sign-in, so they travel in an encrypted, short-lived cookie instead. The key is
 * derived from the client secret, which every Crier instance holds, so any instance can finish
 * a sign-in another began.
 */
export interface OidcState {
  session: Record<string, unknown>;
  next: string;
}

export const OIDC_STATE_COOKIE = '__Host-crier-oidc';
/** Lax: the callback is a top-level GET navigation from Microsoft, which Lax cookies go with. */
const OPTIONS: CookieOptions = { httpOnly: true, secure: true, sameSite: 'lax', path: '/' };
/** Long enough to type a password and approve an MFA prompt; short enough to be useless later. */
const LIFETIME_SECONDS = 10 * 60;

export class OidcStateCookie {
  private readonly key: Uint8Array;

  constructor(clientSecret: string) {
    this.key = new Uint8Array(
      hkdfSync('sha256', clientSecret, 'crier', 'console-oidc-state-cookie', 32),
    );
  }

  async write(response: Response, state: OidcState): Promise<void> {
    const sealed = await new EncryptJWT({ ...state })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .encrypt(this.key);
    response.cookie(OIDC_STATE_COOKIE, sealed, { ...OPTIONS, maxAge: LIFETIME_SECONDS * 1000 });
  }

  /** The state this browser set out with, or null if it has none, or it expired or was forged. */
  async read(request: Request): Promise<OidcState | null> {
    const sealed = parseCookie(request.headers.cookie ?? '')[OIDC_STATE_COOKIE];
    if (!sealed) return null;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key);
      const { session, next } = payload as Partial<OidcState>;
      if (typeof session !== 'object' || session === null || typeof next !== 'string') return null;
      return { session, next };
    } catch {
      return null;
    }
  }

  clear(response: Response): void {
    response.clearCookie(OIDC_STATE_COOKIE, OPTIONS);
  }
}
