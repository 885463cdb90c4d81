import type { OutboundContent } from '../../dispatch/outbound-message.js';

/**
 * A snap poll carried by a message: the options a resident can tap, and when answers stop
 * counting. It is part of the content an approver signs off (and of the content hash).
 */
export interface PollDefinition {
  /** In the order shown; a tap answers with the option's position. */
  options: string[];
  /** ISO 8601 in UTC: answers given after this do not count. */
  closesAt: string;
}

export const MIN_POLL_OPTIONS = 2;
/** WhatsApp's limits: three reply buttons, ten list rows, ten quick replies on a template. */
export const MAX_REPLY_BUTTONS = 3;
export const MAX_POLL_OPTIONS = 10;
export const MAX_BUTTON_TITLE = 20;
export const MAX_LIST_ROW_TITLE = 24;
export const MAX_TEMPLATE_BUTTON_TEXT = 25;
/** An interactive message's body is limited to 1,024 characters (a plain text one to 4,096). */
export const MAX_INTERACTIVE_BODY = 1024;
/** The list's button, which opens the options. */
export const LIST_BUTTON_TEXT = 'Choose an answer';
const MAX_POLL_DAYS = 90;

/** How a text message's poll is shown: buttons for up to three options, a list beyond. */
export function pollStyle(poll: PollDefinition): 'buttons' | 'list' {
  return poll.options.length <= MAX_REPLY_BUTTONS ? 'buttons' : 'list';
}

/**
 * What is wrong with a poll, as sentences for the author; empty when it can go out. `kind` is
 * the message's: a template's options are its approved quick-reply buttons, in their order.
 */
export function pollProblems(
  poll: PollDefinition,
  context: { kind: 'text' | 'template'; body?: string; sendAt: string | null; now: Date },
): string[] {
  const problems: string[] = [];
  const { options } = poll;
  if (options.length < MIN_POLL_OPTIONS || options.length > MAX_POLL_OPTIONS) {
    problems.push(`a poll has ${MIN_POLL_OPTIONS} to ${MAX_POLL_OPTIONS} options`);
  }
  const limit =
    context.kind === 'template'
      ? MAX_TEMPLATE_BUTTON_TEXT
      : pollStyle(poll) === 'buttons'
        ? MAX_BUTTON_TITLE
        : MAX_LIST_ROW_TITLE;
  options.forEach((option, index) => {
    if (option.trim() === '') problems.push(`option ${index + 1} is empty`);
    else if ([...option].length > limit) {
      problems.push(`option ${index + 1} is longer than ${limit} characters`);
    }
  });
  const normalised = options.map((option) => option.trim().toLowerCase());
  if (new Set(normalised).size !== normalised.length) problems.push('two options are the same');
  if (context.kind === 'text' && [...(context.body ?? '')].length > MAX_INTERACTIVE_BODY) {
    problems.push(`a poll's question can be at most ${MAX_INTERACTIVE_BODY} characters`);
  }
  const closes = Date.parse(poll.closesAt);
  const opens = context.sendAt === null ? context.now.getTime() : Date.parse(context.sendAt);
  if (Number.isNaN(closes)) problems.push('closesAt must be a date and time');
  else if (closes <= opens) problems.push('the poll must close after the message goes out');
  else if (closes > opens + MAX_POLL_DAYS * 86_400_000) {
    problems.push(`a poll can stay open at most ${MAX_POLL_DAYS} days`);
  }
  return problems;
}

const REPLY_PREFIX = 'poll:';
const REPLY_PATTERN = /^poll:([0-9a-f-]{36}):(\d{1,2})$/;

/** The id a tap on option `index` of this message's poll sends back. */
export function pollReplyId(messageId: string, index: number): string {
  return `${REPLY_PREFIX}${messageId}:${index}`;
}

/** The poll and option a reply id names, or null when it is not a poll answer. */
export function parsePollReplyId(
  replyId: string | null,
): { messageId: string; index: number } | null {
  const match = replyId ? REPLY_PATTERN.exec(replyId) : null;
  return match ? { messageId: match[1], index: Number(match[2]) } : null;
}

/**
 * The poll as WhatsApp shows it. A text message becomes reply buttons or a list, with the
 * message's text as the question; a template keeps its body and gets one payload per
 * quick-reply button.
 */
export function pollOutbound(
  messageId: string,
  content:
    | { kind: 'text'; body: string }
    | { kind: 'template'; templateName: string; language: string; parameters: string[] },
  poll: PollDefinition,
): OutboundContent {
  const ids = poll.options.map((_, index) => pollReplyId(messageId, index));
  if (content.kind === 'template') {
    const { templateName, language, parameters } = content;
    return { kind: 'template', templateName, language, parameters, quickReplyPayloads: ids };
  }
  if (pollStyle(poll) === 'buttons') {
    return {
      kind: 'buttons',
      body: content.body,
      buttons: poll.options.map((title, index) => ({ id: ids[index], title })),
    };
  }
  return {
    kind: 'list',
    body: content.body,
    buttonText: LIST_BUTTON_TEXT,
    sections: [{ rows: poll.options.map((title, index) => ({ id: ids[index], title })) }],
  };
}
