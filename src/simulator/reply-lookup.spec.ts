import { describe, expect, it } from 'vitest';
import type { LoggedMessage } from './message-log.js';
import { buttonTitle, listRow } from './reply-lookup.js';

function interactive(action: Record<string, unknown>): LoggedMessage {
  return {
    id: 'wamid.ASKED',
    to: '+447400123456',
    waId: '447400123456',
    phoneNumberId: '106540352242922',
    type: 'interactive',
    payload: { type: action.buttons ? 'button' : 'list', body: { text: 'Pick' }, action },
    buttons: [],
    at: '2026-03-01T09:00:00.000Z',
    failureCode: null,
    callbackData: null,
  };
}

const buttons = interactive({
  buttons: [
    { type: 'reply', reply: { id: 'safe', title: 'I am safe' } },
    { type: 'reply', reply: { id: 'help', title: 'I need help' } },
  ],
});
const list = interactive({
  button: 'Choose',
  sections: [
    { title: 'Bins', rows: [{ id: 'black', title: 'Black bin', description: 'General waste' }] },
    { title: 'Other', rows: [{ id: 'garden', title: 'Garden waste' }] },
  ],
});

describe('buttonTitle', () => {
  it('finds the title of the button tapped', () => {
    expect(buttonTitle(buttons, 'help')).toBe('I need help');
  });

  it('falls back to the id for an unknown button or message', () => {
    expect(buttonTitle(buttons, 'nope')).toBe('nope');
    expect(buttonTitle(undefined, 'safe')).toBe('safe');
    expect(buttonTitle(list, 'black')).toBe('black');
  });
});

describe('listRow', () => {
  it('finds the row chosen in any section, with its description if it has one', () => {
    expect(listRow(list, 'black')).toEqual({ title: 'Black bin', description: 'General waste' });
    expect(listRow(list, 'garden')).toEqual({ title: 'Garden waste', description: null });
  });

  it('falls back to the id for an unknown row or message', () => {
    expect(listRow(list, 'blue')).toEqual({ title: 'blue', description: null });
    expect(listRow(undefined, 'black')).toEqual({ title: 'black', description: null });
    expect(listRow(buttons, 'safe')).toEqual({ title: 'safe', description: null });
  });
});
