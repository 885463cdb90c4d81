import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import type { InboundKind } from '../webhooks/webhook-callbacks.js';

export interface NewInboundMessage {
  channelId: string;
  providerMessageId: string;
  fromPhoneSealed: string;
  fromPhoneHash: string;
  kind: InboundKind;
  body: string | null;
  replyId: string | null;
  contextId: string | null;
  sentAt: Date;
}

/** Residents' messages: each stored once, and those no module took form the channel's inbox. */
@Injectable()
export class InboundMessagesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Stores the messages not already held (Meta may send one twice); returns the new ones' ids. */
  async insertNew(messages: NewInboundMessage[]): Promise<Map<string, string>> {
    if (messages.length === 0) return new Map();
    const column = <K extends keyof NewInboundMessage>(key: K) =>
      messages.map((m) => {
        const value = m[key];
        return value instanceof Date ? value.toISOString() : value;
      });
    const rows = await this.uow
      .transactionManager()
      .query<{ id: string; provider_message_id: string }[]>(
        `INSERT INTO inbound_messages
         (channel_id, provider_message_id, from_phone_sealed, from_phone_hash, kind, body,
          reply_id, context_provider_message_id, sent_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::timestamptz[])
       ON CONFLICT (provider_message_id) DO NOTHING
       RETURNING id, provider_message_id`,
        [
          column('channelId'),
          column('providerMessageId'),
          column('fromPhoneSealed'),
          column('fromPhoneHash'),
          column('kind'),
          column('body'),
          column('replyId'),
          column('contextId'),
          column('sentAt'),
        ],
      );
    return new Map(rows.map((row) => [row.provider_message_id, row.id]));
  }

  async markHandled(id: string, handler: string): Promise<void> {
    await this.uow
      .transactionManager()
      .query(`UPDATE inbound_messages SET handled_by = $2 WHERE id = $1`, [id, handler]);
  }
}
