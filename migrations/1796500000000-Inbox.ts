import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared inbox of each channel: one conversation per (channel, resident's number hash) over
 * the residents' messages no module took, with who is answering it; staff replies (their text
 * is removed after the channel's inbound retention, like residents' messages); messages flagged
 * as abusive; and senders blocked from a channel's inbox. Numbers appear only as lookup hashes:
 * the sealed number stays in inbound_messages and message_deliveries.
 */
export class Inbox1796500000000 implements MigrationInterface {
  name = 'Inbox1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inbox_conversations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id"),
        "phone_hash" character(64) NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "assignee_id" uuid REFERENCES "staff" ("id"),
        "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox_conversations" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_inbox_conversations_sender" UNIQUE ("channel_id", "phone_hash"),
        CONSTRAINT "CHK_inbox_conversations_status" CHECK ("status" IN ('open', 'assigned', 'closed')),
        CONSTRAINT "CHK_inbox_conversations_assignee"
          CHECK (("status" = 'assigned') = ("assignee_id" IS NOT NULL))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_inbox_conversations_list" ON "inbox_conversations" ("channel_id", "status", "last_message_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "inbox_replies" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "conversation_id" uuid NOT NULL REFERENCES "inbox_conversations" ("id") ON DELETE CASCADE,
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id"),
        "delivery_id" uuid REFERENCES "message_deliveries" ("id") ON DELETE SET NULL,
        "sent_by" uuid NOT NULL REFERENCES "staff" ("id"),
        "body" text,
        "content_deleted_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox_replies" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_inbox_replies_conversation" ON "inbox_replies" ("conversation_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "inbox_flags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "inbound_message_id" uuid NOT NULL REFERENCES "inbound_messages" ("id") ON DELETE CASCADE,
        "flagged_by" uuid NOT NULL REFERENCES "staff" ("id"),
        "reason" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox_flags" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_inbox_flags_message" UNIQUE ("inbound_message_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "inbox_blocks" (
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id"),
        "phone_hash" character(64) NOT NULL,
        "reason" text NOT NULL,
        "blocked_by" uuid NOT NULL REFERENCES "staff" ("id"),
        "blocked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox_blocks" PRIMARY KEY ("channel_id", "phone_hash")
      )
    `);
    // Messages already waiting in a channel's inbox become its first conversations.
    await queryRunner.query(`
      INSERT INTO "inbox_conversations" ("channel_id", "phone_hash", "last_message_at")
      SELECT "channel_id", "from_phone_hash", max("received_at")
        FROM "inbound_messages" WHERE "handled_by" IS NULL
       GROUP BY "channel_id", "from_phone_hash"
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inbox_blocks"`);
    await queryRunner.query(`DROP TABLE "inbox_flags"`);
    await queryRunner.query(`DROP TABLE "inbox_replies"`);
    await queryRunner.query(`DROP TABLE "inbox_conversations"`);
  }
}
