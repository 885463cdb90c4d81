import { describe, expect, it } from 'vitest';
import {
  BUTTON_CANCEL,
  BUTTON_CONFIRM,
  BUTTON_DONE,
  areaList,
  confirmQuestion,
  interpret,
  isJoinRequest,
  joinLanguageOf,
  listPage,
  privacyRequestOf,
  topicList,
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

  it('carries out a conversation started with YMUNO or TANYSGRIFIO in Welsh', () => {
    expect(joinLanguageOf(text('Ymuno!'))).toBe('cy');
    expect(joinLanguageOf(text('tanysgrifio'))).toBe('cy');
    expect(joinLanguageOf(text('JOIN'))).toBe('en');
    expect(joinLanguageOf(text('subscribe'))).toBe('en');
    expect(joinLanguageOf(text('helo'))).toBeNull();
  });

  it('reads PRIVACY and the Welsh PREIFATRWYDD, and nothing else', () => {
    expect(privacyRequestOf(text(' privacy? '))).toBe('en');
    expect(privacyRequestOf(text('Preifatrwydd'))).toBe('cy');
    expect(privacyRequestOf(text('what about my privacy'))).toBeNull();
    expect(privacyRequestOf(tap('button_reply', 'PRIVACY'))).toBeNull();
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
    expect(interpret('topics', text('Gorffen')).kind).toBe('done');
  });

  it('reads a "More…" tap as a page of the list its step asks from', () => {
    expect(interpret('area', tap('list_reply', 'join-area-page:1'))).toEqual({
      kind: 'page',
      page: 1,
    });
    expect(interpret('topics', tap('list_reply', 'join-topic-page:2'))).toEqual({
      kind: 'page',
      page: 2,
    });
    expect(interpret('area', tap('list_reply', 'join-topic-page:1')).kind).toBe('unknown');
    expect(interpret('topics', tap('list_reply', 'join-area-page:1')).kind).toBe('unknown');
    expect(interpret('topics', tap('list_reply', 'join-topic-page:x')).kind).toBe('unknown');
  });

  it('reads Confirm and Cancel only by their button ids (CANCEL typed is STOP)', () => {
    expect(interpret('confirm', tap('button_reply', BUTTON_CONFIRM)).kind).toBe('confirm');
    expect(interpret('confirm', tap('button_reply', BUTTON_CANCEL)).kind).toBe('cancel');
    expect(interpret('confirm', tap('button_reply', BUTTON_DONE)).kind).toBe('unknown');
    expect(interpret('confirm', text('cadarnhau')).kind).toBe('confirm');
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

  describe('paging a list longer than 10', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

    it('shows up to 10 on one page, with no More row', () => {
      expect(listPage(items(10), 0)).toMatchObject({ pages: 1, next: null, first: 1, last: 10 });
      expect(listPage(items(10), 3).items).toHaveLength(10);
      expect(listPage([], 0)).toMatchObject({ items: [], pages: 1, next: null, first: 0, last: 0 });
    });

    it('shows 9 a page beyond that, the last page pointing back to the first', () => {
      const first = listPage(items(14), 0);
      expect(first).toMatchObject({ page: 0, pages: 2, first: 1, last: 9, total: 14, next: 1 });
      expect(first.items).toEqual(items(9));
      const second = listPage(items(14), 1);
      expect(second).toMatchObject({ page: 1, first: 10, last: 14, next: 0 });
      expect(second.items).toEqual([10, 11, 12, 13, 14]);
      const three = items(25);
      expect(listPage(three, 1)).toMatchObject({ first: 10, last: 18, next: 2 });
      expect(listPage(three, 2)).toMatchObject({ first: 19, last: 25, next: 0 });
    });

    it('wraps a page out of range (a stale tap after the list shrank)', () => {
      expect(listPage(items(14), 2).page).toBe(0);
      expect(listPage(items(14), 5).page).toBe(1);
      expect(listPage(items(14), -1).page).toBe(1);
    });

    it('adds "More areas…" and, on the last page, "Back to the start", in the language', () => {
      const areas = items(14).map((i) => ({ code: `a${i}`, name: `Ward ${i}` }));
      const first = areaList(areas, 0);
      if (first.kind !== 'list') throw new Error('not a list');
      expect(first.sections[0].rows).toHaveLength(10);
      expect(first.sections[0].rows.at(-1)).toEqual({
        id: 'join-area-page:1',
        title: 'More areas…',
      });
      expect(first.body).toContain('Showing 1 to 9 of 14.');
      const last = areaList(areas, 1, 'cy');
      if (last.kind !== 'list') throw new Error('not a list');
      expect(last.sections[0].rows.map((r) => r.id)).toEqual([
        'join-area:a10',
        'join-area:a11',
        'join-area:a12',
        'join-area:a13',
        'join-area:a14',
        'join-area-page:0',
      ]);
      expect(last.sections[0].rows.at(-1)?.title).toBe('Yn ôl i’r dechrau');
      expect(last.buttonText).toBe('Ardaloedd');
      const topics = topicList(areas.slice(0, 12), 0, 'cy');
      if (topics.kind !== 'list') throw new Error('not a list');
      expect(topics.sections[0].rows.at(-1)).toEqual({
        id: 'join-topic-page:1',
        title: 'Rhagor o bynciau…',
      });
    });
  });
});
