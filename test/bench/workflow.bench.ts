/**
 * Workflow benchmark: the real app in its own process on a fresh PostgreSQL database, driven over HTTP by
 * concurrent clients that each loop create -> submit -> approve. Every request is one workflow
 * operation; latency is measured per request on the client side.
 *
 *   npm run bench:workflow
 *
 * BENCH_DATABASE_URL or DATABASE_URL: admin URL of the server to use
 *   (default postgres://postgres@127.0.0.1:5432/postgres)
 * BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (3), BENCH_CLIENTS (20)
 * BENCH_ENFORCE_GOAL=true: also exit non-zero when the goal is missed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type AppProcess, startAppProcess } from './app-process.js';
import { adminDatabaseUrl, enforceGoal, positiveFromEnv } from './bench-settings.js';
import { type BenchDatabase, createBenchDatabase } from './bench-database.js';
import { HttpClient } from './http-client.js';
import { type BenchCouncil, seedCouncil } from './seed.js';
import { OPERATION_KINDS, type OperationKind, Recorder, summarise, table } from './stats.js';
import { runWorkflowClients, type WorkflowError } from './workflow-clients.js';

const GOAL = { p95Ms: 50, opsPerSecond: 300 } as const;

const settings = {
  adminUrl: adminDatabaseUrl(),
  seconds: positiveFromEnv('BENCH_SECONDS', 20),
  warmupSeconds: positiveFromEnv('BENCH_WARMUP_SECONDS', 3),
  clients: Math.round(positiveFromEnv('BENCH_CLIENTS', 20)),
  enforceGoal: enforceGoal(),
};

const redact = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
};

function startApp(db: BenchDatabase, scratchDir: string): Promise<AppProcess> {
  return startAppProcess({
    AUTH_MODE: 'local',
    LOCAL_AUTH_SECRET: 'bench-secret-that-is-at-least-32-characters-long',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@example.gov.uk',
    DEMO_SEED: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    // Files the app writes at run time go to a scratch directory, not the working tree's data/.
    AUDIT_SIGNING_KEY_FILE: path.join(scratchDir, 'audit-signing-key.pem'),
    AUDIT_CHECKPOINT_DIR: path.join(scratchDir, 'checkpoints'),
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
  });
}

function report(recorder: Recorder, seconds: number, errors: WorkflowError[]): boolean {
  const overall = summarise(recorder.all(), seconds);
  const perKind = Object.fromEntries(
    OPERATION_KINDS.map((kind) => [kind, summarise(recorder.of(kind), seconds)]),
  ) as Record<OperationKind, ReturnType<typeof summarise>>;
  const p95Met = overall.p95Ms < GOAL.p95Ms;
  const throughputMet = overall.opsPerSecond >= GOAL.opsPerSecond;
  const met = p95Met && throughputMet && errors.length === 0;

  const row = (name: string, s: ReturnType<typeof summarise>) => [
    name,
    String(s.operations),
    s.opsPerSecond.toFixed(1),
    s.p50Ms.toFixed(2),
    s.p95Ms.toFixed(2),
    s.p99Ms.toFixed(2),
    s.maxMs.toFixed(2),
  ];
  console.log('');
  console.log(
    `Crier workflow benchmark: ${settings.clients} clients, ${seconds.toFixed(2)} s measured ` +
      `after ${settings.warmupSeconds} s warm-up (Node ${process.version}, ` +
      `${os.availableParallelism()} CPUs)`,
  );
  console.log('');
  console.log(
    table(
      ['operation', 'count', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [...OPERATION_KINDS.map((kind) => row(kind, perKind[kind])), row('overall', overall)],
    ),
  );
  console.log('');
  console.log(`total operations: ${overall.operations}`);
  console.log(`duration:         ${seconds.toFixed(2)} s`);
  console.log(`operations/s:     ${overall.opsPerSecond.toFixed(1)}`);
  console.log(`errors (non-2xx): ${errors.length}`);
  console.log(
    `goal:             p95 < ${GOAL.p95Ms} ms (${overall.p95Ms.toFixed(2)}: ` +
      `${p95Met ? 'met' : 'MISSED'}), >= ${GOAL.opsPerSecond} ops/s ` +
      `(${overall.opsPerSecond.toFixed(1)}: ${throughputMet ? 'met' : 'MISSED'}) -> ` +
      `${met ? 'MET' : 'NOT MET'}`,
  );
  console.log('');
  console.log(
    JSON.stringify({
      benchmark: 'workflow',
      clients: settings.clients,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: Math.round(seconds * 1000) / 1000,
      errors: errors.length,
      overall,
      create: perKind.create,
      submit: perKind.submit,
      approve: perKind.approve,
      goal: { ...GOAL, p95Met, throughputMet, met },
    }),
  );
  return met;
}

async function main(): Promise<number> {
  console.log(`admin database: ${redact(settings.adminUrl)}`);
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'crier-bench-'));
  const db = await createBenchDatabase(settings.adminUrl);
  console.log(`bench database: ${db.name}`);
  let app: AppProcess | undefined;
  let http: HttpClient | undefined;
  try {
    app = await startApp(db, scratchDir);
    http = new HttpClient(app.baseUrl, settings.clients * 2);
    console.log(`app listening:  ${app.baseUrl.origin} (its own process)`);
    const council: BenchCouncil = await seedCouncil(http);

    const warmup = await runWorkflowClients(http, council, {
      clients: settings.clients,
      seconds: settings.warmupSeconds,
    });
    if (warmup.errors.length > 0) {
      console.error(`warm-up errors: ${warmup.errors.length}`);
    }

    const recorder = new Recorder();
    const measured = await runWorkflowClients(http, council, {
      clients: settings.clients,
      seconds: settings.seconds,
      recorder,
    });
    const errors = [...warmup.errors, ...measured.errors];
    for (const error of errors.slice(0, 10)) {
      console.error(`error: ${error.kind} -> ${error.status}: ${JSON.stringify(error.body)}`);
    }
    if (errors.length > 10) console.error(`... and ${errors.length - 10} more errors`);

    const met = report(recorder, measured.seconds, errors);
    if (errors.length > 0) return 1;
    return settings.enforceGoal && !met ? 2 : 0;
  } finally {
    http?.close();
    try {
      await app?.stop();
    } finally {
      await db.drop();
      console.log(`dropped ${db.name}`);
      await rm(scratchDir, { recursive: true, force: true });
    }
  }
}

// Exit explicitly: a timer the app leaves behind must not keep the benchmark alive after cleanup.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
