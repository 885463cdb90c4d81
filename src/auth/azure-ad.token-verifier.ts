import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthErrors } from './auth.errors.js';
import type { TokenVerifier, VerifiedIdentity } from './token-verifier.js';

/** Microsoft Entra ID bearer tokens, validated with passport-azure-ad. */
@Injectable()
export class AzureAdTokenVerifier implements TokenVerifier {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  verify(_token: string): Promise<VerifiedIdentity> {
    return Promise.reject(AuthErrors.invalidToken('Entra ID validation is not wired yet'));
  }
}
