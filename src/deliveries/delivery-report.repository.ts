import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { StageCounts } from './delivery-timeline.js';

/** Failed sends of one kind: the provider's code, the reason it gave, and how many. */
export interface FailureGroup {
  code: string | null;
  failureClass: string | null;
  reason: string | null;
  count: number;
}

/**
 * When each of a message's alert sends reached each stage. A send counts at a stage only if it
 * is there now (a send that failed after being accepted counts as failed, not sent), so the last
 * point of the funnel matches the message's delivery counts.
 */
const STAGE_EVENTS = `
  FROM message_deliveries d
  CROSS JOIN LATERAL (VALUES
    ('sent', CASE WHEN d.status IN ('accepted', 'sent', 'delivered', 'read')
                  THEN coalesce(d.accepted_at, d.sent_at, d.delivered_at, d.read_at) END),
    ('delivered', CASE WHEN d.status IN ('delivered', 'read')
                       THEN coalesce(d.delivered_at, d.read_at) END),
    ('read', CASE WHEN d.status = 'read' THEN d.read_at END),
    ('failed', CASE WHEN d.status = 'failed' THEN coalesce(d.failed_at, d.updated_at) END)
  ) AS e(stage, at)
  WHERE d.message_id = $1 AND d.purpose = 'alert' AND e.at IS NOT NULL`;

/** Read models for a message's delivery page: the funnel over time and failures by reason. */
@Injectable()
export class DeliveryReportRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  /** The first and last moment anything happened to the message's sends. */
  async span(messageId: string): Promise<{ first: Date; last: Date } | null> {
    const [row] = await this.query<{ first: Date | null; last: Date | null }[]>(
      `SELECT min(e.at) AS first, max(e.at) AS last ${STAGE_EVENTS}`,
      [messageId],
    );
    return row?.first && row.last ? { first: row.first, last: row.last } : null;
  }

  /** Sends reaching each stage in each interval of `bucketSeconds`, aligned to the epoch. */
  async stageCounts(messageId: string, bucketSeconds: number): Promise<StageCounts[]> {
    const rows = await this.query<
      { bucket: Date; sent: string; delivered: string; read: string; failed: string }[]
    >(
      `SELECT date_bin(make_interval(secs => $2), e.at, timestamptz 'epoch') AS bucket,
              count(*) FILTER (WHERE e.stage = 'sent') AS sent,
              count(*) FILTER (WHERE e.stage = 'delivered') AS delivered,
              count(*) FILTER (WHERE e.stage = 'read') AS read,
              count(*) FILTER (WHERE e.stage = 'failed') AS failed
       ${STAGE_EVENTS}
       GROUP BY 1 ORDER BY 1`,
      [messageId, bucketSeconds],
    );
    return rows.map((row) => ({
      bucket: row.bucket,
      sent: Number(row.sent),
      delivered: Number(row.delivered),
      read: Number(row.read),
      failed: Number(row.failed),
    }));
  }

  /** Failed alert sends grouped by the provider's code, most common first. */
  async failures(messageId: string): Promise<FailureGroup[]> {
    const rows = await this.query<
      { code: string | null; failure_class: string | null; reason: string | null; n: string }[]
    >(
      `SELECT failure_code AS code, min(failure_class) AS failure_class,
              min(failure_reason) AS reason, count(*) AS n
         FROM message_deliveries
        WHERE message_id = $1 AND purpose = 'alert' AND status = 'failed'
        GROUP BY failure_code
        ORDER BY count(*) DESC, failure_code`,
      [messageId],
    );
    return rows.map((row) => ({
      code: row.code,
      failureClass: row.failure_class,
      reason: row.reason,
      count: Number(row.n),
    }));
  }
}
