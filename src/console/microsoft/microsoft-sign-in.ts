import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OIDCStrategy } from 'passport-azure-ad';
import { identityFrom } from '../../auth/azure-ad.token-verifier.js';
import type { VerifiedIdentity } from '../../auth/token-verifier.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { MicrosoftSignInErrors } from './microsoft-sign-in.errors.js';
import { OidcStateCookie } from './oidc-state-cookie.js';

type SessionRequest = Request & { session?: Record<string, unknown> };
type Claims = Record<string, unknown>;

/**
 * The strategy's verify callback, in the form (eight parameters, counted by the library) that
 * is handed the ID token's validated claims. Those are what say who signed in: the profile it
 * otherwise builds comes from the userinfo endpoint, which need not carry the username.
 */
function idTokenClaims(
  _iss: string,
  _sub: string,
  _profile: unknown,
  claims: Claims,
  _accessToken: string,
  _refreshToken: string,
  _params: unknown,
  done: (err: unknown, user?: Claims) => void,
): void {
  done(null, claims);
}

/** passport's callbacks, through which a strategy reports what to do. */
interface Outcome {
  redirect(url: string): void;
  success(claims: Claims): void;
  fail(challenge?: unknown): void;
  error(err: unknown): void;
}

// The strategy fetches metadata and redeems the code with no timeout of its own.
const OUTCOME_TIMEOUT_MS = 15_000;

/**
 * "Sign in with Microsoft" for the console: Entra ID's OpenID Connect authorization-code flow
 * through passport-azure-ad's OIDCStrategy (the code is redeemed with the client secret, and the
 * ID token's signature, audience, issuer and nonce are checked). Crier's own staff records then
 * say whether the person may use Crier and what they may do, as for bearer tokens.
 */
@Injectable()
export class MicrosoftSignIn {
  private readonly logger = new Logger('MicrosoftSignIn');
  private readonly strategy: OIDCStrategy | null = null;
  private readonly state: OidcStateCookie | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const azureAd = config.auth.azureAd;
    if (!azureAd?.consoleSignIn) return;
    const { clientSecret, redirectUrl } = azureAd.consoleSignIn;
    this.state = new OidcStateCookie(clientSecret);
    this.strategy = new OIDCStrategy(
      {
        identityMetadata: azureAd.metadataUrl,
        clientID: azureAd.clientId,
        clientSecret,
        responseType: 'code',
        responseMode: 'query',
        redirectUrl,
        allowHttpForRedirectUrl: redirectUrl.startsWith('http:'),
        validateIssuer: true,
        issuer: azureAd.issuer,
        isB2C: false,
        scope: ['profile', 'email'],
        passReqToCallback: false,
        // The library logs claims and tokens unless told not to.
        loggingNoPII: true,
        loggingLevel: 'error',
      },
      idTokenClaims,
    );
  }

  get configured(): boolean {
    return this.strategy !== null;
  }

  /** Where to send the browser to sign in; remembers the state and `next` in a cookie. */
  async begin(request: Request, response: Response, next: string): Promise<string> {
    const { strategy, state } = this.require();
    const req = request as SessionRequest;
    req.session = {};
    const outcome = await this.run(strategy, req);
    if (outcome.kind !== 'redirect') throw MicrosoftSignInErrors.unavailable();
    await state.write(response, { session: req.session, next });
    return outcome.url;
  }

  /** Finishes the sign-in Microsoft sent the browser back from: who it is, and where to go. */
  async finish(
    request: Request,
    response: Response,
  ): Promise<{ identity: VerifiedIdentity; next: string }> {
    const { strategy, state } = this.require();
    const saved = await state.read(request);
    state.clear(response);
    if (!saved) throw MicrosoftSignInErrors.startAgain();
    const req = request as SessionRequest;
    req.session = saved.session;
    const outcome = await this.run(strategy, req);
    if (outcome.kind !== 'success') throw MicrosoftSignInErrors.refused();
    try {
      return { identity: identityFrom(outcome.claims), next: saved.next };
    } catch {
      throw MicrosoftSignInErrors.refused();
    }
  }

  private require() {
    if (!this.strategy || !this.state) throw MicrosoftSignInErrors.notConfigured();
    return { strategy: this.strategy, state: this.state };
  }

  /** One passport run, on a throwaway object so concurrent sign-ins keep their callbacks apart. */
  private run(
    strategy: OIDCStrategy,
    req: SessionRequest,
  ): Promise<
    { kind: 'redirect'; url: string } | { kind: 'success'; claims: Claims } | { kind: 'failed' }
  > {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(MicrosoftSignInErrors.unavailable()),
        OUTCOME_TIMEOUT_MS,
      );
      const settle = (value: Parameters<typeof resolve>[0]) => {
        clearTimeout(timer);
        resolve(value);
      };
      const outcome: Outcome = {
        redirect: (url) => settle({ kind: 'redirect', url }),
        success: (claims) => settle({ kind: 'success', claims }),
        fail: (challenge) => {
          // Why, without claims or tokens: passport-azure-ad's messages carry neither.
          const why = challenge instanceof Error ? challenge.message : JSON.stringify(challenge);
          this.logger.warn(`Microsoft sign-in refused: ${why}`);
          settle({ kind: 'failed' });
        },
        error: (err) => {
          this.logger.warn(`Microsoft sign-in failed: ${(err as Error)?.message ?? String(err)}`);
          settle({ kind: 'failed' });
        },
      };
      const attempt = Object.assign(Object.create(strategy) as OIDCStrategy, outcome);
      try {
        attempt.authenticate(req, {});
      } catch (error) {
        outcome.error(error);
      }
    });
  }
}
