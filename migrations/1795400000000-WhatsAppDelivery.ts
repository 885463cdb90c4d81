import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What sending through WhatsApp needs: each channel's provider and its pause switch, staff test
 * phones, one row per recipient of a send with its delivery receipts, the durable inbox of
 * Meta's callbacks, and the per-channel inbox of residents' messages. Phone numbers are stored
 * only sealed (AES-256-GCM) with a keyed lookup hash.
 */
export class WhatsAppDelivery1795400000000 implements MigrationInterface {
  name = 'WhatsAppDelivery1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "channels"
        ADD "provider" text NOT NULL DEFAULT 'whatsapp-cloud-api',
        ADD "sending_paused_at" TIMESTAMP WITH TIME ZONE,
        ADD "sending_paused_code" text,
        ADD "sending_paused_reason" text
    `);
    await queryRunner.query(`ALTER TABLE "staff" ADD "test_phone_sealed" text`);
    await queryRunner.query(`
      CREATE TABLE "message_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id"),
        "message_id" uuid REFERENCES "messages" ("id"),
        "message_version" integer,
        "purpose" text NOT NULL,
        "requested_by" uuid REFERENCES "staff" ("id"),
        "recipient_phone_sealed" text NOT NULL,
        "recipient_phone_hash" character(64) NOT NULL,
        "provider" text NOT NULL,
        "provider_message_id" text,
        "status" text NOT NULL DEFAULT 'queued',
        "attempts" integer NOT NULL DEFAULT 0,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "read_at" TIMESTAMP WITH TIME ZONE,
        "failed_at" TIMESTAMP WITH TIME ZONE,
        "failure_class" text,
        "failure_code" text,
        "failure_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_message_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_message_deliveries_provider_id" UNIQUE ("provider_message_id"),
        CONSTRAINT "CHK_message_deliveries_purpose" CHECK ("purpose" IN ('alert', 'test')),
        CONSTRAINT "CHK_message_deliveries_status"
          CHECK ("status" IN ('queued', 'accepted', 'sent', 'delivered', 'read', 'failed')),
        CONSTRAINT "CHK_message_deliveries_failure_class"
          CHECK ("failure_class" IN ('retry', 'recipient', 'message', 'channel'))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_message_deliveries_message" ON "message_deliveries" ("message_id")`,
    );
    // Every status Meta reported, once per (message id, status): the receipts themselves. They
    // may arrive before Crier has stored the id it was given, so they are kept until matched.
    await queryRunner.query(`
      CREATE TABLE "delivery_receipts" (
        "provider_message_id" text NOT NULL,
        "status" text NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "error_code" text,
        "error_title" text,
        "applied_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_delivery_receipts" PRIMARY KEY ("provider_message_id", "status"),
        CONSTRAINT "CHK_delivery_receipts_status"
          CHECK ("status" IN ('sent', 'delivered', 'read', 'failed'))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_delivery_receipts_unapplied" ON "delivery_receipts" ("received_at") WHERE "applied_at" IS NULL`,
    );
    // Meta's callbacks, kept (sealed: they carry phone numbers) from the moment they are
    // acknowledged until they have been processed; a row leaves only with its effects.
    await queryRunner.query(`
      CREATE TABLE "whatsapp_webhook_inbox" (
        "id" bigserial NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "payload_sealed" bytea NOT NULL,
        "failed_attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "PK_whatsapp_webhook_inbox" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "inbound_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id"),
        "provider_message_id" text NOT NULL,
        "from_phone_sealed" text NOT NULL,
        "from_phone_hash" character(64) NOT NULL,
        "kind" text NOT NULL,
        "body" text,
        "reply_id" text,
        "context_provider_message_id" text,
        "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "handled_by" text,
        CONSTRAINT "PK_inbound_messages" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_inbound_messages_provider_id" UNIQUE ("provider_message_id"),
        CONSTRAINT "CHK_inbound_messages_kind"
          CHECK ("kind" IN ('text', 'button_reply', 'list_reply', 'quick_reply', 'other'))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_inbound_messages_inbox" ON "inbound_messages" ("channel_id", "received_at") WHERE "handled_by" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_inbound_messages_sender" ON "inbound_messages" ("from_phone_hash")`,
    );
    await queryRunner.query(
      `GRANT USAGE ON SEQUENCE "whatsapp_webhook_inbox_id_seq" TO "crier_app"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inbound_messages"`);
    await queryRunner.query(`DROP TABLE "whatsapp_webhook_inbox"`);
    await queryRunner.query(`DROP TABLE "delivery_receipts"`);
    await queryRunner.query(`DROP TABLE "message_deliveries"`);
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "test_phone_sealed"`);
    await queryRunner.query(`
      ALTER TABLE "channels"
        DROP COLUMN "sending_paused_reason",
        DROP COLUMN "sending_paused_code",
        DROP COLUMN "sending_paused_at",
        DROP COLUMN "provider"
    `);
  }
}
