import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Audience } from '../messages/domain/message-content.js';

export interface ClaimedRecipient {
  deliveryId: string;
  phoneSealed: string;
  /** Tries already made (a send put back after a temporary failure has some). */
  attempts: number;
}

interface ClaimedRow {
  id: string;
  recipient_phone_sealed: string;
  attempts: number;
}

const toClaimed = (row: ClaimedRow): ClaimedRecipient => ({
  deliveryId: row.id,
  phoneSealed: row.recipient_phone_sealed,
  attempts: row.attempts,
});

export interface SendResult {
  deliveryId: string;
  /** Tries made in all, this one included. */
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

/** Tries of one send before a temporary failure counts as final. */
const MAX_ATTEMPTS = 5;

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
   * topics whose number is not suppressed, once each, as numbered positions. Runs in the
   * transaction that holds the message's lock, which also records the total, so it happens once.
   */
  async freeze(message: { id: string; audience: Audience }): Promise<number> {
    const [row] = await this.uow.transactionManager().query<{ n: string }[]>(
      `WITH frozen AS (
         INSERT INTO message_recipients (message_id, position, subscriber_id)
         SELECT $1, (row_number() OVER ()) - 1, s.id
           FROM subscribers s
          WHERE s.status = 'active'
            AND s.area_codes && $2::text[]
            AND s.topic_codes && $3::text[]
            AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.phone_hash = s.phone_hash)
         RETURNING 1
       ), marked AS (
         UPDATE messages
            SET recipients_frozen_at = now(), recipients_total = (SELECT count(*) FROM frozen)
          WHERE id = $1
         RETURNING recipients_total AS n)
       SELECT n FROM marked`,
      [message.id, message.audience.areas, message.audience.topics],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Takes the next recipients to send to: sends put back after a crash first, then the next
   * range of positions from the message's cursor, whose delivery rows are created here, already
   * claimed. Cursor and rows move in one transaction, so a position is never taken twice or lost.
   */
  async claim(
    message: { id: string; channelId: string; version: number; provider: string },
    limit: number,
    worker: string,
  ): Promise<ClaimedRecipient[]> {
    const requeued = await this.query<ClaimedRow[]>(
      `WITH claimed AS (
         UPDATE message_deliveries d
            SET status = 'sending', claimed_at = now(), claimed_by = $3, updated_at = now()
          WHERE d.id IN (SELECT id FROM message_deliveries
                          WHERE message_id = $1 AND status = 'queued'
                          ORDER BY id
                          LIMIT $2
                            FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.recipient_phone_sealed, d.attempts)
       SELECT * FROM claimed`,
      [message.id, limit, worker],
    );
    if (requeued.length > 0) return requeued.map(toClaimed);
    return this.uow.run(async () => {
      const manager = this.uow.transactionManager();
      const [range] = await manager.query<{ from_pos: number; to_pos: number }[]>(
        `WITH current AS (
           SELECT recipients_claimed AS from_pos, recipients_total FROM messages
            WHERE id = $1 AND status = 'sending' AND recipients_total IS NOT NULL
              FOR UPDATE
         ), moved AS (
           UPDATE messages m
              SET recipients_claimed = least(c.from_pos + $2, c.recipients_total)
             FROM current c
            WHERE m.id = $1 AND c.from_pos < c.recipients_total
           RETURNING c.from_pos, m.recipients_claimed AS to_pos)
         SELECT * FROM moved`,
        [message.id, limit],
      );
      if (!range) return [];
      const rows = await manager.query<ClaimedRow[]>(
        `INSERT INTO message_deliveries
           (channel_id, message_id, message_version, purpose, subscriber_id,
            recipient_phone_sealed, recipient_phone_hash, provider, status, claimed_at, claimed_by)
         SELECT $2, r.message_id, $3, 'alert', s.id, s.phone_sealed, s.phone_hash, $4,
                'sending', now(), $7
           FROM message_recipients r
           JOIN subscribers s ON s.id = r.subscriber_id
          WHERE r.message_id = $1 AND r.position >= $5 AND r.position < $6
         ON CONFLICT DO NOTHING
         RETURNING id, recipient_phone_sealed, attempts`,
        [
          message.id,
          message.channelId,
          message.version,
          message.provider,
          range.from_pos,
          range.to_pos,
          worker,
        ],
      );
      return rows.map(toClaimed);
    });
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

  /** Claimed sends this worker will not make after all: back in the queue, unclaimed. */
  async putBack(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.query(
      `UPDATE message_deliveries
          SET status = 'queued', claimed_at = NULL, claimed_by = NULL, updated_at = now()
        WHERE id IN (${LOCK_IN_ORDER}) AND status = 'sending'`,
      [deliveryIds],
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

  /**
   * Records a group's outcomes in a few statements, whatever its size. A temporary failure goes
   * back in the queue for a later slot until it has had MAX_ATTEMPTS; then it counts as failed.
   */
  async saveResults(results: SendResult[]): Promise<void> {
    const accepted = results.flatMap((r) =>
      r.outcome.ok ? [{ ...r, id: r.outcome.providerMessageId }] : [],
    );
    const retry = results.filter(
      (r) => !r.outcome.ok && r.outcome.class === 'retry' && r.attempts < MAX_ATTEMPTS,
    );
    const failed = results.flatMap((r) =>
      r.outcome.ok || retry.includes(r) ? [] : [{ ...r, failure: r.outcome }],
    );
    if (retry.length > 0) {
      await this.query(
        `UPDATE message_deliveries
            SET status = 'queued', attempts = attempts + 1, claimed_at = NULL, claimed_by = NULL,
                updated_at = now()
          WHERE id IN (${LOCK_IN_ORDER}) AND status = 'sending'`,
        [retry.map((r) => r.deliveryId)],
      );
    }
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

  /**
   * Where the message has got to. Pending counts positions not yet taken and sends in a
   * worker's hands; positions whose resident was erased meanwhile have no row and count as
   * not sent.
   */
  async progress(messageId: string): Promise<{
    pending: number;
    recipients: number;
    accepted: number;
    failed: number;
    skipped: number;
  }> {
    const [row] = await this.query<
      { total: number | null; claimed: number; sending: string; accepted: string; failed: string }[]
    >(
      `SELECT m.recipients_total AS total, m.recipients_claimed AS claimed,
              count(d.id) FILTER (WHERE d.status IN ('queued', 'sending')) AS sending,
              count(d.id) FILTER (WHERE d.status IN ('accepted', 'sent', 'delivered', 'read')) AS accepted,
              count(d.id) FILTER (WHERE d.status = 'failed') AS failed
         FROM messages m
         LEFT JOIN message_deliveries d ON d.message_id = m.id AND d.purpose = 'alert'
        WHERE m.id = $1
        GROUP BY m.id`,
      [messageId],
    );
    const total = row?.total ?? 0;
    const claimed = row?.claimed ?? 0;
    const pending = total - claimed + Number(row?.sending ?? 0);
    const accepted = Number(row?.accepted ?? 0);
    const failed = Number(row?.failed ?? 0);
    return {
      pending,
      recipients: total,
      accepted,
      failed,
      skipped: total - pending - accepted - failed,
    };
  }
}
