export type EmergencyReviewStatus = 'due' | 'overdue' | 'done';
export const EMERGENCY_REVIEW_STATUSES: readonly EmergencyReviewStatus[] = [
  'due',
  'overdue',
  'done',
];

export type EmergencyReviewOutcome = 'appropriate' | 'not_appropriate';
export const EMERGENCY_REVIEW_OUTCOMES: readonly EmergencyReviewOutcome[] = [
  'appropriate',
  'not_appropriate',
];

/** Done once reviewed; before that, overdue from its due time on (escalated or not yet). */
export function reviewStatus(
  review: { dueAt: Date; reviewedAt: Date | null },
  now: Date,
): EmergencyReviewStatus {
  if (review.reviewedAt) return 'done';
  return review.dueAt.getTime() <= now.getTime() ? 'overdue' : 'due';
}

export type ReviewerRefusal = 'APPROVED_IT' | 'WROTE_IT';

/**
 * A retrospective review is a second pair of eyes: not the person whose single approval sent
 * the message, nor anyone who wrote or edited it. (That the reviewer holds an approver role of
 * the channel is checked with the message's own approval rule.)
 */
export function reviewerRefusal(
  reviewerId: string,
  review: { approvedBy: string; editors: readonly string[] },
): ReviewerRefusal | null {
  if (reviewerId === review.approvedBy) return 'APPROVED_IT';
  if (review.editors.includes(reviewerId)) return 'WROTE_IT';
  return null;
}
