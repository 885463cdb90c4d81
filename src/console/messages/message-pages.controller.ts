import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { CrierError } from '../../common/errors/crier-error.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import { MessageDraftingService } from '../../messages/message-drafting.service.js';
import { MessageQueryService } from '../../messages/message-query.service.js';
import type { Actor } from '../../organisation/actor.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { cancelReasonFrom } from './compose-form.js';
import { MESSAGE_LIMITS } from './dto-limits.js';
import { DRAFTERS } from './message-actions.js';
import { isStatus } from './message-display.js';
import { MessagePage } from './message-page.service.js';

type Form = Record<string, unknown>;
const one = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A refusal the person can read and act on (someone else moved the message on meanwhile). */
const refusalOf = (error: unknown) => {
  if (error instanceof CrierError && (error.kind === 'conflict' || error.kind === 'forbidden')) {
    return { field: '', text: error.message };
  }
  throw error;
};

/** The messages a person can see, one message, and submitting or cancelling it. */
@Controller('console/messages')
export class MessagePagesController {
  constructor(
    private readonly pages: MessagePage,
    private readonly drafting: MessageDraftingService,
    private readonly query: MessageQueryService,
  ) {}

  @Get()
  @ConsolePage()
  async list(@CurrentActor() actor: Actor, @Query() query: Form): Promise<Page> {
    const status = isStatus(query.status) ? query.status : undefined;
    const cursor = one(query.cursor)?.slice(0, 200);
    return page('console/messages/list', await this.pages.list(actor, status, cursor));
  }

  @Get(':id')
  @ConsolePage()
  async detail(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: Form,
  ): Promise<Page> {
    return page(
      'console/messages/detail',
      await this.pages.detail(actor, id, { done: one(query.done) }),
    );
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ConsolePage(...DRAFTERS)
  async submit(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    try {
      await this.drafting.submit(actor, id);
    } catch (error) {
      const errors = [refusalOf(error)];
      return page('console/messages/detail', await this.pages.detail(actor, id, { errors }));
    }
    throw new SeeOther(`/console/messages/${id}?done=submitted`);
  }

  @Get(':id/cancel')
  @ConsolePage(...DRAFTERS)
  async confirmCancel(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<Page> {
    return this.cancelPage(actor, id, '', []);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ConsolePage(...DRAFTERS)
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Form,
  ): Promise<Page> {
    const { reason, error } = cancelReasonFrom(body);
    if (error) return this.cancelPage(actor, id, reason, [error]);
    try {
      await this.drafting.cancel(actor, id, reason);
    } catch (failure) {
      return this.cancelPage(actor, id, reason, [refusalOf(failure)]);
    }
    throw new SeeOther(`/console/messages/${id}?done=cancelled`);
  }

  private async cancelPage(
    actor: Actor,
    id: string,
    reason: string,
    errors: { field: string; text: string }[],
  ): Promise<Page> {
    const message = await this.query.get(actor, id);
    return page('console/messages/cancel', {
      message,
      reason,
      limit: MESSAGE_LIMITS.cancelReason.max,
      errors,
      errorList: errors.map((e) =>
        e.field ? { text: e.text, href: `#${e.field}` } : { text: e.text },
      ),
      fieldErrors: Object.fromEntries(errors.map((e) => [e.field, { text: e.text }])),
    });
  }
}
