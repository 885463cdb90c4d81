import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';

/**
 * What an erased number's delivery rows hold in place of the sealed number. The rows and the
 * keyed hash stay, so that a message's delivery counts still add up.
 */
export const ERASED_NUMBER = 'erased';

export interface DeliveryRecord {
  id: string;
  purpose: string;
  channelId: string;
  messageId: string | null;
  messageVersion: number | null;
  status: string;
  createdAt: Date;
  acceptedAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  failure: { class: string | null; code: string; reason: string | null } | null;
  receipts: {
    status: string;
    occurredAt: Date;
    receivedAt: Date;
    errorCode: string | null;
    errorTitle: string | null;
  }[];
}

export interface InboundRecord {
  id: string;
  channelId: string;
  kind: string;
  body: string | null;
  replyId: string | null;
  sentAt: Date;
  receivedAt: Date;
  handledBy: string | null;
}

interface DeliveryRow {
  id: string;
  purpose: string;
  channel_id: string;
  message_id: string | null;
  message_version: number | null;
  status: string;
  created_at: Date;
  accepted_at: Date | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  failure_class: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  receipts: {
    status: string;
    occurred_at: string;
    received_at: string;
    error_code: string | null;
    error_title: string | null;
  }[];
}

/**
 * Everything else Crier holds about one number, found by its lookup hash: the sends to it with
 * their receipts, and the messages it wrote. For subject access and erasure.
 */
export interface PendingRequestRecord {
  area: string;
  topics: string[];
  privacyNoticeVersion: string;
  /** The language the resident asked in: en or cy. */
  language: string;
  requestedAt: Date;
  expiresAt: Date;
}

export interface JoinConversationRecord {
  channelId: string;
  step: string;
  /** The language the conversation is carried out in: en or cy. */
  language: string;
  area: string | null;
  topics: string[];
  /** The wamids of the resident's messages so far. */
  messageIds: string[];
  updatedAt: Date;
  expiresAt: Date;
}

/** A resident's answer to a snap poll, as their subject-access bundle shows it. */
export interface PollAnswerRecord {
  messageId: string;
  option: string | null;
  answeredAt: Date;
  providerMessageId: string;
}

@Injectable()
export class ResidentRecordsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** UPDATE and DELETE are wrapped in a SELECT: TypeORM pairs their rows with a row count. */
  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  async deliveriesTo(phoneHash: string): Promise<DeliveryRecord[]> {
    const rows = await this.query<DeliveryRow[]>(
      `SELECT d.id, d.purpose, d.channel_id, d.message_id, d.message_version, d.status,
              d.created_at, d.accepted_at, d.sent_at, d.delivered_at, d.read_at, d.failed_at,
              d.failure_class, d.failure_code, d.failure_reason,
              COALESCE((SELECT json_agg(json_build_object(
                                'status', r.status, 'occurred_at', r.occurred_at,
                                'received_at', r.received_at, 'error_code', r.error_code,
                                'error_title', r.error_title) ORDER BY r.occurred_at, r.status)
                          FROM delivery_receipts r
                         WHERE r.provider_message_id = d.provider_message_id), '[]') AS receipts
         FROM message_deliveries d
        WHERE d.recipient_phone_hash = $1
        ORDER BY d.created_at, d.id`,
      [phoneHash],
    );
    return rows.map((row) => ({
      id: row.id,
      purpose: row.purpose,
      channelId: row.channel_id,
      messageId: row.message_id,
      messageVersion: row.message_version,
      status: row.status,
      createdAt: row.created_at,
      acceptedAt: row.accepted_at,
      sentAt: row.sent_at,
      deliveredAt: row.delivered_at,
      readAt: row.read_at,
      failedAt: row.failed_at,
      failure: row.failure_code
        ? { class: row.failure_class, code: row.failure_code, reason: row.failure_reason }
        : null,
      receipts: row.receipts.map((r) => ({
        status: r.status,
        occurredAt: new Date(r.occurred_at),
        receivedAt: new Date(r.received_at),
        errorCode: r.error_code,
        errorTitle: r.error_title,
      })),
    }));
  }

  async inboundFrom(phoneHash: string): Promise<InboundRecord[]> {
    const rows = await this.query<
      {
        id: string;
        channel_id: string;
        kind: string;
        body: string | null;
        reply_id: string | null;
        sent_at: Date;
        received_at: Date;
        handled_by: string | null;
      }[]
    >(
      `SELECT id, channel_id, kind, body, reply_id, sent_at, received_at, handled_by
         FROM inbound_messages WHERE from_phone_hash = $1 ORDER BY sent_at, received_at, id`,
      [phoneHash],
    );
    return rows.map((row) => ({
      id: row.id,
      channelId: row.channel_id,
      kind: row.kind,
      body: row.body,
      replyId: row.reply_id,
      sentAt: row.sent_at,
      receivedAt: row.received_at,
      handledBy: row.handled_by,
    }));
  }

  /** The keyed hash of the number a delivery went to, or null for an unknown delivery. */
  async recipientHashOf(deliveryId: string): Promise<string | null> {
    const [row] = await this.query<{ recipient_phone_hash: string }[]>(
      `SELECT recipient_phone_hash FROM message_deliveries WHERE id = $1`,
      [deliveryId],
    );
    return row?.recipient_phone_hash ?? null;
  }

  async deleteInboundFrom(phoneHash: string): Promise<number> {
    const rows = await this.query<{ id: string }[]>(
      `WITH gone AS (DELETE FROM inbound_messages WHERE from_phone_hash = $1 RETURNING id)
       SELECT id FROM gone`,
      [phoneHash],
    );
    return rows.length;
  }

  /** Web opt-in requests for the number still waiting for its confirmation, oldest first. */
  async pendingRequestsFrom(phoneHash: string): Promise<PendingRequestRecord[]> {
    const rows = await this.query<
      {
        area_code: string;
        topic_codes: string[];
        privacy_notice_version: string;
        language: string;
        created_at: Date;
        expires_at: Date;
      }[]
    >(
      `SELECT area_code, topic_codes, privacy_notice_version, language, created_at, expires_at
         FROM subscription_requests WHERE phone_hash = $1 ORDER BY created_at`,
      [phoneHash],
    );
    return rows.map((row) => ({
      area: row.area_code,
      topics: row.topic_codes,
      privacyNoticeVersion: row.privacy_notice_version,
      language: row.language,
      requestedAt: row.created_at,
      expiresAt: row.expires_at,
    }));
  }

  /** The JOIN conversation under way from this number, if any (for a subject-access bundle). */
  async joinConversationOf(phoneHash: string): Promise<JoinConversationRecord | null> {
    const [row] = await this.query<
      {
        channel_id: string;
        step: string;
        language: string;
        area_code: string | null;
        topic_codes: string[];
        evidence: string[];
        updated_at: Date;
        expires_at: Date;
      }[]
    >(
      `SELECT channel_id, step, language, area_code, topic_codes, evidence, updated_at, expires_at
         FROM join_conversations WHERE phone_hash = $1`,
      [phoneHash],
    );
    return row
      ? {
          channelId: row.channel_id,
          step: row.step,
          language: row.language,
          area: row.area_code,
          topics: row.topic_codes,
          messageIds: row.evidence,
          updatedAt: row.updated_at,
          expiresAt: row.expires_at,
        }
      : null;
  }

  /** A JOIN conversation under way holds the number and the resident's choices. */
  async deleteJoinConversation(phoneHash: string): Promise<number> {
    const rows = await this.query<{ phone_hash: string }[]>(
      `WITH gone AS (DELETE FROM join_conversations WHERE phone_hash = $1 RETURNING phone_hash)
       SELECT phone_hash FROM gone`,
      [phoneHash],
    );
    return rows.length;
  }

  /**
   * The number's inbox conversations (their staff replies go with them) and inbox blocks: they
   * are found by the number's hash and hold what staff wrote to the resident.
   */
  async deleteInboxConversationsWith(phoneHash: string): Promise<number> {
    const [row] = await this.query<{ n: string }[]>(
      `WITH gone AS (DELETE FROM inbox_conversations WHERE phone_hash = $1 RETURNING 1),
            unblocked AS (DELETE FROM inbox_blocks WHERE phone_hash = $1 RETURNING 1)
       SELECT (SELECT count(*) FROM gone) AS n`,
      [phoneHash],
    );
    return Number(row?.n ?? 0);
  }

  /** Every snap poll answer the number gave (the latest per poll), with the option's words. */
  async pollAnswersOf(phoneHash: string): Promise<PollAnswerRecord[]> {
    const rows = await this.query<
      {
        message_id: string;
        option: string | null;
        answered_at: Date;
        provider_message_id: string;
      }[]
    >(
      `SELECT p.message_id, p.answered_at, p.provider_message_id,
              v.content -> 'poll' -> 'options' ->> p.option_index AS option
         FROM poll_answers p
         JOIN messages m ON m.id = p.message_id
         JOIN message_versions v ON v.message_id = m.id AND v.version = m.current_version
        WHERE p.voter_hash = $1
        ORDER BY p.answered_at`,
      [phoneHash],
    );
    return rows.map((row) => ({
      messageId: row.message_id,
      option: row.option,
      answeredAt: row.answered_at,
      providerMessageId: row.provider_message_id,
    }));
  }

  /** The number's poll answers; tallies recorded when a poll closed stay, as bare counts. */
  async deletePollAnswersOf(phoneHash: string): Promise<number> {
    const rows = await this.query<{ message_id: string }[]>(
      `WITH gone AS (DELETE FROM poll_answers WHERE voter_hash = $1 RETURNING message_id)
       SELECT message_id FROM gone`,
      [phoneHash],
    );
    return rows.length;
  }

  /** Web opt-in requests still waiting for confirmation: they hold the number too. */
  async deletePendingRequestsFrom(phoneHash: string): Promise<number> {
    const rows = await this.query<{ id: string }[]>(
      `WITH gone AS (DELETE FROM subscription_requests WHERE phone_hash = $1 RETURNING id)
       SELECT id FROM gone`,
      [phoneHash],
    );
    return rows.length;
  }

  /**
   * Removes the number from its deliveries, keeping the rows (and the hash) so that delivery
   * counts still add up. A send still waiting is cancelled: there is no number left to send to.
   */
  async redactDeliveriesTo(phoneHash: string): Promise<number> {
    const rows = await this.query<{ id: string }[]>(
      `WITH redacted AS (
         UPDATE message_deliveries
            SET recipient_phone_sealed = $2,
                status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
                updated_at = now()
          WHERE recipient_phone_hash = $1 AND recipient_phone_sealed <> $2
          RETURNING id)
       SELECT id FROM redacted`,
      [phoneHash, ERASED_NUMBER],
    );
    return rows.length;
  }
}
