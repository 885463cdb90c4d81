import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PublicPage } from '../auth/access.decorators.js';
import { SeeOther } from '../common/errors/see-other.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { MicrosoftSignIn } from './microsoft/microsoft-sign-in.js';
import { MicrosoftSignInErrors } from './microsoft/microsoft-sign-in.errors.js';
import { safeNextPath } from './next-path.js';
import { ConsoleSessionService } from './sessions/console-session.service.js';

/**
 * `AUTH_MODE=azure-ad`: "Sign in with Microsoft" sends the browser to Entra ID, which sends it
 * back to the callback with a code; a person Crier knows and has not disabled gets a session.
 */
@Controller('console/sign-in/microsoft')
export class MicrosoftSignInController {
  constructor(
    private readonly microsoft: MicrosoftSignIn,
    private readonly organisation: OrganisationService,
    private readonly sessions: ConsoleSessionService,
  ) {}

  @Get()
  @PublicPage()
  async begin(
    @Query('next') next: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<never> {
    throw new SeeOther(await this.microsoft.begin(request, response, safeNextPath(next)));
  }

  @Get('callback')
  @PublicPage()
  async callback(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<never> {
    const { identity, next } = await this.microsoft.finish(request, response);
    const staff = await this.organisation.findActorByEmail(identity.email);
    if (!staff?.active) throw MicrosoftSignInErrors.noAccess();
    await this.sessions.start(staff.id, 'microsoft', request, response);
    throw new SeeOther(next);
  }
}
