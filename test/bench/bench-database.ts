import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'crier-bench' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database of the benchmark's own on the server the admin URL points at. The app
 * migrates it at boot; `drop()` removes it again, closing any connection still open.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `crier_bench_${randomBytes(4).toString('hex')}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${name}`);
  let dropped = false;
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
