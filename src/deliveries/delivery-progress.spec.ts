import { describe, expect, it } from 'vitest';
import {
  type DeliveryProgress,
  progressFromReceipts,
  type Receipt,
  type ReceiptStatus,
} from './delivery-progress.js';

const accepted: DeliveryProgress = {
  status: 'accepted',
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  failedAt: null,
  failureCode: null,
  failureReason: null,
};
const t = (second: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, second));
const receipt = (status: ReceiptStatus, second: number, errorCode?: string): Receipt => ({
  status,
  occurredAt: t(second),
  errorCode: errorCode ?? null,
  errorTitle: errorCode ? 'Message undeliverable' : null,
});

/** Every order of a list, to show the result does not depend on arrival order. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('progressFromReceipts', () => {
  it('ends read with every timestamp, whatever order sent, delivered and read arrive in', () => {
    const receipts = [receipt('sent', 1), receipt('delivered', 2), receipt('read', 3)];
    for (const order of permutations(receipts)) {
      // Fed one at a time, as separate callbacks would be.
      let progress = accepted;
      const seen: Receipt[] = [];
      for (const r of order) {
        seen.push(r);
        progress = progressFromReceipts(progress, seen);
      }
      expect(progress).toMatchObject({
        status: 'read',
        sentAt: t(1),
        deliveredAt: t(2),
        readAt: t(3),
      });
    }
  });

  it('never goes back: delivered after read leaves it read', () => {
    const read = progressFromReceipts(accepted, [receipt('read', 3)]);
    expect(read.status).toBe('read');
    expect(progressFromReceipts(read, [receipt('read', 3), receipt('delivered', 2)]).status).toBe(
      'read',
    );
  });

  it('counts a message read without a delivered status as delivered when read', () => {
    const progress = progressFromReceipts(accepted, [receipt('sent', 1), receipt('read', 4)]);
    expect(progress.deliveredAt).toEqual(t(4));
  });

  it('records a failure with its code after sent', () => {
    const progress = progressFromReceipts(accepted, [
      receipt('sent', 1),
      receipt('failed', 2, '131026'),
    ]);
    expect(progress).toMatchObject({ status: 'failed', failureCode: '131026', failedAt: t(2) });
  });

  it('does not let a stray failure undo a delivery', () => {
    const progress = progressFromReceipts(accepted, [
      receipt('delivered', 2),
      receipt('failed', 3, '131000'),
    ]);
    expect(progress.status).toBe('delivered');
  });

  it('leaves a delivery with no receipts where it was', () => {
    expect(progressFromReceipts(accepted, [])).toEqual(accepted);
  });
});
