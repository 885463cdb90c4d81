import { describe, expect, it } from 'vitest';
import type { SendFailure } from './outbound-message.js';
import { type RetryPolicy, retryDelayMs, shouldRetry } from './retry-policy.js';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const temporary: SendFailure = { class: 'retry', code: '130429', reason: 'throughput' };

describe('retryDelayMs', () => {
  it('doubles the ceiling each attempt and keeps at least half of it', () => {
    expect(retryDelayMs(policy, 1, temporary, () => 0)).toBe(50);
    expect(retryDelayMs(policy, 1, temporary, () => 0.999_999)).toBe(100);
    expect(retryDelayMs(policy, 2, temporary, () => 0)).toBe(100);
    expect(retryDelayMs(policy, 3, temporary, () => 0)).toBe(200);
  });

  it('never exceeds the cap', () => {
    expect(retryDelayMs(policy, 20, temporary, () => 0.999_999)).toBe(1000);
  });

  it('waits at least what the failure asks for', () => {
    const pairRate = { ...temporary, code: '131056', minRetryDelayMs: 6000 };
    expect(retryDelayMs(policy, 1, pairRate, () => 0)).toBe(6000);
  });
});

describe('shouldRetry', () => {
  it('retries temporary failures until the attempts run out', () => {
    expect(shouldRetry(policy, 1, temporary)).toBe(true);
    expect(shouldRetry(policy, 3, temporary)).toBe(true);
    expect(shouldRetry(policy, 4, temporary)).toBe(false);
  });

  it.each(['recipient', 'message', 'channel'] as const)('never retries a %s failure', (kind) => {
    expect(shouldRetry(policy, 1, { class: kind, code: 'x', reason: 'x' })).toBe(false);
  });
});
