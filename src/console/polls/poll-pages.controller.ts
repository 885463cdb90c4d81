import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import type { Actor } from '../../organisation/actor.js';
import { PollsService } from '../../polls/polls.service.js';
import { page, type Page } from '../../web/page.js';
import { pollPageModel, type PollPageModel } from './poll-page-model.js';

/**
 * A snap poll's results: the page (live while the poll is open, through poll-live.mjs), its
 * figures as JSON for that script, and the CSV of GET /api/v1/messages/:id/poll/export.csv.
 * Anyone who may see the message may see its poll; PollsService answers 404 to anyone else.
 */
@Controller('console/messages')
export class PollPagesController {
  constructor(private readonly polls: PollsService) {}

  @Get(':id/poll')
  @ConsolePage()
  async show(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    const model = await this.model(actor, id);
    return page('console/polls/results', { model, base: `/console/messages/${id}` });
  }

  /** The page's figures for its script (session cookie, same origin: the CSP's connect-src). */
  @Get(':id/poll.json')
  @ConsolePage()
  figures(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<PollPageModel> {
    return this.model(actor, id);
  }

  @Get(':id/poll.csv')
  @ConsolePage()
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const csv = await this.polls.csv(actor, id);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="poll-${id}.csv"`);
    return csv;
  }

  private async model(actor: Actor, id: string): Promise<PollPageModel> {
    // 404 for a message this person may not see, or one without a poll.
    const { results, content } = await this.polls.resultsWithContent(actor, id);
    return pollPageModel(results, content);
  }
}
