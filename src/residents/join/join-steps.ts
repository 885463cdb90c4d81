import type { OutboundContent } from '../../dispatch/outbound-message.js';
import { keywordOf } from '../domain/stop-request.js';
import { type JoinLanguage, joinWords } from './join-words.js';

export { JOIN_PRIVACY_NOTICE_VERSION } from './join-words.js';

/**
 * The JOIN conversation's pure logic: which words start it, what each later message means at
 * each step, and the interactive messages sent. No database, clock or WhatsApp here, so every
 * rule is unit-tested on its own.
 */

/** A conversation left alone this long is forgotten, and nothing is recorded. */
export const JOIN_IDLE_MINUTES = 60;

/** WhatsApp's limits on interactive messages. */
export const MAX_LIST_ROWS = 10;
const MAX_ROW_TITLE = 24;
const MAX_BODY = 1024;

/** The words that start a conversation, and the language it is then carried out in. */
const JOIN_KEYWORDS = new Map<string, JoinLanguage>([
  ['JOIN', 'en'],
  ['SUBSCRIBE', 'en'],
  ['YMUNO', 'cy'],
  ['TANYSGRIFIO', 'cy'],
]);

/** The words that ask for the privacy summary, and the language it is answered in. */
const PRIVACY_KEYWORDS = new Map<string, JoinLanguage>([
  ['PRIVACY', 'en'],
  ['PREIFATRWYDD', 'cy'],
]);

/** Longer texts are sentences about something else, not a keyword. */
const MAX_KEYWORD_LENGTH = 40;

export type JoinStep = 'area' | 'topics' | 'confirm';

export interface Choice {
  code: string;
  name: string;
}

/** What is needed of a resident's message. */
export interface JoinWords {
  kind: string;
  body: string | null;
  replyId: string | null;
}

/** What a message means in the conversation. */
export type JoinAction =
  | { kind: 'area'; code: string }
  | { kind: 'postcode'; text: string }
  | { kind: 'topic'; code: string }
  /** A tap on a list's last row: send that page of the list (areas or topics, by the step). */
  | { kind: 'page'; page: number }
  | { kind: 'done' }
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'unknown' };

export const ROW_AREA = 'join-area:';
export const ROW_TOPIC = 'join-topic:';
export const ROW_AREA_PAGE = 'join-area-page:';
export const ROW_TOPIC_PAGE = 'join-topic-page:';
export const BUTTON_DONE = 'join-done';
export const BUTTON_CONFIRM = 'join-confirm';
export const BUTTON_CANCEL = 'join-cancel';

const keywordIn = (
  keywords: Map<string, JoinLanguage>,
  message: JoinWords,
): JoinLanguage | null => {
  if (message.kind !== 'text' || !message.body || message.body.length > MAX_KEYWORD_LENGTH) {
    return null;
  }
  return keywords.get(keywordOf(message.body)) ?? null;
};

/**
 * The language of the conversation a text starts: English for JOIN or SUBSCRIBE, Welsh for YMUNO
 * or TANYSGRIFIO (any case); null when it does not ask to join.
 */
export const joinLanguageOf = (message: JoinWords): JoinLanguage | null =>
  keywordIn(JOIN_KEYWORDS, message);

/** Whether a text asks to join: JOIN, SUBSCRIBE or the Welsh YMUNO or TANYSGRIFIO, in any case. */
export function isJoinRequest(message: JoinWords): boolean {
  return joinLanguageOf(message) !== null;
}

/** The language to answer PRIVACY (English) or PREIFATRWYDD (Welsh) in; null for other messages. */
export const privacyRequestOf = (message: JoinWords): JoinLanguage | null =>
  keywordIn(PRIVACY_KEYWORDS, message);

const pageIn = (id: string, prefix: string): number | null => {
  if (!id.startsWith(prefix)) return null;
  const page = Number(id.slice(prefix.length));
  return Number.isSafeInteger(page) && page >= 0 ? page : null;
};

/** What the resident's message means at this step; taps are read by their ids, never titles. */
export function interpret(step: JoinStep, message: JoinWords): JoinAction {
  const id = message.replyId ?? '';
  const word = message.kind === 'text' && message.body ? keywordOf(message.body) : '';
  if (step === 'area') {
    if (message.kind === 'list_reply' && id.startsWith(ROW_AREA)) {
      return { kind: 'area', code: id.slice(ROW_AREA.length) };
    }
    const page = message.kind === 'list_reply' ? pageIn(id, ROW_AREA_PAGE) : null;
    if (page !== null) return { kind: 'page', page };
    // A typed postcode instead of a tap; a UK postcode is at most 8 characters with its space.
    if (message.kind === 'text' && message.body && message.body.trim().length <= 10) {
      return { kind: 'postcode', text: message.body.trim() };
    }
    return { kind: 'unknown' };
  }
  if (step === 'topics') {
    if (message.kind === 'list_reply' && id.startsWith(ROW_TOPIC)) {
      return { kind: 'topic', code: id.slice(ROW_TOPIC.length) };
    }
    const page = message.kind === 'list_reply' ? pageIn(id, ROW_TOPIC_PAGE) : null;
    if (page !== null) return { kind: 'page', page };
    if (id === BUTTON_DONE || word === 'DONE' || word === 'GORFFEN') return { kind: 'done' };
    return { kind: 'unknown' };
  }
  if (id === BUTTON_CONFIRM || word === 'CONFIRM' || word === 'CADARNHAU') {
    return { kind: 'confirm' };
  }
  if (id === BUTTON_CANCEL) return { kind: 'cancel' };
  return { kind: 'unknown' };
}

const title = (text: string) =>
  text.length <= MAX_ROW_TITLE ? text : `${text.slice(0, MAX_ROW_TITLE - 1)}…`;

/** A body never longer than WhatsApp takes, however many and however long the names in it. */
const body = (text: string) => (text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY - 1)}…`);

const names = (list: string[]) => list.join(', ');

/** One page of a list too long for one WhatsApp list message. */
export interface ListPage<T> {
  items: T[];
  /** This page's number, from 0 (an out-of-range page wraps round). */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown, for "Showing 10 to 14 of 14". */
  first: number;
  last: number;
  total: number;
  /** The page the last row sends (0, back to the start, from the last page); null when only one. */
  next: number | null;
}

/**
 * A page of choices: all of them when they fit in one list (10 rows); otherwise 9 a page, the
 * tenth row kept for "More…" (or, on the last page, "Back to the start").
 */
export function listPage<T>(items: T[], page: number): ListPage<T> {
  const total = items.length;
  if (total <= MAX_LIST_ROWS) {
    return { items, page: 0, pages: 1, first: total ? 1 : 0, last: total, total, next: null };
  }
  const size = MAX_LIST_ROWS - 1;
  const pages = Math.ceil(total / size);
  const at = ((Math.trunc(page) % pages) + pages) % pages;
  const shown = items.slice(at * size, (at + 1) * size);
  return {
    items: shown,
    page: at,
    pages,
    first: at * size + 1,
    last: at * size + shown.length,
    total,
    next: (at + 1) % pages,
  };
}

function choiceList(
  choices: Choice[],
  page: number,
  language: JoinLanguage,
  kind: 'area' | 'topic',
): OutboundContent {
  const words = joinWords(language);
  const shown = listPage(choices, page);
  const rowPrefix = kind === 'area' ? ROW_AREA : ROW_TOPIC;
  const rows = shown.items.map((c) => ({ id: `${rowPrefix}${c.code}`, title: title(c.name) }));
  if (shown.next !== null) {
    rows.push({
      id: `${kind === 'area' ? ROW_AREA_PAGE : ROW_TOPIC_PAGE}${shown.next}`,
      title:
        shown.next === 0 ? words.backToStart : kind === 'area' ? words.moreAreas : words.moreTopics,
    });
  }
  const question = kind === 'area' ? words.areasBody : words.topicsBody;
  return {
    kind: 'list',
    body: body(
      shown.pages > 1
        ? `${question} ${words.pageNote(shown.first, shown.last, shown.total)}`
        : question,
    ),
    buttonText: kind === 'area' ? words.areasButton : words.topicsButton,
    sections: [{ rows }],
  };
}

/** The welcome: who is writing, why, the privacy notice (and where it is), and how to stop. */
export function welcomeText(
  channelName: string,
  noticeUrl: string,
  language: JoinLanguage = 'en',
): string {
  return joinWords(language).welcome(channelName, noticeUrl);
}

/** The areas to choose from, `page` of them when there are more than 10. */
export function areaList(
  areas: Choice[],
  page = 0,
  language: JoinLanguage = 'en',
): OutboundContent {
  return choiceList(areas, page, language, 'area');
}

/** The topics to choose from, `page` of them when there are more than 10. */
export function topicList(
  topics: Choice[],
  page = 0,
  language: JoinLanguage = 'en',
): OutboundContent {
  return choiceList(topics, page, language, 'topic');
}

export function topicAdded(chosen: string[], language: JoinLanguage = 'en'): OutboundContent {
  const words = joinWords(language);
  return {
    kind: 'buttons',
    body: body(words.topicsSoFar(names(chosen))),
    buttons: [{ id: BUTTON_DONE, title: words.done }],
  };
}

export function confirmQuestion(
  areaName: string,
  topicNames: string[],
  language: JoinLanguage = 'en',
): OutboundContent {
  const words = joinWords(language);
  return {
    kind: 'buttons',
    body: body(words.confirmQuestion(areaName, names(topicNames))),
    buttons: [
      { id: BUTTON_CONFIRM, title: words.confirm },
      { id: BUTTON_CANCEL, title: words.cancel },
    ],
  };
}

export function subscribedText(
  channelName: string,
  areaName: string,
  topicNames: string[],
  language: JoinLanguage = 'en',
): string {
  return joinWords(language).subscribed(channelName, areaName, names(topicNames));
}
