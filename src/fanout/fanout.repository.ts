import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Audience } from '../messages/domain/message-content.js';

export interface ClaimedRecipient {
  deliveryId: string;
  phoneSealed: string;
}

export interface SendResult {
  deliveryId: string;
  attempts: number;
  outcome:
    | { ok: true; providerMessageId: string }
    | {
        ok: false;
        class: string;
        code: string;
        reason: string;
        suppressRecipient?: boolean;
      };
}

/**
 * The rows named by $1, locked in id order. Every statement that updates many deliveries at once
 * locks them this way, as the webhook processor does, so that two of them can never wait for
 * each other (a deadlock).
 */
const LOCK_IN_ORDER = `SELECT id FROM message_deliveries WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

/** Messages with sends still to make, or (once cancelled) still to call off. */
export interface ActiveMessage {
  id: string;
  status: 'sending' | 'cancelled';
  channelId: string;
}

/**
 * The fan-out's SQL. Recipients are rows of message_deliveries: frozen once per message, claimed
 * with SKIP LOCKED so processes share them, and marked `sending` while in a worker's hands.
 */
@Injectable()
export class FanoutRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  async activeMessages(limit: number): Promise<ActiveMessage[]> {
    const rows = await this.query<
      { id: string; status: ActiveMessage['status']; channel_id: string }[]
    >(
      `SELECT m.id, m.status, m.channel_id
         FROM messages m
        WHERE m.status = 'sending'
           OR (m.status = 'cancelled' AND EXISTS (
                 SELECT 1 FROM message_deliveries d
                  WHERE d.message_id = m.id AND d.status IN ('queued', 'sending')))
        ORDER BY m.updated_at
        LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, status: row.status, channelId: row.channel_id }));
  }

  /**
   * Fixes who receives the message: every active subscriber of any of its areas and any of its
   * topics whose number is not suppressed, once each. Runs in the transaction that holds the
   * message's lock, which also marks it frozen, so it happens exactly once.
   */
  async freeze(
    message: { id: string; channelId: string; version: number; audience: Audience },
    provider: string,
  ): Promise<number> {
    const [row] = await this.uow.transactionManager().query<{ n: string }[]>(
      `WITH frozen AS (
         INSERT INTO message_deliveries
           (channel_id, message_id, message_version, purpose, subscriber_id,
            recipient_phone_sealed, recipient_phone_hash, provider)
         SELECT $1, $2, $3, 'alert', s.id, s.phone_sealed, s.phone_hash, $4
           FROM subscribers s
          WHERE s.status = 'active'
            AND s.area_codes && $5::text[]
            AND s.topic_codes && $6::text[]
            AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.phone_hash = s.phone_hash)
         ON CONFLICT DO NOTHING
         RETURNING 1
       ), marked AS (
         UPDATE messages SET recipients_frozen_at = now() WHERE id = $2 RETURNING 1
       )
       SELECT (SELECT count(*) FROM frozen) AS n, (SELECT count(*) FROM marked) AS m`,
      [
        message.channelId,
        message.id,
        message.version,
        provider,
        message.audience.areas,
        message.audience.topics,
      ],
    );
    return Number(row?.n ?? 0);
  }

  async claim(messageId: string, limit: number, worker: string): Promise<ClaimedRecipient[]> {
    // Wrapped in a CTE so that the driver hands back the RETURNING rows as a plain result.
    const rows = await this.query<{ id: string; recipient_phone_sealed: string }[]>(
      `WITH claimed AS (
         UPDATE message_deliveries d
            SET status = 'sending', claimed_at = now(), claimed_by = $3, updated_at = now()
          WHERE d.id IN (SELECT id FROM message_deliveries
                          WHERE message_id = $1 AND status = 'queued'
                          ORDER BY id
                          LIMIT $2
                            FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.recipient_phone_sealed)
       SELECT * FROM claimed`,
      [messageId, limit, worker],
    );
    return rows.map((row) => ({ deliveryId: row.id, phoneSealed: row.recipient_phone_sealed }));
  }

  /**
   * Of these claimed sends, the ones that should still go: the message is still sending, the
   * person is still subscribed and their number is not suppressed. Asked just before each group
   * goes, so a STOP or a cancel stops the very next send.
   */
  async stillWanted(deliveryIds: string[]): Promise<Set<string>> {
    const rows = await this.query<{ id: string }[]>(
      `SELECT d.id
         FROM message_deliveries d
         JOIN messages m ON m.id = d.message_id AND m.status = 'sending'
         JOIN subscribers s ON s.id = d.subscriber_id AND s.status = 'active'
        WHERE d.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.phone_hash = d.recipient_phone_hash)`,
      [deliveryIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Sends that will not be made: the person stopped, or the message was cancelled. */
  async callOff(deliveryIds: string[], status: 'skipped' | 'cancelled'): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.query(
      `UPDATE message_deliveries
          SET status = $2, claimed_at = NULL, claimed_by = NULL, updated_at = now()
        WHERE id IN (${LOCK_IN_ORDER}) AND status IN ('queued', 'sending')`,
      [deliveryIds, status],
    );
  }

  /** Calls off every send of a cancelled message that has not gone yet. */
  async callOffRemaining(messageId: string): Promise<void> {
    await this.query(
      `UPDATE message_deliveries
          SET status = 'cancelled', claimed_at = NULL, claimed_by = NULL, updated_at = now()
        WHERE message_id = $1 AND status = 'queued'`,
      [messageId],
    );
  }

  /** Records a group's outcomes in two statements, whatever its size. */
  async saveResults(results: SendResult[]): Promise<void> {
    const accepted = results.flatMap((r) =>
      r.outcome.ok ? [{ ...r, id: r.outcome.providerMessageId }] : [],
    );
    const failed = results.flatMap((r) => (r.outcome.ok ? [] : [{ ...r, failure: r.outcome }]));
    if (accepted.length > 0) {
      await this.query(
        `UPDATE message_deliveries d
            SET status = 'accepted', provider_message_id = v.provider_id, attempts = v.attempts,
                accepted_at = now(), claimed_at = NULL, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::int[]) AS v(id, provider_id, attempts)
          WHERE d.id = v.id AND d.status = 'sending' AND d.id IN (${LOCK_IN_ORDER})`,
        [
          accepted.map((a) => a.deliveryId),
          accepted.map((a) => a.id),
          accepted.map((a) => a.attempts),
        ],
      );
    }
    if (failed.length > 0) {
      await this.query(
        `UPDATE message_deliveries d
            SET status = 'failed', failed_at = now(), attempts = v.attempts,
                failure_class = v.class, failure_code = v.code, failure_reason = v.reason,
                claimed_at = NULL, updated_at = now()
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[])
                AS v(id, attempts, class, code, reason)
          WHERE d.id = v.id AND d.status = 'sending' AND d.id IN (${LOCK_IN_ORDER})`,
        [
          failed.map((f) => f.deliveryId),
          failed.map((f) => f.attempts),
          failed.map((f) => f.failure.class),
          failed.map((f) => f.failure.code),
          failed.map((f) => f.failure.reason),
        ],
      );
    }
  }

  /** Keeps this worker's claims fresh while it holds them, so no one takes them for lost. */
  async heartbeat(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.query(
      `UPDATE message_deliveries SET claimed_at = now()
        WHERE id IN (${LOCK_IN_ORDER}) AND status = 'sending'`,
      [deliveryIds],
    );
  }

  /**
   * Settles sends whose worker vanished (a crash) longer than `graceSeconds` ago. A send the
   * provider reported on (its receipt echoes the delivery id) went out: it is recorded as
   * accepted with the id from the receipt. The rest never reached the provider, or it would have
   * said so by now: they go back in the queue. Returns the provider ids adopted.
   */
  async settleInDoubt(messageId: string, graceSeconds: number): Promise<string[]> {
    const adopted = await this.query<{ provider_message_id: string }[]>(
      `WITH adopted AS (
       UPDATE message_deliveries d
          SET status = 'accepted', provider_message_id = r.provider_message_id,
              accepted_at = now(), claimed_at = NULL, updated_at = now()
         FROM (SELECT DISTINCT ON (delivery_id) delivery_id, provider_message_id
                 FROM delivery_receipts
                WHERE delivery_id IN (SELECT id FROM message_deliveries
                                       WHERE message_id = $1 AND status = 'sending'
                                         AND claimed_at < now() - make_interval(secs => $2))) r
        WHERE d.id = r.delivery_id AND d.status = 'sending'
        RETURNING d.provider_message_id)
       SELECT * FROM adopted`,
      [messageId, graceSeconds],
    );
    await this.query(
      `UPDATE message_deliveries
          SET status = 'queued', claimed_at = NULL, claimed_by = NULL, updated_at = now()
        WHERE message_id = $1 AND status = 'sending'
          AND claimed_at < now() - make_interval(secs => $2)`,
      [messageId, graceSeconds],
    );
    return adopted.map((row) => row.provider_message_id);
  }

  async progress(messageId: string): Promise<{
    pending: number;
    recipients: number;
    accepted: number;
    failed: number;
    skipped: number;
  }> {
    const [row] = await this.query<
      { pending: string; recipients: string; accepted: string; failed: string; skipped: string }[]
    >(
      `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending')) AS pending,
              count(*) AS recipients,
              count(*) FILTER (WHERE status IN ('accepted', 'sent', 'delivered', 'read')) AS accepted,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status IN ('skipped', 'cancelled')) AS skipped
         FROM message_deliveries
        WHERE message_id = $1 AND purpose = 'alert'`,
      [messageId],
    );
    return {
      pending: Number(row?.pending ?? 0),
      recipients: Number(row?.recipients ?? 0),
      accepted: Number(row?.accepted ?? 0),
      failed: Number(row?.failed ?? 0),
      skipped: Number(row?.skipped ?? 0),
    };
  }
}
