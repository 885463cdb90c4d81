import { describe, expect, it } from 'vitest';
import {
  BUTTON_CANCEL,
  BUTTON_CONFIRM,
  BUTTON_DONE,
  areaList,
  confirmQuestion,
  interpret,
  isJoinRequest,
} from './join-steps.js';

const text = (body: string) => ({ kind: 'text', body, replyId: null });
const tap = (kind: string, replyId: string) => ({ kind, body: 'x', replyId });

describe('JOIN steps', () => {
  it('starts on JOIN, SUBSCRIBE or YMUNO in any case, and nothing else', () => {
    for (const word of ['JOIN', ' join ', 'Subscribe', 'ymuno', '*Join*']) {
      expect(isJoinRequest(text(word)), word).toBe(true);
    }
    for (const word of ['joined', 'please join me up', 'STOP']) {
      expect(isJoinRequest(text(word)), word).toBe(false);
    }
    expect(isJoinRequest(tap('button_reply', 'JOIN'))).toBe(false);
  });

  it('reads an area tap or a typed postcode at the area step', () => {
    expect(interpret('area', tap('list_reply', 'join-area:northfield'))).toEqual({
      kind: 'area',
      code: 'northfield',
    });
    expect(interpret('area', text(' NF4 1AA '))).toEqual({ kind: 'postcode', text: 'NF4 1AA' });
    expect(interpret('area', tap('list_reply', 'join-topic:gritting')).kind).toBe('unknown');
  });

  it('reads topic taps and Done (button or text) at the topics step', () => {
    expect(interpret('topics', tap('list_reply', 'join-topic:gritting'))).toEqual({
      kind: 'topic',
      code: 'gritting',
    });
    expect(interpret('topics', tap('button_reply', BUTTON_DONE)).kind).toBe('done');
    expect(interpret('topics', text('done')).kind).toBe('done');
    expect(interpret('topics', text('hello')).kind).toBe('unknown');
  });

  it('reads Confirm and Cancel only by their button ids (CANCEL typed is STOP)', () => {
    expect(interpret('confirm', tap('button_reply', BUTTON_CONFIRM)).kind).toBe('confirm');
    expect(interpret('confirm', tap('button_reply', BUTTON_CANCEL)).kind).toBe('cancel');
    expect(interpret('confirm', tap('button_reply', BUTTON_DONE)).kind).toBe('unknown');
  });

  it("keeps lists and buttons within WhatsApp's limits", () => {
    const areas = Array.from({ length: 12 }, (_, i) => ({
      code: `a${i}`,
      name: `A very long area name number ${i}`,
    }));
    const list = areaList(areas);
    if (list.kind !== 'list') throw new Error('not a list');
    expect(list.sections[0].rows).toHaveLength(10);
    expect(list.sections[0].rows.every((r) => r.title.length <= 24)).toBe(true);
    const buttons = confirmQuestion('Northfield', ['gritting']);
    if (buttons.kind !== 'buttons') throw new Error('not buttons');
    expect(buttons.buttons.every((b) => b.title.length <= 20)).toBe(true);
  });
});
