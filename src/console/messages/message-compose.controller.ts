import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import { MessageDraftingService } from '../../messages/message-drafting.service.js';
import { MessageQueryService } from '../../messages/message-query.service.js';
import { nextStatus } from '../../messages/domain/message-workflow.js';
import { MessageErrors } from '../../messages/messages.errors.js';
import type { Actor } from '../../organisation/actor.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { composeErrorsFor } from './compose-errors.js';
import {
  type ComposeValues,
  composeValuesFrom,
  composeValuesOf,
  draftInputFrom,
  emptyComposeValues,
  type FieldError,
} from './compose-form.js';
import { ComposePage, type ReachSummary } from './compose-page.service.js';
import { DRAFTERS } from './message-actions.js';

type Form = Record<string, unknown>;
const codes = (value: unknown): string[] =>
  typeof value === 'string' && value !== '' ? value.split(',').map((code) => code.trim()) : [];

/**
 * Writing a message: the compose form for a new message and for editing one. "Check audience"
 * re-shows the form with the reach, the preview and any quiet-hours warning (no JavaScript
 * needed); "Save draft" stores it through the same service as the API.
 */
@Controller('console')
export class MessageComposeController {
  constructor(
    private readonly drafting: MessageDraftingService,
    private readonly query: MessageQueryService,
    private readonly compose: ComposePage,
  ) {}

  @Get('messages/new')
  @ConsolePage(...DRAFTERS)
  async newMessage(@CurrentActor() actor: Actor): Promise<Page> {
    return this.form(actor, emptyComposeValues());
  }

  @Post('messages/new')
  @HttpCode(200)
  @ConsolePage(...DRAFTERS)
  async create(@CurrentActor() actor: Actor, @Body() body: Form): Promise<Page> {
    const values = composeValuesFrom(body);
    if (body.action === 'check') return this.form(actor, values, { checked: true });
    const { input, errors } = draftInputFrom(values);
    if (errors.length > 0) return this.form(actor, values, { errors });
    let created: MessageView;
    try {
      created = await this.drafting.create(actor, input);
    } catch (error) {
      return this.form(actor, values, { errors: this.formErrors(error) });
    }
    throw new SeeOther(`/console/messages/${created.id}?done=saved`);
  }

  @Get('messages/:id/edit')
  @ConsolePage(...DRAFTERS)
  async editMessage(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<Page> {
    const message = await this.query.get(actor, id);
    const errors = nextStatus(message.status, 'edit').ok
      ? []
      : [{ field: '', text: MessageErrors.notEditable(message.status).message }];
    return this.form(actor, composeValuesOf(message), { message, errors });
  }

  @Post('messages/:id/edit')
  @HttpCode(200)
  @ConsolePage(...DRAFTERS)
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: Form,
  ): Promise<Page> {
    const message = await this.query.get(actor, id);
    const values = composeValuesFrom(body);
    if (body.action === 'check') return this.form(actor, values, { message, checked: true });
    const { input, errors } = draftInputFrom(values);
    if (errors.length > 0) return this.form(actor, values, { message, errors });
    try {
      await this.drafting.edit(actor, id, input);
    } catch (error) {
      return this.form(actor, values, { message, errors: this.formErrors(error) });
    }
    throw new SeeOther(`/console/messages/${id}?done=saved`);
  }

  /**
   * The reach of an audience for the compose page's script: `?areas=a,b&topics=c`. Any staff
   * member may ask, as of the API's GET /api/v1/audience/reach; the answer holds counts only.
   */
  @Get('audience/reach')
  @ConsolePage()
  async reach(@Query() query: Form): Promise<{ reach: ReachSummary | null }> {
    return { reach: await this.compose.reach(codes(query.areas), codes(query.topics)) };
  }

  /**
   * The quiet-hours warning for the compose page's script, from the form's own fields
   * (`channelId`, `priority`, `sendAt-day`...): `{ warning }`, null when none applies.
   */
  @Get('compose/quiet-hours')
  @ConsolePage(...DRAFTERS)
  async quietHours(
    @CurrentActor() actor: Actor,
    @Query() query: Form,
  ): Promise<{ warning: string | null }> {
    return { warning: await this.compose.quietHoursWarningFor(actor, composeValuesFrom(query)) };
  }

  private formErrors(error: unknown): FieldError[] {
    const problems = composeErrorsFor(error);
    if (!problems) throw error;
    return problems;
  }

  private async form(
    actor: Actor,
    values: ComposeValues,
    options: { message?: MessageView; errors?: FieldError[]; checked?: boolean } = {},
  ): Promise<Page> {
    const { message } = options;
    return page('console/messages/compose', {
      ...(await this.compose.view(actor, { ...options, values })),
      action: message ? `/console/messages/${message.id}/edit` : '/console/messages/new',
    });
  }
}
