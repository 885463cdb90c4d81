import { Injectable } from '@nestjs/common';
import type { ChannelKind } from '../channels/governance-policy.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { InboundKind } from '../whatsapp/webhooks/webhook-callbacks.js';

export type ConversationStatus = 'open' | 'assigned' | 'closed';
export type ConversationFilter = ConversationStatus | 'blocked';

export interface ConversationRow {
  id: string;
  channelId: string;
  channelName: string;
  channelKind: ChannelKind;
  channelServiceId: string | null;
  phoneHash: string;
  status: ConversationStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  lastMessageAt: Date;
  closedAt: Date | null;
  /** The resident's number as last seen, sealed; null once erasure removed their messages. */
  phoneSealed: string | null;
  /** Their last message to the channel, handled by a module or not: it opens the window. */
  lastInboundAt: Date | null;
  blockedAt: Date | null;
}

export interface InboundItem {
  id: string;
  kind: InboundKind;
  body: string | null;
  replyId: string | null;
  sentAt: Date;
  contentDeletedAt: Date | null;
  flagReason: string | null;
  flaggedAt: Date | null;
}

export interface ReplyItem {
  id: string;
  body: string | null;
  createdAt: Date;
  sentById: string;
  sentByName: string;
  deliveryStatus: string | null;
}

interface RawConversation {
  id: string;
  channel_id: string;
  channel_name: string;
  channel_kind: ChannelKind;
  channel_service_id: string | null;
  phone_hash: string;
  status: ConversationStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  last_message_at: Date;
  closed_at: Date | null;
  phone_sealed: string | null;
  last_inbound_at: Date | null;
  blocked_at: Date | null;
}

const SELECT_CONVERSATION = `
  SELECT c.id, c.channel_id, ch.name AS channel_name, ch.kind AS channel_kind,
         ch.service_id AS channel_service_id, c.phone_hash, c.status, c.assignee_id,
         s.name AS assignee_name, c.last_message_at, c.closed_at, b.blocked_at,
         latest.from_phone_sealed AS phone_sealed, latest.sent_at AS last_inbound_at
    FROM inbox_conversations c
    JOIN channels ch ON ch.id = c.channel_id
    LEFT JOIN staff s ON s.id = c.assignee_id
    LEFT JOIN inbox_blocks b ON b.channel_id = c.channel_id AND b.phone_hash = c.phone_hash
    LEFT JOIN LATERAL (
      SELECT m.from_phone_sealed, m.sent_at FROM inbound_messages m
       WHERE m.channel_id = c.channel_id AND m.from_phone_hash = c.phone_hash
       ORDER BY m.sent_at DESC LIMIT 1) latest ON true`;

const toConversation = (row: RawConversation): ConversationRow => ({
  id: row.id,
  channelId: row.channel_id,
  channelName: row.channel_name,
  channelKind: row.channel_kind,
  channelServiceId: row.channel_service_id,
  phoneHash: row.phone_hash,
  status: row.status,
  assigneeId: row.assignee_id,
  assigneeName: row.assignee_name,
  lastMessageAt: row.last_message_at,
  closedAt: row.closed_at,
  phoneSealed: row.phone_sealed,
  lastInboundAt: row.last_inbound_at,
  blockedAt: row.blocked_at,
});

/** The inbox's own tables, and the reads it makes of inbound_messages and deliveries. */
@Injectable()
export class InboxRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private read<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  private write<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.transactionManager().query<T>(text, values);
  }

  /**
   * A message nobody took: opens the sender's conversation, or reopens a closed one, unless the
   * sender is blocked from this channel's inbox (the message itself is kept all the same).
   */
  async recordInbound(channelId: string, phoneHash: string, at: Date): Promise<void> {
    await this.write(
      `INSERT INTO inbox_conversations (channel_id, phone_hash, last_message_at)
       SELECT $1, $2, $3
        WHERE NOT EXISTS (
          SELECT 1 FROM inbox_blocks WHERE channel_id = $1 AND phone_hash = $2)
       ON CONFLICT (channel_id, phone_hash) DO UPDATE SET
         last_message_at = GREATEST(inbox_conversations.last_message_at, EXCLUDED.last_message_at),
         status = CASE WHEN inbox_conversations.status = 'closed' THEN 'open'
                       ELSE inbox_conversations.status END,
         closed_at = NULL,
         updated_at = now()`,
      [channelId, phoneHash, at.toISOString()],
    );
  }

  async list(
    channelIds: string[],
    filter: ConversationFilter,
    limit: number,
  ): Promise<ConversationRow[]> {
    const condition =
      filter === 'blocked' ? 'b.blocked_at IS NOT NULL' : 'b.blocked_at IS NULL AND c.status = $2';
    const rows = await this.read<RawConversation[]>(
      `${SELECT_CONVERSATION}
        WHERE c.channel_id = ANY($1::uuid[]) AND ${condition}
          AND latest.from_phone_sealed IS NOT NULL
        ORDER BY c.last_message_at DESC, c.id
        LIMIT ${filter === 'blocked' ? '$2' : '$3'}`,
      filter === 'blocked' ? [channelIds, limit] : [channelIds, filter, limit],
    );
    return rows.map(toConversation);
  }

  /** One conversation; with `lock`, its row is held until the transaction ends. */
  async find(id: string, lock = false): Promise<ConversationRow | null> {
    if (lock) {
      await this.write(`SELECT id FROM inbox_conversations WHERE id = $1 FOR UPDATE`, [id]);
    }
    const [row] = await this.read<RawConversation[]>(`${SELECT_CONVERSATION} WHERE c.id = $1`, [
      id,
    ]);
    return row ? toConversation(row) : null;
  }

  /** The messages in the inbox from this sender on this channel, oldest first. */
  async inboundOf(conversation: ConversationRow): Promise<InboundItem[]> {
    const rows = await this.read<
      {
        id: string;
        kind: InboundKind;
        body: string | null;
        reply_id: string | null;
        sent_at: Date;
        content_deleted_at: Date | null;
        reason: string | null;
        flagged_at: Date | null;
      }[]
    >(
      `SELECT m.id, m.kind, m.body, m.reply_id, m.sent_at, m.content_deleted_at,
              f.reason, f.created_at AS flagged_at
         FROM inbound_messages m
         LEFT JOIN inbox_flags f ON f.inbound_message_id = m.id
        WHERE m.channel_id = $1 AND m.from_phone_hash = $2 AND m.handled_by IS NULL
        ORDER BY m.sent_at, m.id`,
      [conversation.channelId, conversation.phoneHash],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      body: row.body,
      replyId: row.reply_id,
      sentAt: row.sent_at,
      contentDeletedAt: row.content_deleted_at,
      flagReason: row.reason,
      flaggedAt: row.flagged_at,
    }));
  }

  async repliesOf(conversationId: string): Promise<ReplyItem[]> {
    const rows = await this.read<
      {
        id: string;
        body: string | null;
        created_at: Date;
        sent_by: string;
        sent_by_name: string;
        status: string | null;
      }[]
    >(
      `SELECT r.id, r.body, r.created_at, r.sent_by, s.name AS sent_by_name, d.status
         FROM inbox_replies r
         JOIN staff s ON s.id = r.sent_by
         LEFT JOIN message_deliveries d ON d.id = r.delivery_id
        WHERE r.conversation_id = $1
        ORDER BY r.created_at, r.id`,
      [conversationId],
    );
    return rows.map((row) => ({
      id: row.id,
      body: row.body,
      createdAt: row.created_at,
      sentById: row.sent_by,
      sentByName: row.sent_by_name,
      deliveryStatus: row.status,
    }));
  }

  async subscriberIdOf(phoneHash: string): Promise<string | null> {
    const [row] = await this.read<{ id: string }[]>(
      `SELECT id FROM subscribers WHERE phone_hash = $1`,
      [phoneHash],
    );
    return row?.id ?? null;
  }

  async setStatus(
    id: string,
    status: ConversationStatus,
    assigneeId: string | null,
    now: Date,
  ): Promise<void> {
    await this.write(
      `UPDATE inbox_conversations
          SET status = $2, assignee_id = $3, updated_at = $4,
              closed_at = CASE WHEN $2 = 'closed' THEN $4::timestamptz ELSE NULL END
        WHERE id = $1`,
      [id, status, assigneeId, now.toISOString()],
    );
  }

  async insertReply(reply: {
    conversationId: string;
    channelId: string;
    deliveryId: string;
    sentBy: string;
    body: string;
  }): Promise<string> {
    const [row] = await this.write<{ id: string }[]>(
      `INSERT INTO inbox_replies (conversation_id, channel_id, delivery_id, sent_by, body)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [reply.conversationId, reply.channelId, reply.deliveryId, reply.sentBy, reply.body],
    );
    return row.id;
  }

  /** Whether the message is one of this conversation's (in the inbox, from this sender). */
  async isInboundOf(conversation: ConversationRow, messageId: string): Promise<boolean> {
    const rows = await this.read<unknown[]>(
      `SELECT 1 FROM inbound_messages
        WHERE id = $1 AND channel_id = $2 AND from_phone_hash = $3 AND handled_by IS NULL`,
      [messageId, conversation.channelId, conversation.phoneHash],
    );
    return rows.length > 0;
  }

  /** False when the message was flagged already. */
  async flag(messageId: string, staffId: string, reason: string): Promise<boolean> {
    const rows = await this.write<unknown[]>(
      `INSERT INTO inbox_flags (inbound_message_id, flagged_by, reason) VALUES ($1, $2, $3)
       ON CONFLICT (inbound_message_id) DO NOTHING RETURNING id`,
      [messageId, staffId, reason],
    );
    return rows.length > 0;
  }

  /** False when the sender was blocked already. */
  async block(channelId: string, phoneHash: string, staffId: string, reason: string) {
    const rows = await this.write<unknown[]>(
      `INSERT INTO inbox_blocks (channel_id, phone_hash, blocked_by, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (channel_id, phone_hash) DO NOTHING RETURNING blocked_at`,
      [channelId, phoneHash, staffId, reason],
    );
    return rows.length > 0;
  }

  /** False when the sender was not blocked. */
  async unblock(channelId: string, phoneHash: string): Promise<boolean> {
    const rows = await this.write<unknown[]>(
      `WITH removed AS (
         DELETE FROM inbox_blocks WHERE channel_id = $1 AND phone_hash = $2 RETURNING blocked_at)
       SELECT * FROM removed`,
      [channelId, phoneHash],
    );
    return rows.length > 0;
  }

  /** Staff replies' text, removed on the same schedule as residents' messages on the channel. */
  async deleteReplyContent(
    cutoffs: { channelId: string; before: Date }[],
    now: Date,
  ): Promise<number> {
    if (cutoffs.length === 0) return 0;
    const rows = await this.write<unknown[]>(
      `WITH changed AS (
         UPDATE inbox_replies r SET body = NULL, content_deleted_at = $3
           FROM unnest($1::uuid[], $2::timestamptz[]) AS c(channel_id, before)
          WHERE r.channel_id = c.channel_id AND r.created_at < c.before
            AND r.content_deleted_at IS NULL
         RETURNING r.id)
       SELECT id FROM changed`,
      [
        cutoffs.map((c) => c.channelId),
        cutoffs.map((c) => c.before.toISOString()),
        now.toISOString(),
      ],
    );
    return rows.length;
  }
}
