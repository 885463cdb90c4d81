import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed';
export type ConsentAction = 'opt_in' | 'confirm' | 'change' | 'opt_out' | 'import';

export interface Subscriber {
  id: string;
  status: SubscriberStatus;
  areas: string[];
  topics: string[];
  privacyNoticeVersion: string | null;
  subscribedAt: Date | null;
  unsubscribedAt: Date | null;
  lastInboundAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSubscriber {
  phoneSealed: string;
  phoneHash: string;
  areas: string[];
  topics: string[];
  subscribedAt: Date;
}

export interface ConsentRecord {
  subscriberId: string;
  action: ConsentAction;
  source: string;
  privacyNoticeVersion: string | null;
  evidence: Record<string, unknown>;
  capturedAt: Date;
}

export interface StoredConsentRecord extends ConsentRecord {
  recordedAt: Date;
}

interface SubscriberRow {
  id: string;
  status: SubscriberStatus;
  area_codes: string[];
  topic_codes: string[];
  privacy_notice_version: string | null;
  subscribed_at: Date | null;
  unsubscribed_at: Date | null;
  last_inbound_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toSubscriber = (row: SubscriberRow): Subscriber => ({
  id: row.id,
  status: row.status,
  areas: row.area_codes,
  topics: row.topic_codes,
  privacyNoticeVersion: row.privacy_notice_version,
  subscribedAt: row.subscribed_at,
  unsubscribedAt: row.unsubscribed_at,
  lastInboundAt: row.last_inbound_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const SUBSCRIBER_COLUMNS = `id, status, area_codes, topic_codes, privacy_notice_version,
  subscribed_at, unsubscribed_at, last_inbound_at, created_at, updated_at`;

/** Residents who subscribed, found by their number's lookup hash, and their consent evidence. */
@Injectable()
export class SubscribersRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  async findByHash(
    phoneHash: string,
    options: { lock?: boolean } = {},
  ): Promise<Subscriber | null> {
    const [row] = await this.query<SubscriberRow[]>(
      `SELECT ${SUBSCRIBER_COLUMNS} FROM subscribers WHERE phone_hash = $1
        ${options.lock ? 'FOR UPDATE' : ''}`,
      [phoneHash],
    );
    return row ? toSubscriber(row) : null;
  }

  /**
   * The hashes among these that belong to a subscriber still pending or active. An unsubscribed
   * one (taken off by a reconciliation) may come back through a later import.
   */
  async subscribedAmong(phoneHashes: string[]): Promise<Set<string>> {
    const rows = await this.query<{ phone_hash: string }[]>(
      `SELECT phone_hash FROM subscribers
        WHERE phone_hash = ANY($1::text[]) AND status <> 'unsubscribed'`,
      [phoneHashes],
    );
    return new Set(rows.map((row) => row.phone_hash));
  }

  /**
   * Makes these numbers active subscribers in one statement: new ones are added, unsubscribed
   * ones come back with the imported choices (and a seal under the newest key). A number that is
   * pending or active meanwhile (a concurrent import or opt-in) is left alone; the hashes that
   * were actually made active come back with their ids, and whether they were there before.
   */
  async activateImported(
    subscribers: NewSubscriber[],
  ): Promise<Map<string, { id: string; returning: boolean }>> {
    if (subscribers.length === 0) return new Map();
    const rows = await this.query<{ id: string; phone_hash: string; returning: boolean }[]>(
      `INSERT INTO subscribers (phone_sealed, phone_hash, status, area_codes, topic_codes, subscribed_at)
       SELECT s.sealed, s.hash, 'active', string_to_array(s.areas, ' '),
              string_to_array(s.topics, ' '), s.subscribed_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
              AS s(sealed, hash, areas, topics, subscribed_at)
       ON CONFLICT (phone_hash) DO UPDATE
          SET status = 'active', phone_sealed = EXCLUDED.phone_sealed,
              area_codes = EXCLUDED.area_codes, topic_codes = EXCLUDED.topic_codes,
              subscribed_at = EXCLUDED.subscribed_at, unsubscribed_at = NULL, updated_at = now()
        WHERE subscribers.status = 'unsubscribed'
       RETURNING id, phone_hash, (xmax <> 0) AS returning`,
      [
        subscribers.map((s) => s.phoneSealed),
        subscribers.map((s) => s.phoneHash),
        // Codes hold no spaces (letters, digits, - and _), so a space joins them safely: unnest
        // cannot take an array of arrays of different lengths.
        subscribers.map((s) => s.areas.join(' ')),
        subscribers.map((s) => s.topics.join(' ')),
        subscribers.map((s) => s.subscribedAt.toISOString()),
      ],
    );
    return new Map(rows.map((row) => [row.phone_hash, { id: row.id, returning: row.returning }]));
  }

  async insertConsents(records: ConsentRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.query(
      `INSERT INTO consent_records
         (subscriber_id, action, source, privacy_notice_version, evidence, captured_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[],
                            $6::timestamptz[])`,
      [
        records.map((r) => r.subscriberId),
        records.map((r) => r.action),
        records.map((r) => r.source),
        records.map((r) => r.privacyNoticeVersion),
        records.map((r) => JSON.stringify(r.evidence)),
        records.map((r) => r.capturedAt.toISOString()),
      ],
    );
  }

  async consentsOf(subscriberId: string): Promise<StoredConsentRecord[]> {
    const rows = await this.query<
      {
        subscriber_id: string;
        action: ConsentAction;
        source: string;
        privacy_notice_version: string | null;
        evidence: Record<string, unknown>;
        captured_at: Date;
        recorded_at: Date;
      }[]
    >(
      `SELECT subscriber_id, action, source, privacy_notice_version, evidence, captured_at,
              recorded_at
         FROM consent_records WHERE subscriber_id = $1 ORDER BY recorded_at, id`,
      [subscriberId],
    );
    return rows.map((row) => ({
      subscriberId: row.subscriber_id,
      action: row.action,
      source: row.source,
      privacyNoticeVersion: row.privacy_notice_version,
      evidence: row.evidence,
      capturedAt: row.captured_at,
      recordedAt: row.recorded_at,
    }));
  }

  /**
   * Ends every subscription of this number at once: no areas or topics are left to match an
   * alert. Returns the subscriber with the status they had, or null for a number never subscribed.
   */
  async unsubscribe(
    phoneHash: string,
    at: Date,
  ): Promise<{ id: string; previousStatus: SubscriberStatus } | null> {
    const [row] = await this.query<{ id: string; previous_status: SubscriberStatus }[]>(
      // Wrapped in a SELECT: TypeORM returns an UPDATE's rows paired with its row count.
      `WITH changed AS (
         UPDATE subscribers s
            SET status = 'unsubscribed', area_codes = '{}', topic_codes = '{}',
                unsubscribed_at = COALESCE(CASE WHEN previous.status = 'unsubscribed'
                                                THEN s.unsubscribed_at END, $2),
                updated_at = now()
           FROM (SELECT id, status FROM subscribers WHERE phone_hash = $1 FOR UPDATE) AS previous
          WHERE s.id = previous.id
          RETURNING s.id, previous.status AS previous_status)
       SELECT * FROM changed`,
      [phoneHash, at.toISOString()],
    );
    return row ? { id: row.id, previousStatus: row.previous_status } : null;
  }

  /** Moves a subscriber's 24-hour service window on; never back, whatever order messages come in. */
  async touchLastInbound(phoneHash: string, at: Date): Promise<void> {
    await this.query(
      `UPDATE subscribers SET last_inbound_at = $2
        WHERE phone_hash = $1 AND (last_inbound_at IS NULL OR last_inbound_at < $2)`,
      [phoneHash, at.toISOString()],
    );
  }

  /** Deletes the subscriber; their consent records go with them (ON DELETE CASCADE). */
  async delete(id: string): Promise<{ consentRecords: number }> {
    const [row] = await this.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM consent_records WHERE subscriber_id = $1`,
      [id],
    );
    await this.query(`DELETE FROM subscribers WHERE id = $1`, [id]);
    return { consentRecords: Number(row?.n ?? 0) };
  }

  /**
   * Makes the number an active subscriber after it opted in afresh: created if new, re-subscribed
   * if it had stopped; an active subscriber's area and topics are replaced (`replace`: JOIN again
   * is changing one's mind) or added to (`add`: a web opt-in for one more area). Its suppression
   * goes. Returns the status it had before.
   */
  async activate(
    input: {
      phoneSealed: string;
      phoneHash: string;
      areaCode: string;
      topicCodes: string[];
      privacyNoticeVersion: string;
      at: Date;
    },
    choices: 'replace' | 'add',
  ): Promise<{ id: string; previousStatus: string | null }> {
    const manager = this.uow.manager();
    // Read first, on its own: a CTE's FOR UPDATE would meet the row already updated by the upsert.
    const [previous] = await manager.query<{ status: string }[]>(
      `SELECT status FROM subscribers WHERE phone_hash = $1 FOR UPDATE`,
      [input.phoneHash],
    );
    const merged = (column: string) =>
      choices === 'add'
        ? `CASE WHEN s.status = 'active'
             THEN ARRAY(SELECT DISTINCT unnest(s.${column} || EXCLUDED.${column}) ORDER BY 1)
             ELSE EXCLUDED.${column} END`
        : `EXCLUDED.${column}`;
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO subscribers AS s
           (phone_sealed, phone_hash, status, area_codes, topic_codes, privacy_notice_version,
            subscribed_at, last_inbound_at)
         VALUES ($1, $2, 'active', ARRAY[$3]::text[], $4::text[], $5, $6, $6)
         ON CONFLICT (phone_hash) DO UPDATE SET
           status = 'active',
           area_codes = ${merged('area_codes')},
           topic_codes = ${merged('topic_codes')},
           privacy_notice_version = EXCLUDED.privacy_notice_version,
           subscribed_at = CASE WHEN s.status = 'active' THEN s.subscribed_at
                                ELSE EXCLUDED.subscribed_at END,
           unsubscribed_at = NULL,
           updated_at = now()
         RETURNING s.id`,
      [
        input.phoneSealed,
        input.phoneHash,
        input.areaCode,
        input.topicCodes,
        input.privacyNoticeVersion,
        input.at.toISOString(),
      ],
    );
    await manager.query(`DELETE FROM suppressions WHERE phone_hash = $1`, [input.phoneHash]);
    return { id: row.id, previousStatus: previous?.status ?? null };
  }
}
