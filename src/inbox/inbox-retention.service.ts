import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ChannelsService } from '../channels/channels.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { inboundCutoffs } from '../retention/retention-cutoffs.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxTemplateRepliesRepository } from './inbox-template-replies.repository.js';

/**
 * Staff replies' text (and template replies' parameters) is deleted on the channel's inbound
 * retention period, like the residents'
 * messages they answer, so a conversation never outlives its own half. Idempotent, so every
 * process may run it.
 */
@Injectable()
export class InboxRetention {
  private readonly logger = new Logger('InboxRetention');

  constructor(
    private readonly inbox: InboxRepository,
    private readonly templateReplies: InboxTemplateRepliesRepository,
    private readonly channels: ChannelsService,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron('40 3 * * *', { name: 'inbox-retention', timeZone: 'Europe/London' })
  async runDaily(): Promise<void> {
    try {
      const deleted = await this.run();
      this.logger.log(
        `Inbox retention removed the text of ${deleted} replies and template replies`,
      );
    } catch (error) {
      this.logger.error(`Inbox retention failed: ${(error as Error).message}`);
    }
  }

  async run(): Promise<number> {
    const now = this.clock.now();
    const channels = (await this.channels.list()).map((channel) => ({
      channelId: channel.id,
      inboundRetentionDays: channel.policy.inboundRetentionDays,
    }));
    const cutoffs = inboundCutoffs(now, channels);
    return this.uow.run(
      async () =>
        (await this.inbox.deleteReplyContent(cutoffs, now)) +
        (await this.templateReplies.deleteTemplateReplyContent(cutoffs, now)),
    );
  }
}
