import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language a JOIN conversation is carried out in: Welsh when the resident started it with
 * YMUNO (or TANYSGRIFIO), English otherwise. Conversations already under way carry on in English.
 */
export class JoinLanguage1796900000000 implements MigrationInterface {
  name = 'JoinLanguage1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "join_conversations"
        ADD COLUMN "language" text NOT NULL DEFAULT 'en' CHECK ("language" IN ('en', 'cy'))
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "join_conversations" DROP COLUMN "language"`);
  }
}
