import type { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY = '"audit_events", "message_versions", "message_reviews"';

/**
 * The role Crier runs as in production. It reads and writes the business tables but may only
 * read and append the audit log and the immutable message history: an UPDATE, DELETE or TRUNCATE
 * there is refused by privileges before the triggers are even reached. Migrations run as the
 * owner; see the README for how an installation logs in as this role.
 */
export class AuditAppRole1795316400000 implements MigrationInterface {
  name = 'AuditAppRole1795316400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE ROLE "crier_app" NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- roles belong to the whole server: another Crier database here made it already
      END $$
    `);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO "crier_app"`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "crier_app"`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY} FROM "crier_app"`);
    // The sequencer moves queued events into the log; nothing rewrites one while it waits.
    await queryRunner.query(`REVOKE UPDATE, TRUNCATE ON "audit_queue" FROM "crier_app"`);
    await queryRunner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "crier_app"`);
    // Erasure deletes a person's pseudonym; nothing ever rewrites one.
    await queryRunner.query(`REVOKE UPDATE, TRUNCATE ON "audit_pseudonyms" FROM "crier_app"`);
    await queryRunner.query(
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "migrations" FROM "crier_app"`,
    );
    // Tables that later migrations create are the app's to use unless they say otherwise.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "crier_app"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM "crier_app"`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "crier_app"`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "crier_app"`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM "crier_app"`);
  }
}
