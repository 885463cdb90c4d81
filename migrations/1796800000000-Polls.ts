import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snap poll answers: one row per resident per poll (the latest tap wins, by WhatsApp's time of
 * the tap, so a late or repeated callback never overwrites a newer answer), with the resident's
 * areas in the message's audience at the time, for tallies by area. A poll's closure records
 * its final tallies once, after which nothing changes them.
 */
export class Polls1796800000000 implements MigrationInterface {
  name = 'Polls1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "poll_answers" (
        "message_id" uuid NOT NULL REFERENCES "messages" ("id"),
        "voter_hash" character(64) NOT NULL,
        "option_index" smallint NOT NULL,
        "area_codes" text[] NOT NULL DEFAULT '{}',
        "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "provider_message_id" text NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_poll_answers" PRIMARY KEY ("message_id", "voter_hash"),
        CONSTRAINT "CHK_poll_answers_option" CHECK ("option_index" BETWEEN 0 AND 9)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_poll_answers_voter" ON "poll_answers" ("voter_hash")`,
    );
    await queryRunner.query(`
      CREATE TABLE "poll_closures" (
        "message_id" uuid NOT NULL REFERENCES "messages" ("id"),
        "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "tallies" jsonb NOT NULL,
        CONSTRAINT "PK_poll_closures" PRIMARY KEY ("message_id")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "poll_closures"`);
    await queryRunner.query(`DROP TABLE "poll_answers"`);
  }
}
