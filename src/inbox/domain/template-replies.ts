import type { ChannelKind, GovernancePolicy } from '../../channels/governance-policy.js';
import { type ApprovalRefusal, approvalRefusal } from '../../messages/domain/message-access.js';
import { type Actor, hasRole } from '../../organisation/actor.js';

export type TemplateReplyStatus = 'pending' | 'sent' | 'rejected' | 'withdrawn';

/** A template reply as the resident would get it: an approved template and its parameters. */
export interface TemplateReplyContent {
  templateName: string;
  language: string;
  parameters: string[];
}

export interface TemplateReplyChannel {
  id: string;
  kind: ChannelKind;
  serviceId: string | null;
  policy: GovernancePolicy;
}

export type TemplateReplyRefusal = ApprovalRefusal | 'ALREADY_APPROVED';

/**
 * Whether this person may approve (or reject) a template reply on this channel: the channel's
 * approval rules, as for any message it sends (one of the policy's approver roles, a service
 * manager only for their own service's channel, never what they proposed), and once each.
 * Seeing the conversation at all is the inbox's own rule (canWorkInbox), checked first.
 */
export function templateReplyRefusal(
  actor: Actor,
  channel: TemplateReplyChannel,
  reply: { proposedBy: string; approvedBy: readonly string[] },
): TemplateReplyRefusal | null {
  const refusal = approvalRefusal(actor, channel, [reply.proposedBy]);
  if (refusal) return refusal;
  return reply.approvedBy.includes(actor.id) ? 'ALREADY_APPROVED' : null;
}

/** Whether this many distinct approvals are enough to send, under the channel's policy now. */
export const isFullyApproved = (approvals: number, policy: GovernancePolicy): boolean =>
  approvals >= policy.approvalsRequired;

/**
 * The text the audit log fingerprints: the parameters as WhatsApp fills them in, one per line,
 * so the log can prove what was approved without repeating words that may name people.
 */
export const templateReplyText = (content: TemplateReplyContent): string =>
  content.parameters.join('\n');

/** Who may take back a pending template reply: the person who proposed it, or an admin. */
export function mayWithdrawTemplateReply(actor: Actor, proposedById: string): boolean {
  return actor.id === proposedById || hasRole(actor, 'admin');
}
