import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  /** e.g. http://127.0.0.1:41234 */
  url: string;
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
  // Fixed keys, so a test can seal and look up numbers the way the app does.
  PHONE_ENCRYPTION_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64')}`,
  PHONE_LOOKUP_KEY: Buffer.alloc(32, 9).toString('base64'),
  // With no WhatsApp settings the app runs the simulator in-process: on a free port, quickly.
  SIM_PORT: '0',
  SIM_STATUS_DELAY_MS: '20',
  SIM_WEBHOOK_RETRY_BASE_MS: '50',
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
  // Listening for real, so that webhooks (from the simulator, say) can reach it.
  await app.listen(0, '127.0.0.1');
  // Events are chained just after their transaction commits; like the API's own readers of the
  // log, direct reads in tests first let the sequencer chain everything committed so far.
  const sequencer = app.get(AuditSequencer);
  const query = db.query.bind(db);
  db.query = async (text, values) => {
    await sequencer.sequence();
    return query(text, values);
  };
  const http = request(app.getHttpServer() as Parameters<typeof request>[0]);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
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
