import { unixSeconds } from './clock.js';
import type { JsonObject } from './validate-message.js';
import { envelope, type WebhookSource } from './webhook-envelope.js';

/** What a resident sent: free text, or a tap on something in a message they received. */
export type InboundContent =
  | { kind: 'text'; text: string }
  /** A reply button of an interactive message. */
  | { kind: 'button_reply'; id: string; title: string; contextId: string }
  /** A quick-reply button of a template. */
  | { kind: 'quick_reply'; payload: string; text: string; contextId: string }
  /** A row of an interactive list. */
  | {
      kind: 'list_reply';
      id: string;
      title: string;
      description: string | null;
      contextId: string;
    };

export interface InboundMessage {
  id: string;
  waId: string;
  /** The resident's WhatsApp profile name, sent in `contacts[0].profile.name`. */
  name: string;
  at: number;
  content: InboundContent;
}

/** The message object's type-specific part, in the shapes of Meta's messages webhook reference. */
function typed(content: InboundContent): JsonObject {
  switch (content.kind) {
    case 'text':
      return { type: 'text', text: { body: content.text } };
    case 'button_reply':
      return {
        type: 'interactive',
        interactive: {
          type: 'button_reply',
          button_reply: { id: content.id, title: content.title },
        },
      };
    case 'quick_reply':
      return { type: 'button', button: { payload: content.payload, text: content.text } };
    case 'list_reply':
      return {
        type: 'interactive',
        interactive: {
          type: 'list_reply',
          list_reply: {
            id: content.id,
            title: content.title,
            ...(content.description === null ? {} : { description: content.description }),
          },
        },
      };
  }
}

export function inboundEvent(source: WebhookSource, inbound: InboundMessage): JsonObject {
  const { content } = inbound;
  // A reply names the business message it answers; Meta's `context.from` is the business number.
  const context =
    content.kind === 'text'
      ? {}
      : { context: { from: source.displayPhoneNumber, id: content.contextId } };
  return envelope(source, {
    contacts: [{ profile: { name: inbound.name }, wa_id: inbound.waId }],
    messages: [
      {
        ...context,
        from: inbound.waId,
        id: inbound.id,
        timestamp: unixSeconds(inbound.at),
        ...typed(content),
      },
    ],
  });
}
