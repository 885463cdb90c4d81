import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import { UuidParam } from '../common/http/uuid-param.pipe.js';
import type { Actor } from '../organisation/actor.js';
import {
  CompleteEmergencyReviewDto,
  EmergencyReviewListQuery,
  EmergencyReviewView,
} from './emergency-review.dto.js';
import { EmergencyReviewsService } from './emergency-reviews.service.js';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/v1/emergency-reviews')
export class EmergencyReviewsController {
  constructor(private readonly reviews: EmergencyReviewsService) {}

  @Get()
  @Roles('service_manager', 'comms_approver', 'auditor', 'admin')
  @ApiOperation({
    summary: 'Retrospective reviews of emergencies sent on one on-call approval',
    description:
      'due (not yet reviewed, before the due time), overdue (past it; escalated by the schedule) or done.',
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: EmergencyReviewListQuery,
  ): Promise<EmergencyReviewView[]> {
    return this.reviews.list(actor, query.status ?? 'due');
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('service_manager', 'comms_approver')
  @ApiOperation({
    summary: 'Record a second approver’s verdict on an emergency sent on one approval',
    description:
      'An approver of the channel who neither approved the message nor wrote or edited it. Audited as message.emergency_reviewed.',
  })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: CompleteEmergencyReviewDto,
  ): Promise<EmergencyReviewView> {
    return this.reviews.complete(actor, id, body);
  }
}
