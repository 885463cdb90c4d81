import { describe, expect, it } from 'vitest';
import { statusError } from './status-error.js';
import { statusEvent, type StatusUpdate } from './status-event.js';

const source = {
  businessAccountId: '102290129340398',
  displayPhoneNumber: '15550783881',
  phoneNumberId: '106540352242922',
};
const update: StatusUpdate = {
  id: 'wamid.OUT',
  status: 'sent',
  waId: '447400120001',
  at: Date.parse('2026-03-01T09:00:00Z'),
  template: true,
  error: null,
};

const statusOf = (u: StatusUpdate) =>
  (
    statusEvent(source, u) as {
      entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[];
    }
  ).entry[0].changes[0].value.statuses[0];

describe('statusEvent', () => {
  it('prices a template as utility and a reply in the window as a free service message', () => {
    expect(statusOf(update)).toEqual({
      id: 'wamid.OUT',
      status: 'sent',
      timestamp: '1772355600',
      recipient_id: '447400120001',
      pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
    });
    expect(statusOf({ ...update, template: false }).pricing).toEqual({
      billable: false,
      pricing_model: 'PMP',
      category: 'service',
      type: 'free_customer_service',
    });
  });

  it("gives a failed status Meta's errors array and no pricing", () => {
    const failed = statusOf({ ...update, status: 'failed', error: statusError(131026) });
    expect(failed).toEqual({
      id: 'wamid.OUT',
      status: 'failed',
      timestamp: '1772355600',
      recipient_id: '447400120001',
      errors: [
        {
          code: 131026,
          title: 'Message undeliverable',
          message: 'Message undeliverable',
          error_data: { details: expect.stringMatching(/^Message Undeliverable/) as unknown },
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        },
      ],
    });
  });
});

describe('statusError', () => {
  it('words any code, known or injected through a fault', () => {
    expect(statusError(131000)).toMatchObject({ code: 131000, title: 'Something went wrong' });
    const unknown = statusError(999999);
    expect(unknown).toMatchObject({ code: 999999, title: 'Simulated error' });
    expect(unknown.error_data.details).toEqual(expect.any(String));
  });
});
