import { describe, expect, it } from 'vitest';
import { parseReason, parseReply } from './inbox-forms.js';

describe('parseReply', () => {
  it('takes the trimmed text', () => {
    expect(parseReply({ text: '  Thank you, we will look into it.  ' })).toEqual({
      ok: true,
      value: 'Thank you, we will look into it.',
    });
  });

  it('asks for a reply when there is none, linking to the box', () => {
    expect(parseReply({ text: '   ' })).toEqual({
      ok: false,
      problem: { text: 'Enter your reply', href: '#reply-text' },
    });
    expect(parseReply({})).toMatchObject({ ok: false });
  });

  it("refuses more than WhatsApp's 4,096 characters", () => {
    expect(parseReply({ text: 'x'.repeat(4097) })).toMatchObject({ ok: false });
    expect(parseReply({ text: 'x'.repeat(4096) })).toMatchObject({ ok: true });
  });
});

describe('parseReason', () => {
  it('links its problem to the field it was typed in', () => {
    expect(parseReason({ reason: '' }, 'block-reason')).toEqual({
      ok: false,
      problem: { text: 'Enter a reason', href: '#block-reason' },
    });
    expect(parseReason({ reason: ['Threats', 'x'] }, 'block-reason')).toEqual({
      ok: true,
      value: 'Threats',
    });
  });
});
