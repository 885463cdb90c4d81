import { DateTime } from 'luxon';
import type { StoredActor } from '../../audit/audit-event.js';
import { UK_TIME_ZONE } from '../uk-dates.js';

/** What the pages need of an event (the query service's AuditEventView). */
export interface EventLike {
  seq: number;
  type: string;
  recordedAt: string;
  actor: StoredActor;
  actorStaffId: string | null;
  subject: Record<string, string | undefined>;
  data: Record<string, unknown>;
}

/** "22 Nov 2026, 14:05:09 GMT": seconds matter when putting events in order. */
export function ukTime(iso: string, zone = UK_TIME_ZONE): string {
  return DateTime.fromISO(iso, { zone, locale: 'en-GB' }).toFormat('d MMM yyyy, HH:mm:ss ZZZZ');
}

/** The start of a hash: enough to compare by eye; the full one is in the exported bundle. */
export const shortHash = (hex: string): string => (hex.length > 12 ? `${hex.slice(0, 12)}…` : hex);

const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * Who did it. Staff are shown by their pseudonymous reference; the name is added only when the
 * query service resolved the reference to a current staff member (never once they are erased).
 */
export function actorLabel(
  event: Pick<EventLike, 'actor' | 'actorStaffId'>,
  names: ReadonlyMap<string, string>,
): { text: string; ref: string | null } {
  if (event.actor.kind === 'system') return { text: `Crier (${event.actor.reason})`, ref: null };
  const name = event.actorStaffId ? names.get(event.actorStaffId) : undefined;
  return { text: name ?? 'Staff member', ref: event.actor.ref };
}

/** What the event is about, in a few words: "message 0b5c3f7e…", "staff member ref 9f2…". */
export function subjectSummary(subject: EventLike['subject']): string {
  const parts: string[] = [];
  if (subject.messageId) parts.push(`message ${subject.messageId}`);
  if (subject.channelId) parts.push(`channel ${subject.channelId}`);
  if (subject.serviceId) parts.push(`service ${subject.serviceId}`);
  if (subject.staffRef) parts.push(`staff member ${subject.staffRef}`);
  if (subject.residentRef) parts.push(`resident ${subject.residentRef}`);
  return parts.join(', ');
}

const scalar = (value: unknown): string | null => {
  if (value === null) return 'none';
  if (typeof value === 'string') return HEX_HASH.test(value) ? shortHash(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
};

/** The event's data as a short line: its plain values, nested ones left to the full payload. */
export function dataSummary(data: Record<string, unknown>, most = 5, longest = 60): string {
  const parts = Object.entries(data).flatMap(([key, value]) => {
    const shown = scalar(value);
    if (shown === null) return Array.isArray(value) ? [`${key}: ${value.length} items`] : [];
    return [`${key}: ${shown.length > longest ? `${shown.slice(0, longest)}…` : shown}`];
  });
  const rest = parts.length > most ? [`and ${parts.length - most} more`] : [];
  return [...parts.slice(0, most), ...rest].join(', ');
}

const version = (data: Record<string, unknown>) =>
  typeof data.version === 'number' ? `version ${data.version}` : 'the message';
const hash = (data: Record<string, unknown>, key = 'contentHash') =>
  typeof data[key] === 'string' ? ` (content hash ${shortHash(data[key])})` : '';
const said = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'string' && data[key] ? [`“${data[key]}”`] : [];

/** A message event as a step in its life: a heading and what it means, in plain words. */
export function describeMessageEvent(event: Pick<EventLike, 'type' | 'data'>): {
  title: string;
  details: string[];
} {
  const { data } = event;
  switch (event.type) {
    case 'message.created':
      return { title: 'Drafted', details: [`Wrote ${version(data)}${hash(data)}.`] };
    case 'message.edited':
      return { title: 'Edited', details: [`Saved ${version(data)}${hash(data)}.`] };
    case 'message.submitted':
      return {
        title: 'Submitted for approval',
        details: [`Sent ${version(data)}${hash(data)} for review.`],
      };
    case 'message.approved': {
      const count =
        typeof data.approvals === 'number' && typeof data.approvalsRequired === 'number'
          ? ` Approval ${data.approvals} of ${data.approvalsRequired} needed.`
          : '';
      return {
        title: 'Approved',
        details: [`Approved ${version(data)}${hash(data)}.${count}`, ...said(data, 'comment')],
      };
    }
    case 'message.changes_requested':
      return {
        title: 'Changes requested',
        details: [`Asked for changes to ${version(data)}${hash(data)}.`, ...said(data, 'comment')],
      };
    case 'message.test_sent':
      return {
        title: 'Test sent',
        details: [
          `Sent a test of ${version(data)}${hash(data)} to a test phone: ${data.outcome === 'accepted' ? 'accepted by WhatsApp' : 'it failed'}.`,
        ],
      };
    case 'message.quiet_hours_bypassed':
      return {
        title: 'Quiet hours overridden',
        details: [`Approved to send in quiet hours.`, ...said(data, 'reason')],
      };
    case 'message.dispatch_queued':
      return {
        title: 'Queued to send',
        details: [`Queued ${version(data)}${hash(data)} for sending.`],
      };
    case 'message.dispatch_refused':
      return {
        title: 'Sending refused',
        details: [
          'Crier refused to send because the stored text no longer matched the approved version.',
        ],
      };
    case 'message.sent': {
      const counts = Object.fromEntries(
        Object.entries(data).filter(([key]) => key !== 'version' && key !== 'contentHash'),
      );
      const summary = dataSummary(counts);
      return {
        title: 'Sent',
        details: [`Sent ${version(data)}${hash(data)}.`, ...(summary ? [summary] : [])],
      };
    }
    case 'message.cancelled':
      return {
        title: 'Cancelled',
        details: [`Cancelled ${version(data)}.`, ...said(data, 'reason')],
      };
    default:
      return { title: event.type, details: [dataSummary(event.data)].filter(Boolean) };
  }
}

/** "57 events checked, chain head 3fa9…, against 2 signed checkpoints." */
export function intactSummary(
  checked: number,
  chainHead: string | null,
  checkpoints: number,
): string {
  const events = `${checked.toLocaleString('en-GB')} ${checked === 1 ? 'event' : 'events'} checked`;
  const head = chainHead ? `, chain head ${chainHead}` : '';
  const against =
    checkpoints === 0
      ? ', no signed checkpoints yet'
      : `, against ${checkpoints} signed ${checkpoints === 1 ? 'checkpoint' : 'checkpoints'}`;
  return `${events}${head}${against}.`;
}
