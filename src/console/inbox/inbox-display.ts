import type { ConversationStatus } from '../../inbox/inbox.repository.js';
import type { ConversationSummaryView, ConversationView } from '../../inbox/dto/inbox.dto.js';

const LONDON = 'Europe/London';
const WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "23 Nov, 14:05" in UK time. */
export const ukWhen = (iso: string): string => WHEN.format(new Date(iso));

const STATUS_TAGS: Readonly<Record<ConversationStatus, { text: string; classes: string }>> = {
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  assigned: { text: 'Assigned', classes: 'govuk-tag--purple' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
};

export function conversationTag(conversation: Pick<ConversationSummaryView, 'status' | 'blocked'>) {
  return conversation.blocked
    ? { text: 'Blocked', classes: 'govuk-tag--red' }
    : STATUS_TAGS[conversation.status];
}

export const INBOX_TABS = [
  { status: 'open', text: 'Open' },
  { status: 'assigned', text: 'Assigned' },
  { status: 'closed', text: 'Closed' },
  { status: 'blocked', text: 'Blocked' },
] as const;
export type InboxTab = (typeof INBOX_TABS)[number]['status'];

export const isInboxTab = (value: unknown): value is InboxTab =>
  INBOX_TABS.some((tab) => tab.status === value);

/** What the reply box says about the 24-hour window. */
export function windowText(window: ConversationSummaryView['window']): string {
  if (window.open && window.closesAt) {
    return `You can reply with your own words until ${ukWhen(window.closesAt)}. That is 24 hours after the resident last wrote.`;
  }
  return 'The resident last wrote more than 24 hours ago. WhatsApp only allows an approved template now, so you cannot reply with your own words. Replying with a template from the inbox is not available yet: draft a message instead.';
}

export interface ConversationItemRow {
  id: string;
  direction: 'in' | 'out';
  who: string;
  when: string;
  text: string;
  flagged: { reason: string; when: string } | null;
  status: string | null;
}

const DELIVERY_WORDS: Record<string, string> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  accepted: 'Sent to WhatsApp',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
};

export function conversationRows(conversation: ConversationView): ConversationItemRow[] {
  return conversation.items.map((item) => ({
    id: item.id,
    direction: item.direction,
    who: item.direction === 'in' ? 'Resident' : (item.sentBy?.name ?? 'Staff'),
    when: ukWhen(item.at),
    text:
      item.text ??
      (item.kind === 'other'
        ? 'A message Crier cannot show (a photo, a voice note or similar)'
        : 'Deleted after the retention period'),
    flagged: item.flagged ? { reason: item.flagged.reason, when: ukWhen(item.flagged.at) } : null,
    status: item.status ? (DELIVERY_WORDS[item.status] ?? item.status) : null,
  }));
}
