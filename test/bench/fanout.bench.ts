/**
 * Fan-out benchmark: 100,000 subscribers, one alert approved to all of them, sent through the
 * Cloud API simulator with its throughput cap at 1,000 messages per second while its status
 * callbacks (sent, delivered, read) flow back to Crier's webhook at the same time. Crier runs in
 * its own process; the simulator runs in this one, and its record of what each handset received
 * is the evidence for duplicates and losses.
 *
 *   npm run bench:fanout
 *
 * BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SUBSCRIBERS (100000), BENCH_CAP (1000 messages per second).
 *
 * Goal on a 2-core machine: at least 0.95 of the cap sustained, first send under 1 s after the
 * approval, no duplicates, no losses, Crier under 400 MB resident memory.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { loadSimulatorConfig } from '../../src/config/simulator-config.js';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../../src/phone-numbers/phone-vault.js';
import { startSimulator } from '../../src/simulator/start-simulator.js';
import { startAppProcess } from './app-process.js';
import { adminDatabaseUrl, enforceGoal, positiveFromEnv } from './bench-settings.js';
import { createBenchDatabase } from './bench-database.js';
import { HttpClient, isSuccess } from './http-client.js';
import { seedCouncil } from './seed.js';

const GOAL = { shareOfCap: 0.95, firstSendMs: 1000, rssMb: 400 } as const;
const TOKEN = 'bench-fanout-token';
const SECRET = 'bench-fanout-app-secret';
const ENCRYPTION_KEY = Buffer.alloc(32, 3);
const LOOKUP_KEY = Buffer.alloc(32, 4);

const settings = {
  adminUrl: adminDatabaseUrl(),
  subscribers: Math.round(positiveFromEnv('BENCH_SUBSCRIBERS', 100_000)),
  cap: Math.round(positiveFromEnv('BENCH_CAP', 1000)),
  enforceGoal: enforceGoal(),
};

/** The n-th resident: a UK mobile ending in 5 (the simulator's special endings are 0000, 0001). */
const numberOf = (n: number) => `+447400${String(n * 10 + 5).padStart(6, '0')}` as E164;

/** Peak resident memory of a process, from Linux's /proc (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function seedSubscribers(databaseUrl: string, count: number): Promise<void> {
  const vault = new PhoneVault({
    encryption: [{ id: 'bench', key: ENCRYPTION_KEY }],
    lookup: LOOKUP_KEY,
  });
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'crier-bench' });
  await client.connect();
  try {
    for (let start = 0; start < count; start += 10_000) {
      const numbers = Array.from({ length: Math.min(10_000, count - start) }, (_, i) =>
        numberOf(start + i),
      );
      await client.query(
        `INSERT INTO subscribers (phone_sealed, phone_hash, status, area_codes, topic_codes, subscribed_at)
         SELECT s, h, 'active', '{northfield}', '{gritting}', now()
           FROM unnest($1::text[], $2::text[]) AS u(s, h)`,
        [numbers.map((n) => vault.encrypt(n)), numbers.map((n) => vault.lookupHash(n))],
      );
    }
    await client.query('VACUUM ANALYZE subscribers');
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'crier-bench-'));
  const db = await createBenchDatabase(settings.adminUrl);
  let webhook: string | null = null;
  const simulator = await startSimulator(
    loadSimulatorConfig({
      SIM_PORT: '0',
      SIM_ACCESS_TOKEN: TOKEN,
      SIM_APP_SECRET: SECRET,
      SIM_THROUGHPUT: String(settings.cap),
    }),
    { webhookUrl: () => webhook },
  );
  const app = await startAppProcess({
    AUTH_MODE: 'local',
    LOCAL_AUTH_SECRET: 'bench-secret-that-is-at-least-32-characters-long',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@example.gov.uk',
    DEMO_SEED: 'false',
    LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? 'warn',
    DATABASE_URL: db.url,
    AUDIT_SIGNING_KEY_FILE: path.join(scratch, 'audit-signing-key.pem'),
    AUDIT_CHECKPOINT_DIR: path.join(scratch, 'checkpoints'),
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    PHONE_ENCRYPTION_KEYS: `bench:${ENCRYPTION_KEY.toString('base64')}`,
    PHONE_LOOKUP_KEY: LOOKUP_KEY.toString('base64'),
    WHATSAPP_API_BASE_URL: simulator.url,
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_VERIFY_TOKEN: 'bench-verify-token',
    ...(process.env.BENCH_APP_NODE_OPTIONS
      ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS }
      : {}),
  });
  webhook = new URL('/webhooks/whatsapp', app.baseUrl).toString();
  const http = new HttpClient(app.baseUrl, 8);
  try {
    const council = await seedCouncil(http);
    const admin = await http.post('/api/v1/auth/local/token', { email: 'admin@example.gov.uk' });
    const adminToken = (admin.body as { access_token: string }).access_token;
    const throughput = await http.request(
      'PUT',
      `/api/v1/channels/${council.corporateChannelId}/throughput`,
      {
        token: adminToken,
        body: { throughputPerSecond: settings.cap },
      },
    );
    if (!isSuccess(throughput.status))
      throw new Error(`throughput: ${JSON.stringify(throughput.body)}`);
    await seedSubscribers(db.url, settings.subscribers);

    const created = await http.post(
      '/api/v1/messages',
      {
        channelId: council.corporateChannelId,
        content: {
          kind: 'template',
          templateName: 'area_alert',
          language: 'en_GB',
          parameters: ['Gritting tonight from 8pm.'],
        },
        audience: { areas: ['northfield'], topics: ['gritting'] },
        priority: 'routine',
      },
      council.officerToken,
    );
    if (!isSuccess(created.status)) throw new Error(`create: ${JSON.stringify(created.body)}`);
    const id = (created.body as { id: string }).id;
    await http.post(`/api/v1/messages/${id}/submit`, {}, council.officerToken);
    console.log(
      `Crier fan-out benchmark: ${settings.subscribers} subscribers, cap ${settings.cap}/s (Node ${process.version}, ${os.availableParallelism()} CPUs)`,
    );
    const approvedAt = Date.now();
    const approved = await http.post(
      `/api/v1/messages/${id}/approve`,
      { version: 1 },
      council.approverToken,
    );
    if (!isSuccess(approved.status)) throw new Error(`approve: ${JSON.stringify(approved.body)}`);

    let status = 'sending';
    let peakMb = 0;
    const deadline = Date.now() + (settings.subscribers / settings.cap) * 1000 * 3 + 60_000;
    while (status !== 'sent' && Date.now() < deadline) {
      await sleep(500);
      peakMb = Math.max(peakMb, peakRssMb(app.pid));
      const got = await http.request('GET', `/api/v1/messages/${id}`, {
        token: council.approverToken,
      });
      status = (got.body as { status: string }).status;
    }
    const finishedAt = Date.now();
    peakMb = Math.max(peakMb, peakRssMb(app.pid));

    const observer = new pg.Client({ connectionString: db.url, application_name: 'crier-bench' });
    await observer.connect();
    const retried = await observer.query<{ n: string }>(
      `SELECT count(*) AS n FROM message_deliveries WHERE attempts > 1`,
    );
    await observer.end();
    const record = await fetch(`${simulator.url}/_sim/messages`);
    const items = ((await record.json()) as { items: { to: string; at: string }[] }).items;
    const perNumber = new Map<string, number>();
    for (const item of items) perNumber.set(item.to, (perNumber.get(item.to) ?? 0) + 1);
    let losses = 0;
    let duplicates = 0;
    for (let n = 0; n < settings.subscribers; n += 1) {
      const count = perNumber.get(numberOf(n)) ?? 0;
      if (count === 0) losses += 1;
      if (count > 1) duplicates += count - 1;
    }
    const times = items.map((item) => Date.parse(item.at)).sort((a, b) => a - b);
    const firstSendMs = (times[0] ?? Number.NaN) - approvedAt;
    const spanSeconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    const rate = spanSeconds > 0 ? (items.length - 1) / spanSeconds : 0;
    const share = rate / settings.cap;
    const met =
      status === 'sent' &&
      share >= GOAL.shareOfCap &&
      firstSendMs < GOAL.firstSendMs &&
      duplicates === 0 &&
      losses === 0 &&
      peakMb < GOAL.rssMb;

    console.log('');
    console.log(
      `message status:          ${status} (${((finishedAt - approvedAt) / 1000).toFixed(1)} s after approval)`,
    );
    console.log(`sent:                    ${items.length} in ${spanSeconds.toFixed(1)} s`);
    console.log(
      `sustained send rate:     ${rate.toFixed(1)}/s = ${share.toFixed(3)} of the cap (goal >= ${GOAL.shareOfCap})`,
    );
    console.log(
      `approval to first send:  ${firstSendMs.toFixed(0)} ms (goal < ${GOAL.firstSendMs})`,
    );
    console.log(`sends retried (130429):  ${retried.rows[0].n}`);
    console.log(`duplicates:              ${duplicates}`);
    console.log(`losses:                  ${losses}`);
    console.log(`Crier peak memory (RSS): ${peakMb.toFixed(0)} MB (goal < ${GOAL.rssMb})`);
    console.log(`goal: ${met ? 'MET' : 'NOT MET'}`);
    console.log(
      JSON.stringify({
        benchmark: 'fanout',
        subscribers: settings.subscribers,
        cap: settings.cap,
        rate,
        share,
        firstSendMs,
        duplicates,
        losses,
        peakMb,
        status,
        met,
      }),
    );
    return settings.enforceGoal && !met ? 2 : 0;
  } finally {
    http.close();
    await app.stop();
    await simulator.close();
    await db.drop();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
