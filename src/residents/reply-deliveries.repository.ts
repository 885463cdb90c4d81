import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ERASED_NUMBER } from './resident-records.repository.js';

export interface NewReply {
  channelId: string;
  subscriberId: string | null;
  recipientPhoneSealed: string;
  recipientPhoneHash: string;
  provider: string;
}

/**
 * Delivery rows for replies to residents (purpose 'reply'). Written here rather than through
 * DeliveriesService because its NewDelivery knows only alerts and tests, and a reply also names
 * its subscriber; accepted and failed are still recorded through DeliveriesService.
 */
@Injectable()
export class ReplyDeliveriesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(reply: NewReply): Promise<string> {
    const [row] = await this.uow.transactionManager().query<{ id: string }[]>(
      `INSERT INTO message_deliveries
         (channel_id, purpose, subscriber_id, recipient_phone_sealed, recipient_phone_hash, provider)
       VALUES ($1, 'reply', $2, $3, $4, $5) RETURNING id`,
      [
        reply.channelId,
        reply.subscriberId,
        reply.recipientPhoneSealed,
        reply.recipientPhoneHash,
        reply.provider,
      ],
    );
    return row.id;
  }

  /**
   * Takes a queued reply for sending, once: a job run twice (pg-boss delivers at least once)
   * finds it taken and sends nothing. An erased number's reply was cancelled and is not taken.
   */
  async claim(id: string): Promise<{ channelId: string; recipientPhoneSealed: string } | null> {
    const [row] = await this.uow
      .transactionManager()
      .query<{ channel_id: string; recipient_phone_sealed: string }[]>(
        // Wrapped in a SELECT: TypeORM returns an UPDATE's rows paired with its row count.
        `WITH claimed AS (
         UPDATE message_deliveries
            SET status = 'sending', claimed_at = now(), updated_at = now()
          WHERE id = $1 AND purpose = 'reply' AND status = 'queued'
            AND recipient_phone_sealed <> $2
          RETURNING channel_id, recipient_phone_sealed)
       SELECT * FROM claimed`,
        [id, ERASED_NUMBER],
      );
    return row
      ? { channelId: row.channel_id, recipientPhoneSealed: row.recipient_phone_sealed }
      : null;
  }

  /** Puts a reply WhatsApp could not take for now back in the queue, for a later job. */
  async release(id: string): Promise<void> {
    await this.uow.transactionManager().query(
      `UPDATE message_deliveries SET status = 'queued', claimed_at = NULL, updated_at = now()
          WHERE id = $1 AND purpose = 'reply' AND status = 'sending'`,
      [id],
    );
  }
}
