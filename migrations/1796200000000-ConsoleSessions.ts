import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff console sessions. The id is the SHA-256 of the token in the person's cookie, so the table
 * alone signs nobody in. A session ends at expires_at (a fixed time after sign-in), when unused
 * for the configured idle time (last_seen_at), at sign-out (the row is deleted), or with its
 * member of staff (ON DELETE CASCADE).
 */
export class ConsoleSessions1796200000000 implements MigrationInterface {
  name = 'ConsoleSessions1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "console_sessions" (
        "id" character(64) NOT NULL,
        "staff_id" uuid NOT NULL REFERENCES "staff" ("id") ON DELETE CASCADE,
        "csrf_token" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_console_sessions" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_console_sessions_staff" ON "console_sessions" ("staff_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_console_sessions_expires" ON "console_sessions" ("expires_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "console_sessions"`);
  }
}
