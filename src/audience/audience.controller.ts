import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyStaff, CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Actor } from '../organisation/actor.js';
import { AudienceService } from './audience.service.js';
import {
  AudienceEntryListView,
  AudienceEntryView,
  CreateAudienceEntryDto,
} from './dto/audience.dto.js';

@ApiTags('audience')
@ApiBearerAuth()
@Controller('api/v1')
export class AudienceController {
  constructor(private readonly audience: AudienceService) {}

  @Post('areas')
  @Roles('admin')
  createArea(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAudienceEntryDto,
  ): Promise<AudienceEntryView> {
    return this.audience.create({ kind: 'staff', id: actor.id }, 'area', body.code, body.name);
  }

  @Get('areas')
  @AnyStaff()
  async listAreas(): Promise<AudienceEntryListView> {
    return { items: await this.audience.list('area') };
  }

  @Post('topics')
  @Roles('admin')
  createTopic(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAudienceEntryDto,
  ): Promise<AudienceEntryView> {
    return this.audience.create({ kind: 'staff', id: actor.id }, 'topic', body.code, body.name);
  }

  @Get('topics')
  @AnyStaff()
  async listTopics(): Promise<AudienceEntryListView> {
    return { items: await this.audience.list('topic') };
  }
}
