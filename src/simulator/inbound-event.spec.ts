import { describe, expect, it } from 'vitest';
import { type InboundContent, inboundEvent } from './inbound-event.js';

const source = {
  businessAccountId: '102290129340398',
  displayPhoneNumber: '15550783881',
  phoneNumberId: '106540352242922',
};

function eventFor(content: InboundContent) {
  return inboundEvent(source, {
    id: 'wamid.IN',
    waId: '447400123456',
    name: 'Ada Lovelace',
    at: Date.parse('2026-03-01T09:00:00Z'),
    content,
  }) as { entry: { changes: { field: string; value: Record<string, unknown> }[] }[] };
}

/** The one message in the envelope. */
const messageOf = (content: InboundContent) =>
  (eventFor(content).entry[0].changes[0].value.messages as unknown[])[0];

const common = { from: '447400123456', id: 'wamid.IN', timestamp: '1772355600' };
const context = { from: '15550783881', id: 'wamid.ASKED' };

describe('inboundEvent', () => {
  it("wraps a text in Meta's envelope with the resident as the contact", () => {
    const change = eventFor({ kind: 'text', text: 'STOP' }).entry[0].changes[0];
    expect(change).toEqual({
      field: 'messages',
      value: {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
        contacts: [{ profile: { name: 'Ada Lovelace' }, wa_id: '447400123456' }],
        messages: [{ ...common, type: 'text', text: { body: 'STOP' } }],
      },
    });
  });

  it('writes a reply button tap as interactive button_reply', () => {
    const content: InboundContent = {
      kind: 'button_reply',
      id: 'safe',
      title: 'I am safe',
      contextId: 'wamid.ASKED',
    };
    expect(messageOf(content)).toEqual({
      ...common,
      context,
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'safe', title: 'I am safe' } },
    });
  });

  it('writes a template quick-reply tap as type button with payload and text', () => {
    const content: InboundContent = {
      kind: 'quick_reply',
      payload: 'UNSUBSCRIBE',
      text: 'Stop alerts',
      contextId: 'wamid.ASKED',
    };
    expect(messageOf(content)).toEqual({
      ...common,
      context,
      type: 'button',
      button: { payload: 'UNSUBSCRIBE', text: 'Stop alerts' },
    });
  });

  it('writes a list choice as interactive list_reply, with a description only if the row has one', () => {
    const row = (description: string | null): InboundContent => ({
      kind: 'list_reply',
      id: 'black',
      title: 'Black bin',
      description,
      contextId: 'wamid.ASKED',
    });
    expect(messageOf(row('General waste'))).toEqual({
      ...common,
      context,
      type: 'interactive',
      interactive: {
        type: 'list_reply',
        list_reply: { id: 'black', title: 'Black bin', description: 'General waste' },
      },
    });
    expect(messageOf(row(null))).toMatchObject({
      interactive: { type: 'list_reply', list_reply: { id: 'black', title: 'Black bin' } },
    });
    expect(JSON.stringify(messageOf(row(null)))).not.toContain('description');
  });
});
