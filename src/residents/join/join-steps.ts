import type { OutboundContent } from '../../dispatch/outbound-message.js';
import { keywordOf } from '../domain/stop-request.js';

/**
 * The JOIN conversation's pure logic: which words start it, what each later message means at
 * each step, and the interactive messages sent. No database, clock or WhatsApp here, so every
 * rule is unit-tested on its own.
 */

/** The privacy notice a resident is shown when joining on WhatsApp (see README). */
export const JOIN_PRIVACY_NOTICE_VERSION = '2025-01';

/** A conversation left alone this long is forgotten, and nothing is recorded. */
export const JOIN_IDLE_MINUTES = 60;

/** WhatsApp's limits on interactive messages. */
const MAX_LIST_ROWS = 10;
const MAX_ROW_TITLE = 24;

const JOIN_WORDS = new Set(['JOIN', 'SUBSCRIBE', 'YMUNO']);

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
  | { kind: 'done' }
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'unknown' };

export const ROW_AREA = 'join-area:';
export const ROW_TOPIC = 'join-topic:';
export const BUTTON_DONE = 'join-done';
export const BUTTON_CONFIRM = 'join-confirm';
export const BUTTON_CANCEL = 'join-cancel';

/** Whether a text asks to join: JOIN, SUBSCRIBE or the Welsh YMUNO, in any case. */
export function isJoinRequest(message: JoinWords): boolean {
  if (message.kind !== 'text' || !message.body || message.body.length > 40) return false;
  return JOIN_WORDS.has(keywordOf(message.body));
}

/** What the resident's message means at this step; taps are read by their ids, never titles. */
export function interpret(step: JoinStep, message: JoinWords): JoinAction {
  const id = message.replyId ?? '';
  const word = message.kind === 'text' && message.body ? keywordOf(message.body) : '';
  if (step === 'area') {
    if (message.kind === 'list_reply' && id.startsWith(ROW_AREA)) {
      return { kind: 'area', code: id.slice(ROW_AREA.length) };
    }
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
    if (id === BUTTON_DONE || word === 'DONE') return { kind: 'done' };
    return { kind: 'unknown' };
  }
  if (id === BUTTON_CONFIRM || word === 'CONFIRM') return { kind: 'confirm' };
  if (id === BUTTON_CANCEL) return { kind: 'cancel' };
  return { kind: 'unknown' };
}

const title = (text: string) =>
  text.length <= MAX_ROW_TITLE ? text : `${text.slice(0, MAX_ROW_TITLE - 1)}…`;

/** The welcome: who is writing, why, the privacy notice, and how to stop. */
export function welcomeText(channelName: string): string {
  return (
    `${channelName} on WhatsApp sends alerts about your area: roads, bins, gritting and more. ` +
    `Your number is used only for these alerts, as the council's privacy notice ` +
    `(version ${JOIN_PRIVACY_NOTICE_VERSION}) explains. Send STOP at any time to stop them.`
  );
}

export function areaList(areas: Choice[]): OutboundContent {
  return {
    kind: 'list',
    body: 'Which area do you want alerts for? Choose one, or type your postcode.',
    buttonText: 'Areas',
    sections: [
      {
        rows: areas
          .slice(0, MAX_LIST_ROWS)
          .map((a) => ({ id: `${ROW_AREA}${a.code}`, title: title(a.name) })),
      },
    ],
  };
}

export function topicList(topics: Choice[]): OutboundContent {
  return {
    kind: 'list',
    body: 'Which topics? Choose one at a time, then tap Done.',
    buttonText: 'Topics',
    sections: [
      {
        rows: topics
          .slice(0, MAX_LIST_ROWS)
          .map((t) => ({ id: `${ROW_TOPIC}${t.code}`, title: title(t.name) })),
      },
    ],
  };
}

export function topicAdded(chosen: string[]): OutboundContent {
  return {
    kind: 'buttons',
    body: `Topics so far: ${chosen.join(', ')}. Choose another from the list, or tap Done.`,
    buttons: [{ id: BUTTON_DONE, title: 'Done' }],
  };
}

export function confirmQuestion(areaName: string, topicNames: string[]): OutboundContent {
  return {
    kind: 'buttons',
    body: `Alerts for ${areaName} about ${topicNames.join(', ')}. Confirm?`,
    buttons: [
      { id: BUTTON_CONFIRM, title: 'Confirm' },
      { id: BUTTON_CANCEL, title: 'Cancel' },
    ],
  };
}

export function subscribedText(channelName: string, areaName: string, topicNames: string[]) {
  return (
    `You're subscribed to ${channelName} alerts for ${areaName} about ` +
    `${topicNames.join(', ')}. Send STOP at any time to stop them.`
  );
}

export const UNKNOWN_POSTCODE =
  "Sorry, we don't recognise that postcode here. Choose an area from the list, or try again.";
export const NO_TOPIC_YET = 'Choose at least one topic from the list first.';
export const CANCELLED = 'Cancelled: nothing has changed. Send JOIN to start again.';
