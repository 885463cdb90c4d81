import { describe, expect, it } from 'vitest';
import {
  CONFIRM_PAYLOAD,
  confirmationRequest,
  DECLINE_PAYLOAD,
  declinedReply,
  isConfirmation,
  isDecline,
  OPT_IN_LANGUAGES,
  OPT_IN_WORDS,
  optInWords,
  subscribedReply,
} from './confirmation-words.js';

const text = (body: string) => ({ kind: 'text', body, replyId: null, contextId: null });

describe('isConfirmation', () => {
  it('takes YES and JOIN in any case, and nothing else', () => {
    expect(isConfirmation(text(' yes '), null)).toBe(true);
    expect(isConfirmation(text('Join!'), null)).toBe(true);
    expect(isConfirmation(text('Ie'), null)).toBe(true);
    expect(isConfirmation(text('ymuno.'), null)).toBe(true);
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

describe('the opt-in words', () => {
  it('has every language, with its template language code', () => {
    expect(Object.keys(OPT_IN_WORDS).sort()).toEqual([...OPT_IN_LANGUAGES].sort());
    expect(optInWords('en').templateLanguage).toBe('en_GB');
    expect(optInWords('cy').templateLanguage).toBe('cy');
  });

  it('asks in English by default, and in Welsh naming the Welsh buttons', () => {
    expect(confirmationRequest('Council', 'Northfield', 48)).toBe(
      'Council: someone asked on our website to send alerts for Northfield to this number. ' +
        'Tap Confirm (or reply YES) within 48 hours to start them. If it was not you, tap Not me.',
    );
    const welsh = confirmationRequest('Cyngor', 'Northfield', 48, 'cy');
    expect(welsh).toContain('Cyngor: ');
    expect(welsh).toContain('rhybuddion am Northfield');
    expect(welsh).toContain('Tapiwch Cadarnhau (neu atebwch IE) o fewn 48 awr');
    expect(welsh).toContain('tapiwch Nid fi');
    // Within WhatsApp's 1,024 characters for a template's body parameter, with long names.
    expect(confirmationRequest('x'.repeat(100), 'y'.repeat(100), 48, 'cy').length).toBeLessThan(
      1024,
    );
  });

  it('replies after the tap in the language asked for', () => {
    expect(subscribedReply('Council')).toBe(
      "You're subscribed to Council alerts. Send STOP at any time to stop them.",
    );
    expect(subscribedReply('Cyngor', 'cy')).toBe(
      'Rydych chi wedi cofrestru i gael rhybuddion Cyngor. Anfonwch STOPIO unrhyw bryd i’w stopio.',
    );
    expect(declinedReply('Council')).toContain('We have deleted the request');
    expect(declinedReply('Cyngor', 'cy')).toBe(
      'Diolch am roi gwybod i ni. Rydym wedi dileu’r cais ac ni fyddwn yn anfon rhybuddion Cyngor atoch.',
    );
  });
});
