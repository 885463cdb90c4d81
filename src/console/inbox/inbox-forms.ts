import type { TemplateReplyContent } from '../../inbox/domain/template-replies.js';
import {
  COMMENT_MAX_LENGTH,
  OVERRIDE_REASON_MAX_LENGTH,
  REASON_MAX_LENGTH,
  REPLY_MAX_LENGTH,
  TEMPLATE_LANGUAGE,
  TEMPLATE_MAX_PARAMETERS,
  TEMPLATE_NAME,
  TEMPLATE_PARAMETER_MAX_LENGTH,
} from '../../inbox/dto/inbox.dto.js';

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

/** The template reply form: name, language and its parameters, one per line. */
export function parseTemplateReply(body: Record<string, unknown>): Parsed<TemplateReplyContent> {
  const templateName = field(body, 'templateName');
  const language = field(body, 'language');
  const parameters = field(body, 'parameters')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (!TEMPLATE_NAME.test(templateName)) {
    return {
      ok: false,
      problem: {
        text:
          templateName === ''
            ? 'Enter the template’s name'
            : 'The template’s name must be lower-case letters, digits and _',
        href: '#template-name',
      },
    };
  }
  if (!TEMPLATE_LANGUAGE.test(language)) {
    return {
      ok: false,
      problem: {
        text: 'Enter the template’s language as a code such as en_GB or cy',
        href: '#template-language',
      },
    };
  }
  const href = '#template-parameters';
  if (parameters.length > TEMPLATE_MAX_PARAMETERS) {
    return {
      ok: false,
      problem: { text: `Enter ${TEMPLATE_MAX_PARAMETERS} parameters or fewer`, href },
    };
  }
  if (parameters.some((parameter) => parameter.length > TEMPLATE_PARAMETER_MAX_LENGTH)) {
    return {
      ok: false,
      problem: {
        text: `Each parameter must be ${TEMPLATE_PARAMETER_MAX_LENGTH} characters or fewer`,
        href,
      },
    };
  }
  return { ok: true, value: { templateName, language, parameters } };
}

/** An approval's override reason: optional here (the service asks for it when needed). */
export function parseOverrideReason(
  body: Record<string, unknown>,
  fieldId: string,
): Parsed<string | undefined> {
  const reason = field(body, 'overrideReason');
  if (reason.length > OVERRIDE_REASON_MAX_LENGTH) {
    return {
      ok: false,
      problem: {
        text: `The reason must be ${OVERRIDE_REASON_MAX_LENGTH} characters or fewer`,
        href: `#${fieldId}`,
      },
    };
  }
  return { ok: true, value: reason === '' ? undefined : reason };
}

/** A rejection's comment for the proposer. */
export function parseComment(body: Record<string, unknown>, fieldId: string): Parsed<string> {
  const comment = field(body, 'comment');
  const href = `#${fieldId}`;
  if (comment === '') return { ok: false, problem: { text: 'Enter a comment', href } };
  if (comment.length > COMMENT_MAX_LENGTH) {
    return {
      ok: false,
      problem: { text: `The comment must be ${COMMENT_MAX_LENGTH} characters or fewer`, href },
    };
  }
  return { ok: true, value: comment };
}

/** The block form's "Also end their subscriptions" checkbox. */
export const wantsUnsubscribe = (body: Record<string, unknown>): boolean =>
  field(body, 'unsubscribe') === 'yes';
