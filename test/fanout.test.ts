import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FanoutWorker } from '../src/fanout/fanout.worker.js';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { WebhookProcessor } from '../src/whatsapp/webhooks/webhook-processor.service.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { type MessageBody, messageApi } from './support/message-api.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/eventually.js';

/**
 * The fan-out on the embedded defaults: approval hands the message to the fan-out, which sends
 * one WhatsApp message per subscriber through the in-process simulator, whose record of what
 * each handset received is the evidence.
 */

interface HandsetMessage {
  id: string;
  to: string;
  type: string;
  at: string;
}

let t: TestApp;
let council: Council;
let api: ReturnType<typeof messageApi>;
let simulatorUrl: string;
let numberOffset = 0;

/** Fresh numbers for each test, so the simulator's record of one test does not blur another. */
const numbers = (count: number): E164[] =>
  Array.from({ length: count }, () => residentNumber((numberOffset += 1)));

async function handsets(): Promise<HandsetMessage[]> {
  const response = await fetch(`${simulatorUrl}/_sim/messages`);
  return ((await response.json()) as { items: HandsetMessage[] }).items;
}

const receivedBy = (all: HandsetMessage[], recipients: E164[]) => {
  const wanted = new Set(recipients);
  return all.filter((m) => wanted.has(m.to as E164));
};

async function setThroughput(perSecond: number): Promise<void> {
  const response = await t.http
    .put(`/api/v1/channels/${council.channels.corporate}/throughput`)
    .set(council.bearer(council.admin))
    .send({ throughputPerSecond: perSecond });
  expect(response.status).toBe(200);
}

let topicCounter = 0;
/** A topic of the test's own, so that residents seeded by other tests are not in its audience. */
async function freshTopic(): Promise<string> {
  const code = `fanout${(topicCounter += 1)}`;
  const response = await t.http
    .post('/api/v1/topics')
    .set(council.bearer(council.admin))
    .send({ code, name: code });
  expect(response.status).toBe(201);
  return code;
}

/** Drafts, submits and approves an alert for northfield and `topic` on the corporate channel. */
async function approvedAlert(topic: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await api.create(
    council.officer,
    templateMessage(council.channels.corporate, {
      audience: { areas: ['northfield'], topics: [topic] },
      ...extra,
    }),
  );
  expect(created.status).toBe(201);
  await api.submit(council.officer, created.body.id);
  const approved = await api.approve(council.comms, created.body.id, 1);
  expect(approved.status).toBe(200);
  return created.body.id;
}

const message = async (id: string) =>
  (await api.get(council.comms, id)).body as MessageBody & {
    delivery: Record<string, number>;
    cancelReason: string | null;
  };

beforeAll(async () => {
  t = await startTestApp('fanout', {
    env: { SIM_WEBHOOK_DUPLICATE_RATE: '0.2', SIM_WEBHOOK_REORDER_RATE: '0.2' },
  });
  council = await setUpCouncil(t);
  api = messageApi(t, council);
  simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
});
afterAll(() => t.close());

describe('the fan-out', () => {
  it('sends the approved alert once to every opted-in resident of its areas and topics, and no one else', async () => {
    const topic = await freshTopic();
    await setThroughput(200);
    const audience = numbers(40);
    const otherArea = numbers(3);
    const otherTopic = numbers(3);
    const unsubscribed = numbers(2);
    const suppressed = numbers(2);
    await seedSubscribers(t.app, t.db, audience, {
      areas: ['northfield', 'southbank'],
      topics: [topic],
    });
    await seedSubscribers(t.app, t.db, otherArea, { areas: ['southbank'], topics: [topic] });
    await seedSubscribers(t.app, t.db, otherTopic, { areas: ['northfield'], topics: ['youth'] });
    await seedSubscribers(t.app, t.db, unsubscribed, {
      areas: ['northfield'],
      topics: [topic],
      status: 'unsubscribed',
    });
    await seedSubscribers(t.app, t.db, suppressed, { areas: ['northfield'], topics: [topic] });
    const { PhoneVault } = await import('../src/phone-numbers/phone-vault.js');
    const vault = t.app.get(PhoneVault);
    for (const n of suppressed) {
      await t.db.query(`INSERT INTO suppressions (phone_hash, reason) VALUES ($1, 'stop')`, [
        vault.lookupHash(n),
      ]);
    }

    const id = await approvedAlert(topic);
    const done = await eventually(
      () => message(id),
      (m) => m.status === 'sent',
    );
    expect(done.status).toBe('sent');
    expect(done.delivery).toMatchObject({
      recipients: 40,
      queued: 0,
      sent: 40,
      failed: 0,
      notSent: 0,
    });

    const received = await handsets();
    const toAudience = receivedBy(received, audience);
    expect(toAudience).toHaveLength(40);
    expect(new Set(toAudience.map((m) => m.to)).size).toBe(40);
    expect(toAudience.every((m) => m.type === 'template')).toBe(true);
    expect(
      receivedBy(received, [...otherArea, ...otherTopic, ...unsubscribed, ...suppressed]),
    ).toEqual([]);

    // Receipts flow back through the webhook (some duplicated, some out of order) to read.
    const processor = t.app.get(WebhookProcessor);
    const read = await eventually(
      async () => {
        await processor.settle();
        return message(id);
      },
      (m) => m.delivery.read === 40,
    );
    expect(read.delivery).toMatchObject({ delivered: 40, read: 40 });

    const audit = await t.db.query<{ payload: string }>(
      `SELECT payload FROM audit_events WHERE type = 'message.sent' AND message_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].payload)).toMatchObject({ data: { recipients: 40, accepted: 40 } });
  });

  it("keeps to the channel's rate", async () => {
    const topic = await freshTopic();
    await setThroughput(20);
    const audience = numbers(21);
    await seedSubscribers(t.app, t.db, audience, { areas: ['northfield'], topics: [topic] });
    const id = await approvedAlert(topic);
    await eventually(
      () => message(id),
      (m) => m.status === 'sent',
    );
    const times = receivedBy(await handsets(), audience)
      .map((m) => Date.parse(m.at))
      .sort((a, b) => a - b);
    expect(times).toHaveLength(21);
    // 21 sends at 20 per second take at least a second from first to last.
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(950);
  });

  it('does not send to someone who stops part-way through', async () => {
    const topic = await freshTopic();
    await setThroughput(10);
    const audience = numbers(20);
    await seedSubscribers(t.app, t.db, audience, { areas: ['northfield'], topics: [topic] });
    const id = await approvedAlert(topic);
    await eventually(handsets, (all) => receivedBy(all, audience).length >= 3);
    const { PhoneVault } = await import('../src/phone-numbers/phone-vault.js');
    const vault = t.app.get(PhoneVault);
    // Someone whose turn has not come yet (no worker has taken their place) stops.
    const [waiting] = await t.db.query<{ recipient_phone_hash: string }>(
      `SELECT s.phone_hash AS recipient_phone_hash
         FROM message_recipients r JOIN subscribers s ON s.id = r.subscriber_id
        WHERE r.message_id = $1 ORDER BY r.position DESC LIMIT 1`,
      [id],
    );
    const leaver = audience.find((n) => vault.lookupHash(n) === waiting.recipient_phone_hash)!;
    await t.db.query(`UPDATE subscribers SET status = 'unsubscribed' WHERE phone_hash = $1`, [
      waiting.recipient_phone_hash,
    ]);
    const done = await eventually(
      () => message(id),
      (m) => m.status === 'sent',
    );
    expect(done.delivery).toMatchObject({ recipients: 20, sent: 19, notSent: 1 });
    expect(receivedBy(await handsets(), [leaver])).toEqual([]);
  });

  it('stops the remaining sends within a second of a cancel', async () => {
    const topic = await freshTopic();
    await setThroughput(10);
    const audience = numbers(40);
    await seedSubscribers(t.app, t.db, audience, { areas: ['northfield'], topics: [topic] });
    const id = await approvedAlert(topic);
    await eventually(handsets, (all) => receivedBy(all, audience).length >= 3);
    const cancelled = await api.cancel(council.officer, id, 'Sent to the wrong area');
    expect(cancelled.status).toBe(200);
    const cancelledAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sent = receivedBy(await handsets(), audience);
    const late = sent.filter((m) => Date.parse(m.at) > cancelledAt + 1000);
    expect(late).toEqual([]);
    expect(sent.length).toBeLessThan(40);
    await t.app.get(FanoutWorker).settle();
    const after = await message(id);
    expect(after.status).toBe('cancelled');
    expect(after.delivery.queued).toBe(0);
    expect(after.delivery.sent + after.delivery.notSent).toBe(40);
    expect(after.delivery.sent).toBe(sent.length);
  });

  it('refuses to send content that no longer matches what was approved', async () => {
    const topic = await freshTopic();
    await setThroughput(200);
    const audience = numbers(3);
    await seedSubscribers(t.app, t.db, audience, { areas: ['northfield'], topics: [topic] });
    const sendAt = new Date(Date.now() + 2500).toISOString();
    const id = await approvedAlert(topic, { sendAt });
    expect((await message(id)).status).toBe('scheduled');
    await t.db.query(`ALTER TABLE message_versions DISABLE TRIGGER USER`);
    await t.db.query(
      `UPDATE message_versions SET content = jsonb_set(content, '{parameters,0}', '"Roads closed, stay home"') WHERE message_id = $1`,
      [id],
    );
    await t.db.query(`ALTER TABLE message_versions ENABLE TRIGGER USER`);
    const refused = await eventually(
      () => message(id),
      (m) => m.status === 'cancelled',
      10_000,
    );
    expect(refused.status).toBe('cancelled');
    expect(refused.cancelReason).toMatch(/no longer matches/);
    expect(receivedBy(await handsets(), audience)).toEqual([]);
    const audit = await t.db.query(
      `SELECT 1 FROM audit_events WHERE type = 'message.dispatch_refused' AND message_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('reports the funnel over time and the failures by reason', async () => {
    const topic = await freshTopic();
    await setThroughput(200);
    const reachable = numbers(3);
    const notOnWhatsApp = '+447400990000' as E164;
    const failsLater = '+447400990001' as E164;
    await seedSubscribers(t.app, t.db, [...reachable, notOnWhatsApp, failsLater], {
      areas: ['northfield'],
      topics: [topic],
    });
    const id = await approvedAlert(topic);
    const processor = t.app.get(WebhookProcessor);
    const report = async () => {
      await processor.settle();
      const response = await t.http
        .get(`/api/v1/messages/${id}/delivery`)
        .set(council.bearer(council.comms));
      expect(response.status).toBe(200);
      return response.body as {
        delivery: Record<string, number>;
        intervalSeconds: number;
        funnel: { at: string; sent: number; delivered: number; read: number; failed: number }[];
        failures: { code: string; count: number }[];
      };
    };
    const done = await eventually(report, (r) => r.delivery.failed === 2 && r.delivery.read === 3);
    expect(done.delivery).toMatchObject({ recipients: 5, sent: 3, failed: 2 });
    const last = done.funnel.at(-1)!;
    expect(last).toMatchObject({ sent: 3, delivered: 3, read: 3, failed: 2 });
    // Running totals never go down.
    for (const [a, b] of done.funnel.slice(1).map((p, i) => [done.funnel[i], p])) {
      expect(b.sent).toBeGreaterThanOrEqual(a.sent);
      expect(Date.parse(b.at) - Date.parse(a.at)).toBe(done.intervalSeconds * 1000);
    }
    // Not on WhatsApp, at once or after acceptance: the one reason, counted together.
    expect(done.failures).toEqual([
      expect.objectContaining({ code: '131026', failureClass: 'recipient', count: 2 }),
    ]);
  });

  it('lists every version of a message with who wrote it', async () => {
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    const edited = await t.http
      .patch(`/api/v1/messages/${created.body.id}`)
      .set(council.bearer(council.comms))
      .send({
        priority: 'routine',
        content: {
          ...templateMessage(council.channels.corporate).content,
          parameters: ['Bins delayed by a day.'],
        },
      });
    expect(edited.status).toBe(200);
    const response = await t.http
      .get(`/api/v1/messages/${created.body.id}/versions`)
      .set(council.bearer(council.officer));
    expect(response.status).toBe(200);
    const { items } = response.body as {
      items: { version: number; editedBy: string; contentHash: string; content: unknown }[];
    };
    expect(items.map((v) => [v.version, v.editedBy])).toEqual([
      [1, council.officer.id],
      [2, council.comms.id],
    ]);
    expect(items[1].content).toMatchObject({ parameters: ['Bins delayed by a day.'] });
    expect(items[0].contentHash).not.toBe(items[1].contentHash);
  });

  describe('after an erasure', () => {
    const erase = async (phone: E164) => {
      const response = await t.http
        .post('/api/v1/privacy/erasure')
        .set(council.bearer(council.admin))
        .send({ phone });
      expect(response.status).toBe(200);
    };

    it('does not send a new alert to the erased number', async () => {
      const topic = await freshTopic();
      await setThroughput(200);
      const [erased, ...others] = numbers(4);
      await seedSubscribers(t.app, t.db, [erased, ...others], {
        areas: ['northfield'],
        topics: [topic],
      });
      await erase(erased);

      const id = await approvedAlert(topic);
      const done = await eventually(
        () => message(id),
        (m) => m.status === 'sent',
      );
      expect(done.delivery).toMatchObject({ recipients: 3, sent: 3, notSent: 0 });
      expect(receivedBy(await handsets(), [erased])).toEqual([]);
      expect(receivedBy(await handsets(), others)).toHaveLength(3);
    });

    it('does not send to a number erased while the alert is going out', async () => {
      const topic = await freshTopic();
      await setThroughput(10);
      const audience = numbers(20);
      await seedSubscribers(t.app, t.db, audience, { areas: ['northfield'], topics: [topic] });
      const id = await approvedAlert(topic);
      await eventually(handsets, (all) => receivedBy(all, audience).length >= 3);
      const { PhoneVault } = await import('../src/phone-numbers/phone-vault.js');
      const vault = t.app.get(PhoneVault);
      // The last in line, whose place no worker has taken yet.
      const [last] = await t.db.query<{ phone_hash: string }>(
        `SELECT s.phone_hash FROM message_recipients r JOIN subscribers s ON s.id = r.subscriber_id
          WHERE r.message_id = $1 ORDER BY r.position DESC LIMIT 1`,
        [id],
      );
      const erased = audience.find((n) => vault.lookupHash(n) === last.phone_hash)!;
      await erase(erased);

      const done = await eventually(
        () => message(id),
        (m) => m.status === 'sent',
      );
      expect(done.delivery).toMatchObject({ recipients: 20, sent: 19, notSent: 1 });
      expect(receivedBy(await handsets(), [erased])).toEqual([]);
    });
  });

  it('sends a message with no matching residents and marks it sent', async () => {
    const created = await api.create(
      council.officer,
      templateMessage(council.channels.corporate, {
        audience: { areas: ['southbank'], topics: ['youth'] },
      }),
    );
    await api.submit(council.officer, created.body.id);
    await api.approve(council.comms, created.body.id, 1);
    const done = await eventually(
      () => message(created.body.id),
      (m) => m.status === 'sent',
    );
    expect(done.delivery).toMatchObject({ recipients: 0, sent: 0 });
  });
});

describe("WhatsApp's messaging limit", () => {
  let limited: TestApp;
  let c: Council;

  beforeAll(async () => {
    limited = await startTestApp('fanout_limit', { env: { WHATSAPP_MESSAGING_LIMIT: '5' } });
    c = await setUpCouncil(limited);
  });
  afterAll(() => limited.close());

  it('refuses at sign-off an alert that would go over it, and sends one that fits', async () => {
    const limitedApi = messageApi(limited, c);
    await seedSubscribers(
      limited.app,
      limited.db,
      [1, 2, 3, 4, 5, 6].map((n) => residentNumber(5000 + n)),
      {
        areas: ['northfield'],
        topics: ['gritting'],
      },
    );
    await seedSubscribers(
      limited.app,
      limited.db,
      [7, 8].map((n) => residentNumber(5000 + n)),
      {
        areas: ['southbank'],
        topics: ['gritting'],
      },
    );
    const tooMany = await limitedApi.create(c.officer, templateMessage(c.channels.corporate));
    await limitedApi.submit(c.officer, tooMany.body.id);
    const refused = await limitedApi.approve(c.comms, tooMany.body.id, 1);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'MESSAGING_LIMIT_EXCEEDED',
      details: { limit: 5, alertWouldAdd: 6, alreadyReached: 0 },
    });
    expect((await limitedApi.get(c.comms, tooMany.body.id)).body.status).toBe('in_review');

    const fits = await limitedApi.create(
      c.officer,
      templateMessage(c.channels.corporate, {
        audience: { areas: ['southbank'], topics: ['gritting'] },
      }),
    );
    await limitedApi.submit(c.officer, fits.body.id);
    expect((await limitedApi.approve(c.comms, fits.body.id, 1)).status).toBe(200);
  });
});
