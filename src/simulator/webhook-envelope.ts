import { unixSeconds } from './clock.js';
import type { JsonObject } from './validate-message.js';

/** Which business account and number an event belongs to: Meta's `entry[].id` and `metadata`. */
export interface WebhookSource {
  businessAccountId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read';

/** Meta's envelope around one change to a number: `value` carries `statuses` or `messages`. */
function envelope(source: WebhookSource, value: JsonObject): JsonObject {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: source.businessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: source.displayPhoneNumber,
                phone_number_id: source.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export function statusEvent(
  source: WebhookSource,
  status: { id: string; status: DeliveryStatus; waId: string; at: number; template: boolean },
): JsonObject {
  // Templates outside a window are billed as utility; replies inside one are free service messages.
  const category = status.template ? 'utility' : 'service';
  return envelope(source, {
    statuses: [
      {
        id: status.id,
        status: status.status,
        timestamp: unixSeconds(status.at),
        recipient_id: status.waId,
        pricing: {
          billable: status.template,
          pricing_model: 'PMP',
          category,
          type: status.template ? 'regular' : 'free_customer_service',
        },
      },
    ],
  });
}

export type InboundContent =
  | { kind: 'text'; text: string }
  | { kind: 'button_reply'; id: string; title: string; contextId: string };

export function inboundEvent(
  source: WebhookSource,
  inbound: { id: string; waId: string; at: number; content: InboundContent },
): JsonObject {
  const common = { from: inbound.waId, id: inbound.id, timestamp: unixSeconds(inbound.at) };
  const message =
    inbound.content.kind === 'text'
      ? { ...common, type: 'text', text: { body: inbound.content.text } }
      : {
          ...common,
          context: { from: source.displayPhoneNumber, id: inbound.content.contextId },
          type: 'interactive',
          interactive: {
            type: 'button_reply',
            button_reply: { id: inbound.content.id, title: inbound.content.title },
          },
        };
  return envelope(source, {
    contacts: [{ profile: { name: 'Simulated resident' }, wa_id: inbound.waId }],
    messages: [message],
  });
}
