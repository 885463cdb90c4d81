import { describe, expect, it } from 'vitest';
import type { SendFailure } from '../../dispatch/outbound-message.js';
import { MAX_REPLY_REQUEUES, replyRetryDelayMs } from './reply-retry.js';

const failure = (overrides: Partial<SendFailure> = {}): SendFailure => ({
  class: 'retry',
  code: '2',
  reason: 'Service temporarily unavailable',
  ...overrides,
});

describe('replyRetryDelayMs', () => {
  it('tries a passing failure again, 5 s doubling to 5 minutes', () => {
    expect(replyRetryDelayMs(failure(), 0)).toBe(5_000);
    expect(replyRetryDelayMs(failure(), 1)).toBe(10_000);
    expect(replyRetryDelayMs(failure(), 6)).toBe(300_000);
  });

  it('waits at least as long as WhatsApp asks (the pair rate)', () => {
    expect(replyRetryDelayMs(failure({ code: '131056', minRetryDelayMs: 6_000 }), 0)).toBe(6_000);
  });

  it('gives up after its tries, and never retries a failure for good', () => {
    expect(replyRetryDelayMs(failure(), MAX_REPLY_REQUEUES)).toBeNull();
    for (const kind of ['recipient', 'message', 'channel'] as const) {
      expect(replyRetryDelayMs(failure({ class: kind }), 0)).toBeNull();
    }
  });
});
