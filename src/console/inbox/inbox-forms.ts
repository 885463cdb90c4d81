import { REASON_MAX_LENGTH, REPLY_MAX_LENGTH } from '../../inbox/dto/inbox.dto.js';

export interface FormProblem {
  text: string;
  href: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FormProblem };

/** One posted field, trimmed; the first if posted twice. */
export function field(body: Record<string, unknown>, name: string): string {
  const raw = body[name];
  const value = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
}

export function parseReply(body: Record<string, unknown>): Parsed<string> {
  const text = field(body, 'text');
  const href = '#reply-text';
  if (text === '') return { ok: false, problem: { text: 'Enter your reply', href } };
  if (text.length > REPLY_MAX_LENGTH) {
    return {
      ok: false,
      problem: { text: `Your reply must be ${REPLY_MAX_LENGTH} characters or fewer`, href },
    };
  }
  return { ok: true, value: text };
}

/** A flag's or a block's reason; `fieldId` is the textarea the error summary links to. */
export function parseReason(body: Record<string, unknown>, fieldId: string): Parsed<string> {
  const reason = field(body, 'reason');
  const href = `#${fieldId}`;
  if (reason === '') return { ok: false, problem: { text: 'Enter a reason', href } };
  if (reason.length > REASON_MAX_LENGTH) {
    return {
      ok: false,
      problem: { text: `The reason must be ${REASON_MAX_LENGTH} characters or fewer`, href },
    };
  }
  return { ok: true, value: reason };
}
