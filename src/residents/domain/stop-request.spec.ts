import { describe, expect, it } from 'vitest';
import { isStopRequest, keywordOf, stopLanguageOf } from './stop-request.js';

const text = (body: string) => ({ kind: 'text', body, replyId: null });

describe('isStopRequest', () => {
  it.each([
    'STOP',
    'stop',
    'Stop',
    '  stop  ',
    'Stop.',
    'STOP!!!',
    'stop?',
    '*STOP*',
    '"stop"',
    'Stop 🛑',
    'UNSUBSCRIBE',
    'Unsubscribe.',
    'un-subscribe',
    'stop all',
    'STOP ALL',
    'Stop  all!',
    'STOPALL',
    'end',
    'Cancel',
    'quit',
    'STOPIO',
    'Stopio!',
    'DAD-DANYSGRIFIO',
    'dad-danysgrifio',
    'dad danysgrifio',
    'ＳＴＯＰ',
  ])('takes %j as a request to stop', (body) => {
    expect(isStopRequest(text(body))).toBe(true);
  });

  it.each([
    '',
    'hello',
    'stop the roadworks please',
    'Please stop',
    "don't stop",
    'STOPPED',
    'stops',
    'JOIN',
    'weekend',
    'stop '.repeat(20),
  ])('does not take %j as a request to stop', (body) => {
    expect(isStopRequest(text(body))).toBe(false);
  });

  it('takes a quick reply or button whose payload is STOP, whatever its title', () => {
    expect(isStopRequest({ kind: 'quick_reply', body: 'Stop alerts', replyId: 'STOP' })).toBe(true);
    expect(isStopRequest({ kind: 'button_reply', body: 'No more', replyId: 'stop' })).toBe(true);
    expect(
      isStopRequest({ kind: 'quick_reply', body: 'Stop alerts', replyId: 'STOP_ALERTS' }),
    ).toBe(false);
    expect(isStopRequest({ kind: 'list_reply', body: 'STOP', replyId: 'area-north' })).toBe(false);
    expect(isStopRequest({ kind: 'other', body: null, replyId: null })).toBe(false);
  });

  it('reduces a text to its keyword', () => {
    expect(keywordOf(' Stop all! ')).toBe('STOPALL');
    expect(keywordOf('Dad-danysgrifio.')).toBe('DADDANYSGRIFIO');
  });
});

describe('stopLanguageOf', () => {
  it('answers the Welsh keywords in Welsh and everything else in English', () => {
    expect(stopLanguageOf(text('Stopio!'))).toBe('cy');
    expect(stopLanguageOf(text('dad-danysgrifio'))).toBe('cy');
    expect(stopLanguageOf(text('STOP'))).toBe('en');
    expect(stopLanguageOf({ kind: 'quick_reply', body: 'Stopio', replyId: 'STOP' })).toBe('en');
  });
});
