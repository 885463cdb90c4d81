import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import type { OptInLanguage } from './confirmation-words.js';

export interface NewSubscriptionRequest {
  phoneSealed: string;
  phoneHash: string;
  channelId: string;
  areaCode: string;
  topicCodes: string[];
  privacyNoticeVersion: string;
  requestIpHash: string;
  /** The language the resident asked in: the confirmation and the replies after it use it. */
  language: OptInLanguage;
  expiresAt: Date;
}

export interface PendingRequest {
  id: string;
  phoneSealed: string;
  channelId: string;
  areaCode: string;
  topicCodes: string[];
  privacyNoticeVersion: string;
  requestIpHash: string;
  language: OptInLanguage;
  confirmationMessageId: string | null;
}

interface PendingRow {
  id: string;
  phone_sealed: string;
  channel_id: string;
  area_code: string;
  topic_codes: string[];
  privacy_notice_version: string;
  request_ip_hash: string;
  language: OptInLanguage;
  confirmation_message_id: string | null;
}

/** Web opt-in requests, pending until the resident confirms on WhatsApp or they expire. */
@Injectable()
export class SubscriptionRequestsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** UPDATE and DELETE are wrapped in a SELECT: TypeORM pairs their rows with a row count. */
  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  /** Stores a request; an earlier unconfirmed one for the number is replaced, so only the latest counts. */
  async replacePending(request: NewSubscriptionRequest): Promise<string> {
    await this.query(`DELETE FROM subscription_requests WHERE phone_hash = $1`, [
      request.phoneHash,
    ]);
    const [row] = await this.query<{ id: string }[]>(
      `INSERT INTO subscription_requests
         (phone_sealed, phone_hash, channel_id, area_code, topic_codes, privacy_notice_version,
          request_ip_hash, language, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        request.phoneSealed,
        request.phoneHash,
        request.channelId,
        request.areaCode,
        request.topicCodes,
        request.privacyNoticeVersion,
        request.requestIpHash,
        request.language,
        request.expiresAt.toISOString(),
      ],
    );
    return row.id;
  }

  /** A request still waiting for its confirmation template to be sent, or null. */
  async awaitingConfirmation(
    id: string,
    now: Date,
  ): Promise<{
    phoneSealed: string;
    channelId: string;
    areaCode: string;
    language: OptInLanguage;
  } | null> {
    const [row] = await this.query<
      { phone_sealed: string; channel_id: string; area_code: string; language: OptInLanguage }[]
    >(
      `SELECT phone_sealed, channel_id, area_code, language FROM subscription_requests
        WHERE id = $1 AND confirmation_message_id IS NULL
          AND expires_at > $2`,
      [id, now.toISOString()],
    );
    return row
      ? {
          phoneSealed: row.phone_sealed,
          channelId: row.channel_id,
          areaCode: row.area_code,
          language: row.language,
        }
      : null;
  }

  async recordConfirmationSent(id: string, providerMessageId: string): Promise<void> {
    await this.query(
      `UPDATE subscription_requests SET confirmation_message_id = $2 WHERE id = $1`,
      [id, providerMessageId],
    );
  }

  /**
   * The number's unexpired, unconfirmed request, locked for confirming. Its expired ones are
   * deleted first: a late reply must never find them, whether or not the cleanup has run.
   */
  async takePending(phoneHash: string, now: Date): Promise<PendingRequest | null> {
    await this.query(
      `DELETE FROM subscription_requests
        WHERE phone_hash = $1 AND expires_at <= $2`,
      [phoneHash, now.toISOString()],
    );
    const [row] = await this.query<PendingRow[]>(
      `SELECT id, phone_sealed, channel_id, area_code, topic_codes, privacy_notice_version,
              request_ip_hash, language, confirmation_message_id
         FROM subscription_requests
        WHERE phone_hash = $1
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [phoneHash],
    );
    if (!row) return null;
    return {
      id: row.id,
      phoneSealed: row.phone_sealed,
      channelId: row.channel_id,
      areaCode: row.area_code,
      topicCodes: row.topic_codes,
      privacyNoticeVersion: row.privacy_notice_version,
      requestIpHash: row.request_ip_hash,
      language: row.language,
      confirmationMessageId: row.confirmation_message_id,
    };
  }

  /**
   * Confirmed or declined: the request has done its job and holds the number, so it goes; on a
   * confirmation the consent record keeps the evidence.
   */
  async deleteAnswered(id: string): Promise<void> {
    await this.query(`DELETE FROM subscription_requests WHERE id = $1`, [id]);
  }

  /** Deletes every unconfirmed request past its expiry; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const [row] = await this.query<{ n: string }[]>(
      `WITH gone AS (
         DELETE FROM subscription_requests WHERE expires_at <= $1
         RETURNING 1)
       SELECT count(*) AS n FROM gone`,
      [now.toISOString()],
    );
    return Number(row?.n ?? 0);
  }
}
