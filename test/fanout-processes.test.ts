import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSimulatorConfig } from '../src/config/simulator-config.js';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/start-simulator.js';
import { type AppProcess, startAppProcess } from './bench/app-process.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { type MessageBody, messageApi } from './support/message-api.js';
import { residentNumber } from './support/subscribers.js';
import { TEST_ENVIRONMENT } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually } from './support/eventually.js';

/**
 * The fan-out across real Crier processes (the compiled app, `node dist/src/main.js`) sharing
 * one database and one simulator, whose record of what each handset received is the evidence:
 * a process killed with SIGKILL mid-send and a fresh one started in its place, and two
 * processes sending the same alert at once. No duplicate, no loss.
 */

const SECRET = 'processes-app-secret';
const TOKEN = 'processes-access-token';
const KEYS = {
  PHONE_ENCRYPTION_KEYS: TEST_ENVIRONMENT.PHONE_ENCRYPTION_KEYS!,
  PHONE_LOOKUP_KEY: TEST_ENVIRONMENT.PHONE_LOOKUP_KEY!,
};
const vault = new PhoneVault({
  encryption: [{ id: 'test1', key: Buffer.alloc(32, 7) }],
  lookup: Buffer.alloc(32, 9),
});

let simulator: RunningSimulator;
/** Where the simulator posts callbacks: whichever Crier process is alive. */
let webhookTarget: string | null = null;
let scratch: string;

interface Handset {
  to: string;
}

async function handsets(): Promise<Handset[]> {
  const response = await fetch(`${simulator.url}/_sim/messages`);
  return ((await response.json()) as { items: Handset[] }).items;
}

const countsByNumber = (all: Handset[], numbers: E164[]) => {
  const wanted = new Set<string>(numbers);
  const counts = new Map<string, number>();
  for (const m of all) if (wanted.has(m.to)) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  return counts;
};

function crier(db: TestDatabase, name: string): Promise<AppProcess> {
  return startAppProcess({
    ...TEST_ENVIRONMENT,
    ...KEYS,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    AUDIT_SIGNING_KEY_FILE: join(scratch, 'audit-signing-key.pem'),
    AUDIT_CHECKPOINT_DIR: join(scratch, `checkpoints-${name}`),
    WHATSAPP_API_BASE_URL: simulator.url,
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_VERIFY_TOKEN: 'processes-verify-token',
    FANOUT_IN_DOUBT_SECONDS: '8',
  });
}

/** The council, an alert's audience of `count` residents, and the API of one process. */
async function prepare(db: TestDatabase, app: AppProcess, count: number, perSecond: number) {
  const http = request(app.baseUrl.origin);
  const t = {
    http,
    tokenFor: async (email: string) => {
      const response = await http.post('/api/v1/auth/local/token').send({ email });
      return (response.body as { access_token: string }).access_token;
    },
  };
  const council: Council = await setUpCouncil(t);
  await http
    .put(`/api/v1/channels/${council.channels.corporate}/throughput`)
    .set(council.bearer(council.admin))
    .send({ throughputPerSecond: perSecond })
    .expect(200);
  const numbers = Array.from({ length: count }, (_, i) => residentNumber(i));
  await db.query(
    `INSERT INTO subscribers (phone_sealed, phone_hash, status, area_codes, topic_codes)
     SELECT s, h, 'active', '{northfield}', '{gritting}' FROM unnest($1::text[], $2::text[]) AS u(s, h)`,
    [numbers.map((n) => vault.encrypt(n)), numbers.map((n) => vault.lookupHash(n))],
  );
  return { council, numbers };
}

async function approve(app: AppProcess, council: Council): Promise<string> {
  const api = messageApi({ http: request(app.baseUrl.origin) } as never, council);
  const created = await api.create(council.officer, templateMessage(council.channels.corporate));
  await api.submit(council.officer, created.body.id);
  expect((await api.approve(council.comms, created.body.id, 1)).status).toBe(200);
  return created.body.id;
}

const messageOf = async (app: AppProcess, council: Council, id: string) =>
  (await messageApi({ http: request(app.baseUrl.origin) } as never, council).get(council.comms, id))
    .body as MessageBody & { delivery: Record<string, number> };

beforeAll(async () => {
  // The processes run the compiled application, as production does.
  const build = spawnSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('the build failed');
  scratch = await mkdtemp(join(tmpdir(), 'crier-processes-'));
  simulator = await startSimulator(
    loadSimulatorConfig({
      SIM_PORT: '0',
      SIM_ACCESS_TOKEN: TOKEN,
      SIM_APP_SECRET: SECRET,
      SIM_THROUGHPUT: '1000',
      SIM_STATUS_DELAY_MS: '20',
      SIM_WEBHOOK_MAX_ATTEMPTS: '40',
      SIM_WEBHOOK_RETRY_BASE_MS: '100',
      SIM_WEBHOOK_DUPLICATE_RATE: '0',
      SIM_WEBHOOK_REORDER_RATE: '0',
    }),
    { webhookUrl: () => webhookTarget },
  );
}, 120_000);

afterAll(async () => {
  await simulator.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('fan-out across processes', () => {
  it('loses nothing and repeats nothing when a process is killed mid-send and another takes over', async () => {
    const db = await createTestDatabase('fanout_kill');
    let first: AppProcess | undefined;
    let second: AppProcess | undefined;
    try {
      first = await crier(db, 'first');
      webhookTarget = new URL('/webhooks/whatsapp', first.baseUrl).toString();
      const { council, numbers } = await prepare(db, first, 300, 100);
      const id = await approve(first, council);

      await eventually(handsets, (all) => countsByNumber(all, numbers).size >= 80, 20_000);
      await first.kill();
      const atKill = countsByNumber(await handsets(), numbers).size;
      expect(atKill).toBeLessThan(300);

      second = await crier(db, 'second');
      webhookTarget = new URL('/webhooks/whatsapp', second.baseUrl).toString();
      const done = await eventually(
        () => messageOf(second!, council, id),
        (m) => m.status === 'sent',
        60_000,
      );
      expect(done.status).toBe('sent');
      expect(done.delivery).toMatchObject({ recipients: 300, sent: 300, queued: 0, failed: 0 });

      const counts = countsByNumber(await handsets(), numbers);
      expect(counts.size).toBe(300);
      expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    } finally {
      await first?.kill();
      await second?.stop();
      webhookTarget = null;
      await db.drop();
    }
  }, 120_000);

  it('shares one alert between two processes without sending anyone two', async () => {
    await fetch(`${simulator.url}/_sim/reset`, { method: 'POST' });
    const db = await createTestDatabase('fanout_two');
    let one: AppProcess | undefined;
    let two: AppProcess | undefined;
    try {
      one = await crier(db, 'one');
      two = await crier(db, 'two');
      webhookTarget = new URL('/webhooks/whatsapp', one.baseUrl).toString();
      const { council, numbers } = await prepare(db, one, 400, 200);
      const id = await approve(one, council);
      const done = await eventually(
        () => messageOf(two!, council, id),
        (m) => m.status === 'sent',
        60_000,
      );
      expect(done.delivery).toMatchObject({ recipients: 400, sent: 400 });
      const counts = countsByNumber(await handsets(), numbers);
      expect(counts.size).toBe(400);
      expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
      const workers = await db.query<{ claimed_by: string }>(
        `SELECT DISTINCT split_part(claimed_by, ':', 2) AS claimed_by FROM message_deliveries WHERE message_id = $1`,
        [id],
      );
      expect(workers.length).toBe(2);
    } finally {
      await one?.stop();
      await two?.stop();
      webhookTarget = null;
      await db.drop();
    }
  }, 120_000);
});
