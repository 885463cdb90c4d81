import type { MessageStatus } from '../messages/domain/message-status.js';

/**
 * A message's status as a GOV.UK tag, the same on every console page: words a council officer
 * uses, and a colour for each (grey not started, blue with reviewers, orange back with the
 * author, turquoise and purple agreed and waiting, light blue going out, green sent, red stopped).
 */
const STATUS_TAGS: Readonly<Record<MessageStatus, { text: string; classes: string }>> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  in_review: { text: 'In review', classes: 'govuk-tag--blue' },
  changes_requested: { text: 'Changes requested', classes: 'govuk-tag--orange' },
  approved: { text: 'Approved', classes: 'govuk-tag--turquoise' },
  scheduled: { text: 'Scheduled', classes: 'govuk-tag--purple' },
  sending: { text: 'Sending', classes: 'govuk-tag--light-blue' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
};

export const statusTag = (status: MessageStatus) => STATUS_TAGS[status];

/** Every status, in the order a message goes through them. */
export const MESSAGE_STATUS_ORDER = Object.keys(STATUS_TAGS) as MessageStatus[];

export const isMessageStatus = (value: unknown): value is MessageStatus =>
  typeof value === 'string' && Object.hasOwn(STATUS_TAGS, value);
