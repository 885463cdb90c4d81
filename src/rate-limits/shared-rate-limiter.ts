import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../common/clock.js';
import { RateLimitsRepository } from './rate-limits.repository.js';
import { type RateLimit, slidingCount, windowsAt } from './sliding-count.js';

/**
 * Rate limits that hold across every Crier process together, because the counters live in
 * PostgreSQL: a client cannot multiply its allowance by reaching several instances behind the
 * load balancer, and a restart does not reset it. Refused attempts count too, so hammering a
 * limit keeps it shut.
 */
@Injectable()
export class SharedRateLimiter {
  private readonly logger = new Logger('SharedRateLimiter');

  constructor(
    private readonly counters: RateLimitsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records an attempt for `key` in `scope` and says whether it is within the limit. */
  async attempt(scope: string, key: string, { limit, windowMs }: RateLimit): Promise<boolean> {
    const nowMs = this.clock.now().getTime();
    const windows = windowsAt(nowMs, windowMs);
    const counts = await this.counters.hit({
      scope,
      key,
      current: new Date(windows.current),
      previous: new Date(windows.previous),
      // Needed until the window after next no longer looks back at it.
      expiresAt: new Date(windows.current + 2 * windowMs),
    });
    return slidingCount(counts, nowMs, windowMs) <= limit;
  }

  /** Starts a scope's counts afresh (an admin lifting a block, or a test starting clean). */
  forget(scope: string): Promise<void> {
    return this.counters.forgetScope(scope);
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'rate-limit-windows' })
  async deleteExpired(): Promise<void> {
    try {
      await this.counters.deleteExpired(this.clock.now());
    } catch (error) {
      this.logger.error(`Old rate-limit windows not deleted: ${(error as Error).message}`);
    }
  }
}
