import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_LOCK_KEY } from '../src/retention/retention.repository.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Retention end to end: rows are back-dated with SQL, then an admin runs the jobs on demand and
 * the database shows what went and what stayed.
 */

interface Report {
  inboundContentDeleted: number;
  stuckCallbacksDeleted: number;
  deliveriesDeleted: number;
  receiptsDeleted: number;
  ranAt: string;
}

let counter = 0;
const next = () => (counter += 1);
const hash = () => String(next()).padStart(64, '0');

describe('retention', () => {
  let t: TestApp;
  let council: Council;

  const run = () => t.http.post('/api/v1/retention/run').set(council.bearer(council.admin)).send();

  const inbound = async (channelId: string, daysAgo: number): Promise<string> => {
    const n = next();
    const [row] = await t.db.query<{ id: string }>(
      `INSERT INTO inbound_messages (channel_id, provider_message_id, from_phone_sealed,
         from_phone_hash, kind, body, reply_id, sent_at, received_at)
       VALUES ($1, $2, 'sealed', $3, 'text', 'my bin was not collected', 'r1',
               now() - make_interval(days => $4), now() - make_interval(days => $4))
       RETURNING id`,
      [channelId, `wamid.in.${n}`, hash(), daysAgo],
    );
    return row.id;
  };
  const inboundRow = async (id: string) =>
    (
      await t.db.query<{ body: string | null; reply_id: string | null; content_deleted_at: Date }>(
        `SELECT body, reply_id, content_deleted_at FROM inbound_messages WHERE id = $1`,
        [id],
      )
    )[0];

  const stuckCallback = async (failures: number, daysAgo: number): Promise<string> => {
    const [row] = await t.db.query<{ id: string }>(
      `INSERT INTO whatsapp_webhook_inbox (payload_sealed, failed_attempts, received_at)
       VALUES ('\\x00', $1, now() - make_interval(days => $2)) RETURNING id`,
      [failures, daysAgo],
    );
    return row.id;
  };

  /** A message on the corporate channel, put straight into the given status. */
  const message = async (status: 'sent' | 'sending'): Promise<string> => {
    const created = await messageApi(t, council).create(
      council.officer,
      templateMessage(council.channels.corporate),
    );
    await t.db.query(`UPDATE messages SET status = $2 WHERE id = $1`, [created.body.id, status]);
    return created.body.id;
  };
  /** A delivery created `daysAgo` days ago, with one receipt Meta reported for it. */
  const delivery = async (
    messageId: string,
    purpose: 'alert' | 'test',
    daysAgo: number,
  ): Promise<string> => {
    const providerId = `wamid.out.${next()}`;
    const [row] = await t.db.query<{ id: string }>(
      `INSERT INTO message_deliveries (channel_id, message_id, message_version, purpose,
         recipient_phone_sealed, recipient_phone_hash, provider, provider_message_id, status,
         created_at)
       VALUES ($1, $2, 1, $3, 'sealed', $4, 'whatsapp-cloud-api', $5, 'delivered',
               now() - make_interval(days => $6))
       RETURNING id`,
      [council.channels.corporate, messageId, purpose, hash(), providerId, daysAgo],
    );
    await receipt(providerId, daysAgo, row.id);
    return row.id;
  };
  const receipt = async (providerId: string, daysAgo: number, deliveryId: string | null) => {
    await t.db.query(
      `INSERT INTO delivery_receipts (provider_message_id, status, occurred_at, received_at,
         delivery_id, applied_at)
       VALUES ($1, 'delivered', now() - make_interval(days => $2),
               now() - make_interval(days => $2), $3, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END)`,
      [providerId, daysAgo, deliveryId],
    );
  };
  const exists = async (table: string, column: string, value: string) =>
    (await t.db.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [value])).length === 1;

  beforeAll(async () => {
    t = await startTestApp('retention', { env: { DELIVERY_RETENTION_DAYS: '30' } });
    council = await setUpCouncil(t);
    const longer = await t.http
      .put(`/api/v1/channels/${council.channels.youth}/policy`)
      .set(council.bearer(council.admin))
      .send({
        approvalsRequired: 1,
        approverRoles: ['service_manager', 'comms_approver'],
        quietHours: null,
        inboundRetentionDays: 60,
      });
    expect(longer.status).toBe(200);
  });
  afterAll(() => t.close());

  it('gives channels 7 days by default, also those stored before retention, and checks the range', async () => {
    // As a channel created before the setting existed has it stored.
    await t.db.query(`UPDATE channels SET policy = policy - 'inboundRetentionDays' WHERE id = $1`, [
      council.channels.corporate,
    ]);
    const got = await t.http
      .get(`/api/v1/channels/${council.channels.corporate}`)
      .set(council.bearer(council.officer));
    expect(got.body).toMatchObject({ policy: { inboundRetentionDays: 7 } });
    for (const days of [0, 366, 2.5]) {
      const bad = await t.http
        .put(`/api/v1/channels/${council.channels.youth}/policy`)
        .set(council.bearer(council.admin))
        .send({
          approvalsRequired: 1,
          approverRoles: ['comms_approver'],
          inboundRetentionDays: days,
        });
      expect(bad.status).toBe(400);
    }
  });

  it('removes what is past its time, keeps the rest, and reports the counts', async () => {
    const oldCorporate = await inbound(council.channels.corporate, 8);
    const newCorporate = await inbound(council.channels.corporate, 6);
    const youthWithinLongerRetention = await inbound(council.channels.youth, 30);
    const youthPastLongerRetention = await inbound(council.channels.youth, 61);
    // Stuck callbacks wait for the longest channel retention (60 days here).
    const stuckOld = await stuckCallback(5, 61);
    const stuckRecent = await stuckCallback(5, 30);
    const retryingOld = await stuckCallback(2, 61);

    const sent = await message('sent');
    const sending = await message('sending');
    const sentOld = await delivery(sent, 'alert', 31);
    const sentRecent = await delivery(sent, 'alert', 29);
    const stillSendingOld = await delivery(sending, 'alert', 31);
    const testOld = await delivery(sending, 'test', 31);
    await receipt('wamid.unknown.old', 8, null);
    await receipt('wamid.unknown.recent', 6, null);

    const response = await run();
    expect(response.status).toBe(200);
    const report = response.body as Report;
    const { ranAt, ...counts } = report;
    expect(counts).toEqual({
      inboundContentDeleted: 2,
      stuckCallbacksDeleted: 1,
      deliveriesDeleted: 2,
      receiptsDeleted: 3,
    });
    expect(Date.parse(ranAt)).not.toBeNaN();

    for (const id of [oldCorporate, youthPastLongerRetention]) {
      const row = await inboundRow(id);
      expect([row.body, row.reply_id]).toEqual([null, null]);
      expect(row.content_deleted_at).toBeInstanceOf(Date);
    }
    for (const id of [newCorporate, youthWithinLongerRetention]) {
      expect(await inboundRow(id)).toMatchObject({
        body: 'my bin was not collected',
        reply_id: 'r1',
      });
    }
    expect(await exists('whatsapp_webhook_inbox', 'id', stuckOld)).toBe(false);
    expect(await exists('whatsapp_webhook_inbox', 'id', stuckRecent)).toBe(true);
    expect(await exists('whatsapp_webhook_inbox', 'id', retryingOld)).toBe(true);
    expect(await exists('message_deliveries', 'id', sentOld)).toBe(false);
    expect(await exists('message_deliveries', 'id', testOld)).toBe(false);
    expect(await exists('message_deliveries', 'id', sentRecent)).toBe(true);
    expect(await exists('message_deliveries', 'id', stillSendingOld)).toBe(true);
    expect(await exists('delivery_receipts', 'delivery_id', sentOld)).toBe(false);
    expect(await exists('delivery_receipts', 'delivery_id', stillSendingOld)).toBe(true);
    expect(await exists('delivery_receipts', 'provider_message_id', 'wamid.unknown.old')).toBe(
      false,
    );
    expect(await exists('delivery_receipts', 'provider_message_id', 'wamid.unknown.recent')).toBe(
      true,
    );

    const again = await run();
    expect(again.body).toMatchObject({
      inboundContentDeleted: 0,
      stuckCallbacksDeleted: 0,
      deliveriesDeleted: 0,
      receiptsDeleted: 0,
    });
  });

  it('records each run in the audit log with its counts', async () => {
    const response = await t.http
      .get('/api/v1/audit/events?type=retention.ran')
      .set(council.bearer(council.auditor));
    const items = (response.body as { items: { actor: unknown; data: object }[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.map((item) => item.data)).toContainEqual({
      inboundContentDeleted: 2,
      stuckCallbacksDeleted: 1,
      deliveriesDeleted: 2,
      receiptsDeleted: 3,
      deliveryRetentionDays: 30,
    });
  });

  it('lets only an admin run it', async () => {
    for (const person of [council.officer, council.comms, council.auditor, council.youthManager]) {
      const refused = await t.http.post('/api/v1/retention/run').set(council.bearer(person));
      expect(refused.status).toBe(403);
    }
    expect((await t.http.post('/api/v1/retention/run')).status).toBe(401);
  });

  it('runs one at a time: refused with 409 while another process holds the lock', async () => {
    const other = new pg.Client({ connectionString: t.db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK_KEY]);
      const refused = await run();
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'RETENTION_RUNNING' });
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
    expect((await run()).status).toBe(200);
  });
});
