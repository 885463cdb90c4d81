import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TtlCache } from '../common/ttl-cache.js';
import { AuthErrors } from './auth.errors.js';
import type { TokenVerifier, VerifiedIdentity } from './token-verifier.js';

const ISSUER = 'crier-local';
const AUDIENCE = 'crier-api';

/**
 * Issues and checks the HS256 tokens of `AUTH_MODE=local`, used for development, the demo and
 * tests. Configuration refuses this mode in production.
 */
@Injectable()
export class LocalTokenService implements TokenVerifier {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;
  private readonly verified = new TtlCache<VerifiedIdentity>(60_000);

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.localTokenSecret);
    this.ttlSeconds = config.auth.localTokenTtlSeconds;
  }

  async issue(identity: VerifiedIdentity): Promise<{ token: string; expiresIn: number }> {
    const token = await new SignJWT({ email: identity.email })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.subject)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    // A token already verified is the same token: skip the HMAC until it expires.
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.email !== 'string') {
        throw new Error('missing claims');
      }
      const identity = { subject: payload.sub, email: payload.email };
      const lifetime = typeof payload.exp === 'number' ? payload.exp * 1000 - Date.now() : 0;
      if (lifetime > 0) this.verified.set(token, identity, lifetime);
      return identity;
    } catch (error) {
      const why = (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid';
      throw AuthErrors.invalidToken(why);
    }
  }
}
