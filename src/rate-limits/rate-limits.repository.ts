import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';

/** Hit counters per scope, key and fixed window, in PostgreSQL so every process shares them. */
@Injectable()
export class RateLimitsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Counts one hit in the current window, in one statement, and reads the previous window's
   * count. Concurrent hits on the same key each see their own increment.
   */
  async hit(input: {
    scope: string;
    key: string;
    current: Date;
    previous: Date;
    expiresAt: Date;
  }): Promise<{ current: number; previous: number }> {
    const [row] = await this.uow.manager().query<{ current: number; previous: number }[]>(
      `WITH hit AS (
         INSERT INTO rate_limit_windows (scope, key, window_start, hits, expires_at)
         VALUES ($1, $2, $3, 1, $5)
         ON CONFLICT (scope, key, window_start)
           DO UPDATE SET hits = rate_limit_windows.hits + 1
         RETURNING hits)
       SELECT (SELECT hits FROM hit) AS current,
              coalesce((SELECT hits FROM rate_limit_windows
                         WHERE scope = $1 AND key = $2 AND window_start = $4), 0) AS previous`,
      [input.scope, input.key, input.current, input.previous, input.expiresAt],
    );
    return { current: Number(row.current), previous: Number(row.previous) };
  }

  async deleteExpired(now: Date): Promise<number> {
    const rows = await this.uow
      .manager()
      .query<{ n: string }[]>(
        `WITH gone AS (DELETE FROM rate_limit_windows WHERE expires_at <= $1 RETURNING 1) SELECT count(*) AS n FROM gone`,
        [now],
      );
    return Number(rows[0]?.n ?? 0);
  }

  async forgetScope(scope: string): Promise<void> {
    await this.uow.manager().query(`DELETE FROM rate_limit_windows WHERE scope = $1`, [scope]);
  }
}
