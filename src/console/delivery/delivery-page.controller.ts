import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { CrierError } from '../../common/errors/crier-error.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import { MessageDraftingService } from '../../messages/message-drafting.service.js';
import { MessageQueryService } from '../../messages/message-query.service.js';
import { type Actor, hasRole } from '../../organisation/actor.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { parseCancelForm } from './cancel-form.js';
import { deliveryPageModel, type DeliveryPageModel } from './delivery-page-model.js';

/** Same roles as the API's cancel: those who may draft. The service checks the channel too. */
const DRAFTERS = ['officer', 'service_manager', 'comms_approver'] as const;

interface CancelFormState {
  reason: string;
  errors: { text: string; href: string }[];
}

/**
 * A message's delivery page: progress while it sends, the outcome once sent, the funnel over
 * time and the failures by reason; the same figures as JSON for the page's live script.
 */
@Controller('console/messages')
export class DeliveryPageController {
  constructor(
    private readonly query: MessageQueryService,
    private readonly drafting: MessageDraftingService,
    private readonly audience: AudienceService,
  ) {}

  @Get(':id/delivery')
  @ConsolePage()
  async show(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<Page> {
    return this.render(actor, id);
  }

  /** The page's figures for its script (session cookie, same origin: the CSP's connect-src). */
  @Get(':id/delivery.json')
  @ConsolePage()
  async figures(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<DeliveryPageModel> {
    return (await this.load(actor, id)).model;
  }

  @Post(':id/delivery/cancel')
  @HttpCode(200)
  @ConsolePage(...DRAFTERS)
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
  ): Promise<Page> {
    const form = parseCancelForm(body);
    if (!form.ok) return this.render(actor, id, { reason: form.reason, errors: [form.error] });
    try {
      await this.drafting.cancel(actor, id, form.reason);
    } catch (error) {
      // Sending finished (or someone else cancelled) while the form was open: say so on the form.
      if (error instanceof CrierError && error.kind === 'conflict') {
        return this.render(actor, id, {
          reason: form.reason,
          errors: [{ text: error.message, href: '#reason' }],
        });
      }
      throw error;
    }
    throw new SeeOther(`/console/messages/${id}/delivery`);
  }

  private async load(actor: Actor, id: string) {
    const [message, report] = await Promise.all([
      this.query.get(actor, id),
      this.query.deliveryReport(actor, id),
    ]);
    const model = deliveryPageModel({ ...report, id, status: message.status });
    return { message, model };
  }

  private async render(actor: Actor, id: string, cancelForm?: CancelFormState): Promise<Page> {
    const [{ message, model }, areas, topics] = await Promise.all([
      this.load(actor, id),
      this.audience.list('area'),
      this.audience.list('topic'),
    ]);
    // Names as people know them; a code that has no entry (yet) is shown as it is.
    const named = (codes: string[], entries: { code: string; name: string }[]) =>
      codes.map((code) => entries.find((entry) => entry.code === code)?.name ?? code).join(', ');
    return page('console/delivery/delivery', {
      message,
      areaNames: named(message.audience.areas, areas),
      topicNames: named(message.audience.topics, topics),
      model,
      showCancel: model.cancellable && hasRole(actor, ...DRAFTERS),
      cancelForm: cancelForm ?? { reason: '', errors: [] },
    });
  }
}
