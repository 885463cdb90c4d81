import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly reconciliation against the council's master list: a report of the active subscribers
 * absent from it, confirmed (or left to expire) by an admin, and the days the "reconciliation
 * due" reminder was given, so that it is given once a day at most, whatever the processes.
 *
 * The report keeps who is to be unsubscribed by subscriber id, never by number: erasing a
 * resident removes them from any report too (ON DELETE CASCADE), and a resident who joins after
 * the report is not in it.
 */
export class Reconciliations1796000000000 implements MigrationInterface {
  name = 'Reconciliations1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "subscriber_reconciliations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "listed" integer NOT NULL,
        "invalid" integer NOT NULL,
        "active_subscribers" integer NOT NULL,
        "to_unsubscribe" integer NOT NULL,
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        "confirmed_by" uuid,
        "unsubscribed" integer,
        CONSTRAINT "PK_subscriber_reconciliations" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_subscriber_reconciliations_created" ON "subscriber_reconciliations" ("created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "subscriber_reconciliation_absentees" (
        "reconciliation_id" uuid NOT NULL
          REFERENCES "subscriber_reconciliations" ("id") ON DELETE CASCADE,
        "subscriber_id" uuid NOT NULL REFERENCES "subscribers" ("id") ON DELETE CASCADE,
        CONSTRAINT "PK_subscriber_reconciliation_absentees"
          PRIMARY KEY ("reconciliation_id", "subscriber_id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_subscriber_reconciliation_absentees_subscriber" ON "subscriber_reconciliation_absentees" ("subscriber_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "subscriber_reconciliation_reminders" (
        "day" date NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_subscriber_reconciliation_reminders" PRIMARY KEY ("day")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscriber_reconciliation_reminders"`);
    await queryRunner.query(`DROP TABLE "subscriber_reconciliation_absentees"`);
    await queryRunner.query(`DROP TABLE "subscriber_reconciliations"`);
  }
}
