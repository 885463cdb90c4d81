import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retrospective reviews of emergencies sent on one on-call approval: due a set number of hours
 * after the approval, escalated once when overdue (the conditional update on escalated_at lets
 * only one process do it), completed by a second approver with an outcome and a comment.
 */
export class EmergencyReviews1796600000000 implements MigrationInterface {
  name = 'EmergencyReviews1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "emergency_reviews" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "message_id" uuid NOT NULL REFERENCES "messages" ("id"),
        "version" integer NOT NULL,
        "channel_id" uuid NOT NULL REFERENCES "channels" ("id"),
        "approved_by" uuid NOT NULL REFERENCES "staff" ("id"),
        "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "escalated_at" TIMESTAMP WITH TIME ZONE,
        "reviewed_by" uuid REFERENCES "staff" ("id"),
        "reviewed_at" TIMESTAMP WITH TIME ZONE,
        "outcome" text,
        "comment" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_emergency_reviews" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_emergency_reviews_message" UNIQUE ("message_id"),
        CONSTRAINT "CHK_emergency_reviews_outcome"
          CHECK ("outcome" IS NULL OR "outcome" IN ('appropriate', 'not_appropriate')),
        CONSTRAINT "CHK_emergency_reviews_done"
          CHECK (("reviewed_at" IS NULL) = ("reviewed_by" IS NULL)
             AND ("reviewed_at" IS NULL) = ("outcome" IS NULL)),
        CONSTRAINT "CHK_emergency_reviews_second_pair_of_eyes"
          CHECK ("reviewed_by" IS NULL OR "reviewed_by" <> "approved_by")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_emergency_reviews_open" ON "emergency_reviews" ("due_at") WHERE "reviewed_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "emergency_reviews"`);
  }
}
