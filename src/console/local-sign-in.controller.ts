import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { PublicPage } from '../auth/access.decorators.js';
import { SeeOther } from '../common/errors/see-other.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { ConsoleErrors } from './console.errors.js';
import { safeNextPath } from './next-path.js';
import { ConsoleSessionService } from './sessions/console-session.service.js';

export class LocalSignInForm {
  @IsUUID()
  staffId: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

/** Exists only in `AUTH_MODE=local`: development sign-in as any active member of staff. */
@Controller('console/sign-in')
export class LocalSignInController {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly sessions: ConsoleSessionService,
  ) {}

  @Post('local')
  @PublicPage()
  async signIn(
    @Body() form: LocalSignInForm,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<never> {
    const staff = await this.organisation.findActorById(form.staffId);
    if (!staff?.active) throw ConsoleErrors.cannotSignInAs();
    await this.sessions.start(staff.id, 'local', request, response);
    throw new SeeOther(safeNextPath(form.next));
  }
}
