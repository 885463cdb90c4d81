import type { ChannelKind, GovernancePolicy } from '../channels/governance-policy.js';
import type { ChannelFacts } from './domain/message-access.js';
import type { Audience, MessageContent } from './domain/message-content.js';
import type { MessageStatus, Priority } from './domain/message-status.js';
import type { MessageRecord } from './messages.repository.js';
import type { ReviewDecision } from './entities/message-review.entity.js';

/**
 * A message, its current version, its reviews and its editors in one round trip. The workflow
 * reads this on every step, so it is one hand-written statement rather than three ORM queries.
 */
export const MESSAGE_RECORD_SQL = `
  SELECT m.id, m.channel_id, m.service_id, m.status, m.current_version, m.review_round,
         m.created_by, m.dispatch_at, m.dispatch_job_id, m.cancel_reason, m.recipients_frozen_at,
         m.recipients_total, m.recipients_claimed,
         m.created_at, m.updated_at,
         v.channel_id AS version_channel_id, v.content, v.audience, v.priority, v.send_at,
         v.emergency_reason, v.content_hash, v.edited_by, v.created_at AS version_created_at,
         c.kind AS channel_kind, c.service_id AS channel_service_id, c.policy AS channel_policy,
         (SELECT array_agg(e.edited_by::text ORDER BY e.version)
            FROM message_versions e WHERE e.message_id = m.id) AS editor_ids,
         (SELECT COALESCE(json_agg(json_build_object(
                   'id', r.id, 'version', r.version, 'reviewRound', r.review_round,
                   'decision', r.decision, 'contentHash', r.content_hash,
                   'reviewerId', r.reviewer_id, 'comment', r.comment, 'createdAt', r.created_at)
                 ORDER BY r.created_at), '[]')
            FROM message_reviews r WHERE r.message_id = m.id) AS reviews
    FROM messages m
    JOIN message_versions v ON v.message_id = m.id AND v.version = m.current_version
    -- The channel's governance facts come with the message: every workflow step needs them, and
    -- reading them in the same statement saves a round trip. The channels module owns the table.
    JOIN channels c ON c.id = m.channel_id
   WHERE m.id = $1`;

export interface MessageRecordRow {
  id: string;
  channel_id: string;
  service_id: string | null;
  status: MessageStatus;
  current_version: number;
  review_round: number;
  created_by: string;
  dispatch_at: Date | null;
  dispatch_job_id: string | null;
  cancel_reason: string | null;
  recipients_frozen_at: Date | null;
  recipients_total: number | null;
  recipients_claimed: number;
  created_at: Date;
  updated_at: Date;
  version_channel_id: string;
  content: MessageContent;
  audience: Audience;
  priority: Priority;
  send_at: Date | null;
  emergency_reason: string | null;
  content_hash: string;
  edited_by: string;
  version_created_at: Date;
  editor_ids: string[];
  channel_kind: ChannelKind;
  channel_service_id: string | null;
  channel_policy: GovernancePolicy;
  reviews: {
    id: string;
    version: number;
    reviewRound: number;
    decision: ReviewDecision;
    contentHash: string;
    reviewerId: string;
    comment: string | null;
    createdAt: string;
  }[];
}

export function toMessageRecord(row: MessageRecordRow): MessageRecord & { channel: ChannelFacts } {
  return {
    channel: {
      id: row.channel_id,
      kind: row.channel_kind,
      serviceId: row.channel_service_id,
      policy: row.channel_policy,
    },
    message: {
      id: row.id,
      channelId: row.channel_id,
      serviceId: row.service_id,
      status: row.status,
      currentVersion: row.current_version,
      reviewRound: row.review_round,
      createdBy: row.created_by,
      dispatchAt: row.dispatch_at,
      dispatchJobId: row.dispatch_job_id,
      cancelReason: row.cancel_reason,
      recipientsFrozenAt: row.recipients_frozen_at,
      recipientsTotal: row.recipients_total,
      recipientsClaimed: row.recipients_claimed,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    version: {
      messageId: row.id,
      version: row.current_version,
      channelId: row.version_channel_id,
      content: row.content,
      audience: row.audience,
      priority: row.priority,
      sendAt: row.send_at,
      emergencyReason: row.emergency_reason,
      contentHash: row.content_hash,
      editedBy: row.edited_by,
      createdAt: row.version_created_at,
    },
    reviews: row.reviews.map((review) => ({
      ...review,
      messageId: row.id,
      createdAt: new Date(review.createdAt),
    })),
    editors: [...new Set([row.created_by, ...row.editor_ids])],
  };
}
