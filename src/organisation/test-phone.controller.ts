import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { AnyStaff, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from './actor.js';
import { TestPhoneService } from './test-phone.service.js';

export class SetTestPhoneDto {
  @ApiProperty({ example: '07700 900123' })
  @IsString()
  @MaxLength(40)
  phone: string;
}

export class TestPhoneView {
  @ApiProperty({ nullable: true, type: String, example: '+44 •••••••123' })
  testPhone: string | null;
}

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/v1/me/test-phone')
export class TestPhoneController {
  constructor(private readonly testPhones: TestPhoneService) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: 'My phone for test sends, masked' })
  async get(@CurrentActor() actor: Actor): Promise<TestPhoneView> {
    return { testPhone: await this.testPhones.masked(actor) };
  }

  @Put()
  @AnyStaff()
  @ApiOperation({ summary: 'Register my own phone to receive test sends' })
  async set(@CurrentActor() actor: Actor, @Body() body: SetTestPhoneDto): Promise<TestPhoneView> {
    return { testPhone: await this.testPhones.set(actor, body.phone) };
  }

  @Delete()
  @HttpCode(204)
  @AnyStaff()
  async remove(@CurrentActor() actor: Actor): Promise<void> {
    await this.testPhones.remove(actor);
  }
}
