import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web opt-in requests waiting for the resident's confirmation on WhatsApp. Kept apart from
 * subscribers so that an unconfirmed request never changes (or reveals) a subscriber's state,
 * and so that expiring one is a plain delete. A confirmed request is deleted too (its evidence
 * moves to consent_records), so there is no confirmed state here. The number is sealed and found
 * by its lookup hash.
 */
export class SubscriptionRequests1795900000000 implements MigrationInterface {
  name = 'SubscriptionRequests1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "subscription_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "phone_sealed" text NOT NULL,
        "phone_hash" character(64) NOT NULL,
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id") ON DELETE CASCADE,
        "area_code" text NOT NULL,
        "topic_codes" text[] NOT NULL,
        "privacy_notice_version" text NOT NULL,
        "request_ip_hash" character(64) NOT NULL,
        "confirmation_message_id" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_subscription_requests" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_subscription_requests_phone" ON "subscription_requests" ("phone_hash")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_subscription_requests_expiry" ON "subscription_requests" ("expires_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscription_requests"`);
  }
}
