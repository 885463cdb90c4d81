import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';

export interface InboxRow {
  id: string;
  receivedAt: Date;
  payloadSealed: Buffer;
}

/** Meta's callbacks between acknowledgement and processing (sealed: they carry numbers). */
@Injectable()
export class WebhookInboxRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** One statement, so one commit, for a whole batch of callbacks. */
  async insertMany(payloads: Buffer[]): Promise<void> {
    await this.uow
      .manager()
      .query(`INSERT INTO whatsapp_webhook_inbox (payload_sealed) SELECT unnest($1::bytea[])`, [
        payloads,
      ]);
  }

  /**
   * The oldest waiting callbacks, locked so that other Crier instances take different ones. Rows
   * that failed too often are left for a person to look at.
   */
  async claim(limit: number, maxFailures: number): Promise<InboxRow[]> {
    const rows = await this.uow
      .transactionManager()
      .query<{ id: string; received_at: Date; payload_sealed: Buffer }[]>(
        `SELECT id, received_at, payload_sealed FROM whatsapp_webhook_inbox
        WHERE failed_attempts < $2
        ORDER BY id
        LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit, maxFailures],
      );
    return rows.map((row) => ({
      id: row.id,
      receivedAt: row.received_at,
      payloadSealed: row.payload_sealed,
    }));
  }

  async delete(ids: string[]): Promise<void> {
    await this.uow
      .transactionManager()
      .query(`DELETE FROM whatsapp_webhook_inbox WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async recordFailure(id: string, error: string): Promise<void> {
    await this.uow.manager().query(
      `UPDATE whatsapp_webhook_inbox
            SET failed_attempts = failed_attempts + 1, last_error = $2
          WHERE id = $1`,
      [id, error.slice(0, 500)],
    );
  }
}
