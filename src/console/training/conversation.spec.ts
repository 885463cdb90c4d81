import { describe, expect, it } from 'vitest';
import { buildConversation, findOption, type SentRecord } from './conversation.js';
import { parseSimulatorMessages, simulatorProblems } from './simulator-records.js';

const CHANNEL = '100000000000001';
const OTHER = '100000000000002';
const WORDINGS = [
  { name: 'area_alert', language: 'en_GB', body: '{{1}}' },
  { name: 'greeting', language: 'en_GB', body: 'Hello {{1}}, from {{2}}.' },
];
const envelope = { messaging_product: 'whatsapp', to: '+447700900105' };

/** The simulator's GET /_sim/messages answer, as it would arrive over HTTP. */
const simulator = parseSimulatorMessages({
  items: [
    {
      id: 'wamid.alert',
      to: '+447700900105',
      phoneNumberId: CHANNEL,
      type: 'template',
      // As the simulator lists it: the type's object.
      payload: {
        name: 'greeting',
        language: { code: 'en_GB' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Sam' },
              { type: 'text', text: 'the council' },
            ],
          },
        ],
      },
      buttons: [
        { type: 'QUICK_REPLY', text: 'Confirm', payload: 'optin:yes' },
        { type: 'QUICK_REPLY', text: 'Not me' },
        { type: 'URL', text: 'Read more' },
      ],
      at: '2026-11-22T08:00:00.000Z',
    },
    {
      id: 'wamid.areas',
      to: '+447700900105',
      phoneNumberId: CHANNEL,
      type: 'interactive',
      // A whole send body is read too.
      payload: {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Which area?' },
          action: {
            button: 'Areas',
            sections: [
              {
                title: 'North',
                rows: [
                  { id: 'join-area:northfield', title: 'Northfield', description: 'NF postcodes' },
                  { title: 'a row without an id is left out' },
                ],
              },
            ],
          },
        },
      },
      at: '2026-11-22T08:01:00.000Z',
    },
    {
      id: 'wamid.confirm',
      to: '+447700900105',
      phoneNumberId: CHANNEL,
      type: 'interactive',
      payload: {
        type: 'button',
        body: { text: 'Confirm?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'join-confirm', title: 'Confirm' } }] },
      },
      at: '2026-11-22T08:02:00.000Z',
    },
    {
      id: 'wamid.done',
      to: '+447700900105',
      phoneNumberId: CHANNEL,
      type: 'text',
      payload: { preview_url: false, body: "You're subscribed.\nSend STOP to stop." },
      at: '2026-11-22T08:03:00.000Z',
    },
    {
      id: 'wamid.youth',
      to: '+447700900105',
      phoneNumberId: OTHER,
      type: 'text',
      payload: { text: { body: 'From another channel' } },
      at: '2026-11-22T08:00:30.000Z',
    },
    { id: 'wamid.broken', phoneNumberId: CHANNEL, type: 'text' },
    'not even an object',
  ],
});

const sent: SentRecord[] = [
  // The same instant as the list it prompted: the resident's message comes first.
  {
    id: 'in.1',
    phoneNumberId: CHANNEL,
    at: '2026-11-22T08:01:00.000Z',
    action: { kind: 'text', text: 'JOIN' },
  },
  {
    id: 'in.2',
    phoneNumberId: CHANNEL,
    at: '2026-11-22T08:01:30.000Z',
    action: { kind: 'list_reply', id: 'join-area:northfield', context: 'wamid.areas' },
  },
  {
    id: 'in.3',
    phoneNumberId: CHANNEL,
    at: '2026-11-22T08:02:30.000Z',
    action: { kind: 'button_reply', id: 'join-confirm', context: 'wamid.confirm' },
  },
  {
    id: 'in.4',
    phoneNumberId: OTHER,
    at: '2026-11-22T08:02:40.000Z',
    action: { kind: 'text', text: 'to the other channel' },
  },
];

describe('a training handset conversation', () => {
  const conversation = buildConversation(simulator, sent, CHANNEL, WORDINGS);

  it("reads the simulator's record defensively, skipping what it cannot use", () => {
    expect(simulator.map((m) => m.id)).toEqual([
      'wamid.alert',
      'wamid.areas',
      'wamid.confirm',
      'wamid.done',
      'wamid.youth',
    ]);
    expect(parseSimulatorMessages(null)).toEqual([]);
    expect(parseSimulatorMessages({ items: 'nope' })).toEqual([]);
  });

  it("shows one channel's messages and the resident's, oldest first, the resident's first on a tie", () => {
    expect(conversation.map((i) => `${i.direction} ${i.id}`)).toEqual([
      'received wamid.alert',
      'sent in.1',
      'received wamid.areas',
      'sent in.2',
      'received wamid.confirm',
      'sent in.3',
      'received wamid.done',
    ]);
  });

  it("fills a template's parameters into its wording and offers its quick replies", () => {
    expect(conversation[0]).toMatchObject({
      label: 'Template greeting',
      body: 'Hello Sam, from the council.',
      choices: {
        kind: 'quick_reply',
        sections: [
          {
            options: [
              { id: 'optin:yes', title: 'Confirm' },
              // Sent without a payload: a tap returns the label.
              { id: 'Not me', title: 'Not me' },
            ],
          },
        ],
      },
      otherButtons: ['Read more'],
    });
  });

  it('shows an unknown template by its parameters', () => {
    const [item] = buildConversation(simulator.slice(0, 1), [], CHANNEL, []);
    expect(item).toMatchObject({ label: 'Template greeting', body: 'Sam\nthe council' });
  });

  it('offers a list by its rows, and reply buttons', () => {
    expect(conversation[2]).toMatchObject({
      label: 'List',
      body: 'Which area?',
      choices: {
        kind: 'list_reply',
        listButton: 'Areas',
        sections: [
          {
            title: 'North',
            options: [
              { id: 'join-area:northfield', title: 'Northfield', description: 'NF postcodes' },
            ],
          },
        ],
      },
    });
    expect(conversation[4]).toMatchObject({
      label: 'Buttons',
      choices: {
        kind: 'button_reply',
        sections: [{ options: [{ id: 'join-confirm', title: 'Confirm' }] }],
      },
    });
    expect(findOption(conversation[4], 'button_reply', 'join-confirm')?.title).toBe('Confirm');
    expect(findOption(conversation[4], 'list_reply', 'join-confirm')).toBeUndefined();
  });

  it('shows a tap by the title the resident saw, and text as it was typed', () => {
    expect(conversation[1]).toMatchObject({ tapped: false, body: 'JOIN' });
    expect(conversation[3]).toMatchObject({ tapped: true, body: 'Northfield' });
    expect(conversation[5]).toMatchObject({ tapped: true, body: 'Confirm' });
    expect(conversation[6]).toMatchObject({
      label: 'Message',
      body: "You're subscribed.\nSend STOP to stop.",
      choices: null,
    });
  });

  it("reads the simulator's refusals", () => {
    expect(simulatorProblems({ error: { message: 'a; b', problems: ['a', 'b'] } })).toEqual([
      'a',
      'b',
    ]);
    expect(simulatorProblems({ error: { message: 'only this' } })).toEqual(['only this']);
    expect(simulatorProblems('<html>')).toEqual([]);
  });
});
