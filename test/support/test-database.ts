import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  /** A superuser connection to this database, for looking behind the API. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<T[]>;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new, empty database of the test's own, on the server the run uses. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const admin = inject('pgAdminUrl');
  const name = `crier_t_${label.replace(/\W/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: withDatabase(admin, 'postgres') });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name}`);
  await adminClient.end();

  const url = withDatabase(admin, name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    query: async <T extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
      (await pool.query<T>(text, values)).rows,
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ connectionString: withDatabase(admin, 'postgres') });
      await client.connect();
      // Connections the app closed may still be saying goodbye; cutting one off mid-close makes
      // its pool raise an error nobody can catch. Wait for them (briefly), then force the rest.
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
