import { describe, expect, it } from 'vitest';
import { classifyCloudApiError } from './cloud-api-errors.js';

/** The table in docs/whatsapp-cloud-api.md, written out independently of the implementation. */
const EXPECTED: [number[], string][] = [
  [[2, 131016, 133004, 4, 80007, 130429, 131056, 131057, 131000], 'retry'],
  [[0, 190, 10, 200, 250, 299, 131005, 3, 368, 131031], 'channel'],
  [
    [100, 131008, 131009, 132000, 132012, 132001, 132015, 132016, 132007, 131048, 131049],
    'message',
  ],
  [[131026, 131047, 131050, 130403], 'recipient'],
];

describe('classifyCloudApiError', () => {
  for (const [codes, expected] of EXPECTED) {
    it.each(codes)(`treats %i as ${expected}`, (code) => {
      const failure = classifyCloudApiError(code);
      expect(failure.class).toBe(expected);
      expect(failure.code).toBe(String(code));
      expect(failure.reason.length).toBeGreaterThan(10);
    });
  }

  it('suppresses the recipient only when they stopped messages or were blocked', () => {
    expect(classifyCloudApiError(131050).suppressRecipient).toBe(true);
    expect(classifyCloudApiError(130403).suppressRecipient).toBe(true);
    expect(classifyCloudApiError(131026).suppressRecipient).toBeUndefined();
  });

  it('waits at least the pair-rate interval and the maintenance minute', () => {
    expect(classifyCloudApiError(131056).minRetryDelayMs).toBeGreaterThanOrEqual(6000);
    expect(classifyCloudApiError(131057).minRetryDelayMs).toBeGreaterThanOrEqual(60_000);
  });

  it('retries a code it does not know, like an unknown error', () => {
    expect(classifyCloudApiError(987654)).toMatchObject({ class: 'retry', code: '987654' });
  });
});
