import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { approvalRefusal, canView } from '../messages/domain/message-access.js';
import type { Actor } from '../organisation/actor.js';
import {
  type EmergencyReviewOutcome,
  type EmergencyReviewStatus,
  reviewerRefusal,
  reviewStatus,
} from './emergency-review-rules.js';
import type { EmergencyReviewView } from './emergency-review.dto.js';
import { EmergencyReviewErrors } from './emergency-reviews.errors.js';
import {
  type EmergencyReviewRecord,
  EmergencyReviewsRepository,
  type NewEmergencyReview,
} from './emergency-reviews.repository.js';

const summaryOf = (record: EmergencyReviewRecord): string =>
  record.content.kind === 'text'
    ? record.content.body
    : `${record.content.templateName}: ${record.content.parameters.join(' | ')}`;

/**
 * Retrospective reviews of emergencies sent on one on-call approval: listing them, a second
 * approver's verdict, and escalating those left overdue.
 */
@Injectable()
export class EmergencyReviewsService {
  private readonly logger = new Logger('EmergencyReviews');

  constructor(
    private readonly reviews: EmergencyReviewsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Opens the retrospective review owed by an emergency sent on one on-call approval; sign-off
   * calls it inside the approval's transaction, so it commits (or rolls back) with it.
   */
  open(review: NewEmergencyReview): Promise<void> {
    return this.reviews.insert(review);
  }

  /** The reviews in one status whose messages this person may see. */
  async list(actor: Actor, status: EmergencyReviewStatus): Promise<EmergencyReviewView[]> {
    const now = this.clock.now();
    const records = await this.reviews.list(status, now);
    return records
      .filter((record) => canView(actor, record.messageServiceId))
      .map((record) => this.view(record, now));
  }

  async get(actor: Actor, id: string): Promise<EmergencyReviewView> {
    return this.view(await this.visible(actor, id), this.clock.now());
  }

  /**
   * A second approver's verdict: someone holding an approver role of the channel's policy, who
   * neither approved the message nor wrote or edited it. Late reviews are still recorded.
   */
  async complete(
    actor: Actor,
    id: string,
    input: { outcome: EmergencyReviewOutcome; comment: string },
  ): Promise<EmergencyReviewView> {
    const comment = input.comment.trim();
    return this.uow.run(async () => {
      const record = await this.visible(actor, id);
      const notApprover = approvalRefusal(actor, record.channel, []) === 'NOT_AN_APPROVER';
      if (notApprover) throw EmergencyReviewErrors.notAnApprover();
      const refusal = reviewerRefusal(actor.id, {
        approvedBy: record.approvedBy.id,
        editors: record.editors,
      });
      if (refusal) throw EmergencyReviewErrors.secondApproverRequired(refusal);
      const now = this.clock.now();
      const done = await this.reviews.complete({
        id,
        reviewerId: actor.id,
        outcome: input.outcome,
        comment,
        at: now,
      });
      if (!done) throw EmergencyReviewErrors.alreadyReviewed();
      await this.audit.record({
        type: 'message.emergency_reviewed',
        actor: { kind: 'staff', id: actor.id },
        subject: { messageId: record.messageId, channelId: record.channel.id },
        data: {
          reviewId: id,
          version: record.version,
          outcome: input.outcome,
          comment,
          dueAt: record.dueAt.toISOString(),
          late: now.getTime() > record.dueAt.getTime(),
        },
      });
      return this.view(
        {
          ...record,
          reviewedAt: now,
          reviewedBy: { id: actor.id, name: actor.name },
          outcome: input.outcome,
          comment,
        },
        now,
      );
    });
  }

  /**
   * Escalates every review past its due time that nobody has escalated: an audit event each,
   * and an ALERT error line in the log for monitoring once the transaction commits. Safe to run
   * in several processes at once: each review is escalated by one of them. Returns how many
   * this call escalated.
   */
  async escalateOverdue(): Promise<number> {
    const escalated = await this.uow.run(async () => {
      const overdue = await this.reviews.escalateOverdue(this.clock.now());
      for (const review of overdue) {
        await this.audit.record({
          type: 'message.emergency_review_overdue',
          actor: { kind: 'system', reason: 'emergency-review-schedule' },
          subject: { messageId: review.messageId, channelId: review.channelId },
          data: { reviewId: review.id, dueAt: review.dueAt.toISOString() },
        });
      }
      return overdue;
    });
    for (const review of escalated) {
      this.logger.error(
        `ALERT: the retrospective review of emergency message ${review.messageId} was due at ${review.dueAt.toISOString()} and nobody has done it; an approver should complete it at /console/emergency-reviews/${review.id}`,
      );
    }
    return escalated.length;
  }

  private async visible(actor: Actor, id: string): Promise<EmergencyReviewRecord> {
    const record = await this.reviews.find(id);
    if (!record || !canView(actor, record.messageServiceId)) throw EmergencyReviewErrors.notFound();
    return record;
  }

  private view(record: EmergencyReviewRecord, now: Date): EmergencyReviewView {
    return {
      id: record.id,
      messageId: record.messageId,
      version: record.version,
      channelId: record.channel.id,
      channelName: record.channel.name,
      summary: summaryOf(record),
      emergencyReason: record.emergencyReason,
      approvedBy: record.approvedBy,
      approvedAt: record.approvedAt.toISOString(),
      dueAt: record.dueAt.toISOString(),
      status: reviewStatus(record, now),
      escalatedAt: record.escalatedAt?.toISOString() ?? null,
      reviewedBy: record.reviewedBy,
      reviewedAt: record.reviewedAt?.toISOString() ?? null,
      outcome: record.outcome,
      comment: record.comment,
    };
  }
}
