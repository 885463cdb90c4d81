import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/app.factory.js';
import { AuditSequencer } from '../../src/audit/sequencer/audit-sequencer.service.js';
import type { Clock } from '../../src/common/clock.js';
import { type Environment, loadConfig } from '../../src/config/load-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  db: TestDatabase;
  /** This app's own directory for its audit signing key and checkpoint files. */
  auditDir: string;
  /** A bearer token from the local sign-in route. */
  tokenFor(email: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_ENVIRONMENT: Environment = {
  AUTH_MODE: 'local',
  LOCAL_AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
  DEMO_SEED: 'false',
  LOG_LEVEL: 'error',
  BOOTSTRAP_ADMIN_EMAIL: 'admin@example.gov.uk',
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
};

/** The whole application on a database of the test's own, served in-process over HTTP. */
export async function startTestApp(
  label: string,
  options: { env?: Environment; clock?: Clock } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(label);
  const auditDir = await mkdtemp(join(tmpdir(), `crier-audit-${label}-`));
  const config = loadConfig({
    ...TEST_ENVIRONMENT,
    DATABASE_URL: db.url,
    AUDIT_SIGNING_KEY_FILE: join(auditDir, 'signing-key.pem'),
    AUDIT_CHECKPOINT_DIR: join(auditDir, 'checkpoints'),
    ...options.env,
  });
  const app = await createApp({ config, databaseUrl: db.url, clock: options.clock });
  await app.init();
  // Events are chained just after their transaction commits; like the API's own readers of the
  // log, direct reads in tests first let the sequencer chain everything committed so far.
  const sequencer = app.get(AuditSequencer);
  const query = db.query.bind(db);
  db.query = async (text, values) => {
    await sequencer.sequence();
    return query(text, values);
  };
  const http = request(app.getHttpServer() as Parameters<typeof request>[0]);
  return {
    app,
    http,
    db,
    auditDir,
    tokenFor: async (email) => {
      const response = await http.post('/api/v1/auth/local/token').send({ email });
      if (response.status !== 200) throw new Error(`no token for ${email}: ${response.status}`);
      return (response.body as { access_token: string }).access_token;
    },
    close: async () => {
      await app.close();
      await db.drop();
      await rm(auditDir, { recursive: true, force: true });
    },
  };
}
