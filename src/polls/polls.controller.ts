import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AnyStaff, CurrentActor } from '../auth/access.decorators.js';
import { UuidParam } from '../common/http/uuid-param.pipe.js';
import type { Actor } from '../organisation/actor.js';
import type { PollResultsView } from './dto/poll-results.dto.js';
import { PollsService } from './polls.service.js';

@ApiTags('polls')
@Controller('api/v1/messages/:id/poll')
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: "A snap poll's answers, per option and per area, while it runs" })
  results(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<PollResultsView> {
    return this.polls.results(actor, id);
  }

  @Get('export.csv')
  @AnyStaff()
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The same tallies as CSV: one row per area and option' })
  async csv(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<string> {
    return this.polls.csv(actor, id);
  }
}
