import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_NAME, parseInbound } from './inbound-request.js';

const who = { from: '+44 7400 123456', phoneNumberId: '106540352242922' };

function problemsOf(body: unknown): string[] {
  const parsed = parseInbound(body);
  return 'problems' in parsed ? parsed.problems : [];
}

describe('parseInbound', () => {
  it('reads a text, with the default profile name unless one is given', () => {
    expect(parseInbound({ ...who, text: 'STOP' })).toEqual({
      inbound: {
        waId: '447400123456',
        phoneNumberId: '106540352242922',
        name: DEFAULT_PROFILE_NAME,
        action: { kind: 'text', text: 'STOP' },
      },
    });
    expect(parseInbound({ ...who, text: 'hi', name: 'Ada' })).toMatchObject({
      inbound: { name: 'Ada' },
    });
  });

  it('reads the three replies, each naming the message answered', () => {
    const context = 'wamid.ABC';
    expect(parseInbound({ ...who, buttonReplyId: 'safe', context })).toMatchObject({
      inbound: { action: { kind: 'button_reply', buttonId: 'safe', contextId: context } },
    });
    expect(
      parseInbound({
        ...who,
        buttonPayload: 'UNSUBSCRIBE',
        buttonText: 'Stop',
        context: { id: context },
      }),
    ).toMatchObject({
      inbound: {
        action: { kind: 'quick_reply', payload: 'UNSUBSCRIBE', text: 'Stop', contextId: context },
      },
    });
    expect(parseInbound({ ...who, buttonPayload: 'UNSUBSCRIBE', context })).toMatchObject({
      inbound: { action: { kind: 'quick_reply', text: null } },
    });
    expect(parseInbound({ ...who, listReplyId: 'black_bin', context })).toMatchObject({
      inbound: { action: { kind: 'list_reply', rowId: 'black_bin', contextId: context } },
    });
  });

  it('wants exactly one thing the resident does', () => {
    const oneOf = 'give exactly one of text, buttonReplyId, buttonPayload or listReplyId';
    expect(problemsOf(who)).toEqual([oneOf]);
    expect(problemsOf({ ...who, text: 'hi', listReplyId: 'x', context: 'wamid.A' })).toEqual([
      oneOf,
    ]);
  });

  it('wants a context with every reply, and text where text goes', () => {
    expect(problemsOf({ ...who, listReplyId: 'x' })).toEqual([
      'context (the wamid of the message answered) is required with listReplyId',
    ]);
    expect(problemsOf({ ...who, buttonPayload: 'P', context: { id: 7 } })).toEqual([
      'context (the wamid of the message answered) is required with buttonPayload',
    ]);
    expect(problemsOf({ ...who, buttonReplyId: '', context: 'wamid.A' })).toEqual([
      'buttonReplyId must be text',
    ]);
    expect(problemsOf({ ...who, text: 'hi', buttonText: 'Stop' })).toEqual([
      'buttonText must be text, and only goes with buttonPayload',
    ]);
  });

  it('lists every problem together', () => {
    expect(problemsOf({ from: 'nobody', name: '', text: 3 })).toEqual([
      'from must be a phone number',
      'phoneNumberId is required',
      'name, when given, must be text',
      'text must be text',
    ]);
    expect(problemsOf('hello')).toEqual(['body must be a JSON object']);
  });
});
