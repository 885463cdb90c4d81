import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { FailureClass } from '../dispatch/outbound-message.js';
import type {
  DeliveryProgress,
  DeliveryStatus,
  Receipt,
  ReceiptStatus,
} from './delivery-progress.js';

export interface NewDelivery {
  channelId: string;
  messageId: string | null;
  messageVersion: number | null;
  purpose: 'alert' | 'test';
  requestedBy: string | null;
  recipientPhoneSealed: string;
  recipientPhoneHash: string;
  provider: string;
}

/** A delivery locked for update, with what its receipts are applied to. */
export interface LockedDelivery extends DeliveryProgress {
  id: string;
  channelId: string;
  messageId: string | null;
  providerMessageId: string;
}

export interface DeliverySummary {
  id: string;
  version: number;
  requestedBy: string | null;
  status: DeliveryStatus;
  at: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  failureCode: string | null;
  failureReason: string | null;
}

export interface IncomingReceipt extends Receipt {
  providerMessageId: string;
  /** Crier's delivery id when the provider echoed it (biz_opaque_callback_data). */
  deliveryId?: string | null;
}

interface LockedRow {
  id: string;
  channel_id: string;
  message_id: string | null;
  provider_message_id: string;
  status: DeliveryStatus;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  failure_code: string | null;
  failure_reason: string | null;
}

interface ReceiptRow {
  provider_message_id: string;
  status: ReceiptStatus;
  occurred_at: Date;
  error_code: string | null;
  error_title: string | null;
}

const toLocked = (row: LockedRow): LockedDelivery => ({
  id: row.id,
  channelId: row.channel_id,
  messageId: row.message_id,
  providerMessageId: row.provider_message_id,
  status: row.status,
  sentAt: row.sent_at,
  deliveredAt: row.delivered_at,
  readAt: row.read_at,
  failedAt: row.failed_at,
  failureCode: row.failure_code,
  failureReason: row.failure_reason,
});

/** One row per send to one person, and the receipts the provider reported for it. */
@Injectable()
export class DeliveriesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  async insert(delivery: NewDelivery): Promise<string> {
    const [row] = await this.query<{ id: string }[]>(
      `INSERT INTO message_deliveries
         (channel_id, message_id, message_version, purpose, requested_by,
          recipient_phone_sealed, recipient_phone_hash, provider)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        delivery.channelId,
        delivery.messageId,
        delivery.messageVersion,
        delivery.purpose,
        delivery.requestedBy,
        delivery.recipientPhoneSealed,
        delivery.recipientPhoneHash,
        delivery.provider,
      ],
    );
    return row.id;
  }

  async markAccepted(id: string, providerMessageId: string, attempts: number): Promise<void> {
    await this.query(
      `UPDATE message_deliveries
          SET status = 'accepted', provider_message_id = $2, attempts = $3,
              accepted_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, providerMessageId, attempts],
    );
  }

  async markFailed(
    id: string,
    failure: { class: FailureClass; code: string; reason: string },
    attempts: number,
  ): Promise<void> {
    await this.query(
      `UPDATE message_deliveries
          SET status = 'failed', failed_at = now(), attempts = $2, failure_class = $3,
              failure_code = $4, failure_reason = $5, updated_at = now()
        WHERE id = $1`,
      [id, attempts, failure.class, failure.code, failure.reason],
    );
  }

  /** Locks the deliveries with these provider ids, in id order so that batches never deadlock. */
  async lockByProviderIds(providerIds: string[]): Promise<LockedDelivery[]> {
    const rows = await this.query<LockedRow[]>(
      `SELECT id, channel_id, message_id, provider_message_id, status, sent_at, delivered_at,
              read_at, failed_at, failure_code, failure_reason
         FROM message_deliveries
        WHERE provider_message_id = ANY($1::text[])
        ORDER BY id
          FOR UPDATE`,
      [providerIds],
    );
    return rows.map(toLocked);
  }

  /**
   * Stores receipts once each; a receipt already held (Meta sends some twice) is skipped.
   * Returns the ones that are new. `matched` names the provider ids that have a delivery here:
   * their receipts are applied now; others wait for the id to be stored.
   */
  async insertReceipts(
    receipts: IncomingReceipt[],
    matched: Set<string>,
  ): Promise<IncomingReceipt[]> {
    if (receipts.length === 0) return [];
    const sorted = [...receipts].sort((a, b) =>
      a.providerMessageId === b.providerMessageId
        ? a.status.localeCompare(b.status)
        : a.providerMessageId.localeCompare(b.providerMessageId),
    );
    const rows = await this.query<ReceiptRow[]>(
      `INSERT INTO delivery_receipts
         (provider_message_id, status, occurred_at, error_code, error_title, applied_at, delivery_id)
       SELECT r.id, r.status, r.occurred_at, r.error_code, r.error_title,
              CASE WHEN r.matched THEN now() END, r.delivery_id
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::boolean[],
                     $7::uuid[])
              WITH ORDINALITY AS r(id, status, occurred_at, error_code, error_title, matched, delivery_id, n)
        ORDER BY r.n
       ON CONFLICT DO NOTHING
       RETURNING provider_message_id, status, occurred_at, error_code, error_title`,
      [
        sorted.map((r) => r.providerMessageId),
        sorted.map((r) => r.status),
        sorted.map((r) => r.occurredAt.toISOString()),
        sorted.map((r) => r.errorCode),
        sorted.map((r) => r.errorTitle),
        sorted.map((r) => matched.has(r.providerMessageId)),
        sorted.map((r) => r.deliveryId ?? null),
      ],
    );
    return rows.map(toReceipt);
  }

  /** Every receipt held for these provider ids, marking any that waited as applied. */
  async receiptsFor(providerIds: string[]): Promise<Map<string, Receipt[]>> {
    const rows = await this.query<ReceiptRow[]>(
      `SELECT provider_message_id, status, occurred_at, error_code, error_title
         FROM delivery_receipts WHERE provider_message_id = ANY($1::text[])`,
      [providerIds],
    );
    await this.query(
      `UPDATE delivery_receipts SET applied_at = now()
        WHERE provider_message_id = ANY($1::text[]) AND applied_at IS NULL`,
      [providerIds],
    );
    const byId = new Map<string, Receipt[]>();
    for (const row of rows) {
      const list = byId.get(row.provider_message_id) ?? [];
      list.push(toReceipt(row));
      byId.set(row.provider_message_id, list);
    }
    return byId;
  }

  async saveProgress(updates: { id: string; progress: DeliveryProgress }[]): Promise<void> {
    if (updates.length === 0) return;
    const column = <K extends keyof DeliveryProgress>(key: K) =>
      updates.map(({ progress }) => {
        const value = progress[key];
        return value instanceof Date ? value.toISOString() : value;
      });
    await this.query(
      `UPDATE message_deliveries d
          SET status = v.status, sent_at = v.sent_at, delivered_at = v.delivered_at,
              read_at = v.read_at, failed_at = v.failed_at, failure_code = v.failure_code,
              failure_reason = v.failure_reason, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[],
                     $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[])
              AS v(id, status, sent_at, delivered_at, read_at, failed_at, failure_code, failure_reason)
        WHERE d.id = v.id`,
      [
        updates.map(({ id }) => id),
        column('status'),
        column('sentAt'),
        column('deliveredAt'),
        column('readAt'),
        column('failedAt'),
        column('failureCode'),
        column('failureReason'),
      ],
    );
  }

  /** Progress of each message's alert deliveries, counted by where they have got to. */
  async alertCounts(messageIds: string[]): Promise<Map<string, Record<DeliveryStatus, number>>> {
    const rows = await this.query<{ message_id: string; status: DeliveryStatus; n: string }[]>(
      `SELECT message_id, status, count(*) AS n FROM message_deliveries
        WHERE message_id = ANY($1::uuid[]) AND purpose = 'alert'
        GROUP BY message_id, status`,
      [messageIds],
    );
    const counts = new Map<string, Record<DeliveryStatus, number>>();
    for (const row of rows) {
      const forMessage = counts.get(row.message_id) ?? ({} as Record<DeliveryStatus, number>);
      forMessage[row.status] = Number(row.n);
      counts.set(row.message_id, forMessage);
    }
    return counts;
  }

  /** Test sends of a message, newest first. */
  async testsOf(messageId: string): Promise<DeliverySummary[]> {
    const rows = await this.query<
      {
        id: string;
        message_version: number;
        requested_by: string | null;
        status: DeliveryStatus;
        created_at: Date;
        sent_at: Date | null;
        delivered_at: Date | null;
        read_at: Date | null;
        failed_at: Date | null;
        failure_code: string | null;
        failure_reason: string | null;
      }[]
    >(
      `SELECT id, message_version, requested_by, status, created_at, sent_at, delivered_at,
              read_at, failed_at, failure_code, failure_reason
         FROM message_deliveries
        WHERE message_id = $1 AND purpose = 'test'
        ORDER BY created_at DESC, id`,
      [messageId],
    );
    return rows.map((row) => ({
      id: row.id,
      version: row.message_version,
      requestedBy: row.requested_by,
      status: row.status,
      at: row.created_at,
      sentAt: row.sent_at,
      deliveredAt: row.delivered_at,
      readAt: row.read_at,
      failedAt: row.failed_at,
      failureCode: row.failure_code,
      failureReason: row.failure_reason,
    }));
  }

  /** Provider ids with receipts that arrived before their delivery's id was stored. */
  async unappliedProviderIds(limit: number): Promise<string[]> {
    const rows = await this.query<{ provider_message_id: string }[]>(
      `SELECT DISTINCT r.provider_message_id
         FROM delivery_receipts r
         JOIN message_deliveries d ON d.provider_message_id = r.provider_message_id
        WHERE r.applied_at IS NULL AND r.received_at > now() - interval '7 days'
        LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.provider_message_id);
  }
}

function toReceipt(row: ReceiptRow): IncomingReceipt {
  return {
    providerMessageId: row.provider_message_id,
    status: row.status,
    occurredAt: new Date(row.occurred_at),
    errorCode: row.error_code,
    errorTitle: row.error_title,
  };
}
