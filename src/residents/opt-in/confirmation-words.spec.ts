import { describe, expect, it } from 'vitest';
import { CONFIRM_PAYLOAD, isConfirmation } from './confirmation-words.js';

const text = (body: string) => ({ kind: 'text', body, replyId: null, contextId: null });

describe('isConfirmation', () => {
  it('takes YES and JOIN in any case, and nothing else', () => {
    expect(isConfirmation(text(' yes '), null)).toBe(true);
    expect(isConfirmation(text('Join!'), null)).toBe(true);
    expect(isConfirmation(text('STOP'), null)).toBe(false);
    expect(isConfirmation(text('yes please send me everything'), null)).toBe(false);
  });

  it('takes a quick reply only when it answers the confirmation itself', () => {
    const tap = {
      kind: 'quick_reply',
      body: 'Yes',
      replyId: CONFIRM_PAYLOAD,
      contextId: 'wamid.1',
    };
    expect(isConfirmation(tap, 'wamid.1')).toBe(true);
    expect(isConfirmation({ ...tap, replyId: 'STOP' }, 'wamid.1')).toBe(false);
    expect(isConfirmation(tap, 'wamid.2')).toBe(false);
    expect(isConfirmation(tap, null)).toBe(false);
  });
});
