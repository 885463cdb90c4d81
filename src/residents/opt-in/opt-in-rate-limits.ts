import { Injectable } from '@nestjs/common';
import { SharedRateLimiter } from '../../rate-limits/shared-rate-limiter.js';

const PER_IP = { limit: 5, windowMs: 10 * 60_000 };
const PER_NUMBER = { limit: 3, windowMs: 60 * 60_000 };

/**
 * The public opt-in's limits: 5 requests per 10 minutes from one client address, and 3 per hour
 * for one number, so it can be used neither to flood a stranger's phone with confirmations nor
 * to probe many numbers. Shared by every Crier process. Keys are the keyed hashes of the
 * address and the number, never the values.
 */
@Injectable()
export class OptInRateLimits {
  constructor(private readonly limiter: SharedRateLimiter) {}

  allowIp(ipHash: string): Promise<boolean> {
    return this.limiter.attempt('opt-in:ip', ipHash, PER_IP);
  }

  allowNumber(phoneHash: string): Promise<boolean> {
    return this.limiter.attempt('opt-in:number', phoneHash, PER_NUMBER);
  }

  /** Starts both limits afresh. */
  async reset(): Promise<void> {
    await this.limiter.forget('opt-in:ip');
    await this.limiter.forget('opt-in:number');
  }
}
