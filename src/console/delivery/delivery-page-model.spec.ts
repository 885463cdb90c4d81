import { describe, expect, it } from 'vitest';
import { deliveryPageModel, pollAfterSeconds, progressOf } from './delivery-page-model.js';

const delivery = {
  recipients: 30,
  queued: 10,
  sent: 15,
  delivered: 12,
  read: 3,
  failed: 2,
  notSent: 3,
};

describe('progressOf', () => {
  it('counts sent, failed and not sent as done', () => {
    expect(progressOf(delivery)).toEqual({
      done: 20,
      total: 30,
      percent: 66,
      text: '20 of 30 sends done (66%)',
    });
  });

  it('copes with no recipients yet', () => {
    const none = progressOf({ ...delivery, recipients: 0, sent: 0, failed: 0, notSent: 0 });
    expect(none).toMatchObject({ done: 0, total: 0, percent: 0 });
    expect(none.text).toMatch(/No recipients yet/);
  });
});

describe('pollAfterSeconds', () => {
  it('polls quickly while sending, slowly while scheduled, never when final', () => {
    expect(pollAfterSeconds('sending')).toBe(2);
    expect(pollAfterSeconds('approved')).toBe(2);
    expect(pollAfterSeconds('scheduled')).toBe(30);
    expect(pollAfterSeconds('sent')).toBeNull();
    // Sent, but receipts still to come: a slower look, until everyone has read it.
    expect(pollAfterSeconds('sent', { sent: 10, read: 4 })).toBe(15);
    expect(pollAfterSeconds('sent', { sent: 10, read: 10 })).toBeNull();
    expect(pollAfterSeconds('cancelled', { sent: 10, read: 4 })).toBeNull();
    expect(pollAfterSeconds('cancelled')).toBeNull();
    expect(pollAfterSeconds('draft')).toBeNull();
  });
});

describe('deliveryPageModel', () => {
  it('lists the figures, the failures in plain words, and whether it can be cancelled', () => {
    const model = deliveryPageModel({
      id: 'm1',
      status: 'sending',
      delivery,
      intervalSeconds: 1,
      funnel: [],
      failures: [{ code: '131026', reason: 'x', count: 2 }],
    });
    expect(model.statusTag).toEqual({ text: 'Sending', classes: 'govuk-tag--light-blue' });
    expect(model.cancellable).toBe(true);
    expect(model.figures.find((f) => f.key === 'failed')).toMatchObject({ value: 2 });
    expect(model.failures).toHaveLength(1);
    expect(model.failures[0]).toMatchObject({ code: '131026', count: 2 });
    expect(model.failures[0].meaning).toMatch(/not on WhatsApp/);
    expect(model.chart.empty).toBe(true);
  });
});
