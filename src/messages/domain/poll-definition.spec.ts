import { describe, expect, it } from 'vitest';
import {
  parsePollReplyId,
  pollOutbound,
  pollProblems,
  pollReplyId,
  pollStyle,
} from './poll-definition.js';

const MESSAGE_ID = '0b8f1c52-3b1e-4c63-9a53-6f1d2f3a4b5c';
const now = new Date('2026-12-04T10:00:00Z');
const later = '2026-12-05T10:00:00Z';
const text = {
  kind: 'text' as const,
  body: 'Should the market move to Sunday?',
  sendAt: null,
  now,
};

describe('pollProblems', () => {
  it('accepts two to ten distinct options that fit, closing after the send', () => {
    expect(pollProblems({ options: ['Yes', 'No'], closesAt: later }, text)).toEqual([]);
    const ten = Array.from({ length: 10 }, (_, i) => `Option ${i + 1}`);
    expect(pollProblems({ options: ten, closesAt: later }, text)).toEqual([]);
  });

  it("holds text options to WhatsApp's button and list row limits", () => {
    const twentyOne = 'x'.repeat(21);
    expect(pollProblems({ options: ['Yes', twentyOne], closesAt: later }, text)).toEqual([
      'option 2 is longer than 20 characters',
    ]);
    // Four options make a list, whose rows take 24 characters.
    const asList = ['A', 'B', 'C', twentyOne];
    expect(pollProblems({ options: asList, closesAt: later }, text)).toEqual([]);
    expect(
      pollProblems({ options: ['A', 'B', 'C', 'y'.repeat(25)], closesAt: later }, text),
    ).toEqual(['option 4 is longer than 24 characters']);
    const template = { kind: 'template' as const, sendAt: null, now };
    expect(pollProblems({ options: ['Yes', 'z'.repeat(25)], closesAt: later }, template)).toEqual(
      [],
    );
  });

  it('refuses too few or too many options, blanks and repeats', () => {
    expect(pollProblems({ options: ['Yes'], closesAt: later }, text)).toContain(
      'a poll has 2 to 10 options',
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `O${i}`);
    expect(pollProblems({ options: eleven, closesAt: later }, text)).toContain(
      'a poll has 2 to 10 options',
    );
    expect(pollProblems({ options: ['Yes', ' '], closesAt: later }, text)).toContain(
      'option 2 is empty',
    );
    expect(pollProblems({ options: ['Yes', ' yes'], closesAt: later }, text)).toContain(
      'two options are the same',
    );
  });

  it('wants the poll to close after the message goes out, within 90 days', () => {
    const poll = (closesAt: string) => ({ options: ['Yes', 'No'], closesAt });
    expect(pollProblems(poll('2026-12-04T09:00:00Z'), text)).toEqual([
      'the poll must close after the message goes out',
    ]);
    const scheduled = { ...text, sendAt: '2026-12-06T08:00:00Z' };
    expect(pollProblems(poll(later), scheduled)).toEqual([
      'the poll must close after the message goes out',
    ]);
    expect(pollProblems(poll('2027-04-01T00:00:00Z'), text)).toEqual([
      'a poll can stay open at most 90 days',
    ]);
    expect(pollProblems(poll('soon'), text)).toEqual(['closesAt must be a date and time']);
  });

  it('keeps a text question within the interactive body limit', () => {
    const long = { ...text, body: 'q'.repeat(1025) };
    expect(pollProblems({ options: ['Yes', 'No'], closesAt: later }, long)).toEqual([
      "a poll's question can be at most 1024 characters",
    ]);
  });
});

describe('poll reply ids', () => {
  it('round-trips the message and option, and ignores anything else', () => {
    expect(parsePollReplyId(pollReplyId(MESSAGE_ID, 7))).toEqual({
      messageId: MESSAGE_ID,
      index: 7,
    });
    expect(parsePollReplyId('CONFIRM_SUBSCRIPTION')).toBeNull();
    expect(parsePollReplyId(`poll:${MESSAGE_ID}:100`)).toBeNull();
    expect(parsePollReplyId(`poll:not-a-message:1`)).toBeNull();
    expect(parsePollReplyId(null)).toBeNull();
  });
});

describe('pollOutbound', () => {
  const poll = (options: string[]) => ({ options, closesAt: later });

  it('shows up to three options as reply buttons under the question', () => {
    const content = { kind: 'text' as const, body: 'Market on Sunday?' };
    expect(pollStyle(poll(['Yes', 'No', 'Not sure']))).toBe('buttons');
    expect(pollOutbound(MESSAGE_ID, content, poll(['Yes', 'No']))).toEqual({
      kind: 'buttons',
      body: 'Market on Sunday?',
      buttons: [
        { id: `poll:${MESSAGE_ID}:0`, title: 'Yes' },
        { id: `poll:${MESSAGE_ID}:1`, title: 'No' },
      ],
    });
  });

  it('shows four or more as a list', () => {
    const content = { kind: 'text' as const, body: 'Which day?' };
    const outbound = pollOutbound(MESSAGE_ID, content, poll(['Mon', 'Tue', 'Wed', 'Thu']));
    expect(outbound).toMatchObject({ kind: 'list', body: 'Which day?' });
    expect(outbound.kind === 'list' && outbound.sections[0].rows.map((r) => r.id)).toEqual(
      [0, 1, 2, 3].map((i) => `poll:${MESSAGE_ID}:${i}`),
    );
  });

  it("gives a template's quick replies the options' ids, in order", () => {
    const content = {
      kind: 'template' as const,
      templateName: 'snap_poll',
      language: 'en_GB',
      parameters: ['Do you support the cycle lane?'],
    };
    expect(pollOutbound(MESSAGE_ID, content, poll(['Yes', 'No', 'Not sure']))).toEqual({
      ...content,
      quickReplyPayloads: [0, 1, 2].map((i) => `poll:${MESSAGE_ID}:${i}`),
    });
  });
});
