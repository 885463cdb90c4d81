import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { TemplateReplyContent, TemplateReplyStatus } from './domain/template-replies.js';

export interface TemplateReplyApproval {
  staffId: string;
  name: string;
  at: Date;
  overrideReason: string | null;
}

export interface TemplateReplyRow {
  id: string;
  conversationId: string;
  channelId: string;
  proposedById: string;
  proposedByName: string;
  template: TemplateReplyContent;
  status: TemplateReplyStatus;
  deliveryId: string | null;
  deliveryStatus: string | null;
  rejectedById: string | null;
  rejectedByName: string | null;
  rejectionComment: string | null;
  createdAt: Date;
  /** When retention removed the parameters (then `template.parameters` is empty). */
  contentDeletedAt: Date | null;
  /** Oldest first. */
  approvals: TemplateReplyApproval[];
}

interface RawTemplateReply {
  id: string;
  conversation_id: string;
  channel_id: string;
  proposed_by: string;
  proposed_by_name: string;
  template: TemplateReplyContent;
  status: TemplateReplyStatus;
  delivery_id: string | null;
  delivery_status: string | null;
  rejected_by: string | null;
  rejected_by_name: string | null;
  rejection_comment: string | null;
  created_at: Date;
  content_deleted_at: Date | null;
  approvals: { staff_id: string; name: string; at: string; override_reason: string | null }[];
}

const SELECT_TEMPLATE_REPLY = `
  SELECT r.id, r.conversation_id, r.channel_id, r.proposed_by, p.name AS proposed_by_name,
         r.template, r.status, r.delivery_id, d.status AS delivery_status, r.rejected_by,
         x.name AS rejected_by_name, r.rejection_comment, r.created_at, r.content_deleted_at,
         COALESCE((
           SELECT json_agg(json_build_object('staff_id', a.approved_by, 'name', s.name,
                                             'at', a.created_at, 'override_reason', a.override_reason)
                           ORDER BY a.created_at, a.approved_by)
             FROM inbox_template_reply_approvals a JOIN staff s ON s.id = a.approved_by
            WHERE a.template_reply_id = r.id), '[]'::json) AS approvals
    FROM inbox_template_replies r
    JOIN staff p ON p.id = r.proposed_by
    LEFT JOIN staff x ON x.id = r.rejected_by
    LEFT JOIN message_deliveries d ON d.id = r.delivery_id`;

const toTemplateReply = (row: RawTemplateReply): TemplateReplyRow => ({
  id: row.id,
  conversationId: row.conversation_id,
  channelId: row.channel_id,
  proposedById: row.proposed_by,
  proposedByName: row.proposed_by_name,
  template: row.template,
  status: row.status,
  deliveryId: row.delivery_id,
  deliveryStatus: row.delivery_status,
  rejectedById: row.rejected_by,
  rejectedByName: row.rejected_by_name,
  rejectionComment: row.rejection_comment,
  createdAt: row.created_at,
  contentDeletedAt: row.content_deleted_at,
  approvals: row.approvals.map((a) => ({
    staffId: a.staff_id,
    name: a.name,
    at: new Date(a.at),
    overrideReason: a.override_reason,
  })),
});

/** The inbox's template replies and their approvals. */
@Injectable()
export class InboxTemplateRepliesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private read<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  private write<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.transactionManager().query<T>(text, values);
  }

  /**
   * Template replies' parameters, removed on the same schedule; one still waiting for approval
   * then is withdrawn, as there is nothing left to approve.
   */
  async deleteTemplateReplyContent(
    cutoffs: { channelId: string; before: Date }[],
    now: Date,
  ): Promise<number> {
    if (cutoffs.length === 0) return 0;
    const rows = await this.write<unknown[]>(
      `WITH changed AS (
         UPDATE inbox_template_replies r
            SET template = jsonb_set(r.template, '{parameters}', '[]'::jsonb),
                content_deleted_at = $3,
                status = CASE WHEN r.status = 'pending' THEN 'withdrawn' ELSE r.status END,
                decided_at = COALESCE(r.decided_at, $3), updated_at = $3
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

  async insertTemplateReply(reply: {
    conversationId: string;
    channelId: string;
    proposedBy: string;
    template: TemplateReplyContent;
  }): Promise<string> {
    const [row] = await this.write<{ id: string }[]>(
      `INSERT INTO inbox_template_replies (conversation_id, channel_id, proposed_by, template)
       VALUES ($1, $2, $3, $4::jsonb) RETURNING id`,
      [
        reply.conversationId,
        reply.channelId,
        reply.proposedBy,
        JSON.stringify({
          templateName: reply.template.templateName,
          language: reply.template.language,
          parameters: reply.template.parameters,
        }),
      ],
    );
    return row.id;
  }

  /** The conversation's template replies, oldest first. */
  async templateRepliesOf(conversationId: string): Promise<TemplateReplyRow[]> {
    const rows = await this.read<RawTemplateReply[]>(
      `${SELECT_TEMPLATE_REPLY} WHERE r.conversation_id = $1 ORDER BY r.created_at, r.id`,
      [conversationId],
    );
    return rows.map(toTemplateReply);
  }

  /** One of the conversation's template replies; with `lock`, held until the transaction ends. */
  async findTemplateReply(
    conversationId: string,
    id: string,
    lock = false,
  ): Promise<TemplateReplyRow | null> {
    if (lock) {
      await this.write(`SELECT id FROM inbox_template_replies WHERE id = $1 FOR UPDATE`, [id]);
    }
    const [row] = await this.read<RawTemplateReply[]>(
      `${SELECT_TEMPLATE_REPLY} WHERE r.id = $1 AND r.conversation_id = $2`,
      [id, conversationId],
    );
    return row ? toTemplateReply(row) : null;
  }

  /** False when this person had approved it already. */
  async approveTemplateReply(
    id: string,
    staffId: string,
    contentFindings: string[],
    overrideReason: string | null,
  ): Promise<boolean> {
    const rows = await this.write<unknown[]>(
      `INSERT INTO inbox_template_reply_approvals
         (template_reply_id, approved_by, content_findings, override_reason)
       VALUES ($1, $2, $3::text[], $4)
       ON CONFLICT (template_reply_id, approved_by) DO NOTHING RETURNING approved_by`,
      [id, staffId, contentFindings, overrideReason],
    );
    return rows.length > 0;
  }

  async markTemplateReplySent(id: string, deliveryId: string, now: Date): Promise<void> {
    await this.write(
      `UPDATE inbox_template_replies
          SET status = 'sent', delivery_id = $2, decided_at = $3, updated_at = $3
        WHERE id = $1 AND status = 'pending'`,
      [id, deliveryId, now.toISOString()],
    );
  }

  async rejectTemplateReply(id: string, staffId: string, comment: string, now: Date) {
    await this.write(
      `UPDATE inbox_template_replies
          SET status = 'rejected', rejected_by = $2, rejection_comment = $3,
              decided_at = $4, updated_at = $4
        WHERE id = $1 AND status = 'pending'`,
      [id, staffId, comment, now.toISOString()],
    );
  }

  /** The proposer takes back one pending template reply. */
  async withdrawTemplateReply(id: string, now: Date): Promise<void> {
    await this.write(
      `UPDATE inbox_template_replies
          SET status = 'withdrawn', decided_at = $2, updated_at = $2
        WHERE id = $1 AND status = 'pending'`,
      [id, now.toISOString()],
    );
  }

  /** Withdraws the conversation's pending template replies; returns their ids. */
  async withdrawPendingTemplateReplies(conversationId: string, now: Date): Promise<string[]> {
    const rows = await this.write<{ id: string }[]>(
      `WITH withdrawn AS (
         UPDATE inbox_template_replies
            SET status = 'withdrawn', decided_at = $2, updated_at = $2
          WHERE conversation_id = $1 AND status = 'pending'
         RETURNING id)
       SELECT id FROM withdrawn`,
      [conversationId, now.toISOString()],
    );
    return rows.map((row) => row.id);
  }
}
