import { Injectable } from '@nestjs/common';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

/**
 * The public opt-in route's limits: 5 requests per 10 minutes from one client IP, and 3 per
 * hour for one number, so the route can be used neither to flood a stranger's phone with
 * confirmations nor to probe many numbers. In memory, per process (see SlidingWindowLimiter).
 */
@Injectable()
export class OptInRateLimits {
  private readonly perIp = new SlidingWindowLimiter(5, 10 * 60_000);
  private readonly perNumber = new SlidingWindowLimiter(3, 60 * 60_000);

  allowIp(ipHash: string, now: Date): boolean {
    return this.perIp.attempt(ipHash, now.getTime());
  }

  allowNumber(phoneHash: string, now: Date): boolean {
    return this.perNumber.attempt(phoneHash, now.getTime());
  }

  /** For tests, which all come from one address. */
  reset(): void {
    this.perIp.reset();
    this.perNumber.reset();
  }
}
