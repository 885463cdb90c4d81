import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../common/clock.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { SubscriptionRequestsRepository } from './subscription-requests.repository.js';

/**
 * Deletes unconfirmed web opt-in requests past their expiry, hourly: they hold a number that
 * never agreed to anything. Every process runs it; deleting twice is harmless. A confirmation
 * also deletes its number's expired requests as it reads them, so a late YES never finds one.
 */
@Injectable()
export class ExpiredRequestsCleanup {
  private readonly logger = new Logger('ExpiredOptInRequests');

  constructor(
    private readonly requests: SubscriptionRequestsRepository,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'expired-opt-in-requests' })
  async runHourly(): Promise<void> {
    try {
      const deleted = await this.run();
      if (deleted > 0) this.logger.log(`Deleted ${deleted} expired opt-in requests`);
    } catch (error) {
      this.logger.error(`Expired opt-in requests not deleted: ${(error as Error).message}`);
    }
  }

  run(): Promise<number> {
    return this.uow.run(() => this.requests.deleteExpired(this.clock.now()));
  }
}
