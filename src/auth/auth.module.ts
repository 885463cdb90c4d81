import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { AuthGuard } from './auth.guard.js';
import { AzureAdTokenVerifier } from './azure-ad.token-verifier.js';
import { LocalAuthController } from './local-auth.controller.js';
import { LocalTokenService } from './local-token.service.js';
import { TOKEN_VERIFIER } from './token-verifier.js';

/** Staff sign-in. The verifier is chosen once, from AUTH_MODE; the guard protects every route. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const local = config.auth.mode === 'local';
    const verifier: Provider[] = local
      ? [LocalTokenService, { provide: TOKEN_VERIFIER, useExisting: LocalTokenService }]
      : [AzureAdTokenVerifier, { provide: TOKEN_VERIFIER, useExisting: AzureAdTokenVerifier }];
    return {
      module: AuthModule,
      imports: [OrganisationModule],
      controllers: local ? [LocalAuthController] : [],
      providers: [...verifier, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
