import type { JsonObject } from './validate-message.js';

/** Which business account and number an event belongs to: Meta's `entry[].id` and `metadata`. */
export interface WebhookSource {
  businessAccountId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

/** Meta's envelope around one change to a number: `value` carries `statuses` or `messages`. */
export function envelope(source: WebhookSource, value: JsonObject): JsonObject {
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
