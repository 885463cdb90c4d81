import { isMessageStatus, statusTag as messageStatusTag } from '../status-tags.js';
import type { ChannelView } from '../../channels/dto/channel.dto.js';
import { approvalRefusal } from '../../messages/domain/message-access.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import type { Actor } from '../../organisation/actor.js';
import type { CostEstimateView } from '../../residents/counts/audience-counts.dto.js';

/** A message's status as a `govukTag`: the console's own words and colours. */
export function statusTag(status: string): { text: string; classes: string } {
  return isMessageStatus(status)
    ? messageStatusTag(status)
    : { text: status, classes: 'govuk-tag--grey' };
}

/** A test send's status in words. */
export function testSendStatus(status: string): { text: string; classes: string } {
  const tags: Record<string, [string, string]> = {
    queued: ['Queued', 'govuk-tag--grey'],
    accepted: ['Accepted by WhatsApp', 'govuk-tag--blue'],
    sent: ['Sent', 'govuk-tag--blue'],
    delivered: ['Delivered', 'govuk-tag--green'],
    read: ['Read', 'govuk-tag--green'],
    failed: ['Failed', 'govuk-tag--red'],
  };
  const [text, classes] = tags[status] ?? [status, 'govuk-tag--grey'];
  return { text, classes };
}

/** Whether this viewer may approve the message, and if not, why, in a sentence. */
export interface ApprovalStanding {
  mayApprove: boolean;
  reason: string | null;
}

export function approvalStanding(
  actor: Actor,
  message: Pick<MessageView, 'status' | 'editors' | 'approvals'>,
  channel: Pick<ChannelView, 'id' | 'kind' | 'serviceId' | 'policy'>,
): ApprovalStanding {
  const refusal = approvalRefusal(actor, channel, message.editors);
  if (refusal === 'SELF_APPROVAL_FORBIDDEN') {
    return {
      mayApprove: false,
      reason: 'You wrote or edited this message, so someone else must approve it.',
    };
  }
  if (refusal === 'NOT_AN_APPROVER') {
    return {
      mayApprove: false,
      reason: `You cannot approve messages on this channel. It needs ${rolesInWords(channel.policy.approverRoles)}.`,
    };
  }
  if (message.status !== 'in_review') {
    return { mayApprove: false, reason: 'This message is not waiting for review.' };
  }
  if (message.approvals.some((a) => a.current && a.by === actor.id)) {
    return { mayApprove: false, reason: 'You have approved this version.' };
  }
  return { mayApprove: true, reason: null };
}

const ROLE_WORDS: Record<string, string> = {
  service_manager: "the service's manager",
  comms_approver: 'the communications team',
};

export function rolesInWords(roles: readonly string[]): string {
  const words = roles.map((role) => ROLE_WORDS[role] ?? role.replace('_', ' '));
  return words.length <= 1
    ? (words[0] ?? 'an approver')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** "3 residents", "1 resident". */
export const residents = (count: number): string =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? 'resident' : 'residents'}`;

/** The estimated cost as money, saying so when the price is only an example. */
export function costInWords(cost: CostEstimateView | null): string {
  if (!cost) return 'Not known: no price per message is set';
  const money = new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: cost.currency,
  }).format(cost.total);
  return cost.example ? `${money} (an example price: the simulator is in use)` : money;
}

/** Names for ids, with a plain fallback for someone no longer listed. */
export const nameOf = (names: ReadonlyMap<string, string>, id: string | null): string =>
  (id && names.get(id)) ?? 'Someone no longer on the staff list';
