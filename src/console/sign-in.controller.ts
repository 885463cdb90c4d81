import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsolePage, PublicPage } from '../auth/access.decorators.js';
import { SeeOther } from '../common/errors/see-other.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { page, type Page } from '../web/page.js';
import { safeNextPath } from './next-path.js';
import { ConsoleSessionService } from './sessions/console-session.service.js';

/** The sign-in page (its form depends on AUTH_MODE) and signing out. */
@Controller('console')
export class SignInController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisation: OrganisationService,
    private readonly sessions: ConsoleSessionService,
  ) {}

  @Get('sign-in')
  @PublicPage()
  async signIn(@Query('next') next?: unknown): Promise<Page> {
    const mode = this.config.auth.mode;
    const staff =
      mode === 'local'
        ? (await this.organisation.listStaff())
            .filter((person) => person.active)
            .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        : [];
    return page('console/sign-in', { mode, staff, next: safeNextPath(next) });
  }

  @Post('sign-out')
  @ConsolePage()
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    await this.sessions.end(request, response);
    throw new SeeOther('/console/sign-in');
  }
}
