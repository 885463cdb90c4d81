import type { OutboundContent } from '../../dispatch/outbound-message.js';
import type { E164 } from '../../phone-numbers/phone-number.js';

/** Meta's template components: the body's {{n}} values, then one per quick-reply payload. */
function templateComponents(parameters: string[], payloads: string[]): Record<string, unknown>[] {
  return [
    ...(parameters.length === 0
      ? []
      : [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }]),
    ...payloads.map((payload, index) => ({
      type: 'button',
      sub_type: 'quick_reply',
      // A string, as Meta's reference writes it.
      index: String(index),
      parameters: [{ type: 'payload', payload }],
    })),
  ];
}

/** The JSON body of `POST /{version}/{phone-number-id}/messages` for one recipient. */
export function cloudApiMessageBody(
  to: E164,
  content: OutboundContent,
  reference?: string,
): Record<string, unknown> {
  const envelope = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    // Meta echoes this in the message's status webhooks.
    ...(reference ? { biz_opaque_callback_data: reference } : {}),
  };
  switch (content.kind) {
    case 'template':
      return {
        ...envelope,
        type: 'template',
        template: {
          name: content.templateName,
          language: { code: content.language },
          components: templateComponents(content.parameters, content.quickReplyPayloads ?? []),
        },
      };
    case 'text':
      return { ...envelope, type: 'text', text: { preview_url: false, body: content.body } };
    case 'buttons':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: content.body },
          action: {
            buttons: content.buttons.map(({ id, title }) => ({
              type: 'reply',
              reply: { id, title },
            })),
          },
        },
      };
    case 'list':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: content.body },
          action: { button: content.buttonText, sections: content.sections },
        },
      };
  }
}
