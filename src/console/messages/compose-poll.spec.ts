import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import {
  composeValuesFrom,
  composeValuesOf,
  draftInputFrom,
  pollFrom,
  pollOptionsFrom,
  pollTitleLimit,
} from './compose-form.js';

const CHANNEL = '0b9c7e4e-1d2f-4a55-8f0e-2f6a1b7c9d10';
const filled = (extra: Record<string, unknown> = {}) =>
  composeValuesFrom({
    channelId: CHANNEL,
    kind: 'text',
    body: 'Should the market move to Sunday?',
    areas: 'northfield',
    topics: 'gritting',
    priority: 'routine',
    ...extra,
  });
const closing = {
  'pollClosesAt-day': '14',
  'pollClosesAt-month': '7',
  'pollClosesAt-year': '2027',
  'pollClosesAt-time': '17:00',
};

describe('the compose form’s snap poll', () => {
  it('reads one option a line, trimmed, without blank lines', () => {
    expect(pollOptionsFrom(' Yes \r\n\r\nNo\n  \nNot sure\n')).toEqual(['Yes', 'No', 'Not sure']);
    expect(pollOptionsFrom('')).toEqual([]);
  });

  it('leaves the poll out when both fields are blank', () => {
    expect(pollFrom(filled())).toEqual({ poll: null, errors: [] });
    expect(draftInputFrom(filled()).input.content).toEqual({
      kind: 'text',
      body: 'Should the market move to Sunday?',
    });
  });

  it('puts the poll in the content of either kind, its closing time UK time in UTC', () => {
    const text = draftInputFrom(filled({ pollOptions: 'Yes\nNo\nNot sure', ...closing }));
    expect(text.errors).toEqual([]);
    // 14 July 2027 is in British Summer Time: 17:00 in the UK is 16:00 UTC.
    expect(text.input.content).toEqual({
      kind: 'text',
      body: 'Should the market move to Sunday?',
      poll: { options: ['Yes', 'No', 'Not sure'], closesAt: '2027-07-14T16:00:00Z' },
    });
    const template = draftInputFrom(
      filled({
        kind: 'template',
        templateName: 'snap_poll',
        language: 'en_GB',
        parameters: 'Do you support the cycle lane?',
        pollOptions: 'Yes\nNo\nNot sure',
        ...closing,
        'pollClosesAt-month': '1',
      }),
    );
    expect(template.errors).toEqual([]);
    expect(template.input.content).toMatchObject({
      kind: 'template',
      templateName: 'snap_poll',
      poll: { options: ['Yes', 'No', 'Not sure'], closesAt: '2027-01-14T17:00:00Z' },
    });
  });

  it('says what is wrong with the options, linked to the options field', () => {
    const errorsOf = (extra: Record<string, unknown>) =>
      pollFrom(filled({ ...closing, ...extra })).errors;
    expect(errorsOf({ pollOptions: 'Yes' })).toEqual([
      { field: 'pollOptions', text: 'A poll needs at least 2 options, one on each line' },
    ]);
    expect(
      errorsOf({ pollOptions: Array.from({ length: 11 }, (_, i) => `O${i}`).join('\n') }),
    ).toEqual([{ field: 'pollOptions', text: 'A poll can have at most 10 options' }]);
    expect(errorsOf({ pollOptions: 'Yes\nYes, on most weekends' })).toEqual([
      {
        field: 'pollOptions',
        text: 'Option 2 must be 20 characters or fewer as buttons (up to 3 options)',
      },
    ]);
    // Four or more options are a list, whose rows may be a little longer.
    expect(errorsOf({ pollOptions: 'A\nB\nC\nYes, on most weekends' })).toEqual([]);
    expect(errorsOf({ pollOptions: 'Yes\nyes' })).toEqual([
      { field: 'pollOptions', text: 'Each option must be different' },
    ]);
    expect(errorsOf({ pollOptions: '' })[0].field).toBe('pollOptions');
  });

  it('says what is wrong with the closing time, linked to its field', () => {
    const errorsOf = (extra: Record<string, unknown>) =>
      pollFrom(filled({ pollOptions: 'Yes\nNo', ...extra })).errors;
    expect(errorsOf({})).toEqual([
      { field: 'pollClosesAt-day', text: 'Enter the date and time the poll closes' },
    ]);
    expect(errorsOf({ ...closing, 'pollClosesAt-time': '' })).toEqual([
      { field: 'pollClosesAt-time', text: 'Enter the time the poll closes' },
    ]);
    expect(errorsOf({ ...closing, 'pollClosesAt-month': '' })).toEqual([
      { field: 'pollClosesAt-month', text: 'Closing date must include a month' },
    ]);
    expect(errorsOf({ ...closing, 'pollClosesAt-day': '31', 'pollClosesAt-month': '2' })).toEqual([
      { field: 'pollClosesAt-day', text: 'Closing date must be a real date' },
    ]);
    expect(errorsOf({ ...closing, 'pollClosesAt-time': '5pm' })).toEqual([
      {
        field: 'pollClosesAt-time',
        text: 'Closing time must be a time on the 24-hour clock, like 14:30',
      },
    ]);
  });

  it('knows WhatsApp’s title limits for each way of showing the options', () => {
    expect(pollTitleLimit('text', 3)).toBe(20);
    expect(pollTitleLimit('text', 4)).toBe(24);
    expect(pollTitleLimit('template', 3)).toBe(25);
  });

  it('shows a draft’s poll when it is edited, in UK time', () => {
    const values = composeValuesOf({
      channelId: CHANNEL,
      serviceId: null,
      content: {
        kind: 'text',
        body: 'Market?',
        poll: { options: ['Yes', 'No'], closesAt: '2027-07-14T16:00:00Z' },
      },
      audience: { areas: ['northfield'], topics: ['gritting'] },
      priority: 'routine',
      emergencyReason: null,
      sendAt: null,
    } as unknown as MessageView);
    expect(values).toMatchObject({
      pollOptions: 'Yes\nNo',
      pollClosesDay: '14',
      pollClosesMonth: '7',
      pollClosesYear: '2027',
      pollClosesTime: '17:00',
    });
    // And round trip: the same poll comes back out.
    expect(draftInputFrom(values).input.content).toMatchObject({
      poll: { options: ['Yes', 'No'], closesAt: '2027-07-14T16:00:00Z' },
    });
  });
});
