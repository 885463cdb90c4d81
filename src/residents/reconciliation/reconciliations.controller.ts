import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/access.decorators.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import type { Actor } from '../../organisation/actor.js';
import {
  MasterListDto,
  ReconciliationListView,
  ReconciliationReportView,
  ReconciliationView,
} from './reconciliation.dto.js';
import { ReconciliationService } from './reconciliation.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('api/v1/subscribers/reconciliations')
export class ReconciliationsController {
  constructor(private readonly reconciliations: ReconciliationService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: "Compare the subscribers with the council's current master list",
    description:
      'Reports how many active subscribers are absent from the list (counts and a masked sample, never numbers). Nothing changes until another admin confirms within 24 hours.',
  })
  report(
    @CurrentActor() actor: Actor,
    @Body() body: MasterListDto,
  ): Promise<ReconciliationReportView> {
    return this.reconciliations.report(actor, body.phones);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Unsubscribe the residents a reconciliation report found absent from the list',
    description:
      'Another admin than the one who uploaded the list. Those who left or chose again since the report are left alone; nobody is suppressed.',
  })
  confirm(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<ReconciliationView> {
    return this.reconciliations.confirm(actor, id);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Reconciliation reports, newest first, and when the next is due' })
  list(): Promise<ReconciliationListView> {
    return this.reconciliations.list();
  }
}
