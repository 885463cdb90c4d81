import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters for rate limits shared by every Crier process: hits per key in fixed windows, from
 * which a sliding count is estimated. Keys are hashes (of a client address or a phone number),
 * never the values themselves. Windows older than two lengths are deleted hourly.
 */
export class RateLimits1796300000000 implements MigrationInterface {
  name = 'RateLimits1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rate_limit_windows" (
        "scope" text NOT NULL,
        "key" text NOT NULL,
        "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "hits" integer NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_rate_limit_windows" PRIMARY KEY ("scope", "key", "window_start")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_rate_limit_windows_expires_at" ON "rate_limit_windows" ("expires_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_windows"`);
  }
}
