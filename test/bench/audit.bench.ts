import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory.js';
import { AuditLog } from '../../src/audit/audit-log.service.js';
import { AuditCheckpointService } from '../../src/audit/checkpoints/audit-checkpoint.service.js';
import { AuditExporter } from '../../src/audit/export/audit-exporter.service.js';
import { AuditSequencer } from '../../src/audit/sequencer/audit-sequencer.service.js';
import { verifyInclusion } from '../../src/audit/merkle/merkle-tree.js';
import { AuditVerifier } from '../../src/audit/verification/audit-verifier.service.js';
import { loadConfig } from '../../src/config/load-config.js';
import { UnitOfWork } from '../../src/database/unit-of-work.js';
import { seedAuditEvents } from './audit-seed.js';
import { createBenchDatabase } from './bench-database.js';
import { summarise } from './stats.js';

const WRITERS = 16;
const APPEND_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

const seconds = (since: number) => (performance.now() - since) / 1000;

async function appendRate(app: INestApplication): Promise<ReturnType<typeof summarise>> {
  const uow = app.get(UnitOfWork);
  const audit = app.get(AuditLog);
  const latencies: number[] = [];
  const until = performance.now() + APPEND_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; performance.now() < until; i += 1) {
        const at = performance.now();
        await uow.run(() =>
          audit.record({
            type: 'bench.appended',
            actor: { kind: 'system', reason: 'benchmark' },
            subject: { messageId: '9b2c7d1e-5f4a-4b3c-8d2e-1f0a9b8c7d6e' },
            data: { writer, i, note: 'Gritting tonight from 8pm on all A roads in Northfield.' },
          }),
        );
        latencies.push(performance.now() - at);
      }
    }),
  );
  // An append counts once it is chained, so the rate includes the sequencer catching up.
  await app.get(AuditSequencer).sequence();
  return summarise(latencies, seconds(started));
}

async function main(): Promise<void> {
  const database = await createBenchDatabase(adminUrl);
  const auditDir = await mkdtemp(join(tmpdir(), 'crier-bench-audit-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    AUTH_MODE: 'local',
    DEMO_SEED: 'false',
    LOG_LEVEL: 'warn',
    AUDIT_SIGNING_KEY_FILE: join(auditDir, 'key.pem'),
    AUDIT_CHECKPOINT_DIR: join(auditDir, 'checkpoints'),
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
  });
  const app = await createApp({ config, databaseUrl: database.url });
  await app.init();
  try {
    console.log(`Appending with ${WRITERS} concurrent writers for ${APPEND_SECONDS} s...`);
    const appends = await appendRate(app);

    console.log(`Seeding ${EVENTS.toLocaleString('en-GB')} chained events...`);
    let started = performance.now();
    await seedAuditEvents(database.url, EVENTS);
    const seedSeconds = seconds(started);

    started = performance.now();
    const checkpoint = await app.get(AuditCheckpointService).create();
    const checkpointSeconds = seconds(started);

    started = performance.now();
    const verification = await app.get(AuditVerifier).verify();
    const verifySeconds = seconds(started);
    if (!verification.ok) throw new Error(`verification failed: ${verification.reason}`);

    started = performance.now();
    const bundle = await app
      .get(AuditExporter)
      .export({ fromSeq: checkpoint.size - 99, toSeq: checkpoint.size });
    const exportSeconds = seconds(started);
    const root = Buffer.from(bundle.checkpoint.root, 'hex');
    const proofs = bundle.entries.map((entry) => ({
      leaf: Buffer.from(entry.leafHash, 'hex'),
      index: entry.seq - 1,
      path: entry.inclusionProof.map((hex) => Buffer.from(hex, 'hex')),
    }));
    const rounds = 100;
    started = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      for (const proof of proofs) {
        if (!verifyInclusion(proof.leaf, proof.index, checkpoint.size, proof.path, root)) {
          throw new Error('an inclusion proof failed');
        }
      }
    }
    const proofMs = (seconds(started) * 1000) / (rounds * proofs.length);

    const figures = {
      appendsPerSecond: appends.opsPerSecond,
      appendP50Ms: appends.p50Ms,
      appendP95Ms: appends.p95Ms,
      appendP99Ms: appends.p99Ms,
      events: verification.checked,
      seedSeconds: Number(seedSeconds.toFixed(2)),
      checkpointSeconds: Number(checkpointSeconds.toFixed(2)),
      verifySeconds: Number(verifySeconds.toFixed(2)),
      export100Seconds: Number(exportSeconds.toFixed(2)),
      inclusionProofMs: Number(proofMs.toFixed(4)),
      proofLength: proofs[0]?.path.length ?? 0,
    };
    console.log('');
    console.log(
      `appends, ${WRITERS} writers        ${figures.appendsPerSecond}/s (p50 ${figures.appendP50Ms} ms, p95 ${figures.appendP95Ms} ms, p99 ${figures.appendP99Ms} ms)   goal >= 2,000/s`,
    );
    console.log(
      `verify ${figures.events.toLocaleString('en-GB')} events      ${figures.verifySeconds} s   goal < 8 s`,
    );
    console.log(
      `one inclusion proof           ${figures.inclusionProofMs} ms (${figures.proofLength} hashes)   goal < 1 ms`,
    );
    console.log(`sign a checkpoint             ${figures.checkpointSeconds} s`);
    console.log(`export 100 events with proofs ${figures.export100Seconds} s`);
    console.log(`(seeding took ${figures.seedSeconds} s)`);
    console.log(JSON.stringify(figures));
  } finally {
    await app.close();
    await database.drop();
    await rm(auditDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
