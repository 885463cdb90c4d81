import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';

/** Who an alert would go to: the fan-out's own rule (src/fanout/fanout.repository.ts freeze). */
const REACHABLE = `s.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.phone_hash = s.phone_hash)`;

/** Counts of residents an alert can reach, for the console's compose, review and residents pages. */
@Injectable()
export class AudienceCountsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  /** Residents subscribed to any of these areas and any of these topics. */
  async reach(areas: string[], topics: string[]): Promise<number> {
    const [row] = await this.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM subscribers s
        WHERE ${REACHABLE} AND s.area_codes && $1::text[] AND s.topic_codes && $2::text[]`,
      [areas, topics],
    );
    return Number(row?.n ?? 0);
  }

  /** Reachable residents in all, and per area code and per topic code they chose. */
  async summary(): Promise<{
    total: number;
    byArea: Map<string, number>;
    byTopic: Map<string, number>;
  }> {
    const rows = await this.query<{ kind: 'total' | 'area' | 'topic'; code: string; n: string }[]>(
      `WITH reachable AS (SELECT s.area_codes, s.topic_codes FROM subscribers s WHERE ${REACHABLE})
       SELECT 'total' AS kind, '' AS code, count(*) AS n FROM reachable
       UNION ALL
       SELECT 'area', a.code, count(*) FROM reachable, unnest(area_codes) AS a(code) GROUP BY a.code
       UNION ALL
       SELECT 'topic', t.code, count(*) FROM reachable, unnest(topic_codes) AS t(code) GROUP BY t.code`,
      [],
    );
    const of = (kind: 'area' | 'topic') =>
      new Map(rows.filter((r) => r.kind === kind).map((r) => [r.code, Number(r.n)]));
    return {
      total: Number(rows.find((r) => r.kind === 'total')?.n ?? 0),
      byArea: of('area'),
      byTopic: of('topic'),
    };
  }
}
