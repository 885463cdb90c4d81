import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postcode-to-area mappings, imported by an admin from a CSV (an extract of the ONS postcode
 * directory, say), so a resident can choose their area by postcode. Postcodes are stored
 * normalised ("NF1 2AB"), so a lookup is one primary-key probe.
 */
export class Postcodes1795700000000 implements MigrationInterface {
  name = 'Postcodes1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "postcodes" (
        "postcode" text NOT NULL,
        "area_code" text NOT NULL REFERENCES "areas" ("code"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_postcodes" PRIMARY KEY ("postcode")
      )
    `);
    // For "which postcodes map to this area" and for the foreign key's checks on areas.
    await queryRunner.query(`CREATE INDEX "IDX_postcodes_area_code" ON "postcodes" ("area_code")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "postcodes"`);
  }
}
