/**
 * The words that end every subscription at once, compared without case, spaces or hyphens:
 * the usual English opt-out keywords (as carriers and Meta's own opt-out guidance use them) and
 * the Welsh "stopio" and "dad-danysgrifio" that councils in Wales must honour.
 */
const STOP_WORDS = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'END',
  'CANCEL',
  'QUIT',
  'STOPIO',
  'DADDANYSGRIFIO',
]);

/** The Welsh words, answered in Welsh. */
const WELSH_STOP_WORDS = new Set(['STOPIO', 'DADDANYSGRIFIO']);

/** A quick reply or button whose payload is this means STOP whatever its title says. */
const STOP_PAYLOAD = 'STOP';

/** Longer texts are sentences about something else, not a keyword: no need to normalise them. */
const MAX_KEYWORD_LENGTH = 40;

/** What is needed of a resident's message to tell whether it asks to stop. */
export interface IncomingWords {
  kind: string;
  body: string | null;
  replyId: string | null;
}

/**
 * The keyword a text stands for: "Stop!", " stop all. " and "*STOP*" (WhatsApp's bold) all
 * become STOP or STOPALL. Punctuation, symbols and emoji around the word are dropped, as are the
 * spaces and hyphens inside it.
 */
export function keywordOf(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/[\s\p{Pd}]+/gu, '')
    .toUpperCase();
}

/** Whether a resident's message asks Crier to stop messaging them. */
export function isStopRequest(message: IncomingWords): boolean {
  if (message.kind === 'text') {
    const body = message.body ?? '';
    return body.length <= MAX_KEYWORD_LENGTH && STOP_WORDS.has(keywordOf(body));
  }
  if (message.kind === 'quick_reply' || message.kind === 'button_reply') {
    return message.replyId?.trim().toUpperCase() === STOP_PAYLOAD;
  }
  return false;
}

/** The language to confirm a STOP in: Welsh for a Welsh keyword, English otherwise. */
export function stopLanguageOf(message: IncomingWords): 'cy' | 'en' {
  return message.kind === 'text' && WELSH_STOP_WORDS.has(keywordOf(message.body ?? ''))
    ? 'cy'
    : 'en';
}
