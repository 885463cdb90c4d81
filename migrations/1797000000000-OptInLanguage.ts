import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language of a web opt-in request: Welsh when the resident used the Welsh /subscribe page
 * (or the public API with `language: "cy"`), so that the WhatsApp confirmation and the replies
 * after it are in Welsh. Requests already pending carry on in English.
 */
export class OptInLanguage1797000000000 implements MigrationInterface {
  name = 'OptInLanguage1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "subscription_requests"
        ADD COLUMN "language" text NOT NULL DEFAULT 'en' CHECK ("language" IN ('en', 'cy'))
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscription_requests" DROP COLUMN "language"`);
  }
}
