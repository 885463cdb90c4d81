import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { ChannelFacts } from './domain/message-access.js';
import type { MessageStatus } from './domain/message-status.js';
import { MessageEntity } from './entities/message.entity.js';
import {
  MESSAGE_RECORD_SQL,
  type MessageRecordRow,
  toMessageRecord,
} from './message-record.sql.js';
import { MessageReviewEntity } from './entities/message-review.entity.js';
import { MessageVersionEntity } from './entities/message-version.entity.js';

/** A message with its current version, every review, and everyone who wrote or edited it. */
export interface MessageRecord {
  message: MessageEntity;
  version: MessageVersionEntity;
  reviews: MessageReviewEntity[];
  editors: string[];
}

export type RecordWithChannel = MessageRecord & { channel: ChannelFacts };

export interface MessageListFilter {
  status?: MessageStatus;
  channelId?: string;
  /** null: every service (and none); otherwise only messages written for these services. */
  serviceIds: string[] | null;
  limit: number;
  /** Keyset: messages created before this point, newest first. */
  before?: { createdAt: Date; id: string };
}

const UPDATE_MESSAGE_SQL = `
  UPDATE messages
     SET channel_id = $2, service_id = $3, status = $4, current_version = $5, review_round = $6,
         dispatch_at = $7, dispatch_job_id = $8, cancel_reason = $9, updated_at = now()
   WHERE id = $1
  RETURNING updated_at`;

/** The same update, its parameters numbered after the review's seven. */
const UPDATE_MESSAGE_AFTER_REVIEW_SQL = UPDATE_MESSAGE_SQL.replace(
  /\$(\d+)/g,
  (_, n: string) => `$${Number(n) + 7}`,
);

const updateValues = (message: MessageEntity): unknown[] => [
  message.id,
  message.channelId,
  message.serviceId,
  message.status,
  message.currentVersion,
  message.reviewRound,
  message.dispatchAt,
  message.dispatchJobId,
  message.cancelReason,
];

@Injectable()
export class MessagesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private messages() {
    return this.uow.manager().getRepository(MessageEntity);
  }

  private versions() {
    return this.uow.manager().getRepository(MessageVersionEntity);
  }

  private reviews() {
    return this.uow.manager().getRepository(MessageReviewEntity);
  }

  /** A new draft and its version 1 in one statement: creating drafts is the busiest write. */
  async insertDraft(
    draft: Pick<MessageEntity, 'channelId' | 'serviceId' | 'createdBy'>,
    version: Omit<MessageVersionEntity, 'messageId' | 'version' | 'createdAt'>,
  ): Promise<{ message: MessageEntity; version: MessageVersionEntity }> {
    const [row] = await this.uow
      .manager()
      .query<{ id: string; created_at: Date; updated_at: Date; version_created_at: Date }[]>(
        `WITH m AS (
         INSERT INTO messages (channel_id, service_id, status, current_version, review_round, created_by)
         VALUES ($1, $2, 'draft', 1, 0, $3)
         RETURNING id, created_at, updated_at),
       v AS (
         INSERT INTO message_versions (message_id, version, channel_id, content, audience, priority,
                                       send_at, emergency_reason, content_hash, edited_by)
         SELECT m.id, 1, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11 FROM m
         RETURNING created_at)
       SELECT m.id, m.created_at, m.updated_at, v.created_at AS version_created_at FROM m, v`,
        [
          draft.channelId,
          draft.serviceId,
          draft.createdBy,
          version.channelId,
          JSON.stringify(version.content),
          JSON.stringify(version.audience),
          version.priority,
          version.sendAt,
          version.emergencyReason,
          version.contentHash,
          version.editedBy,
        ],
      );
    return {
      message: {
        ...draft,
        id: row.id,
        status: 'draft',
        currentVersion: 1,
        reviewRound: 0,
        dispatchAt: null,
        recipientsFrozenAt: null,
        recipientsTotal: null,
        recipientsClaimed: 0,
        dispatchJobId: null,
        cancelReason: null,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
      version: { ...version, messageId: row.id, version: 1, createdAt: row.version_created_at },
    };
  }

  /** Writes the fields a workflow step may change, in one statement, and refreshes updatedAt. */
  async updateMessage(message: MessageEntity): Promise<void> {
    // The CTE makes PostgreSQL hand the RETURNING row back as an ordinary result set.
    const [row] = await this.uow
      .manager()
      .query<{ updated_at: Date }[]>(
        `WITH changed AS (${UPDATE_MESSAGE_SQL}) SELECT updated_at FROM changed`,
        updateValues(message),
      );
    message.updatedAt = row.updated_at;
  }

  /** A new immutable version; a plain INSERT, as versions are never updated. */
  async insertVersion(
    version: Omit<MessageVersionEntity, 'createdAt'>,
  ): Promise<MessageVersionEntity> {
    const entity = this.versions().create(version);
    await this.versions().insert(entity);
    return entity;
  }

  /**
   * Stores a review and, when given, the message's new state, in one statement: a review that
   * decides a message's fate is the busiest write of sign-off.
   */
  async insertReview(
    review: Omit<MessageReviewEntity, 'id' | 'createdAt'>,
    changed?: MessageEntity,
  ): Promise<MessageReviewEntity> {
    const values = [
      review.messageId,
      review.version,
      review.reviewRound,
      review.decision,
      review.contentHash,
      review.reviewerId,
      review.comment,
    ];
    const insert = `INSERT INTO message_reviews (message_id, version, review_round, decision,
                                                 content_hash, reviewer_id, comment)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`;
    if (!changed) {
      const [row] = await this.uow
        .manager()
        .query<{ id: string; created_at: Date }[]>(insert, values);
      return { ...review, id: row.id, createdAt: row.created_at };
    }
    const [row] = await this.uow
      .manager()
      .query<{ id: string; created_at: Date; updated_at: Date }[]>(
        `WITH reviewed AS (${insert}),
            changed AS (${UPDATE_MESSAGE_AFTER_REVIEW_SQL})
       SELECT reviewed.id, reviewed.created_at, changed.updated_at FROM reviewed, changed`,
        [...values, ...updateValues(changed)],
      );
    changed.updatedAt = row.updated_at;
    return { ...review, id: row.id, createdAt: row.created_at };
  }

  /** Reads and row-locks a message for the rest of the transaction, serialising its changes. */
  async lockRecord(id: string): Promise<RecordWithChannel | null> {
    const [row] = await this.uow
      .manager()
      .query<MessageRecordRow[]>(`${MESSAGE_RECORD_SQL} FOR UPDATE OF m`, [id]);
    return row ? toMessageRecord(row) : null;
  }

  async findRecord(id: string): Promise<RecordWithChannel | null> {
    const [row] = await this.uow.manager().query<MessageRecordRow[]>(MESSAGE_RECORD_SQL, [id]);
    return row ? toMessageRecord(row) : null;
  }

  versionsOf(messageId: string): Promise<MessageVersionEntity[]> {
    return this.versions().find({ where: { messageId }, order: { version: 'ASC' } });
  }

  async list(filter: MessageListFilter): Promise<MessageRecord[]> {
    const query = this.messages()
      .createQueryBuilder('m')
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(filter.limit);
    if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
    if (filter.channelId)
      query.andWhere('m.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.serviceIds) {
      if (filter.serviceIds.length === 0) return [];
      query.andWhere('m.service_id IN (:...serviceIds)', { serviceIds: filter.serviceIds });
    }
    if (filter.before) {
      query.andWhere('(m.created_at, m.id) < (:createdAt, :id)', filter.before);
    }
    return this.completeRecords(await query.getMany());
  }

  private async completeRecords(messages: MessageEntity[]): Promise<MessageRecord[]> {
    if (messages.length === 0) return [];
    const ids = messages.map((message) => message.id);
    const [versions, reviews] = await Promise.all([
      this.versions().find({ where: { messageId: In(ids) }, order: { version: 'ASC' } }),
      this.reviews().find({ where: { messageId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    return messages.map((message) => {
      const own = versions.filter((version) => version.messageId === message.id);
      const current = own.find((version) => version.version === message.currentVersion);
      if (!current)
        throw new Error(`message ${message.id} has no version ${message.currentVersion}`);
      return {
        message,
        version: current,
        reviews: reviews.filter((review) => review.messageId === message.id),
        editors: [...new Set([message.createdBy, ...own.map((version) => version.editedBy)])],
      };
    });
  }
}
