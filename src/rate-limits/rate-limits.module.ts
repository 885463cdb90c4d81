import { Module } from '@nestjs/common';
import { RateLimitsRepository } from './rate-limits.repository.js';
import { SharedRateLimiter } from './shared-rate-limiter.js';

/** Rate limits shared by every Crier process, for public routes that anyone can call. */
@Module({
  providers: [RateLimitsRepository, SharedRateLimiter],
  exports: [SharedRateLimiter],
})
export class RateLimitsModule {}
