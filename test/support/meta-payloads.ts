import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { WebhookProcessor } from '../../src/whatsapp/webhooks/webhook-processor.service.js';
import type { TestApp } from './test-app.js';

/**
 * Callback bodies in the shapes Meta documents for the WhatsApp Business Cloud API ("Webhooks
 * components" and the messages/statuses examples), written out here independently of Crier's
 * simulator so that the endpoint is tested against Meta's shapes, not against our own.
 */
export const WABA_ID = '102290129340398';
export const DISPLAY_NUMBER = '15550783881';

const envelope = (phoneNumberId: string, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: WABA_ID,
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: DISPLAY_NUMBER, phone_number_id: phoneNumberId },
            ...value,
          },
        },
      ],
    },
  ],
});

const seconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

export function statusPayload(
  phoneNumberId: string,
  status: {
    id: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    recipient: string;
    at: Date;
    errorCode?: number;
  },
) {
  return envelope(phoneNumberId, {
    statuses: [
      {
        id: status.id,
        status: status.status,
        timestamp: seconds(status.at),
        recipient_id: status.recipient,
        ...(status.status === 'read' || status.status === 'failed'
          ? {}
          : {
              conversation: {
                id: 'CONVERSATION_ID',
                origin: { type: 'utility' },
                ...(status.status === 'sent' ? { expiration_timestamp: seconds(status.at) } : {}),
              },
              pricing: {
                billable: true,
                pricing_model: 'PMP',
                category: 'utility',
                type: 'regular',
              },
            }),
        ...(status.errorCode
          ? {
              errors: [
                {
                  code: status.errorCode,
                  title: 'Message undeliverable',
                  message: 'Message undeliverable',
                  error_data: { details: 'Message Undeliverable.' },
                  href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
                },
              ],
            }
          : {}),
      },
    ],
  });
}

export type Inbound =
  | { type: 'text'; body: string }
  | { type: 'button_reply'; buttonId: string; title: string; context: string }
  | { type: 'list_reply'; rowId: string; title: string; description?: string; context: string }
  | { type: 'quick_reply'; payload: string; text: string; context: string }
  | { type: 'image' };

export type InboundMessage = { wamid: string; from: string; at: Date; name?: string } & Inbound;

function inboundMessage(message: InboundMessage): Record<string, unknown> {
  const base = { from: message.from, id: message.wamid, timestamp: seconds(message.at) };
  const context = (id: string) => ({ context: { from: DISPLAY_NUMBER, id } });
  switch (message.type) {
    case 'text':
      return { ...base, type: 'text', text: { body: message.body } };
    case 'button_reply':
      return {
        ...context(message.context),
        ...base,
        type: 'interactive',
        interactive: {
          type: 'button_reply',
          button_reply: { id: message.buttonId, title: message.title },
        },
      };
    case 'list_reply':
      return {
        ...context(message.context),
        ...base,
        type: 'interactive',
        interactive: {
          type: 'list_reply',
          list_reply: {
            id: message.rowId,
            title: message.title,
            ...(message.description ? { description: message.description } : {}),
          },
        },
      };
    case 'quick_reply':
      return {
        ...context(message.context),
        ...base,
        type: 'button',
        button: { payload: message.payload, text: message.text },
      };
    case 'image':
      return {
        ...base,
        type: 'image',
        image: { mime_type: 'image/jpeg', sha256: 'IMAGE_HASH', id: 'IMAGE_ID' },
      };
  }
}

export function inboundPayload(phoneNumberId: string, message: InboundMessage) {
  return envelope(phoneNumberId, {
    contacts: [{ profile: { name: message.name ?? 'Sam Resident' }, wa_id: message.from }],
    messages: [inboundMessage(message)],
  });
}

export const sign = (raw: string | Buffer, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

/** The app secret of the simulator embedded in the test app, which Crier checks callbacks with. */
export const SIM_APP_SECRET = 'sim-app-secret';

/**
 * A callback as Meta would post it, signed with the simulator's app secret, straight to Crier's
 * webhook; resolves once Crier has processed it.
 */
export async function postToWebhook(t: TestApp, payload: object): Promise<void> {
  const raw = JSON.stringify(payload);
  const response = await t.http
    .post('/webhooks/whatsapp')
    .set('content-type', 'application/json')
    .set('x-hub-signature-256', sign(raw, SIM_APP_SECRET))
    .send(raw);
  expect(response.status).toBe(200);
  await t.app.get(WebhookProcessor).settle();
}
