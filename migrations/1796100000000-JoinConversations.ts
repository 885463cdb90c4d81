import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resident's JOIN conversation on WhatsApp, one per number, while they choose an area and
 * topics. Nothing here is consent: the row is deleted on Confirm (its evidence moves to
 * consent_records), on Cancel, on STOP, or once idle past expires_at. The number is sealed and
 * found by its lookup hash.
 */
export class JoinConversations1796100000000 implements MigrationInterface {
  name = 'JoinConversations1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "join_conversations" (
        "phone_hash" character(64) NOT NULL,
        "phone_sealed" text NOT NULL,
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id") ON DELETE CASCADE,
        "step" text NOT NULL CHECK ("step" IN ('area', 'topics', 'confirm')),
        "area_code" text,
        "topic_codes" text[] NOT NULL DEFAULT '{}',
        "evidence" jsonb NOT NULL DEFAULT '[]',
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_join_conversations" PRIMARY KEY ("phone_hash")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "join_conversations"`);
  }
}
