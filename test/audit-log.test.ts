import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, verify as verifySignature } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log.service.js';
import {
  checkpointSignedText,
  type SignedCheckpoint,
} from '../src/audit/checkpoints/checkpoint.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { AuditVerifier } from '../src/audit/verification/audit-verifier.service.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Verification {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  reason?: string;
}

describe('the tamper-evident audit log: the auditor’s acceptance tests', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;
  let messageId: string;

  const verify = async (): Promise<Verification> => {
    const response = await t.http.post('/api/v1/audit/verify').set(council.bearer(council.auditor));
    expect(response.status).toBe(200);
    return response.body as Verification;
  };
  const checkpoint = async (): Promise<SignedCheckpoint> => {
    const response = await t.http
      .post('/api/v1/audit/checkpoints')
      .set(council.bearer(council.auditor));
    expect(response.status).toBe(201);
    return response.body as SignedCheckpoint;
  };
  const size = async () =>
    Number((await t.db.query<{ n: string }>('SELECT max(seq) AS n FROM audit_events'))[0].n);
  /** A superuser with the triggers switched off: what a rogue DBA can do. */
  const asRogueSuperuser = (sql: string) =>
    t.db.query(
      `SET session_replication_role = replica; ${sql}; SET session_replication_role = origin`,
    );

  beforeAll(async () => {
    t = await startTestApp('audit_log');
    council = await setUpCouncil(t);
    api = messageApi(t, council);
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    messageId = created.body.id;
    await api.submit(council.officer, messageId);
    await api.approve(council.comms, messageId, 1);
    // Its life ends when the fan-out has sent it (to nobody: this council has no residents).
    for (
      let i = 0;
      i < 100 && (await api.get(council.comms, messageId)).body.status !== 'sent';
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => t.close());

  it('verifies an untouched log', async () => {
    await checkpoint();
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: await size() });
  });

  it('1. refuses UPDATE, DELETE and TRUNCATE to the application role', async () => {
    // A connection of its own, so the role cannot leak into the pool that other steps use.
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query('SET ROLE crier_app');
      const [{ count }] = (
        await client.query<{ count: string }>('SELECT count(*) FROM audit_events')
      ).rows;
      expect(Number(count)).toBe(await size());
      for (const statement of [
        `UPDATE audit_events SET type = 'x' WHERE seq = 1`,
        'DELETE FROM audit_events WHERE seq = 1',
        'TRUNCATE audit_events',
      ]) {
        await expect(client.query(statement)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await client.end();
    }
  });

  it('2. names event k when a superuser edits one byte of it with the triggers bypassed', async () => {
    const k = 5;
    const [{ payload }] = await t.db.query<{ payload: string }>(
      'SELECT payload FROM audit_events WHERE seq = $1',
      [k],
    );
    const edited = payload.replace('"type":"', '"type":"X');
    await asRogueSuperuser(
      `UPDATE audit_events SET payload = '${edited.replace(/'/g, "''")}' WHERE seq = ${k}`,
    );
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBadSeq: k });
    expect(result.reason).toMatch(/altered/);
    await asRogueSuperuser(
      `UPDATE audit_events SET payload = '${payload.replace(/'/g, "''")}' WHERE seq = ${k}`,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('gives the same verdict with worker threads as on one thread', async () => {
    const verifier = t.app.get(AuditVerifier);
    const untouched = await verifier.verify({ parallel: true });
    expect(untouched).toEqual(await verifier.verify({ parallel: false }));
    expect(untouched.ok).toBe(true);

    const k = 6;
    const [{ payload }] = await t.db.query<{ payload: string }>(
      'SELECT payload FROM audit_events WHERE seq = $1',
      [k],
    );
    await asRogueSuperuser(
      `UPDATE audit_events SET payload = '${payload.replace('"seq":', '"seq": ').replace(/'/g, "''")}' WHERE seq = ${k}`,
    );
    const tampered = await verifier.verify({ parallel: true });
    expect(tampered).toMatchObject({ ok: false, firstBadSeq: k });
    expect(tampered).toEqual(await verifier.verify({ parallel: false }));
    await asRogueSuperuser(
      `UPDATE audit_events SET payload = '${payload.replace(/'/g, "''")}' WHERE seq = ${k}`,
    );
  });

  it('3. reports a log shorter than its last signed checkpoint when the newest events are deleted', async () => {
    for (let i = 0; i < 12; i += 1) {
      await t.http
        .post('/api/v1/areas')
        .set(council.bearer(council.admin))
        .send({ code: `extra${i}`, name: 'Extra' });
    }
    const signed = await checkpoint();
    const columns =
      'seq, recorded_at, type, actor_ref, subject_ref, message_id, channel_id, payload, leaf_hash, chain_hash';
    const saved = await t.db.query<Record<string, unknown>>(
      `SELECT ${columns} FROM audit_events WHERE seq > $1 ORDER BY seq`,
      [signed.size - 10],
    );
    await asRogueSuperuser(`DELETE FROM audit_events WHERE seq > ${signed.size - 10}`);
    const result = await verify();
    expect(result).toMatchObject({
      ok: false,
      checked: signed.size - 10,
      firstBadSeq: signed.size - 9,
    });
    expect(result.reason).toMatch(/removed/);

    // Put the rows back exactly as they were: the log verifies again.
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      for (const row of saved) {
        await client.query(
          `INSERT INTO audit_events (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          columns.split(', ').map((column) => row[column]),
        );
      }
    } finally {
      await client.end();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('4. detects an event inserted, two events swapped, and an event renumbered in the middle', async () => {
    const k = 4;
    const rows = await t.db.query<{
      seq: string;
      payload: string;
      leaf_hash: Buffer;
      chain_hash: Buffer;
    }>(
      'SELECT seq, payload, leaf_hash, chain_hash FROM audit_events WHERE seq IN ($1, $2) ORDER BY seq',
      [k, k + 1],
    );
    const restore = () =>
      asRogueSuperuser(
        rows
          .map(
            (row) =>
              `UPDATE audit_events SET payload = '${row.payload.replace(/'/g, "''")}', leaf_hash = '\\x${row.leaf_hash.toString('hex')}', chain_hash = '\\x${row.chain_hash.toString('hex')}' WHERE seq = ${row.seq}`,
          )
          .join('; '),
      );

    // Swap: event k takes k+1's content and hashes, and the other way round.
    await asRogueSuperuser(
      `UPDATE audit_events SET payload = '${rows[1].payload.replace(/'/g, "''")}', leaf_hash = '\\x${rows[1].leaf_hash.toString('hex')}' WHERE seq = ${k};
       UPDATE audit_events SET payload = '${rows[0].payload.replace(/'/g, "''")}', leaf_hash = '\\x${rows[0].leaf_hash.toString('hex')}' WHERE seq = ${k + 1}`,
    );
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: k });
    await restore();

    // Renumber: event k+1 moved to a new number, leaving a hole.
    await asRogueSuperuser(`UPDATE audit_events SET seq = 1000000 WHERE seq = ${k + 1}`);
    const renumbered = await verify();
    expect(renumbered).toMatchObject({ ok: false, firstBadSeq: k + 1 });
    expect(renumbered.reason).toMatch(/missing/);
    await asRogueSuperuser(`UPDATE audit_events SET seq = ${k + 1} WHERE seq = 1000000`);

    // Insert: every later event shifted up by one to make room for a forged event k+1.
    const last = await size();
    await asRogueSuperuser(
      `UPDATE audit_events SET seq = seq + 1000000 WHERE seq > ${k};
       UPDATE audit_events SET seq = seq - 999999 WHERE seq > 1000000;
       INSERT INTO audit_events (seq, recorded_at, type, payload, leaf_hash, chain_hash)
       SELECT ${k + 1}, recorded_at, 'forged.event', payload, leaf_hash, chain_hash FROM audit_events WHERE seq = ${k}`,
    );
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: k + 1 });
    await asRogueSuperuser(
      `DELETE FROM audit_events WHERE seq = ${k + 1};
       UPDATE audit_events SET seq = seq + 1000000 WHERE seq > ${k + 1};
       UPDATE audit_events SET seq = seq - 1000001 WHERE seq > 1000000`,
    );
    expect(await size()).toBe(last);
    expect((await verify()).ok).toBe(true);
  });

  it('names a re-hashed row whose text is not even an event', async () => {
    const k = 3;
    const [row] = await t.db.query<{ payload: string; leaf_hash: Buffer; chain_hash: Buffer }>(
      'SELECT payload, leaf_hash, chain_hash FROM audit_events WHERE seq = $1',
      [k],
    );
    const garbage = 'not json at all';
    const leaf = createHash('sha256')
      .update(Buffer.from([0]))
      .update(garbage)
      .digest('hex');
    await asRogueSuperuser(
      `UPDATE audit_events SET payload = '${garbage}', leaf_hash = '\\x${leaf}' WHERE seq = ${k}`,
    );
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBadSeq: k });
    expect(result.reason).toMatch(/chain hash|not JSON/);
    await asRogueSuperuser(
      `UPDATE audit_events SET payload = '${row.payload.replace(/'/g, "''")}', leaf_hash = '\\x${row.leaf_hash.toString('hex')}' WHERE seq = ${k}`,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('5. publishes checkpoints that verify with the public key, and rejects a forged one', async () => {
    const listing = await t.http
      .get('/api/v1/audit/checkpoints')
      .set(council.bearer(council.auditor));
    const { items, publicKey } = listing.body as {
      items: SignedCheckpoint[];
      publicKey: { pem: string };
    };
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const { keyId: _keyId, signature, ...unsigned } = item;
      const valid = verifySignature(
        null,
        Buffer.from(checkpointSignedText(unsigned)),
        publicKey.pem,
        Buffer.from(signature, 'base64'),
      );
      expect(valid).toBe(true);
    }

    // A forger who can write to the checkpoint directory but does not hold the key.
    const newest = items.at(-1)!;
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = { ...newest, size: newest.size + 5, at: new Date().toISOString() };
    const { keyId: _k, signature: _s, ...unsigned } = forged;
    forged.signature = sign(null, Buffer.from(checkpointSignedText(unsigned)), privateKey).toString(
      'base64',
    );
    const dir = join(t.auditDir, 'checkpoints');
    const file = join(dir, '999999999999-forged.json');
    await writeFile(file, JSON.stringify(forged));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/forged or altered/);
    await import('node:fs/promises').then((fs) => fs.rm(file));
    expect((await verify()).ok).toBe(true);
    expect((await readdir(dir)).length).toBe(items.length);
  });

  it('6. exports a message’s whole life as a bundle the standalone verifier accepts offline', async () => {
    const response = await t.http
      .get(`/api/v1/audit/export?messageId=${messageId}`)
      .set(council.bearer(council.auditor));
    expect(response.status).toBe(200);
    const bundle = response.body as { entries: { seq: number; payload: string }[] };
    expect(
      bundle.entries.map((entry) => (JSON.parse(entry.payload) as { type: string }).type),
    ).toEqual([
      'message.created',
      'message.submitted',
      'message.approved',
      'message.dispatch_queued',
      'message.sent',
    ]);
    const file = join(t.auditDir, 'bundle.json');
    const keyFile = join(t.auditDir, 'published-key.pem');
    await writeFile(file, JSON.stringify(bundle));
    const listing = await t.http
      .get('/api/v1/audit/checkpoints')
      .set(council.bearer(council.auditor));
    await writeFile(keyFile, (listing.body as { publicKey: { pem: string } }).publicKey.pem);

    const run = (path: string) =>
      promisify(execFile)(process.execPath, [
        'src/audit-verifier/verify-bundle.ts',
        path,
        '--public-key',
        keyFile,
      ]);
    const { stdout } = await run(file);
    expect(stdout).toMatch(/verif/i);

    const tampered = JSON.parse(await readFile(file, 'utf8')) as typeof bundle;
    tampered.entries[1].payload = tampered.entries[1].payload.replace(
      'message.submitted',
      'message.submitteD',
    );
    await writeFile(file, JSON.stringify(tampered));
    await expect(run(file)).rejects.toMatchObject({ code: 1 });
  });

  it('7. erases a staff member: no personal data readable, the chain still verifies, the erasure logged', async () => {
    const before = await t.http
      .get(`/api/v1/audit/events?actor=${council.officer.id}`)
      .set(council.bearer(council.auditor));
    expect((before.body as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const erased = await t.http
      .post(`/api/v1/staff/${council.officer.id}/erasure`)
      .set(council.bearer(council.admin));
    expect(erased.status).toBe(200);
    const staff = await t.db.query<{ email: string; name: string }>(
      'SELECT email, name FROM staff WHERE id = $1',
      [council.officer.id],
    );
    expect(staff[0].email).not.toContain('olivia');
    expect(staff[0].name).not.toContain('olivia');
    const mapping = await t.db.query(`SELECT 1 FROM audit_pseudonyms WHERE subject_id = $1`, [
      council.officer.id,
    ]);
    expect(mapping).toHaveLength(0);
    const mentions = await t.db.query(
      `SELECT seq FROM audit_events WHERE payload LIKE '%' || $1 || '%' OR payload ILIKE '%olivia%'`,
      [council.officer.id],
    );
    expect(mentions).toHaveLength(0);
    const after = await t.http
      .get(`/api/v1/audit/events?actor=${council.officer.id}`)
      .set(council.bearer(council.auditor));
    expect((after.body as { items: unknown[] }).items).toHaveLength(0);
    const logged = await t.http
      .get('/api/v1/audit/events?type=subject.erased')
      .set(council.bearer(council.auditor));
    expect((logged.body as { items: unknown[] }).items).toHaveLength(1);
    expect((await verify()).ok).toBe(true);
  });

  it('finds events by type or type prefix, channel, time range and page, for investigations', async () => {
    const search = async (query: string) => {
      const response = await t.http
        .get(`/api/v1/audit/events?${query}`)
        .set(council.bearer(council.auditor));
      expect(response.status).toBe(200);
      return response.body as {
        items: { seq: number; type: string; recordedAt: string; subject: { channelId?: string } }[];
        nextAfterSeq: number | null;
      };
    };
    const messageEvents = await search('type=message.*&limit=1000');
    expect(messageEvents.items.length).toBeGreaterThan(0);
    expect(messageEvents.items.every((item) => item.type.startsWith('message.'))).toBe(true);
    const approved = await search('type=message.approved');
    expect(approved.items.map((item) => item.type)).toEqual(['message.approved']);

    const onChannel = await search(`channelId=${council.channels.corporate}&limit=1000`);
    expect(onChannel.items.length).toBeGreaterThan(0);
    expect(
      onChannel.items.every((item) => item.subject.channelId === council.channels.corporate),
    ).toBe(true);

    const all = await search('limit=1000');
    const middle = all.items[Math.floor(all.items.length / 2)];
    const later = await search(`from=${encodeURIComponent(middle.recordedAt)}&limit=1000`);
    expect(later.items.every((item) => item.recordedAt >= middle.recordedAt)).toBe(true);
    const earlier = await search(`to=${encodeURIComponent(middle.recordedAt)}&limit=1000`);
    expect(earlier.items.every((item) => item.recordedAt < middle.recordedAt)).toBe(true);
    expect(later.items.length + earlier.items.length).toBe(all.items.length);

    // Keyset pages: every event once, in order.
    const seen: number[] = [];
    for (let after = 0; ;) {
      const page = await search(`afterSeq=${after}&limit=7`);
      seen.push(...page.items.map((item) => item.seq));
      if (page.nextAfterSeq === null) break;
      after = page.nextAfterSeq;
    }
    expect(seen).toEqual(all.items.map((item) => item.seq));

    const refused = await t.http
      .get('/api/v1/audit/events?type=DROP TABLE')
      .set(council.bearer(council.auditor));
    expect(refused.status).toBe(400);
  });

  it('commits to personal values with a per-person salt that erasure destroys', async () => {
    const audit = t.app.get(AuditLog);
    const uow = t.app.get(UnitOfWork);
    const person = council.youthOfficer.id;
    const phone = '+447400123456';
    const first = await uow.run(() => audit.commitment('staff', person, phone));
    expect(await uow.run(() => audit.commitment('staff', person, phone))).toBe(first);
    expect(await uow.run(() => audit.commitment('staff', council.comms.id, phone))).not.toBe(first);
    expect(first).not.toContain(phone.slice(1));

    await uow.run(() => audit.eraseSubject('staff', person, { kind: 'system', reason: 'test' }));
    // With the salt gone, the same value can no longer be tied to the old commitment.
    expect(await uow.run(() => audit.commitment('staff', person, phone))).not.toBe(first);
  });

  it('8. appends from 16 concurrent writers without gaps or duplicates, and the chain verifies', async () => {
    const uow = t.app.get(UnitOfWork);
    const audit = t.app.get(AuditLog);
    const first = await size();
    await Promise.all(
      Array.from({ length: 16 }, (_, writer) =>
        (async () => {
          for (let i = 0; i < 25; i += 1) {
            await uow.run(() =>
              audit.record({
                type: 'test.concurrent',
                actor: { kind: 'system', reason: 'test' },
                data: { writer, i },
              }),
            );
          }
        })(),
      ),
    );
    const seqs = await t.db.query<{ seq: string }>('SELECT seq FROM audit_events ORDER BY seq');
    expect(seqs.map((row) => Number(row.seq))).toEqual(seqs.map((_, index) => index + 1));
    expect(await size()).toBe(first + 16 * 25);
    await checkpoint();
    expect(await verify()).toMatchObject({ ok: true, checked: first + 400 });
  });
});
