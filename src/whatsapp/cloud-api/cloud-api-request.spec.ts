import { describe, expect, it } from 'vitest';
import type { E164 } from '../../phone-numbers/phone-number.js';
import { cloudApiMessageBody } from './cloud-api-request.js';

const to = '+447400123456' as E164;

describe('cloudApiMessageBody', () => {
  it('sends a template with its body parameters in order, as Meta documents', () => {
    expect(
      cloudApiMessageBody(to, {
        kind: 'template',
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: ['Gritting tonight', 'from 8pm'],
      }),
    ).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: {
        name: 'area_alert',
        language: { code: 'en_GB' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Gritting tonight' },
              { type: 'text', text: 'from 8pm' },
            ],
          },
        ],
      },
    });
  });

  it("gives quick-reply buttons their payloads as Meta's button components, by index", () => {
    const body = cloudApiMessageBody(to, {
      kind: 'template',
      templateName: 'subscription_confirmation',
      language: 'en_GB',
      parameters: ['Confirm your alerts'],
      quickReplyPayloads: ['CONFIRM_SUBSCRIPTION', 'DECLINE_SUBSCRIPTION'],
    });
    expect(body.template).toEqual({
      name: 'subscription_confirmation',
      language: { code: 'en_GB' },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Confirm your alerts' }] },
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '0',
          parameters: [{ type: 'payload', payload: 'CONFIRM_SUBSCRIPTION' }],
        },
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '1',
          parameters: [{ type: 'payload', payload: 'DECLINE_SUBSCRIPTION' }],
        },
      ],
    });
  });

  it('sends no components for a template without parameters or payloads', () => {
    const body = cloudApiMessageBody(to, {
      kind: 'template',
      templateName: 'hello',
      language: 'en_GB',
      parameters: [],
      quickReplyPayloads: [],
    });
    expect(body.template).toMatchObject({ components: [] });
  });

  it('sends text without link previews', () => {
    expect(cloudApiMessageBody(to, { kind: 'text', body: 'Bins are late' })).toMatchObject({
      type: 'text',
      text: { preview_url: false, body: 'Bins are late' },
    });
  });

  it('sends reply buttons and lists as interactive messages', () => {
    const buttons = cloudApiMessageBody(to, {
      kind: 'buttons',
      body: 'Keep the library open late?',
      buttons: [{ id: 'yes', title: 'Yes' }],
    });
    expect(buttons).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Keep the library open late?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
      },
    });
    const list = cloudApiMessageBody(to, {
      kind: 'list',
      body: 'Choose your area',
      buttonText: 'Areas',
      sections: [{ rows: [{ id: 'north', title: 'Northfield' }] }],
    });
    expect(list).toMatchObject({
      interactive: {
        type: 'list',
        action: { button: 'Areas', sections: [{ rows: [{ id: 'north', title: 'Northfield' }] }] },
      },
    });
  });

  it("carries Crier's reference as biz_opaque_callback_data, which Meta echoes in receipts", () => {
    const body = cloudApiMessageBody(to, { kind: 'text', body: 'x' }, 'delivery-1');
    expect(body.biz_opaque_callback_data).toBe('delivery-1');
    expect(cloudApiMessageBody(to, { kind: 'text', body: 'x' })).not.toHaveProperty(
      'biz_opaque_callback_data',
    );
  });
});
