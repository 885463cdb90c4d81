import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { BearerStrategy } from 'passport-azure-ad';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthErrors } from './auth.errors.js';
import type { TokenVerifier, VerifiedIdentity } from './token-verifier.js';

type Claims = Record<string, unknown>;

/** The passport callbacks the strategy reports its verdict through. */
interface Verdict {
  success(claims: Claims): void;
  fail(challenge?: unknown): void;
  error(err: unknown): void;
}

/** Entra ID's username claims, best first. `preferred_username` is v2; `upn` is v1. */
const EMAIL_CLAIMS = ['preferred_username', 'upn', 'email'] as const;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
// The strategy fetches metadata with no timeout of its own; a stalled IdP must not hang requests.
const VERDICT_TIMEOUT_MS = 10_000;

/** Microsoft Entra ID bearer tokens, validated with passport-azure-ad. */
@Injectable()
export class AzureAdTokenVerifier implements TokenVerifier {
  private readonly logger = new Logger('AzureAdTokenVerifier');
  private readonly strategy: BearerStrategy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const azureAd = config.auth.azureAd;
    if (!azureAd) throw new Error('AUTH_MODE=azure-ad needs the AZURE_AD_* configuration');
    this.strategy = new BearerStrategy(
      {
        identityMetadata: azureAd.metadataUrl,
        clientID: azureAd.clientId,
        audience: azureAd.audience,
        validateIssuer: true,
        issuer: azureAd.issuer,
        isB2C: false,
        // The library logs claims and tokens unless told not to.
        loggingNoPII: true,
        loggingLevel: 'error',
      },
      (claims, done) => done(null, claims),
    );
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    return identityFrom(await this.validate(token));
  }

  /** One passport run, on a throwaway object so concurrent calls keep their callbacks apart. */
  private validate(token: string): Promise<Claims> {
    return new Promise((resolve, reject) => {
      const refuse = (why: string) => {
        clearTimeout(timer);
        reject(AuthErrors.invalidToken(why));
      };
      const timer = setTimeout(() => refuse('Entra ID did not answer in time'), VERDICT_TIMEOUT_MS);
      const verdict: Verdict = {
        success: (claims) => {
          clearTimeout(timer);
          resolve(claims);
        },
        // An Error here means the metadata or keys could not be loaded, not that the token is bad.
        fail: (challenge) => {
          if (!(challenge instanceof Error)) return refuse('Entra ID did not validate it');
          this.logger.warn(`Entra ID metadata unavailable: ${challenge.message}`);
          refuse('Entra ID could not be reached to check it');
        },
        error: () => refuse('Entra ID did not validate it'),
      };
      const attempt = Object.assign(Object.create(this.strategy) as BearerStrategy, verdict);
      try {
        attempt.authenticate({ headers: { authorization: `Bearer ${token}` } } as Request);
      } catch {
        refuse('Entra ID did not validate it');
      }
    });
  }
}

/** Who Entra ID's claims (of a bearer token or a sign-in's ID token) say someone is. */
export function identityFrom(claims: Claims): VerifiedIdentity {
  const subject = [claims.oid, claims.sub].find((value) => typeof value === 'string' && value);
  const email = EMAIL_CLAIMS.map((name) => claims[name]).find(
    (value): value is string => typeof value === 'string' && EMAIL.test(value),
  );
  if (typeof subject !== 'string' || !email) throw AuthErrors.invalidToken('it names no user');
  return { subject, email: email.toLowerCase() };
}
