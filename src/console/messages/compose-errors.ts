import { CrierError } from '../../common/errors/crier-error.js';
import type { FieldError } from './compose-form.js';

/**
 * The domain's refusals a person can put right in the compose form, in the form's words and
 * linked to the field to change. Anything else is not the form's to explain (it falls through
 * to the error page).
 */
const FIELD_FOR_CODE: Record<string, (error: CrierError) => FieldError> = {
  UNKNOWN_CHANNEL: () => ({ field: 'channelId', text: 'Select a channel from the list' }),
  DRAFTING_NOT_ALLOWED: () => ({
    field: 'channelId',
    text: 'You cannot write messages for this channel: choose one of your own service’s channels or the council’s',
  }),
  SERVICE_REQUIRED: () => ({
    field: 'serviceId',
    text: 'Select which service this message is for',
  }),
  CONTENT_KIND_NOT_ALLOWED: () => ({
    field: 'kind',
    text: 'This channel does not allow this kind of message: choose the other kind or another channel',
  }),
  INVALID_CONTENT: (error) => ({ field: 'kind', text: error.message }),
  EMERGENCY_REASON_REQUIRED: () => ({
    field: 'emergencyReason',
    text: 'Enter why this message is an emergency',
  }),
  EMERGENCY_REASON_NOT_ALLOWED: () => ({
    field: 'priority',
    text: 'Only emergency messages have a reason for being an emergency',
  }),
  SEND_AT_IN_PAST: () => ({ field: 'sendAt-day', text: 'Send time must be in the future' }),
  SEND_AT_TOO_FAR: () => ({ field: 'sendAt-day', text: 'Send time must be within a year' }),
  UNKNOWN_AREA: (error) => ({ field: 'areas', text: error.message }),
  UNKNOWN_TOPIC: (error) => ({ field: 'topics', text: error.message }),
  // Someone else submitted or cancelled it meanwhile: nothing in the form can fix that.
  MESSAGE_NOT_EDITABLE: (error) => ({ field: '', text: error.message }),
};

export function composeErrorFor(error: unknown): FieldError | null {
  if (!(error instanceof CrierError)) return null;
  return FIELD_FOR_CODE[error.code]?.(error) ?? null;
}

/** A problem of INVALID_POLL's (`details.problems`) as the field to change and a sentence. */
export function pollProblemField(problem: string): FieldError {
  const text = `${problem.charAt(0).toUpperCase()}${problem.slice(1)}`;
  if (/^closesAt\b/.test(problem)) {
    return { field: 'pollClosesAt-day', text: 'Closing date must be a real date and time' };
  }
  if (/close after|stay open/.test(problem)) return { field: 'pollClosesAt-day', text };
  if (/question/.test(problem)) return { field: 'body', text };
  return { field: 'pollOptions', text };
}

/**
 * Every problem the form can show for this refusal: INVALID_POLL lists each of the poll's
 * problems, linked to the options, the closing time or the question; others give one, or none.
 */
export function composeErrorsFor(error: unknown): FieldError[] | null {
  if (error instanceof CrierError && error.code === 'INVALID_POLL') {
    const problems = (error.details as { problems?: unknown } | undefined)?.problems;
    const list = Array.isArray(problems)
      ? problems.filter((p): p is string => typeof p === 'string')
      : [];
    return list.length > 0
      ? list.map(pollProblemField)
      : [{ field: 'pollOptions', text: error.message }];
  }
  const one = composeErrorFor(error);
  return one ? [one] : null;
}
