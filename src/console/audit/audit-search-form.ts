import { DateTime } from 'luxon';
import type { AuditEventsQueryDto } from '../../audit/dto/audit.dto.js';
import { UK_TIME_ZONE } from '../uk-dates.js';

/** Events per page of results: enough to scan, small enough to read. */
export const SEARCH_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The same rule as the API's `type` filter: an exact type, or a prefix ending in `.*`. */
const EVENT_TYPE = /^[a-z_]+(\.[a-z_]+)*(\.\*)?$/;
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

export interface DateFields {
  day: string;
  month: string;
  year: string;
  time: string;
}

/** What the person typed, kept to show again. */
export interface SearchValues {
  type: string;
  actor: string;
  staff: string;
  messageId: string;
  channelId: string;
  from: DateFields;
  to: DateFields;
}

export interface FormError {
  text: string;
  href: string;
}

export interface ParsedSearch {
  values: SearchValues;
  /** What to ask the query service for; null when the form has errors. */
  query: AuditEventsQueryDto | null;
  errors: FormError[];
  /** Field name (or `from`, `to` for a whole date) to its message. */
  fieldErrors: Record<string, string>;
  /** Which parts of a date input to mark in error: `from-day`, `to-year`... */
  dateParts: Record<string, boolean>;
  /** Whether anything was filtered on. */
  filtered: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const dateFields = (raw: Record<string, unknown>, name: string): DateFields => ({
  day: text(raw[`${name}-day`]),
  month: text(raw[`${name}-month`]),
  year: text(raw[`${name}-year`]),
  time: text(raw[`${name}-time`]),
});

type DateResult =
  | { kind: 'empty' }
  | { kind: 'ok'; at: DateTime }
  | { kind: 'error'; message: string; href: string; parts: string[] };

/**
 * A GOV.UK date input plus an optional 24-hour time, on UK time. A `to` date without a time
 * means the whole of that day, so it becomes the next midnight (the API's `to` is exclusive).
 */
export function parseDate(fields: DateFields, name: 'from' | 'to', label: string): DateResult {
  const { day, month, year, time } = fields;
  if (!day && !month && !year) {
    return time
      ? {
          kind: 'error',
          message: `${label} must include a date`,
          href: `#${name}-day`,
          parts: ['day', 'month', 'year'],
        }
      : { kind: 'empty' };
  }
  const missing = (['day', 'month', 'year'] as const).filter((part) => !fields[part]);
  if (missing.length > 0) {
    return {
      kind: 'error',
      message: `${label} must include a ${missing.join(' and ')}`,
      href: `#${name}-${missing[0]}`,
      parts: missing,
    };
  }
  const numbers = [day, month, year].map((part) => (/^\d+$/.test(part) ? Number(part) : NaN));
  const [d, m, y] = numbers;
  const date = DateTime.fromObject({ year: y, month: m, day: d }, { zone: UK_TIME_ZONE });
  if (numbers.some(Number.isNaN) || year.length !== 4 || !date.isValid) {
    return {
      kind: 'error',
      message: `${label} must be a real date`,
      href: `#${name}-day`,
      parts: ['day', 'month', 'year'],
    };
  }
  if (!time) return { kind: 'ok', at: name === 'to' ? date.plus({ days: 1 }) : date };
  const clock = TIME.exec(time);
  if (!clock) {
    return {
      kind: 'error',
      message: `${label} time must be a 24-hour time, like 09:30 or 17:45`,
      href: `#${name}-time`,
      parts: [],
    };
  }
  const at = date.set({ hour: Number(clock[1]), minute: Number(clock[2]) });
  // A `to` time includes the whole of that minute.
  return { kind: 'ok', at: name === 'to' ? at.plus({ minutes: 1 }) : at };
}

/** Reads the search form (a GET query) into a query for AuditQueryService, or errors to show. */
export function parseSearch(raw: Record<string, unknown>): ParsedSearch {
  const values: SearchValues = {
    type: text(raw.type),
    actor: text(raw.actor),
    staff: text(raw.staff),
    messageId: text(raw.messageId),
    channelId: text(raw.channelId),
    from: dateFields(raw, 'from'),
    to: dateFields(raw, 'to'),
  };
  const errors: FormError[] = [];
  const fieldErrors: Record<string, string> = {};
  const dateParts: Record<string, boolean> = {};
  const fail = (field: string, message: string, href = `#${field}`) => {
    errors.push({ text: message, href });
    fieldErrors[field] = message;
  };

  if (values.type && !EVENT_TYPE.test(values.type)) {
    fail('type', 'Event type must look like message.approved, or message.* for a group of events');
  }
  if (values.actor && !UUID.test(values.actor)) fail('actor', 'Select who did it from the list');
  if (values.staff && !UUID.test(values.staff))
    fail('staff', 'Select the staff member from the list');
  if (values.messageId && !UUID.test(values.messageId)) {
    fail(
      'messageId',
      'Message ID must be a message’s ID, like 0b5c3f7e-1d2a-4c8b-9e6f-2a7d4b1c9e05',
    );
  }
  if (values.channelId && !UUID.test(values.channelId))
    fail('channelId', 'Select a channel from the list');

  const from = parseDate(values.from, 'from', 'From');
  const to = parseDate(values.to, 'to', 'To');
  for (const [name, result] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (result.kind !== 'error') continue;
    // A time problem belongs to the time field; any other to the date input as a whole.
    fail(result.href.endsWith('-time') ? `${name}-time` : name, result.message, result.href);
    for (const part of result.parts) dateParts[`${name}-${part}`] = true;
  }
  if (from.kind === 'ok' && to.kind === 'ok' && from.at >= to.at) {
    fail('to', 'To must be after From', '#to-day');
  }

  const afterSeq = /^\d{1,15}$/.test(text(raw.afterSeq)) ? Number(text(raw.afterSeq)) : 0;
  const filtered =
    Boolean(values.type || values.actor || values.staff || values.messageId || values.channelId) ||
    from.kind !== 'empty' ||
    to.kind !== 'empty';
  if (errors.length > 0) return { values, query: null, errors, fieldErrors, dateParts, filtered };
  const query: AuditEventsQueryDto = {
    afterSeq,
    limit: SEARCH_PAGE_SIZE,
    ...(values.type ? { type: values.type } : {}),
    ...(values.actor ? { actor: values.actor } : {}),
    ...(values.staff ? { staff: values.staff } : {}),
    ...(values.messageId ? { messageId: values.messageId.toLowerCase() } : {}),
    ...(values.channelId ? { channelId: values.channelId } : {}),
    ...(from.kind === 'ok' ? { from: from.at.toUTC().toISO()! } : {}),
    ...(to.kind === 'ok' ? { to: to.at.toUTC().toISO()! } : {}),
  };
  return { values, query, errors, fieldErrors, dateParts, filtered };
}

/** The query string that repeats this search from another `afterSeq` (for "Next page"). */
export function searchLink(values: SearchValues, afterSeq?: number): string {
  const params = new URLSearchParams();
  const add = (name: string, value: string) => {
    if (value) params.set(name, value);
  };
  add('type', values.type);
  add('actor', values.actor);
  add('staff', values.staff);
  add('messageId', values.messageId);
  add('channelId', values.channelId);
  for (const name of ['from', 'to'] as const) {
    for (const part of ['day', 'month', 'year', 'time'] as const) {
      add(`${name}-${part}`, values[name][part]);
    }
  }
  if (afterSeq) params.set('afterSeq', String(afterSeq));
  const query = params.toString();
  return query ? `/console/audit?${query}` : '/console/audit';
}
