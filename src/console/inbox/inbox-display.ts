import type { ConversationStatus } from '../../inbox/inbox.repository.js';
import type { TemplateReplyStatus } from '../../inbox/domain/template-replies.js';
import type { ConversationSummaryView, ConversationView } from '../../inbox/dto/inbox.dto.js';
import { ukDayClock } from '../uk-dates.js';

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
    return `You can reply with your own words until ${ukDayClock(window.closesAt)}. That is 24 hours after the resident last wrote.`;
  }
  return 'The resident last wrote more than 24 hours ago. WhatsApp only allows an approved template now, so you cannot reply with your own words. Propose a template reply below instead: it is sent once it has the channel’s approvals.';
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
    when: ukDayClock(item.at),
    text:
      item.text ??
      (item.kind === 'other'
        ? 'A message Crier cannot show (a photo, a voice note or similar)'
        : 'Deleted after the retention period'),
    flagged: item.flagged
      ? { reason: item.flagged.reason, when: ukDayClock(item.flagged.at) }
      : null,
    status: item.status ? (DELIVERY_WORDS[item.status] ?? item.status) : null,
  }));
}

/** What each content safeguard finding is, in words an approver reads. */
const FINDING_WORDS: Readonly<Record<string, string>> = {
  PHONE_NUMBER: 'a phone number',
  EMAIL_ADDRESS: 'an email address',
  NHS_NUMBER: 'an NHS number',
  NATIONAL_INSURANCE_NUMBER: 'a National Insurance number',
  POSTCODE_NEAR_NAME: 'a postcode near a name',
  HEALTH_INFORMATION: 'health information',
  LINK_NOT_ALLOWED: 'a link to a site not on the allow list',
};

const TEMPLATE_REPLY_TAGS: Readonly<
  Record<TemplateReplyStatus, { text: string; classes: string }>
> = {
  pending: { text: 'Waiting for approval', classes: 'govuk-tag--yellow' },
  sent: { text: 'Approved and sent', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
};

export interface TemplateReplyRow {
  id: string;
  tag: { text: string; classes: string };
  template: string;
  parameters: string[];
  /** Shown instead of the parameters once retention removed them. */
  parametersNote: string | null;
  proposedBy: string;
  when: string;
  /** "1 of 2 approvals: Maya" */
  approvals: string;
  findings: string[];
  rejection: { by: string; comment: string } | null;
  delivery: string | null;
  mayApprove: boolean;
  mayReject: boolean;
  mayWithdraw: boolean;
}

/** The conversation's template replies, newest first, as the console lists them. */
export function templateReplyRows(conversation: ConversationView): TemplateReplyRow[] {
  return [...conversation.templateReplies].reverse().map((reply) => ({
    id: reply.id,
    tag: TEMPLATE_REPLY_TAGS[reply.status],
    template: `${reply.templateName} (${reply.language})`,
    parameters: reply.parameters,
    parametersNote: reply.parametersDeleted
      ? 'Deleted after the retention period'
      : reply.parameters.length === 0
        ? 'None'
        : null,
    proposedBy: reply.proposedBy.name,
    when: ukDayClock(reply.proposedAt),
    approvals:
      `${reply.approvals.length} of ${reply.approvalsRequired} approval${reply.approvalsRequired === 1 ? '' : 's'}` +
      (reply.approvals.length > 0 ? `: ${reply.approvals.map((a) => a.by.name).join(', ')}` : ''),
    findings: reply.contentFindings.map((code) => FINDING_WORDS[code] ?? code),
    rejection: reply.rejection
      ? { by: reply.rejection.by.name, comment: reply.rejection.comment }
      : null,
    delivery: reply.deliveryStatus
      ? (DELIVERY_WORDS[reply.deliveryStatus] ?? reply.deliveryStatus)
      : null,
    mayApprove: reply.youMay.approve,
    mayReject: reply.youMay.reject,
    mayWithdraw: reply.youMay.withdraw,
  }));
}
