import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1795312951858 implements MigrationInterface {
  name = 'Initial1795312951858';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "seq" bigint NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "type" text NOT NULL,
                "actor_ref" uuid,
                "subject_ref" uuid,
                "message_id" uuid,
                "channel_id" uuid,
                "payload" text NOT NULL,
                "leaf_hash" bytea NOT NULL,
                "chain_hash" bytea NOT NULL,
                CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq"),
                CONSTRAINT "CHK_audit_events_hashes" CHECK (octet_length("leaf_hash") = 32 AND octet_length("chain_hash") = 32)
            )
        `);
    // Events wait here, written in the same transaction as their change, until the sequencer gives
    // them their place in the chain (a seq and hashes) moments after that transaction commits.
    await queryRunner.query(`
            CREATE TABLE "audit_queue" (
                "id" bigserial NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "type" text NOT NULL,
                "actor_ref" uuid,
                "subject_ref" uuid,
                "message_id" uuid,
                "channel_id" uuid,
                "event" text NOT NULL,
                CONSTRAINT "PK_audit_queue" PRIMARY KEY ("id")
            )
        `);
    // People appear in audit events only as these random references; erasing a person deletes
    // their row, after which nothing links the events to them.
    await queryRunner.query(`
            CREATE TABLE "audit_pseudonyms" (
                "ref" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subject_type" text NOT NULL,
                "subject_id" text NOT NULL,
                "salt" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_audit_pseudonyms" PRIMARY KEY ("ref"),
                CONSTRAINT "UQ_audit_pseudonyms_subject" UNIQUE ("subject_type", "subject_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "areas" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_1ce4e4f7cd8d820081bc74aa16c" UNIQUE ("code"),
                CONSTRAINT "PK_5110493f6342f34c978c084d0d6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "topics" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_928bc2d3805e0e6a7519f57ba00" UNIQUE ("code"),
                CONSTRAINT "PK_e4aa99a3fa60ec3a37d1fc4e853" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "channels" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "service_id" uuid,
                "phone_number_id" text NOT NULL,
                "display_phone_number" text NOT NULL,
                "policy" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_d01dd8a8e614e01b6ee24664661" UNIQUE ("name"),
                CONSTRAINT "UQ_53f69bd49904de0d0fd18a2e76d" UNIQUE ("phone_number_id"),
                CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "channel_id" uuid NOT NULL,
                "service_id" uuid,
                "status" text NOT NULL,
                "current_version" integer NOT NULL,
                "review_round" integer NOT NULL DEFAULT '0',
                "created_by" uuid NOT NULL,
                "dispatch_at" TIMESTAMP WITH TIME ZONE,
                "dispatch_job_id" text,
                "cancel_reason" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "message_reviews" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "message_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "review_round" integer NOT NULL,
                "decision" text NOT NULL,
                "content_hash" character(64) NOT NULL,
                "reviewer_id" uuid NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f001c233c7ca61c91bd920653f5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "message_versions" (
                "message_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "channel_id" uuid NOT NULL,
                "content" jsonb NOT NULL,
                "audience" jsonb NOT NULL,
                "priority" text NOT NULL,
                "send_at" TIMESTAMP WITH TIME ZONE,
                "emergency_reason" text,
                "content_hash" character(64) NOT NULL,
                "edited_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aada4c7296eaafa0c15712f6915" PRIMARY KEY ("message_id", "version")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "services" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_019d74f7abcdcb5a0113010cb03" UNIQUE ("name"),
                CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "staff" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "name" text NOT NULL,
                "roles" text array NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_902985a964245652d5e3a0f5f6a" UNIQUE ("email"),
                CONSTRAINT "PK_e4ee98bb552756c180aec1e854a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_services" (
                "staff_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                CONSTRAINT "PK_e24f1ebc4df9eb7a2462ad1a261" PRIMARY KEY ("staff_id", "service_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f87ce320f719ddfe336b6b4982" ON "staff_services" ("staff_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9c320b3170bb98885902ff9ef8" ON "staff_services" ("service_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_services"
            ADD CONSTRAINT "FK_f87ce320f719ddfe336b6b49828" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_services"
            ADD CONSTRAINT "FK_9c320b3170bb98885902ff9ef85" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);

    // Referential integrity and the rules a row must always meet, whatever writes it.
    await queryRunner.query(`
            ALTER TABLE "channels"
                ADD CONSTRAINT "FK_channels_service" FOREIGN KEY ("service_id") REFERENCES "services"("id"),
                ADD CONSTRAINT "CHK_channels_kind" CHECK (
                    ("kind" = 'corporate' AND "service_id" IS NULL) OR ("kind" = 'service' AND "service_id" IS NOT NULL)
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "messages"
                ADD CONSTRAINT "FK_messages_channel" FOREIGN KEY ("channel_id") REFERENCES "channels"("id"),
                ADD CONSTRAINT "FK_messages_service" FOREIGN KEY ("service_id") REFERENCES "services"("id"),
                ADD CONSTRAINT "FK_messages_created_by" FOREIGN KEY ("created_by") REFERENCES "staff"("id"),
                ADD CONSTRAINT "CHK_messages_status" CHECK ("status" IN
                    ('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'sending', 'sent', 'cancelled'))
        `);
    await queryRunner.query(`
            ALTER TABLE "message_versions"
                ADD CONSTRAINT "FK_message_versions_message" FOREIGN KEY ("message_id") REFERENCES "messages"("id"),
                ADD CONSTRAINT "FK_message_versions_channel" FOREIGN KEY ("channel_id") REFERENCES "channels"("id"),
                ADD CONSTRAINT "FK_message_versions_edited_by" FOREIGN KEY ("edited_by") REFERENCES "staff"("id"),
                ADD CONSTRAINT "CHK_message_versions_priority" CHECK ("priority" IN ('routine', 'emergency'))
        `);
    await queryRunner.query(`
            ALTER TABLE "message_reviews"
                ADD CONSTRAINT "FK_message_reviews_message" FOREIGN KEY ("message_id") REFERENCES "messages"("id"),
                ADD CONSTRAINT "FK_message_reviews_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "staff"("id"),
                ADD CONSTRAINT "CHK_message_reviews_decision" CHECK ("decision" IN ('approved', 'changes_requested'))
        `);
    // One approval per person per version and review round, even under concurrent requests.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_message_reviews_one_approval" ON "message_reviews" ("message_id", "version", "review_round", "reviewer_id")
            WHERE "decision" = 'approved'
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_messages_service_created" ON "messages" ("service_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_messages_status_created" ON "messages" ("status", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_messages_created" ON "messages" ("created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_message_reviews_message" ON "message_reviews" ("message_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_message" ON "audit_events" ("message_id", "seq") WHERE "message_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_type" ON "audit_events" ("type", "seq")`,
    );
    for (const column of ['actor_ref', 'subject_ref', 'channel_id']) {
      await queryRunner.query(
        `CREATE INDEX "IDX_audit_events_${column}" ON "audit_events" ("${column}", "seq") WHERE "${column}" IS NOT NULL`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_recorded_at" ON "audit_events" ("recorded_at")`,
    );

    // Append-only and immutable tables: the database itself refuses to change what was written.
    await queryRunner.query(`
            CREATE FUNCTION "crier_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'crier: % on % is refused: rows are append-only', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
    for (const table of ['audit_events', 'message_versions', 'message_reviews']) {
      await queryRunner.query(`
                CREATE TRIGGER "${table}_refuse_update_delete" BEFORE UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION "crier_refuse_change"()
            `);
      await queryRunner.query(`
                CREATE TRIGGER "${table}_refuse_truncate" BEFORE TRUNCATE ON "${table}"
                FOR EACH STATEMENT EXECUTE FUNCTION "crier_refuse_change"()
            `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE "audit_events", "audit_queue", "audit_pseudonyms", "message_versions", "message_reviews" CASCADE`,
    );
    await queryRunner.query(`DROP FUNCTION "crier_refuse_change"()`);
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_messages_channel", DROP CONSTRAINT "FK_messages_service", DROP CONSTRAINT "FK_messages_created_by"`,
    );
    await queryRunner.query(`ALTER TABLE "channels" DROP CONSTRAINT "FK_channels_service"`);
    await queryRunner.query(`
            ALTER TABLE "staff_services" DROP CONSTRAINT "FK_9c320b3170bb98885902ff9ef85"
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_services" DROP CONSTRAINT "FK_f87ce320f719ddfe336b6b49828"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9c320b3170bb98885902ff9ef8"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f87ce320f719ddfe336b6b4982"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_services"
        `);
    await queryRunner.query(`
            DROP TABLE "staff"
        `);
    await queryRunner.query(`
            DROP TABLE "services"
        `);
    await queryRunner.query(`
            DROP TABLE "messages"
        `);
    await queryRunner.query(`
            DROP TABLE "channels"
        `);
    await queryRunner.query(`
            DROP TABLE "topics"
        `);
    await queryRunner.query(`
            DROP TABLE "areas"
        `);
  }
}
