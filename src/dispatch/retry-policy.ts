import type { SendFailure } from './outbound-message.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/**
 * The pause before attempt `attempt + 1`: exponential backoff with full jitter (so many senders
 * slowed by the same throughput limit do not come back in step), never below what the failure
 * itself asks for, such as the pair-rate limit's few seconds.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  failure: SendFailure,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, failure.minRetryDelayMs ?? 0);
}

/** Whether another attempt is worth making. Only temporary failures are retried. */
export function shouldRetry(policy: RetryPolicy, attempt: number, failure: SendFailure): boolean {
  return failure.class === 'retry' && attempt < policy.maxAttempts;
}
