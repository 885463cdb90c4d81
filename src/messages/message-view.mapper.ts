import type { GovernancePolicy } from '../channels/governance-policy.js';
import type { DeliveryView, MessageView } from './dto/message-view.dto.js';
import type { MessageRecord } from './messages.repository.js';
import type { ContentFinding } from './safeguards/content-finding.js';

/** Approvals that count: of the current version, in the current review round, one per person. */
export function currentApprovers(record: MessageRecord): string[] {
  const { message, reviews } = record;
  return [
    ...new Set(
      reviews
        .filter(
          (review) =>
            review.decision === 'approved' &&
            review.version === message.currentVersion &&
            review.reviewRound === message.reviewRound,
        )
        .map((review) => review.reviewerId),
    ),
  ];
}

/** Before the fan-out starts there is nothing to count. */
export const NOTHING_SENT: DeliveryView = {
  recipients: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  read: 0,
  failed: 0,
  notSent: 0,
};

/** `findings`: the content safeguards' findings in the current version (ContentSafeguards). */
export function toMessageView(
  record: MessageRecord,
  policy: GovernancePolicy,
  findings: ContentFinding[],
): MessageView {
  const { message, version, reviews } = record;
  const approvers = currentApprovers(record);
  const current = (version_: number, round: number) =>
    version_ === message.currentVersion && round === message.reviewRound;
  return {
    id: message.id,
    channelId: message.channelId,
    serviceId: message.serviceId,
    status: message.status,
    version: message.currentVersion,
    contentHash: version.contentHash,
    content: version.content,
    audience: version.audience,
    priority: version.priority,
    sendAt: version.sendAt?.toISOString() ?? null,
    emergencyReason: version.emergencyReason,
    contentFindings: findings,
    createdBy: message.createdBy,
    editors: record.editors,
    approvals: reviews
      .filter((review) => review.decision === 'approved')
      .map((review) => ({
        by: review.reviewerId,
        version: review.version,
        contentHash: review.contentHash,
        at: review.createdAt.toISOString(),
        comment: review.comment,
        current: current(review.version, review.reviewRound),
      })),
    changeRequests: reviews
      .filter((review) => review.decision === 'changes_requested')
      .map((review) => ({
        by: review.reviewerId,
        version: review.version,
        at: review.createdAt.toISOString(),
        comment: review.comment ?? '',
      })),
    approvalsRequired: policy.approvalsRequired,
    approvalsRemaining: Math.max(0, policy.approvalsRequired - approvers.length),
    dispatchAt: message.dispatchAt?.toISOString() ?? null,
    cancelReason: message.cancelReason,
    delivery: NOTHING_SENT,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
  };
}
