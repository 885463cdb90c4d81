import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention: a resident's message keeps its row (subject access still lists it, and its provider
 * id still stops a late duplicate from Meta being stored afresh) but loses its text, marked by
 * when that happened. The index serves the daily scan for text still held.
 */
export class Retention1795800000000 implements MigrationInterface {
  name = 'Retention1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "inbound_messages" ADD "content_deleted_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_inbound_messages_content_held" ON "inbound_messages" ("channel_id", "received_at") WHERE "content_deleted_at" IS NULL`,
    );
    // The delivery scan: finished sends older than the period, oldest first.
    await queryRunner.query(
      `CREATE INDEX "IDX_message_deliveries_created" ON "message_deliveries" ("created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_message_deliveries_created"`);
    await queryRunner.query(`DROP INDEX "IDX_inbound_messages_content_held"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "content_deleted_at"`);
  }
}
