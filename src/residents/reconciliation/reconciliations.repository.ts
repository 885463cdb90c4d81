import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';

/** Arbitrary but fixed: the advisory lock that lets one process check the reminder at a time. */
export const RECONCILIATION_REMINDER_LOCK_KEY = 7_265_118_043;

export interface Reconciliation {
  id: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  listed: number;
  invalid: number;
  activeSubscribers: number;
  toUnsubscribe: number;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  unsubscribed: number | null;
}

interface ReconciliationRow {
  id: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  listed: number;
  invalid: number;
  active_subscribers: number;
  to_unsubscribe: number;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  unsubscribed: number | null;
}

const toReconciliation = (row: ReconciliationRow): Reconciliation => ({
  id: row.id,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  listed: row.listed,
  invalid: row.invalid,
  activeSubscribers: row.active_subscribers,
  toUnsubscribe: row.to_unsubscribe,
  confirmedAt: row.confirmed_at,
  confirmedBy: row.confirmed_by,
  unsubscribed: row.unsubscribed,
});

/** Reports of who is absent from the council's list, and their confirmation. */
@Injectable()
export class ReconciliationsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  /**
   * Stores a report and the active subscribers whose hash is not on the list, in one statement
   * (one snapshot: the counts and the list of absentees agree). The anti-join against the
   * unnested list stays a hash join at 100,000 numbers.
   */
  async create(input: {
    createdBy: string;
    createdAt: Date;
    expiresAt: Date;
    listed: number;
    invalid: number;
    listedHashes: string[];
  }): Promise<Reconciliation> {
    const [row] = await this.query<ReconciliationRow[]>(
      `WITH absent AS (
         SELECT s.id FROM subscribers s
          WHERE s.status = 'active'
            AND NOT EXISTS (SELECT 1 FROM unnest($6::text[]) AS listed(hash)
                             WHERE listed.hash = s.phone_hash)),
       report AS (
         INSERT INTO subscriber_reconciliations
           (created_by, created_at, expires_at, listed, invalid, active_subscribers, to_unsubscribe)
         SELECT $1::uuid, $2::timestamptz, $3::timestamptz, $4::int, $5::int,
                (SELECT count(*) FROM subscribers WHERE status = 'active'),
                (SELECT count(*) FROM absent)
         RETURNING *),
       stored AS (
         INSERT INTO subscriber_reconciliation_absentees (reconciliation_id, subscriber_id)
         SELECT report.id, absent.id FROM report, absent)
       SELECT * FROM report`,
      [
        input.createdBy,
        input.createdAt.toISOString(),
        input.expiresAt.toISOString(),
        input.listed,
        input.invalid,
        input.listedHashes,
      ],
    );
    return toReconciliation(row);
  }

  /** A few of the absentees' sealed numbers, for a masked sample an admin can sanity-check. */
  async sampleSealedPhones(reconciliationId: string, limit: number): Promise<string[]> {
    const rows = await this.query<{ phone_sealed: string }[]>(
      `SELECT s.phone_sealed FROM subscriber_reconciliation_absentees a
         JOIN subscribers s ON s.id = a.subscriber_id
        WHERE a.reconciliation_id = $1 ORDER BY s.id LIMIT $2`,
      [reconciliationId, limit],
    );
    return rows.map((row) => row.phone_sealed);
  }

  async find(id: string, options: { lock?: boolean } = {}): Promise<Reconciliation | null> {
    const [row] = await this.query<ReconciliationRow[]>(
      `SELECT * FROM subscriber_reconciliations WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toReconciliation(row) : null;
  }

  /** Newest first. Reports are small rows (the absentees are in their own table). */
  async list(limit: number): Promise<Reconciliation[]> {
    const rows = await this.query<ReconciliationRow[]>(
      `SELECT * FROM subscriber_reconciliations ORDER BY created_at DESC, id LIMIT $1`,
      [limit],
    );
    return rows.map(toReconciliation);
  }

  async lastConfirmedAt(): Promise<Date | null> {
    const [row] = await this.query<{ at: Date | null }[]>(
      `SELECT max(confirmed_at) AS at FROM subscriber_reconciliations`,
      [],
    );
    return row?.at ?? null;
  }

  /**
   * Unsubscribes the report's absentees who are still active, and only if they have not left
   * and come back since the report: someone who chose again after it is not the list's to end.
   * Like STOP, every subscription ends at once; unlike STOP, the number is not suppressed.
   */
  async unsubscribeAbsentees(report: Reconciliation, at: Date): Promise<string[]> {
    const rows = await this.query<{ id: string }[]>(
      // Wrapped in a SELECT: TypeORM returns an UPDATE's rows paired with its row count.
      `WITH changed AS (
         UPDATE subscribers s
            SET status = 'unsubscribed', area_codes = '{}', topic_codes = '{}',
                unsubscribed_at = $3, updated_at = now()
           FROM subscriber_reconciliation_absentees a
          WHERE a.reconciliation_id = $1 AND a.subscriber_id = s.id
            AND s.status = 'active'
            AND (s.unsubscribed_at IS NULL OR s.unsubscribed_at <= $2)
          RETURNING s.id)
       SELECT id FROM changed`,
      [report.id, report.createdAt.toISOString(), at.toISOString()],
    );
    return rows.map((row) => row.id);
  }

  async markConfirmed(id: string, by: string, at: Date, unsubscribed: number): Promise<void> {
    await this.query(
      `UPDATE subscriber_reconciliations
          SET confirmed_at = $3, confirmed_by = $2, unsubscribed = $4
        WHERE id = $1`,
      [id, by, at.toISOString(), unsubscribed],
    );
  }

  /**
   * Takes the reminder's lock until the transaction ends, or answers false when another process
   * holds it. Transaction-scoped, so a failed check cannot leave it held on a pooled connection.
   */
  async tryLockReminder(): Promise<boolean> {
    const [row] = await this.uow
      .transactionManager()
      .query<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
        RECONCILIATION_REMINDER_LOCK_KEY,
      ]);
    return row.locked;
  }

  /** Records that the reminder was given on this UK day; false if it already was. */
  async claimReminderDay(at: Date): Promise<boolean> {
    const rows = await this.query<{ day: string }[]>(
      `WITH claimed AS (
         INSERT INTO subscriber_reconciliation_reminders (day, recorded_at)
         VALUES (($1::timestamptz AT TIME ZONE 'Europe/London')::date, $1)
         ON CONFLICT (day) DO NOTHING
         RETURNING day)
       SELECT day FROM claimed`,
      [at.toISOString()],
    );
    return rows.length > 0;
  }
}
