import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AudienceService } from '../../audience/audience.service.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { Dispatcher } from '../../dispatch/dispatcher.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../../jobs/job-queue.js';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { CONFIRM_PAYLOAD, DECLINE_PAYLOAD, optInWords } from './confirmation-words.js';
import { SubscriptionRequestsRepository } from './subscription-requests.repository.js';
import { type ConfirmationJob, REQUEST_LIFETIME_HOURS } from './web-opt-in.service.js';

/**
 * Sends the template that asks a resident to confirm their web opt-in. A template, because the
 * resident has not written to the council, so no 24-hour window is open. It is
 * WHATSAPP_OPT_IN_TEMPLATE (`subscription_confirmation`): the request as its one parameter, and
 * quick replies Confirm and Not me whose payloads the listener recognises when tapped. A request
 * made in Welsh gets the same template in Welsh (language `cy`: Cadarnhau and Nid fi, the same
 * payloads) with the Welsh parameter; see confirmation-words.ts.
 */
@Injectable()
export class OptInConfirmations implements OnApplicationBootstrap {
  private readonly logger = new Logger('OptInConfirmations');

  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly requests: SubscriptionRequestsRepository,
    private readonly channels: ChannelsService,
    private readonly audience: AudienceService,
    private readonly dispatcher: Dispatcher,
    private readonly vault: PhoneVault,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // After every module's init, so pg-boss has started and created the queue.
    await this.jobs.work<ConfirmationJob>(QUEUES.subscriptionConfirmation, (job) => this.send(job));
  }

  private async send({ requestId }: ConfirmationJob): Promise<void> {
    const request = await this.uow.run(() =>
      this.requests.awaitingConfirmation(requestId, this.clock.now()),
    );
    // Replaced by a newer request, expired, or sent already by an earlier run of this job.
    if (!request) return;
    const channel = await this.channels.sendingState(request.channelId);
    const areas = await this.audience.list('area');
    const areaName = areas.find((a) => a.code === request.areaCode)?.name ?? request.areaCode;
    const words = optInWords(request.language);
    const outcome = await this.dispatcher
      .send({
        channel: {
          id: channel.id,
          provider: channel.provider,
          phoneNumberId: channel.phoneNumberId,
        },
        channelPaused: channel.sendingPausedAt !== null,
        to: this.vault.decrypt(request.phoneSealed),
        content: {
          kind: 'template',
          templateName: this.config.whatsapp.optInTemplate,
          language: words.templateLanguage,
          parameters: [words.confirmationRequest(channel.name, areaName, REQUEST_LIFETIME_HOURS)],
          quickReplyPayloads: [CONFIRM_PAYLOAD, DECLINE_PAYLOAD],
        },
      })
      .catch((error: unknown) => {
        this.logger.error(`opt-in confirmation ${requestId} failed: ${(error as Error).message}`);
        return null;
      });
    if (!outcome) return;
    if (!outcome.ok) {
      // Not retried: the resident can ask again from the web page, and a retry could not tell
      // whether a send that timed out had in fact arrived.
      this.logger.warn(`opt-in confirmation ${requestId} not sent: ${outcome.failure.code}`);
      return;
    }
    await this.uow.run(() =>
      this.requests.recordConfirmationSent(requestId, outcome.providerMessageId),
    );
  }
}
