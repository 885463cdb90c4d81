import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail } from 'class-validator';
import { notFound } from '../common/errors/crier-error.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { Public } from './access.decorators.js';
import { LocalTokenService } from './local-token.service.js';

export class LocalTokenRequestDto {
  @ApiProperty({ example: 'admin@example.gov.uk' })
  @IsEmail()
  email: string;
}

export class LocalTokenView {
  @ApiProperty() access_token: string;
  @ApiProperty({ example: 'Bearer' }) token_type: 'Bearer';
  @ApiProperty({ example: 3600 }) expires_in: number;
}

/** Exists only in `AUTH_MODE=local`: signs in any active staff member by email alone. */
@ApiTags('auth')
@Controller('api/v1/auth/local')
export class LocalAuthController {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly tokens: LocalTokenService,
  ) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Development sign-in: a bearer token for an active staff member' })
  async token(@Body() body: LocalTokenRequestDto): Promise<LocalTokenView> {
    const staff = await this.organisation.findActorByEmail(body.email);
    if (!staff?.active) {
      throw notFound('STAFF_NOT_FOUND', 'No active staff member has that email address.');
    }
    const { token, expiresIn } = await this.tokens.issue({ subject: staff.id, email: staff.email });
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }
}
