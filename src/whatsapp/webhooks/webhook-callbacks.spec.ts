import { describe, expect, it } from 'vitest';
import { envelopeProblem, readCallbacks } from './webhook-callbacks.js';

const receivedAt = new Date('2026-11-22T09:00:00Z');
const change = (value: object) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA',
      changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'P1' }, ...value } }],
    },
  ],
});

describe('envelopeProblem', () => {
  it("accepts Meta's envelope, even with no entries", () => {
    expect(envelopeProblem(change({}))).toBeNull();
    expect(envelopeProblem({ object: 'whatsapp_business_account', entry: [] })).toBeNull();
  });

  it.each([
    [null],
    [[]],
    [{ object: 'page', entry: [] }],
    [{ object: 'whatsapp_business_account' }],
    [{ object: 'whatsapp_business_account', entry: [{}] }],
    [{ object: 'whatsapp_business_account', entry: [{ changes: [{ value: 'x' }] }] }],
  ])('refuses %j', (body) => {
    expect(envelopeProblem(body)).not.toBeNull();
  });
});

describe('readCallbacks', () => {
  it("reads statuses with Meta's Unix-second timestamps and the first error", () => {
    const { statuses } = readCallbacks(
      change({
        statuses: [
          { id: 'wamid.A', status: 'sent', timestamp: '1763802000', recipient_id: '447400123456' },
          {
            id: 'wamid.A',
            status: 'failed',
            timestamp: '1763802001',
            errors: [{ code: 131026, title: 'Message undeliverable' }],
          },
        ],
      }),
      receivedAt,
    );
    expect(statuses).toEqual([
      {
        phoneNumberId: 'P1',
        providerMessageId: 'wamid.A',
        status: 'sent',
        occurredAt: new Date(1763802000 * 1000),
        errorCode: null,
        errorTitle: null,
        deliveryId: null,
      },
      {
        phoneNumberId: 'P1',
        providerMessageId: 'wamid.A',
        status: 'failed',
        occurredAt: new Date(1763802001 * 1000),
        errorCode: '131026',
        errorTitle: 'Message undeliverable',
        deliveryId: null,
      },
    ]);
  });

  it('passes over what it does not act on instead of failing the callback', () => {
    const callbacks = readCallbacks(
      change({
        statuses: [
          { id: 'wamid.B', status: 'deleted', timestamp: '1' },
          { status: 'sent' },
          'not an object',
        ],
        messages: [{ type: 'text', text: { body: 'no sender or id' } }],
      }),
      receivedAt,
    );
    expect(callbacks).toEqual({ statuses: [], messages: [] });
  });

  it("reads Crier's delivery id back from biz_opaque_callback_data, only when it is one", () => {
    const id = '8d0f4a52-34b5-4a8e-9d51-4b1f0c6f7a10';
    const { statuses } = readCallbacks(
      change({
        statuses: [
          { id: 'wamid.E', status: 'sent', timestamp: '1', biz_opaque_callback_data: id },
          { id: 'wamid.F', status: 'sent', timestamp: '1', biz_opaque_callback_data: 'campaign-7' },
        ],
      }),
      receivedAt,
    );
    expect(statuses.map((s) => s.deliveryId)).toEqual([id, null]);
  });

  it('falls back to the time received when a timestamp is missing or nonsense', () => {
    const { statuses } = readCallbacks(
      change({ statuses: [{ id: 'wamid.C', status: 'read', timestamp: 'soon' }] }),
      receivedAt,
    );
    expect(statuses[0].occurredAt).toEqual(receivedAt);
  });

  it('skips changes that do not name the business number', () => {
    const body = change({ statuses: [{ id: 'wamid.D', status: 'sent', timestamp: '1' }] });
    delete (body.entry[0].changes[0].value as { metadata?: unknown }).metadata;
    expect(readCallbacks(body, receivedAt).statuses).toEqual([]);
  });
});
