import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JoinConversationsRepository } from './join/join-conversations.repository.js';
import { SubscriptionRequestsRepository } from './opt-in/subscription-requests.repository.js';

/**
 * Hourly, deletes opt-ins nobody finished: web requests past their expiry and JOIN
 * conversations idle past theirs. Both hold a number that never agreed to anything. Every
 * process runs it; deleting twice is harmless. Each is also deleted as its number's next
 * message is read, so a late answer never finds one.
 */
@Injectable()
export class AbandonedOptInsCleanup {
  private readonly logger = new Logger('AbandonedOptIns');

  constructor(
    private readonly requests: SubscriptionRequestsRepository,
    private readonly joins: JoinConversationsRepository,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'abandoned-opt-ins' })
  async runHourly(): Promise<void> {
    try {
      const { requests, conversations } = await this.run();
      if (requests + conversations > 0) {
        this.logger.log(
          `Deleted ${requests} expired opt-in requests and ${conversations} abandoned JOIN conversations`,
        );
      }
    } catch (error) {
      this.logger.error(`Abandoned opt-ins not deleted: ${(error as Error).message}`);
    }
  }

  run(): Promise<{ requests: number; conversations: number }> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      return {
        requests: await this.requests.deleteExpired(now),
        conversations: await this.joins.deleteExpired(now),
      };
    });
  }
}
