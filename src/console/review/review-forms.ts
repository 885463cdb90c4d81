import { CrierError } from '../../common/errors/crier-error.js';

/** A problem for the error summary (`href` points at the field or form) and the field itself. */
export interface FormProblem {
  text: string;
  href: string;
}

export const COMMENT_MAX = 2000;
/** As the API's ApproveMessageDto.overrideReason. */
export const OVERRIDE_REASON_MAX = 1000;

/** The version the reviewer was looking at, from the form's hidden field. */
export function parseVersion(value: unknown): number | undefined {
  return typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export interface ApproveForm {
  version?: number;
  comment: string;
  /** Why the message may go out despite the content checks' findings; empty when not given. */
  overrideReason: string;
}

export function parseApproveForm(body: Record<string, unknown>): {
  form: ApproveForm;
  problems: FormProblem[];
} {
  const form = {
    version: parseVersion(body.version),
    comment: trimmed(body.comment),
    overrideReason: trimmed(body.overrideReason),
  };
  const problems: FormProblem[] = [];
  if (form.version === undefined) {
    problems.push({ text: 'Reload the page and review the message again', href: '#decision' });
  }
  if (form.comment.length > COMMENT_MAX) {
    problems.push({
      text: `Comment must be ${COMMENT_MAX} characters or fewer`,
      href: '#approve-comment',
    });
  }
  if (form.overrideReason.length > OVERRIDE_REASON_MAX) {
    problems.push({
      text: `Your reason must be ${OVERRIDE_REASON_MAX} characters or fewer`,
      href: '#override-reason',
    });
  }
  return { form, problems };
}

export function parseChangesForm(body: Record<string, unknown>): {
  comment: string;
  problems: FormProblem[];
} {
  const comment = trimmed(body.comment);
  const problems: FormProblem[] = [];
  if (comment === '') {
    problems.push({ text: 'Enter what needs to change', href: '#changes-comment' });
  } else if (comment.length > COMMENT_MAX) {
    problems.push({
      text: `What needs to change must be ${COMMENT_MAX} characters or fewer`,
      href: '#changes-comment',
    });
  }
  return { comment, problems };
}

/**
 * The domain's refusals of a review action, in the console's words. `href` points at the form
 * the refusal is about. Anything else is not expected here and is rethrown to the error page.
 */
export function reviewRefusal(error: unknown, form: 'approve' | 'changes' | 'test'): FormProblem {
  if (!(error instanceof CrierError)) throw error;
  const href = form === 'test' ? '#test' : '#decision';
  switch (error.code) {
    case 'SELF_APPROVAL_FORBIDDEN':
      return {
        text:
          form === 'changes'
            ? 'You wrote or edited this message, so someone else must review it'
            : 'You wrote or edited this message, so someone else must approve it',
        href,
      };
    case 'APPROVAL_VERSION_MISMATCH':
      return { text: 'This message changed since you opened it. Review the new version.', href };
    case 'NOT_AN_APPROVER':
      return {
        text: 'You cannot approve messages on this channel. Its policy names who can.',
        href,
      };
    case 'MESSAGE_NOT_IN_REVIEW':
      return { text: `${sentence(error.message)} You can only review a message in review.`, href };
    case 'ALREADY_APPROVED':
      return {
        text: 'You have already approved this version. Someone else must add theirs.',
        href,
      };
    case 'CONTENT_FINDINGS_NEED_REASON':
      return {
        text: 'Enter why this message can be approved with the content checks’ findings, or send it back for changes',
        href: '#override-reason',
      };
    case 'TEST_PHONE_NOT_REGISTERED':
      return { text: 'Add your test phone number before you send a test', href: '#test-phone' };
    case 'TEST_SEND_NOT_AVAILABLE':
    case 'CHANNEL_SENDING_PAUSED':
    case 'CONTENT_HASH_MISMATCH':
    case 'MESSAGING_LIMIT_EXCEEDED':
      return { text: error.message, href };
    default:
      throw error;
  }
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);
