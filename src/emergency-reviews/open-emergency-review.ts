import type { UnitOfWork } from '../database/unit-of-work.js';

/**
 * Opens the retrospective review owed by an emergency sent on one on-call approval, in the
 * approval's own transaction (it rolls back with it). A plain function, so that sign-off needs
 * no new dependency: MessageReviewService passes its unit of work.
 */
export async function openEmergencyReview(
  uow: UnitOfWork,
  review: {
    messageId: string;
    version: number;
    channelId: string;
    approvedBy: string;
    approvedAt: Date;
    dueAt: Date;
  },
): Promise<void> {
  await uow.transactionManager().query(
    `INSERT INTO emergency_reviews (message_id, version, channel_id, approved_by, approved_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      review.messageId,
      review.version,
      review.channelId,
      review.approvedBy,
      review.approvedAt,
      review.dueAt,
    ],
  );
}
