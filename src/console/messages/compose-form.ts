import { DateTime } from 'luxon';
import type { ContentKind } from '../../channels/governance-policy.js';
import type { Priority } from '../../messages/domain/message-status.js';
import type { CreateMessageDto } from '../../messages/dto/message-input.dto.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import { MESSAGE_LIMITS } from './dto-limits.js';

/** Councils in the UK: a send time typed into the form is on the clock in Britain. */
export const FORM_TIME_ZONE = 'Europe/London';
export const DEFAULT_TEMPLATE = { name: 'area_alert', language: 'en_GB' } as const;

/** What the compose form holds, exactly as typed: re-rendered as it is when there are errors. */
export interface ComposeValues {
  channelId: string;
  serviceId: string;
  kind: ContentKind;
  templateName: string;
  language: string;
  parameters: string[];
  body: string;
  areas: string[];
  topics: string[];
  priority: Priority;
  emergencyReason: string;
  sendAtDay: string;
  sendAtMonth: string;
  sendAtYear: string;
  sendAtTime: string;
}

/** One problem: `field` is the id of the input the error summary links to. */
export interface FieldError {
  field: string;
  text: string;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? text(value[0]) : '';
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is string => typeof item === 'string',
  );

export const emptyComposeValues = (channelId = ''): ComposeValues => ({
  channelId,
  serviceId: '',
  kind: 'template',
  templateName: DEFAULT_TEMPLATE.name,
  language: DEFAULT_TEMPLATE.language,
  parameters: [''],
  body: '',
  areas: [],
  topics: [],
  priority: 'routine',
  emergencyReason: '',
  sendAtDay: '',
  sendAtMonth: '',
  sendAtYear: '',
  sendAtTime: '',
});

/** The posted form (flat urlencoded fields; repeated names arrive as arrays) as form values. */
export function composeValuesFrom(body: Record<string, unknown>): ComposeValues {
  const parameters = list(body.parameters);
  return {
    channelId: text(body.channelId).trim(),
    serviceId: text(body.serviceId).trim(),
    kind: text(body.kind) === 'text' ? 'text' : 'template',
    templateName: text(body.templateName).trim(),
    language: text(body.language).trim(),
    parameters: parameters.length > 0 ? parameters : [''],
    body: text(body.body),
    areas: list(body.areas),
    topics: list(body.topics),
    priority: text(body.priority) === 'emergency' ? 'emergency' : 'routine',
    emergencyReason: text(body.emergencyReason),
    sendAtDay: text(body['sendAt-day']).trim(),
    sendAtMonth: text(body['sendAt-month']).trim(),
    sendAtYear: text(body['sendAt-year']).trim(),
    sendAtTime: text(body['sendAt-time']).trim(),
  };
}

/** A stored message as form values, for its edit page. */
export function composeValuesOf(message: MessageView, zone = FORM_TIME_ZONE): ComposeValues {
  const { content } = message;
  const at = message.sendAt ? DateTime.fromISO(message.sendAt, { zone }) : null;
  return {
    channelId: message.channelId,
    serviceId: message.serviceId ?? '',
    kind: content.kind,
    templateName: content.templateName ?? DEFAULT_TEMPLATE.name,
    language: content.language ?? DEFAULT_TEMPLATE.language,
    parameters: content.parameters?.length ? content.parameters : [''],
    body: content.body ?? '',
    areas: message.audience.areas,
    topics: message.audience.topics,
    priority: message.priority,
    emergencyReason: message.emergencyReason ?? '',
    sendAtDay: at ? String(at.day) : '',
    sendAtMonth: at ? String(at.month) : '',
    sendAtYear: at ? String(at.year) : '',
    sendAtTime: at ? at.toFormat('HH:mm') : '',
  };
}

/**
 * The send time the form describes, in UTC, or null when it is left blank ("as soon as it is
 * approved"). Only the shape is checked here; the domain decides whether it is too early or late.
 */
export function sendAtFrom(
  values: ComposeValues,
  zone = FORM_TIME_ZONE,
): { sendAt: string | null; error?: FieldError } {
  const parts = [values.sendAtDay, values.sendAtMonth, values.sendAtYear];
  if (parts.every((part) => part === '') && values.sendAtTime === '') return { sendAt: null };
  const missing = ['day', 'month', 'year'].filter((_, i) => parts[i] === '');
  if (missing.length > 0) {
    return {
      sendAt: null,
      error: {
        field: `sendAt-${missing[0]}`,
        text: `Send date must include a ${missing.join(' and ')}`,
      },
    };
  }
  if (!parts.every((part) => /^\d{1,4}$/.test(part))) {
    return { sendAt: null, error: { field: 'sendAt-day', text: 'Send date must be a real date' } };
  }
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(values.sendAtTime);
  if (!time) {
    return {
      sendAt: null,
      error: {
        field: 'sendAt-time',
        text:
          values.sendAtTime === ''
            ? 'Enter a send time, or clear the send date'
            : 'Send time must be a time on the 24-hour clock, like 14:30',
      },
    };
  }
  const at = DateTime.fromObject(
    {
      day: Number(parts[0]),
      month: Number(parts[1]),
      year: Number(parts[2]),
      hour: Number(time[1]),
      minute: Number(time[2]),
    },
    { zone },
  );
  if (!at.isValid || Number(parts[2]) < 1000) {
    if (Number(time[1]) > 23 || Number(time[2]) > 59) {
      return {
        sendAt: null,
        error: { field: 'sendAt-time', text: 'Send time must be a real time, like 14:30' },
      };
    }
    return {
      sendAt: null,
      error: { field: 'sendAt-day', text: 'Send date must be a real date' },
    };
  }
  return { sendAt: at.toUTC().toISO({ suppressMilliseconds: true }) ?? null };
}

const tooLong = (label: string, max: number) => `${label} must be ${max} characters or fewer`;

/**
 * The form's values as the API's create input, with every problem a person can fix in the form.
 * The limits are the DTOs' own (MESSAGE_LIMITS); the domain's rules (a reason for emergencies,
 * a send time within a year, what the channel allows) are left to the domain, which says so.
 */
export function draftInputFrom(values: ComposeValues): {
  input: CreateMessageDto;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  if (!values.channelId) errors.push({ field: 'channelId', text: 'Select a channel' });
  let content: CreateMessageDto['content'];
  if (values.kind === 'text') {
    if (values.body.trim() === '') errors.push({ field: 'body', text: 'Enter the message' });
    else if (values.body.length > MESSAGE_LIMITS.body.max) {
      errors.push({ field: 'body', text: tooLong('The message', MESSAGE_LIMITS.body.max) });
    }
    content = { kind: 'text', body: values.body };
  } else {
    if (!/^[a-z0-9_]{1,512}$/.test(values.templateName)) {
      errors.push({
        field: 'templateName',
        text: 'Template name must be lower-case letters, digits and underscores, like area_alert',
      });
    }
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(values.language)) {
      errors.push({ field: 'language', text: 'Language must be a code such as en_GB or cy' });
    }
    values.parameters.slice(0, MESSAGE_LIMITS.parameters.max).forEach((parameter, index) => {
      const field = `parameters-${index + 1}`;
      if (parameter.trim() === '') errors.push({ field, text: 'Enter the alert text' });
      else if (parameter.length > MESSAGE_LIMITS.parameter.max) {
        errors.push({ field, text: tooLong('The alert text', MESSAGE_LIMITS.parameter.max) });
      }
    });
    content = {
      kind: 'template',
      templateName: values.templateName,
      language: values.language,
      parameters: values.parameters.slice(0, MESSAGE_LIMITS.parameters.max),
    };
  }
  if (values.areas.length === 0) errors.push({ field: 'areas', text: 'Select at least one area' });
  if (values.topics.length === 0) {
    errors.push({ field: 'topics', text: 'Select at least one topic' });
  }
  const reason = values.emergencyReason.trim();
  if (values.priority === 'emergency' && reason !== '') {
    const { min, max } = MESSAGE_LIMITS.emergencyReason;
    if (reason.length < min || reason.length > max) {
      errors.push({
        field: 'emergencyReason',
        text: `Reason for an emergency must be between ${min} and ${max} characters`,
      });
    }
  }
  const sendAt = sendAtFrom(values);
  if (sendAt.error) errors.push(sendAt.error);
  return {
    input: {
      channelId: values.channelId,
      ...(values.serviceId ? { serviceId: values.serviceId } : {}),
      content,
      audience: { areas: values.areas, topics: values.topics },
      priority: values.priority,
      sendAt: sendAt.sendAt,
      // An empty reason is left for the domain to refuse in its own words.
      emergencyReason: values.priority === 'emergency' && reason !== '' ? reason : null,
    },
    errors,
  };
}

/** The cancel form's one field. */
export function cancelReasonFrom(body: Record<string, unknown>): {
  reason: string;
  error?: FieldError;
} {
  const reason = text(body.reason).trim();
  const { max } = MESSAGE_LIMITS.cancelReason;
  if (reason === '') {
    return { reason, error: { field: 'reason', text: 'Enter why you are cancelling the message' } };
  }
  if (reason.length > max)
    return { reason, error: { field: 'reason', text: tooLong('The reason', max) } };
  return { reason };
}
