import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL with the right to create databases: each test file makes its own. */
    pgAdminUrl: string;
  }
}

const EMBEDDED_TEST_DIR = './data/test-postgres';

/**
 * Tests run against DATABASE_URL's server when it is set (CI uses the machine's PostgreSQL),
 * otherwise against a throwaway embedded PostgreSQL.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnvironment = process.env.DATABASE_URL;
  if (fromEnvironment) {
    project.provide('pgAdminUrl', fromEnvironment);
    return async () => {};
  }
  await rm(EMBEDDED_TEST_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_TEST_DIR, port: 54330 });
  project.provide('pgAdminUrl', server.url);
  return async () => {
    await server.stop();
    await rm(EMBEDDED_TEST_DIR, { recursive: true, force: true });
  };
}
