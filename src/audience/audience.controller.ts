import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyStaff, CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Actor } from '../organisation/actor.js';
import { AudienceService } from './audience.service.js';
import { CodeParam } from './code-param.pipe.js';
import {
  AudienceEntryListView,
  AudienceEntryView,
  CreateAudienceEntryDto,
  RenameAudienceEntryDto,
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

  @Patch('areas/:code')
  @Roles('admin')
  renameArea(
    @CurrentActor() actor: Actor,
    @Param('code', new CodeParam('area')) code: string,
    @Body() body: RenameAudienceEntryDto,
  ): Promise<AudienceEntryView> {
    return this.audience.rename({ kind: 'staff', id: actor.id }, 'area', code, body.name);
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

  @Patch('topics/:code')
  @Roles('admin')
  renameTopic(
    @CurrentActor() actor: Actor,
    @Param('code', new CodeParam('topic')) code: string,
    @Body() body: RenameAudienceEntryDto,
  ): Promise<AudienceEntryView> {
    return this.audience.rename({ kind: 'staff', id: actor.id }, 'topic', code, body.name);
  }

  @Get('topics')
  @AnyStaff()
  async listTopics(): Promise<AudienceEntryListView> {
    return { items: await this.audience.list('topic') };
  }
}
