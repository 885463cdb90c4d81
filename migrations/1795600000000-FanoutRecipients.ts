import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The frozen recipient list as a lean table of positions (message, position, subscriber): a
 * hundred thousand residents freeze in a fraction of a second, so the first send follows the
 * approval at once. Workers take positions in ranges from a cursor on the message and create
 * each delivery row as they claim it.
 */
export class FanoutRecipients1795600000000 implements MigrationInterface {
  name = 'FanoutRecipients1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "message_recipients" (
        "message_id" uuid NOT NULL REFERENCES "messages" ("id"),
        "position" integer NOT NULL,
        "subscriber_id" uuid NOT NULL,
        CONSTRAINT "PK_message_recipients" PRIMARY KEY ("message_id", "position")
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "messages"
        ADD "recipients_total" integer,
        ADD "recipients_claimed" integer NOT NULL DEFAULT 0
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "messages" DROP COLUMN "recipients_claimed", DROP COLUMN "recipients_total"`,
    );
    await queryRunner.query(`DROP TABLE "message_recipients"`);
  }
}
