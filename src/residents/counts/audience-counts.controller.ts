import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyStaff, Roles } from '../../auth/access.decorators.js';
import {
  AudienceReachQueryDto,
  AudienceReachView,
  ResidentCountsView,
} from './audience-counts.dto.js';
import { AudienceCounts } from './audience-counts.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('api/v1')
export class AudienceCountsController {
  constructor(private readonly counts: AudienceCounts) {}

  @Get('audience/reach')
  @AnyStaff()
  @ApiOperation({ summary: 'How many residents an audience would reach now, and the cost' })
  reach(@Query() query: AudienceReachQueryDto): Promise<AudienceReachView> {
    return this.counts.reach(query);
  }

  @Get('subscribers/counts')
  @Roles('admin')
  @ApiOperation({ summary: 'Residents an alert could reach, in all and per area and topic' })
  summary(): Promise<ResidentCountsView> {
    return this.counts.summary();
  }
}
