import { DateTime } from 'luxon';
import type { ContentKind } from '../../channels/governance-policy.js';
import type { Priority } from '../../messages/domain/message-status.js';
import type { CreateMessageDto } from '../../messages/dto/message-input.dto.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import {
  MAX_BUTTON_TITLE,
  MAX_LIST_ROW_TITLE,
  MAX_POLL_OPTIONS,
  MAX_REPLY_BUTTONS,
  MAX_TEMPLATE_BUTTON_TEXT,
  MIN_POLL_OPTIONS,
} from '../../messages/domain/poll-definition.js';
import { UK_TIME_ZONE } from '../uk-dates.js';
import { MESSAGE_LIMITS } from './dto-limits.js';

/** Councils in the UK: a send time typed into the form is on the clock in Britain. */
export const FORM_TIME_ZONE = UK_TIME_ZONE;
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
  /** The snap poll's options as typed: one a line. Empty with no closing time: no poll. */
  pollOptions: string;
  pollClosesDay: string;
  pollClosesMonth: string;
  pollClosesYear: string;
  pollClosesTime: string;
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
  pollOptions: '',
  pollClosesDay: '',
  pollClosesMonth: '',
  pollClosesYear: '',
  pollClosesTime: '',
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
    pollOptions: text(body.pollOptions),
    pollClosesDay: text(body['pollClosesAt-day']).trim(),
    pollClosesMonth: text(body['pollClosesAt-month']).trim(),
    pollClosesYear: text(body['pollClosesAt-year']).trim(),
    pollClosesTime: text(body['pollClosesAt-time']).trim(),
  };
}

/** A stored message as form values, for its edit page. */
export function composeValuesOf(message: MessageView, zone = FORM_TIME_ZONE): ComposeValues {
  const { content } = message;
  const at = message.sendAt ? DateTime.fromISO(message.sendAt, { zone }) : null;
  const poll = content.poll;
  const closes = poll ? DateTime.fromISO(poll.closesAt, { zone }) : null;
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
    pollOptions: poll ? poll.options.join('\n') : '',
    pollClosesDay: closes ? String(closes.day) : '',
    pollClosesMonth: closes ? String(closes.month) : '',
    pollClosesYear: closes ? String(closes.year) : '',
    pollClosesTime: closes ? closes.toFormat('HH:mm') : '',
  };
}

/** A date and time typed into the form (day, month, year, "14:30"), with its words for errors. */
interface DateTimeFields {
  day: string;
  month: string;
  year: string;
  time: string;
}
interface DateTimeWords {
  /** The date-input's id: errors link to `${id}-day` and so on, and `${id}-time`. */
  id: string;
  /** "Send", "Closing": as in "Send date must include a day". */
  label: string;
  /** Said when the date is given without a time. */
  noTime: string;
}

/** The date and time the fields describe, in UTC; null when all are blank. Shape only. */
function ukDateTimeFrom(
  fields: DateTimeFields,
  words: DateTimeWords,
  zone: string,
): { at: string | null; error?: FieldError } {
  const { id, label } = words;
  const parts = [fields.day, fields.month, fields.year];
  if (parts.every((part) => part === '') && fields.time === '') return { at: null };
  const missing = ['day', 'month', 'year'].filter((_, i) => parts[i] === '');
  if (missing.length > 0) {
    return {
      at: null,
      error: {
        field: `${id}-${missing[0]}`,
        text: `${label} date must include a ${missing.join(' and ')}`,
      },
    };
  }
  if (!parts.every((part) => /^\d{1,4}$/.test(part))) {
    return { at: null, error: { field: `${id}-day`, text: `${label} date must be a real date` } };
  }
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(fields.time);
  if (!time) {
    return {
      at: null,
      error: {
        field: `${id}-time`,
        text:
          fields.time === ''
            ? words.noTime
            : `${label} time must be a time on the 24-hour clock, like 14:30`,
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
        at: null,
        error: { field: `${id}-time`, text: `${label} time must be a real time, like 14:30` },
      };
    }
    return { at: null, error: { field: `${id}-day`, text: `${label} date must be a real date` } };
  }
  return { at: at.toUTC().toISO({ suppressMilliseconds: true }) ?? null };
}

/**
 * The send time the form describes, in UTC, or null when it is left blank ("as soon as it is
 * approved"). Only the shape is checked here; the domain decides whether it is too early or late.
 */
export function sendAtFrom(
  values: ComposeValues,
  zone = FORM_TIME_ZONE,
): { sendAt: string | null; error?: FieldError } {
  const { at, error } = ukDateTimeFrom(
    {
      day: values.sendAtDay,
      month: values.sendAtMonth,
      year: values.sendAtYear,
      time: values.sendAtTime,
    },
    { id: 'sendAt', label: 'Send', noTime: 'Enter a send time, or clear the send date' },
    zone,
  );
  return error ? { sendAt: null, error } : { sendAt: at };
}

/** The poll's options as typed: one a line, blank lines left out. */
export const pollOptionsFrom = (typed: string): string[] =>
  typed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The longest option title WhatsApp shows for this many options on this kind of message. */
export function pollTitleLimit(kind: ContentKind, options: number): number {
  if (kind === 'template') return MAX_TEMPLATE_BUTTON_TEXT;
  return options <= MAX_REPLY_BUTTONS ? MAX_BUTTON_TITLE : MAX_LIST_ROW_TITLE;
}

/**
 * The snap poll the form describes, or null when its fields are left blank. The shape is checked
 * here (how many options, how long, closing time); whether the closing time is late enough, and
 * anything else, is the domain's to say (INVALID_POLL, see compose-errors.ts).
 */
export function pollFrom(
  values: ComposeValues,
  zone = FORM_TIME_ZONE,
): { poll: { options: string[]; closesAt: string } | null; errors: FieldError[] } {
  const options = pollOptionsFrom(values.pollOptions);
  const closes = ukDateTimeFrom(
    {
      day: values.pollClosesDay,
      month: values.pollClosesMonth,
      year: values.pollClosesYear,
      time: values.pollClosesTime,
    },
    {
      id: 'pollClosesAt',
      label: 'Closing',
      noTime: 'Enter the time the poll closes',
    },
    zone,
  );
  if (options.length === 0 && closes.at === null && !closes.error)
    return { poll: null, errors: [] };
  const errors: FieldError[] = [];
  const field = 'pollOptions';
  if (options.length === 0) {
    errors.push({
      field,
      text: 'Enter the poll’s options, one on each line, or clear the closing date',
    });
  } else if (options.length < MIN_POLL_OPTIONS) {
    errors.push({
      field,
      text: `A poll needs at least ${MIN_POLL_OPTIONS} options, one on each line`,
    });
  } else if (options.length > MAX_POLL_OPTIONS) {
    errors.push({ field, text: `A poll can have at most ${MAX_POLL_OPTIONS} options` });
  } else {
    const limit = pollTitleLimit(values.kind, options.length);
    const why =
      values.kind === 'template'
        ? 'on a template'
        : options.length <= MAX_REPLY_BUTTONS
          ? `as buttons (up to ${MAX_REPLY_BUTTONS} options)`
          : 'in a list';
    const long = options.findIndex((option) => [...option].length > limit);
    if (long >= 0) {
      errors.push({
        field,
        text: `Option ${long + 1} must be ${limit} characters or fewer ${why}`,
      });
    }
    const seen = options.map((option) => option.toLowerCase());
    if (new Set(seen).size !== seen.length) {
      errors.push({ field, text: 'Each option must be different' });
    }
  }
  if (closes.error) errors.push(closes.error);
  else if (closes.at === null) {
    errors.push({ field: 'pollClosesAt-day', text: 'Enter the date and time the poll closes' });
  }
  return {
    poll: errors.length === 0 && closes.at ? { options, closesAt: closes.at } : null,
    errors,
  };
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
  const poll = pollFrom(values);
  errors.push(...poll.errors);
  if (poll.poll) content = { ...content, poll: poll.poll };
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
