import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents and the fan-out: subscribers (number sealed, found by its lookup hash, with the area
 * and topic codes they chose), the evidence of their consent, the numbers that must never be
 * messaged again unless they opt in afresh, and what the fan-out needs on deliveries and channels.
 */
export class Residents1795500000000 implements MigrationInterface {
  name = 'Residents1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "subscribers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "phone_sealed" text NOT NULL,
        "phone_hash" character(64) NOT NULL,
        "status" text NOT NULL DEFAULT 'active',
        "area_codes" text[] NOT NULL DEFAULT '{}',
        "topic_codes" text[] NOT NULL DEFAULT '{}',
        "privacy_notice_version" text,
        "subscribed_at" TIMESTAMP WITH TIME ZONE,
        "unsubscribed_at" TIMESTAMP WITH TIME ZONE,
        "last_inbound_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_subscribers" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_subscribers_phone_hash" UNIQUE ("phone_hash"),
        CONSTRAINT "CHK_subscribers_status" CHECK ("status" IN ('pending', 'active', 'unsubscribed'))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_subscribers_active_areas" ON "subscribers" USING gin ("area_codes") WHERE "status" = 'active'`,
    );
    await queryRunner.query(`
      CREATE TABLE "consent_records" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "subscriber_id" uuid NOT NULL REFERENCES "subscribers" ("id") ON DELETE CASCADE,
        "action" text NOT NULL,
        "source" text NOT NULL,
        "privacy_notice_version" text,
        "evidence" jsonb NOT NULL DEFAULT '{}',
        "captured_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_consent_records" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_consent_records_action"
          CHECK ("action" IN ('opt_in', 'confirm', 'change', 'opt_out', 'import'))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_consent_records_subscriber" ON "consent_records" ("subscriber_id")`,
    );
    // A number here is never messaged, whatever lists it appears on, until it opts in afresh.
    await queryRunner.query(`
      CREATE TABLE "suppressions" (
        "phone_hash" character(64) NOT NULL,
        "reason" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_suppressions" PRIMARY KEY ("phone_hash"),
        CONSTRAINT "CHK_suppressions_reason"
          CHECK ("reason" IN ('stop', 'provider_stopped', 'blocked', 'erased'))
      )
    `);

    await queryRunner.query(`
      ALTER TABLE "message_deliveries"
        ADD "subscriber_id" uuid REFERENCES "subscribers" ("id") ON DELETE SET NULL,
        ADD "claimed_at" TIMESTAMP WITH TIME ZONE,
        ADD "claimed_by" text
    `);
    await queryRunner.query(
      `ALTER TABLE "message_deliveries" DROP CONSTRAINT "CHK_message_deliveries_status"`,
    );
    await queryRunner.query(`
      ALTER TABLE "message_deliveries" ADD CONSTRAINT "CHK_message_deliveries_status"
        CHECK ("status" IN ('queued', 'sending', 'accepted', 'sent', 'delivered', 'read', 'failed',
                            'cancelled', 'skipped'))
    `);
    await queryRunner.query(
      `ALTER TABLE "message_deliveries" DROP CONSTRAINT "CHK_message_deliveries_purpose"`,
    );
    await queryRunner.query(`
      ALTER TABLE "message_deliveries" ADD CONSTRAINT "CHK_message_deliveries_purpose"
        CHECK ("purpose" IN ('alert', 'test', 'reply'))
    `);
    // One delivery per person per alert: the frozen recipient list cannot hold anyone twice.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_message_deliveries_alert_recipient" ON "message_deliveries" ("message_id", "recipient_phone_hash") WHERE "purpose" = 'alert'`,
    );
    // The fan-out's work list: what is still to send, per message.
    await queryRunner.query(
      `CREATE INDEX "IDX_message_deliveries_pending" ON "message_deliveries" ("message_id", "id") WHERE "status" IN ('queued', 'sending')`,
    );
    // The receipts' echo of Crier's delivery id (biz_opaque_callback_data): settles in-doubt sends.
    await queryRunner.query(`ALTER TABLE "delivery_receipts" ADD "delivery_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_delivery_receipts_delivery" ON "delivery_receipts" ("delivery_id") WHERE "delivery_id" IS NOT NULL`,
    );

    await queryRunner.query(`
      ALTER TABLE "channels"
        ADD "throughput_per_second" integer NOT NULL DEFAULT 80,
        ADD "next_send_slot_at" TIMESTAMP WITH TIME ZONE,
        ADD CONSTRAINT "CHK_channels_throughput"
          CHECK ("throughput_per_second" BETWEEN 1 AND 1000)
    `);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD "recipients_frozen_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "recipients_frozen_at"`);
    await queryRunner.query(`
      ALTER TABLE "channels"
        DROP CONSTRAINT "CHK_channels_throughput",
        DROP COLUMN "next_send_slot_at",
        DROP COLUMN "throughput_per_second"
    `);
    await queryRunner.query(`DROP INDEX "IDX_delivery_receipts_delivery"`);
    await queryRunner.query(`ALTER TABLE "delivery_receipts" DROP COLUMN "delivery_id"`);
    await queryRunner.query(`DROP INDEX "IDX_message_deliveries_pending"`);
    await queryRunner.query(`DROP INDEX "UQ_message_deliveries_alert_recipient"`);
    await queryRunner.query(`DELETE FROM "message_deliveries" WHERE "purpose" = 'reply'`);
    await queryRunner.query(
      `ALTER TABLE "message_deliveries" DROP CONSTRAINT "CHK_message_deliveries_purpose"`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_deliveries" ADD CONSTRAINT "CHK_message_deliveries_purpose" CHECK ("purpose" IN ('alert', 'test'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_deliveries" DROP CONSTRAINT "CHK_message_deliveries_status"`,
    );
    await queryRunner.query(`
      ALTER TABLE "message_deliveries" ADD CONSTRAINT "CHK_message_deliveries_status"
        CHECK ("status" IN ('queued', 'accepted', 'sent', 'delivered', 'read', 'failed'))
    `);
    await queryRunner.query(`
      ALTER TABLE "message_deliveries"
        DROP COLUMN "claimed_by",
        DROP COLUMN "claimed_at",
        DROP COLUMN "subscriber_id"
    `);
    await queryRunner.query(`DROP TABLE "suppressions"`);
    await queryRunner.query(`DROP TABLE "consent_records"`);
    await queryRunner.query(`DROP TABLE "subscribers"`);
  }
}
