import { describe, expect, it } from 'vitest';
import {
  CONFIRM_PAYLOAD,
  DECLINE_PAYLOAD,
  isConfirmation,
  isDecline,
} from './confirmation-words.js';

const text = (body: string) => ({ kind: 'text', body, replyId: null, contextId: null });

describe('isConfirmation', () => {
  it('takes YES and JOIN in any case, and nothing else', () => {
    expect(isConfirmation(text(' yes '), null)).toBe(true);
    expect(isConfirmation(text('Join!'), null)).toBe(true);
    expect(isConfirmation(text('STOP'), null)).toBe(false);
    expect(isConfirmation(text('yes please send me everything'), null)).toBe(false);
  });

  const tap = {
    kind: 'quick_reply',
    body: 'Confirm',
    replyId: CONFIRM_PAYLOAD,
    contextId: 'wamid.1',
  };

  it('takes a tap on Confirm only when it answers the confirmation itself', () => {
    expect(isConfirmation(tap, 'wamid.1')).toBe(true);
    expect(isConfirmation({ ...tap, replyId: 'STOP' }, 'wamid.1')).toBe(false);
    expect(isConfirmation({ ...tap, replyId: DECLINE_PAYLOAD }, 'wamid.1')).toBe(false);
    expect(isConfirmation(tap, 'wamid.2')).toBe(false);
    expect(isConfirmation(tap, null)).toBe(false);
  });

  it('takes a tap on Not me as a decline, on the confirmation only, and no typed word', () => {
    const notMe = { ...tap, body: 'Not me', replyId: DECLINE_PAYLOAD };
    expect(isDecline(notMe, 'wamid.1')).toBe(true);
    expect(isDecline(notMe, 'wamid.2')).toBe(false);
    expect(isDecline(tap, 'wamid.1')).toBe(false);
    expect(isDecline(text('Not me'), 'wamid.1')).toBe(false);
  });
});
