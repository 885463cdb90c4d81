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

  insertMessage(message: Partial<MessageEntity>): Promise<MessageEntity> {
    return this.messages().save(this.messages().create(message));
  }

  /** Writes the fields a workflow step may change, in one statement, and refreshes updatedAt. */
  async updateMessage(message: MessageEntity): Promise<void> {
    // The CTE makes PostgreSQL hand the RETURNING row back as an ordinary result set.
    const [row] = await this.uow.manager().query<{ updated_at: Date }[]>(
      `WITH changed AS (
         UPDATE messages
            SET channel_id = $2, service_id = $3, status = $4, current_version = $5,
                review_round = $6, dispatch_at = $7, dispatch_job_id = $8, cancel_reason = $9,
                updated_at = now()
          WHERE id = $1
      RETURNING updated_at)
       SELECT updated_at FROM changed`,
      [
        message.id,
        message.channelId,
        message.serviceId,
        message.status,
        message.currentVersion,
        message.reviewRound,
        message.dispatchAt,
        message.dispatchJobId,
        message.cancelReason,
      ],
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

  insertReview(
    review: Omit<MessageReviewEntity, 'id' | 'createdAt'>,
  ): Promise<MessageReviewEntity> {
    return this.reviews().save(this.reviews().create(review));
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
