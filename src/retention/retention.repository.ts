import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';

/** Arbitrary but fixed: the advisory lock that lets one retention run at a time, in any process. */
export const RETENTION_LOCK_KEY = 7_265_118_042;

/** The webhook processor's give-up point (MAX_FAILURES in webhook-processor.service.ts). */
export const STUCK_CALLBACK_FAILURES = 5;

/** The deletions retention makes; every method runs inside the run's one transaction. */
@Injectable()
export class RetentionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.transactionManager().query<T>(text, values);
  }

  /**
   * Runs an UPDATE or DELETE ... RETURNING and counts its rows. Wrapped in a SELECT because
   * TypeORM answers a bare UPDATE or DELETE with [rows, affected], not the rows.
   */
  private async count(change: string, values: unknown[]): Promise<number> {
    const [row] = await this.query<{ n: string }[]>(
      `WITH changed AS (${change}) SELECT count(*) AS n FROM changed`,
      values,
    );
    return Number(row.n);
  }

  /**
   * Takes the retention lock until the transaction ends, or answers false at once when another
   * run holds it. Transaction-scoped (pg_try_advisory_xact_lock) so that it can never be left
   * held on a pooled connection by a run that failed.
   */
  async tryLock(): Promise<boolean> {
    const [row] = await this.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock($1) AS locked`,
      [RETENTION_LOCK_KEY],
    );
    return row.locked;
  }

  /**
   * Removes the text of residents' messages received before their channel's cut-off. The row
   * stays (see the Retention migration): subject access still shows that a message came, when,
   * and which module took it, and its provider id still turns away a late duplicate from Meta.
   */
  async deleteInboundContent(
    cutoffs: { channelId: string; before: Date }[],
    now: Date,
  ): Promise<number> {
    if (cutoffs.length === 0) return 0;
    return this.count(
      `UPDATE inbound_messages i
          SET body = NULL, reply_id = NULL, content_deleted_at = $3
         FROM unnest($1::uuid[], $2::timestamptz[]) AS c(channel_id, before)
        WHERE i.channel_id = c.channel_id
          AND i.received_at < c.before
          AND i.content_deleted_at IS NULL
      RETURNING i.id`,
      [
        cutoffs.map((c) => c.channelId),
        cutoffs.map((c) => c.before.toISOString()),
        now.toISOString(),
      ],
    );
  }

  /** Callbacks the processor gave up on (left for a person to look at) once their time is up. */
  async deleteStuckCallbacks(before: Date): Promise<number> {
    return this.count(
      `DELETE FROM whatsapp_webhook_inbox
        WHERE failed_attempts >= $1 AND received_at < $2
      RETURNING id`,
      [STUCK_CALLBACK_FAILURES, before.toISOString()],
    );
  }

  /**
   * Deletes the delivery rows of finished sends created before the cut-off, and their receipts.
   * An alert's rows go only once its message is `sent` or `cancelled`: while it is sending, the
   * fan-out counts its progress (and finds what is left to send) from these very rows.
   */
  async deleteFinishedDeliveries(before: Date): Promise<{ deliveries: number; receipts: number }> {
    const [row] = await this.query<{ deliveries: string; receipts: string }[]>(
      `WITH gone AS (
         DELETE FROM message_deliveries d
          WHERE d.created_at < $1
            AND (d.purpose IN ('test', 'reply')
                 OR (d.purpose = 'alert' AND EXISTS (
                       SELECT 1 FROM messages m
                        WHERE m.id = d.message_id AND m.status IN ('sent', 'cancelled'))))
         RETURNING d.id, d.provider_message_id
       ), receipts AS (
         DELETE FROM delivery_receipts r
          USING gone g
          WHERE r.delivery_id = g.id OR r.provider_message_id = g.provider_message_id
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM gone) AS deliveries,
              (SELECT count(*) FROM receipts) AS receipts`,
      [before.toISOString()],
    );
    return { deliveries: Number(row.deliveries), receipts: Number(row.receipts) };
  }

  /** Receipts that never found their delivery, received before the cut-off. */
  async deleteUnmatchedReceipts(before: Date): Promise<number> {
    return this.count(
      `DELETE FROM delivery_receipts r
        WHERE r.applied_at IS NULL AND r.received_at < $1
          AND NOT EXISTS (SELECT 1 FROM message_deliveries d
                           WHERE d.provider_message_id = r.provider_message_id
                              OR d.id = r.delivery_id)
      RETURNING 1`,
      [before.toISOString()],
    );
  }
}
