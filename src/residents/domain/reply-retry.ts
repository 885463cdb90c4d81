import type { SendFailure } from '../../dispatch/outbound-message.js';

/** Tries after the dispatcher's own: 5 s doubling to 5 minutes, about 15 minutes in all. */
export const MAX_REPLY_REQUEUES = 8;
const FIRST_DELAY_MS = 5_000;
const LONGEST_DELAY_MS = 5 * 60_000;

/**
 * When to try a reply again that WhatsApp turned away for now (an outage, the pair rate for one
 * resident, throughput), or null when it must not be: the failure is for good (the number,
 * the message or the channel), or the reply has had its tries. A resident who writes JOIN or
 * STOP is owed the answer, so a passing failure must not lose it.
 */
export function replyRetryDelayMs(failure: SendFailure, requeues: number): number | null {
  if (failure.class !== 'retry' || requeues >= MAX_REPLY_REQUEUES) return null;
  const backoff = Math.min(FIRST_DELAY_MS * 2 ** requeues, LONGEST_DELAY_MS);
  return Math.max(backoff, failure.minRetryDelayMs ?? 0);
}
