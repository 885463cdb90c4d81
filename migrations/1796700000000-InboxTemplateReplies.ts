import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Template replies from the shared inbox: WhatsApp allows only an approved template once the
 * resident's 24-hour window has closed, so a worker proposes one (name, language, parameters)
 * and it goes out once the channel's policy has its approvals, each from someone other than its
 * proposer (one row each, so nobody approves twice). Its delivery is linked once it is queued.
 * The parameters are removed on the channel's inbound retention, like free-text replies.
 */
export class InboxTemplateReplies1796700000000 implements MigrationInterface {
  name = 'InboxTemplateReplies1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inbox_template_replies" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "conversation_id" uuid NOT NULL REFERENCES "inbox_conversations" ("id") ON DELETE CASCADE,
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id"),
        "proposed_by" uuid NOT NULL REFERENCES "staff" ("id"),
        "template" jsonb NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "delivery_id" uuid REFERENCES "message_deliveries" ("id") ON DELETE SET NULL,
        "rejected_by" uuid REFERENCES "staff" ("id"),
        "rejection_comment" text,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "content_deleted_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox_template_replies" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_inbox_template_replies_status"
          CHECK ("status" IN ('pending', 'sent', 'rejected', 'withdrawn')),
        CONSTRAINT "CHK_inbox_template_replies_decided"
          CHECK (("status" = 'pending') = ("decided_at" IS NULL)),
        CONSTRAINT "CHK_inbox_template_replies_rejected"
          CHECK (("status" = 'rejected') = ("rejected_by" IS NOT NULL)),
        CONSTRAINT "CHK_inbox_template_replies_four_eyes"
          CHECK ("rejected_by" IS NULL OR "rejected_by" <> "proposed_by")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_inbox_template_replies_conversation" ON "inbox_template_replies" ("conversation_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "inbox_template_reply_approvals" (
        "template_reply_id" uuid NOT NULL
          REFERENCES "inbox_template_replies" ("id") ON DELETE CASCADE,
        "approved_by" uuid NOT NULL REFERENCES "staff" ("id"),
        "content_findings" text[] NOT NULL DEFAULT '{}',
        "override_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox_template_reply_approvals" PRIMARY KEY ("template_reply_id", "approved_by")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inbox_template_reply_approvals"`);
    await queryRunner.query(`DROP TABLE "inbox_template_replies"`);
  }
}
