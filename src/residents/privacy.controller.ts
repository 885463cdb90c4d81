import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Actor } from '../organisation/actor.js';
import { ErasureView, PhoneRequestDto, SubjectAccessView } from './dto/privacy.dto.js';
import { ErasureService } from './erasure.service.js';
import { SubjectAccessService } from './subject-access.service.js';

/** Residents' data-protection rights, exercised by an admin for them. The number goes in a body, never a URL. */
@ApiTags('residents')
@ApiBearerAuth()
@Controller('api/v1/privacy')
export class PrivacyController {
  constructor(
    private readonly subjectAccess: SubjectAccessService,
    private readonly erasure: ErasureService,
  ) {}

  @Post('subject-access')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Everything Crier holds about a phone number, in one bundle' })
  access(@CurrentActor() actor: Actor, @Body() body: PhoneRequestDto): Promise<SubjectAccessView> {
    return this.subjectAccess.bundle(actor, body.phone);
  }

  @Post('erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      "Erase a phone number's personal data; it is never messaged again unless it opts in afresh",
  })
  erase(@CurrentActor() actor: Actor, @Body() body: PhoneRequestDto): Promise<ErasureView> {
    return this.erasure.erase(actor, body.phone);
  }
}
