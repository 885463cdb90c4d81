import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { PublicPage } from '../auth/access.decorators.js';

/**
 * `AUTH_MODE=azure-ad`: where "Sign in with Microsoft" leads. The OpenID Connect code flow
 * (passport-azure-ad's OIDCStrategy, then ConsoleSessionService.start) is a separate piece of
 * work; until it lands this answers 503 with a page saying so, rather than a broken sign-in.
 */
@Controller('console/sign-in')
export class MicrosoftSignInController {
  @Get('microsoft')
  @PublicPage()
  signIn(): never {
    throw new ServiceUnavailableException(
      'Microsoft sign-in is not configured yet. Ask your ICT service desk when it will be.',
    );
  }
}
