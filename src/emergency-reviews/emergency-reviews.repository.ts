import { Injectable } from '@nestjs/common';
import type { ChannelKind, GovernancePolicy } from '../channels/governance-policy.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { MessageContent } from '../messages/domain/message-content.js';
import type { MessageStatus } from '../messages/domain/message-status.js';
import type { EmergencyReviewOutcome, EmergencyReviewStatus } from './emergency-review-rules.js';

/** The review an emergency sent on one on-call approval owes. */
export interface NewEmergencyReview {
  messageId: string;
  version: number;
  channelId: string;
  approvedBy: string;
  approvedAt: Date;
  dueAt: Date;
}

/** A retrospective review with what a reviewer needs to judge it. */
export interface EmergencyReviewRecord {
  id: string;
  messageId: string;
  version: number;
  messageStatus: MessageStatus;
  messageServiceId: string | null;
  content: MessageContent;
  emergencyReason: string | null;
  channel: {
    id: string;
    name: string;
    kind: ChannelKind;
    serviceId: string | null;
    policy: GovernancePolicy;
  };
  approvedBy: { id: string; name: string };
  approvedAt: Date;
  dueAt: Date;
  escalatedAt: Date | null;
  reviewedBy: { id: string; name: string } | null;
  reviewedAt: Date | null;
  outcome: EmergencyReviewOutcome | null;
  comment: string | null;
  /** Who wrote or edited the message. */
  editors: string[];
}

interface Row {
  id: string;
  message_id: string;
  version: number;
  message_status: MessageStatus;
  message_service_id: string | null;
  content: MessageContent;
  emergency_reason: string | null;
  channel_id: string;
  channel_name: string;
  channel_kind: ChannelKind;
  channel_service_id: string | null;
  policy: GovernancePolicy;
  approved_by: string;
  approver_name: string;
  approved_at: Date;
  due_at: Date;
  escalated_at: Date | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  reviewed_at: Date | null;
  outcome: EmergencyReviewOutcome | null;
  comment: string | null;
  editors: string[];
}

const SELECT = `
  SELECT r.id, r.message_id, r.version, m.status AS message_status, m.service_id AS message_service_id,
         v.content, v.emergency_reason,
         c.id AS channel_id, c.name AS channel_name, c.kind AS channel_kind,
         c.service_id AS channel_service_id, c.policy,
         r.approved_by, approver.name AS approver_name, r.approved_at, r.due_at, r.escalated_at,
         r.reviewed_by, reviewer.name AS reviewer_name, r.reviewed_at, r.outcome, r.comment,
         ARRAY(SELECT m.created_by UNION SELECT e.edited_by FROM message_versions e
                WHERE e.message_id = r.message_id)::text[] AS editors
    FROM emergency_reviews r
    JOIN messages m ON m.id = r.message_id
    JOIN message_versions v ON v.message_id = r.message_id AND v.version = r.version
    JOIN channels c ON c.id = r.channel_id
    JOIN staff approver ON approver.id = r.approved_by
    LEFT JOIN staff reviewer ON reviewer.id = r.reviewed_by`;

const toRecord = (row: Row): EmergencyReviewRecord => ({
  id: row.id,
  messageId: row.message_id,
  version: row.version,
  messageStatus: row.message_status,
  messageServiceId: row.message_service_id,
  content: row.content,
  emergencyReason: row.emergency_reason,
  channel: {
    id: row.channel_id,
    name: row.channel_name,
    kind: row.channel_kind,
    serviceId: row.channel_service_id,
    policy: row.policy,
  },
  approvedBy: { id: row.approved_by, name: row.approver_name },
  approvedAt: row.approved_at,
  dueAt: row.due_at,
  escalatedAt: row.escalated_at,
  reviewedBy: row.reviewed_by ? { id: row.reviewed_by, name: row.reviewer_name ?? '' } : null,
  reviewedAt: row.reviewed_at,
  outcome: row.outcome,
  comment: row.comment,
  editors: row.editors,
});

/** Conditions for each status, as of $1 (now). */
const STATUS_WHERE: Record<EmergencyReviewStatus, string> = {
  due: 'r.reviewed_at IS NULL AND r.due_at > $1::timestamptz',
  overdue: 'r.reviewed_at IS NULL AND r.due_at <= $1::timestamptz',
  done: 'r.reviewed_at IS NOT NULL AND r.reviewed_at <= $1::timestamptz',
};

@Injectable()
export class EmergencyReviewsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  /** Inside the approval's transaction: it rolls back with it. */
  async insert(review: NewEmergencyReview): Promise<void> {
    await this.uow.transactionManager().query(
      `INSERT INTO emergency_reviews
         (message_id, version, channel_id, approved_by, approved_at, due_at)
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

  /** TypeORM answers an UPDATE ... RETURNING with [rows, affected]; this returns the rows. */
  private async updateReturning<T>(text: string, values: unknown[]): Promise<T[]> {
    const [rows] = await this.query<[T[], number]>(text, values);
    return rows;
  }

  /** Open reviews soonest due first; done ones most recently reviewed first. */
  async list(
    status: EmergencyReviewStatus,
    now: Date,
    limit = 200,
  ): Promise<EmergencyReviewRecord[]> {
    const order = status === 'done' ? 'r.reviewed_at DESC' : 'r.due_at ASC';
    const rows = await this.query<Row[]>(
      `${SELECT} WHERE ${STATUS_WHERE[status]} ORDER BY ${order} LIMIT $2`,
      [now, limit],
    );
    return rows.map(toRecord);
  }

  async find(id: string): Promise<EmergencyReviewRecord | null> {
    const [row] = await this.query<Row[]>(`${SELECT} WHERE r.id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  /** Records the outcome unless someone already has; false when they had. */
  async complete(input: {
    id: string;
    reviewerId: string;
    outcome: EmergencyReviewOutcome;
    comment: string;
    at: Date;
  }): Promise<boolean> {
    const rows = await this.updateReturning<{ id: string }>(
      `UPDATE emergency_reviews
          SET reviewed_by = $2, reviewed_at = $3, outcome = $4, comment = $5
        WHERE id = $1 AND reviewed_at IS NULL
        RETURNING id`,
      [input.id, input.reviewerId, input.at, input.outcome, input.comment],
    );
    return rows.length === 1;
  }

  /**
   * Marks the open reviews past their due time as escalated and returns them. The condition on
   * escalated_at is re-checked after any concurrent update commits, so each review is escalated
   * by exactly one process however many run this at once.
   */
  async escalateOverdue(
    now: Date,
  ): Promise<{ id: string; messageId: string; channelId: string; dueAt: Date }[]> {
    const rows = await this.updateReturning<{
      id: string;
      message_id: string;
      channel_id: string;
      due_at: Date;
    }>(
      `UPDATE emergency_reviews
          SET escalated_at = $1
        WHERE reviewed_at IS NULL AND escalated_at IS NULL AND due_at <= $1
        RETURNING id, message_id, channel_id, due_at`,
      [now],
    );
    return rows.map((row) => ({
      id: row.id,
      messageId: row.message_id,
      channelId: row.channel_id,
      dueAt: row.due_at,
    }));
  }
}
