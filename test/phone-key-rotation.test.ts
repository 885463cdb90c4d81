import { mkdtemp, rm } from 'node:fs/promises';
import type { INestApplication } from '@nestjs/common';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory.js';
import { AuditSequencer } from '../src/audit/sequencer/audit-sequencer.service.js';
import { loadConfig } from '../src/config/load-config.js';
import type { TestSendView } from '../src/messages/dto/test-send.dto.js';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { PhoneResealingService } from '../src/phone-numbers/resealing/phone-resealing.service.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { WebhookProcessor } from '../src/whatsapp/webhooks/webhook-processor.service.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { eventually } from './support/eventually.js';
import { messageApi } from './support/message-api.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { TEST_ENVIRONMENT } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Rotating the phone-number key on one database across restarts: sealed under the old key,
 * re-sealed with the new key first and the old one second, then read with the new key alone.
 */

const OLD = `test1:${Buffer.alloc(32, 7).toString('base64')}`;
const NEW = `test2:${Buffer.alloc(32, 11).toString('base64')}`;
const TEST_PHONE = '+447400123456' as E164;
const SUBSCRIBERS = Array.from({ length: 23 }, (_, n) => residentNumber(n));
const INBOUND = residentNumber(500);
const REQUESTER = residentNumber(501);
const JOINER = residentNumber(502);
const WEBHOOK_BODY = Buffer.from('{"entry":[{"wa_id":"447400005035"}]}');

interface RunningApp {
  app: INestApplication;
  http: TestAgent;
  vault: PhoneVault;
  close(): Promise<void>;
}

/** Where each sealed value lives, and the number (or bytes) it must still open to. */
type Expected =
  | { table: string; column: string; where: string; args: unknown[]; phone: E164 }
  | { table: string; column: string; where: string; args: unknown[]; bytes: Buffer };

describe('phone-number key rotation', () => {
  let db: TestDatabase;
  let auditDir: string;
  let running: RunningApp | null = null;
  let council: Council;
  let api: ReturnType<typeof messageApi>;
  const expected: Expected[] = [];

  /** The app on this test's database, as a restart with these keys would start it. */
  async function start(keys: string): Promise<RunningApp> {
    const config = loadConfig({
      ...TEST_ENVIRONMENT,
      DATABASE_URL: db.url,
      AUDIT_SIGNING_KEY_FILE: join(auditDir, 'signing-key.pem'),
      AUDIT_CHECKPOINT_DIR: join(auditDir, 'checkpoints'),
      PHONE_ENCRYPTION_KEYS: keys,
    });
    const app = await createApp({ config, databaseUrl: db.url });
    await app.listen(0, '127.0.0.1');
    return {
      app,
      http: request(app.getHttpServer() as Parameters<typeof request>[0]),
      vault: app.get(PhoneVault),
      close: () => app.close(),
    };
  }

  async function restart(keys: string): Promise<RunningApp> {
    await running?.close();
    running = await start(keys);
    return running;
  }

  const current = (): RunningApp => running!;

  async function sealedValues(): Promise<{ expect: Expected; value: string | Buffer }[]> {
    const values = [];
    for (const e of expected) {
      const rows = await db.query<{ value: string | Buffer }>(
        `SELECT "${e.column}" AS value FROM "${e.table}" WHERE ${e.where}`,
        e.args,
      );
      expect(rows, `${e.table}.${e.column}`).toHaveLength(1);
      values.push({ expect: e, value: rows[0].value });
    }
    return values;
  }

  const keyIdOf = (value: string | Buffer): string =>
    typeof value === 'string'
      ? value.split('.')[1]
      : value.subarray(1, 1 + value[0]).toString('utf8');

  function expectOpens(vault: PhoneVault, values: { expect: Expected; value: string | Buffer }[]) {
    for (const { expect: e, value } of values) {
      if ('phone' in e) expect(vault.decrypt(value as string)).toBe(e.phone);
      else expect(vault.openBytes(value as Buffer).equals(e.bytes)).toBe(true);
    }
  }

  /** A test send's receipts come back through the webhook: they land before the app stops. */
  async function receiptsLanded(deliveryId: string): Promise<void> {
    const processor = current().app.get(WebhookProcessor);
    const delivery = await eventually(
      async () => {
        await processor.settle();
        const [row] = await db.query<{ status: string }>(
          `SELECT status FROM message_deliveries WHERE id = $1`,
          [deliveryId],
        );
        return row;
      },
      (row) => row.status === 'read',
    );
    expect(delivery.status).toBe('read');
  }

  const auditEvents = async () => {
    await current().app.get(AuditSequencer).sequence();
    const response = await current()
      .http.get('/api/v1/audit/events?type=phone_keys.resealed')
      .set(council.bearer(council.auditor));
    expect(response.status).toBe(200);
    return (response.body as { items: { actor: unknown; data: Record<string, unknown> }[] }).items;
  };

  beforeAll(async () => {
    db = await createTestDatabase('phone-key-rotation');
    auditDir = await mkdtemp(join(tmpdir(), 'crier-audit-rotation-'));
    const t = await restart(OLD);
    const tokenFor = async (email: string) => {
      const response = await t.http.post('/api/v1/auth/local/token').send({ email });
      return (response.body as { access_token: string }).access_token;
    };
    council = await setUpCouncil({ http: t.http, tokenFor });
  });

  afterAll(async () => {
    await running?.close();
    await db?.drop();
    if (auditDir) await rm(auditDir, { recursive: true, force: true });
  });

  it('seals every kind of stored number under the only key', async () => {
    const t = current();
    // Through whichever app is running now.
    const http = { get: () => current().http };
    api = messageApi(
      Object.defineProperty({}, 'http', http) as Parameters<typeof messageApi>[0],
      council,
    );
    const channel = council.channels.corporate;

    // staff.test_phone_sealed and a test send's message_deliveries row, through the API.
    const set = await t.http
      .put('/api/v1/me/test-phone')
      .set(council.bearer(council.comms))
      .send({ phone: '07400 123456' });
    expect(set.status).toBe(200);
    expected.push({
      table: 'staff',
      column: 'test_phone_sealed',
      where: 'id = $1',
      args: [council.comms.id],
      phone: TEST_PHONE,
    });
    const created = await api.create(council.officer, templateMessage(channel));
    await api.submit(council.officer, created.body.id);
    const sent = await t.http
      .post(`/api/v1/messages/${created.body.id}/test-send`)
      .set(council.bearer(council.comms))
      .send({ version: 1 });
    expect(sent.status).toBe(201);
    await receiptsLanded((sent.body as TestSendView).deliveryId);
    expected.push({
      table: 'message_deliveries',
      column: 'recipient_phone_sealed',
      where: 'id = $1',
      args: [(sent.body as TestSendView).deliveryId],
      phone: TEST_PHONE,
    });

    // The rest straight into the database, sealed with the app's own vault.
    const { vault } = t;
    await seedSubscribers(t.app, db, SUBSCRIBERS, { areas: ['northfield'], topics: ['gritting'] });
    for (const phone of SUBSCRIBERS) {
      expected.push({
        table: 'subscribers',
        column: 'phone_sealed',
        where: 'phone_hash = $1',
        args: [vault.lookupHash(phone)],
        phone,
      });
    }
    await db.query(
      `INSERT INTO inbound_messages
         (channel_id, provider_message_id, from_phone_sealed, from_phone_hash, kind, body, sent_at)
       VALUES ($1, 'wamid.rotation-1', $2, $3, 'text', 'Hello council', now())`,
      [channel, vault.encrypt(INBOUND), vault.lookupHash(INBOUND)],
    );
    await db.query(
      `INSERT INTO subscription_requests (phone_sealed, phone_hash, channel_id, area_code,
         topic_codes, privacy_notice_version, request_ip_hash, expires_at)
       VALUES ($1, $2, $3, 'northfield', '{gritting}', 'v1', repeat('0', 64), now() + interval '1 day')`,
      [vault.encrypt(REQUESTER), vault.lookupHash(REQUESTER), channel],
    );
    await db.query(
      `INSERT INTO join_conversations (phone_hash, phone_sealed, channel_id, step, expires_at)
       VALUES ($1, $2, $3, 'area', now() + interval '1 day')`,
      [vault.lookupHash(JOINER), vault.encrypt(JOINER), channel],
    );
    // A callback that failed too often, so it stays in the inbox for a person to look at.
    const [callback] = await db.query<{ id: string }>(
      `INSERT INTO whatsapp_webhook_inbox (payload_sealed, failed_attempts, last_error)
       VALUES ($1, 5, 'test') RETURNING id`,
      [vault.sealBytes(WEBHOOK_BODY)],
    );
    expected.push(
      ...[
        ['inbound_messages', 'from_phone_sealed', INBOUND],
        ['subscription_requests', 'phone_sealed', REQUESTER],
        ['join_conversations', 'phone_sealed', JOINER],
      ].map(([table, column, phone]) => ({
        table: table,
        column: column,
        where: `${table === 'inbound_messages' ? 'from_phone_hash' : 'phone_hash'} = $1`,
        args: [vault.lookupHash(phone as E164)],
        phone: phone as E164,
      })),
      {
        table: 'whatsapp_webhook_inbox',
        column: 'payload_sealed',
        where: 'id = $1',
        args: [callback.id],
        bytes: WEBHOOK_BODY,
      },
    );

    const values = await sealedValues();
    expect(values.every(({ value }) => keyIdOf(value) === 'test1')).toBe(true);
    // With one key there is nothing to do, and nothing is recorded.
    const report = await t.app.get(PhoneResealingService).reseal({ kind: 'system', reason: 't' });
    expect(report.total).toBe(0);
    expect(await auditEvents()).toEqual([]);
  });

  it('re-seals every value under the new key, touching nothing else', async () => {
    const t = await restart(`${NEW},${OLD}`);
    const before = await sealedValues();
    const untouched = `SELECT s.updated_at AS subscribers, d.updated_at AS delivery, d.status,
                              s.phone_hash
                         FROM subscribers s, message_deliveries d ORDER BY s.id, d.id`;
    const rowsBefore = await db.query(untouched);
    // Still readable before re-sealing: the old key is second.
    expectOpens(t.vault, before);

    const resealing = t.app.get(PhoneResealingService);
    // Small batches, so that the walk crosses batch boundaries.
    const report = await resealing.reseal({ kind: 'system', reason: 'test' }, 7);
    expect(report).toMatchObject({ newestKeyId: 'test2', olderKeyIds: ['test1'] });
    expect(report.resealed).toMatchObject({
      'subscribers.phone_sealed': SUBSCRIBERS.length,
      'staff.test_phone_sealed': 1,
      'inbound_messages.from_phone_sealed': 1,
      'subscription_requests.phone_sealed': 1,
      'join_conversations.phone_sealed': 1,
      'whatsapp_webhook_inbox.payload_sealed': 1,
    });
    expect(report.resealed['message_deliveries.recipient_phone_sealed']).toBeGreaterThanOrEqual(1);

    const after = await sealedValues();
    for (const { value } of after) {
      if (typeof value === 'string') expect(value.startsWith('v1.test2.')).toBe(true);
      else expect(keyIdOf(value)).toBe('test2');
    }
    expectOpens(t.vault, after);
    expect(await db.query(untouched)).toEqual(rowsBefore);
    // Found by the same lookup hashes as before (the where clauses above), and so by the API.
    const access = await t.http
      .post('/api/v1/privacy/subject-access')
      .set(council.bearer(council.admin))
      .send({ phone: SUBSCRIBERS[0] });
    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({ subscriber: { status: 'active' } });

    const census = await resealing.census();
    expect(census).toMatchObject({ remaining: 0, retirable: ['test1'] });
    expect(census.byKey.find((k) => k.keyId === 'test1')?.rows).toBe(0);
  });

  it('records one audit event, without numbers, and a second run changes nothing', async () => {
    const events = await auditEvents();
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      newestKeyId: 'test2',
      olderKeyIds: ['test1'],
      resealed: { 'subscribers.phone_sealed': SUBSCRIBERS.length },
    });
    expect(JSON.stringify(events[0])).not.toMatch(/7400/);

    const before = await sealedValues();
    const again = await current()
      .app.get(PhoneResealingService)
      .reseal({ kind: 'system', reason: 'test' });
    expect(again.total).toBe(0);
    expect(await sealedValues()).toEqual(before);
    expect(await auditEvents()).toHaveLength(1);
  });

  it('reads every number with the new key alone once the old one is retired', async () => {
    const t = await restart(NEW);
    expectOpens(t.vault, await sealedValues());

    const shown = await t.http.get('/api/v1/me/test-phone').set(council.bearer(council.comms));
    expect(shown.status).toBe(200);
    expect((shown.body as { testPhone: string }).testPhone).toMatch(/^\+44 •+456$/);

    const access = await t.http
      .post('/api/v1/privacy/subject-access')
      .set(council.bearer(council.admin))
      .send({ phone: SUBSCRIBERS[1] });
    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({ phone: expect.stringMatching(/•+/) as string });

    // A test send opens the sealed test phone and reaches the simulator's handset.
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    await api.submit(council.officer, created.body.id);
    const sent = await t.http
      .post(`/api/v1/messages/${created.body.id}/test-send`)
      .set(council.bearer(council.comms))
      .send({ version: 1 });
    expect(sent.status).toBe(201);
    const simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    const handset = await fetch(
      `${simulatorUrl}/_sim/messages?to=${encodeURIComponent(TEST_PHONE)}`,
    );
    const { items } = (await handset.json()) as { items: { id: string }[] };
    expect(items.map((item) => item.id)).toContain((sent.body as TestSendView).providerMessageId);
    await receiptsLanded((sent.body as TestSendView).deliveryId);
  });
});
