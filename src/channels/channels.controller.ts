import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyStaff, CurrentActor, Roles } from '../auth/access.decorators.js';
import { UuidParam } from '../common/http/uuid-param.pipe.js';
import type { Actor } from '../organisation/actor.js';
import { ChannelsService } from './channels.service.js';
import {
  ChannelListView,
  ChannelView,
  CreateChannelDto,
  GovernancePolicyDto,
  ThroughputDto,
} from './dto/channel.dto.js';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('api/v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateChannelDto): Promise<ChannelView> {
    return this.channels.create(actor, body);
  }

  @Get()
  @AnyStaff()
  async list(): Promise<ChannelListView> {
    return { items: await this.channels.list() };
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id', UuidParam) id: string): Promise<ChannelView> {
    return this.channels.get(id);
  }

  @Put(':id/policy')
  @Roles('admin')
  replacePolicy(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: GovernancePolicyDto,
  ): Promise<ChannelView> {
    return this.channels.replacePolicy(actor, id, body);
  }

  /** After an admin has fixed what paused it (renewed the token, say). */
  @Post(':id/resume-sending')
  @HttpCode(200)
  @Roles('admin')
  resumeSending(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<ChannelView> {
    return this.channels.resumeSending(actor, id);
  }

  @Put(':id/throughput')
  @Roles('admin')
  setThroughput(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: ThroughputDto,
  ): Promise<ChannelView> {
    return this.channels.setThroughput(actor, id, body.throughputPerSecond);
  }
}
