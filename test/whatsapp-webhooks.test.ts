import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveriesService } from '../src/deliveries/deliveries.service.js';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import {
  type ResidentMessage,
  WhatsAppEvents,
  type DeliveryFailed,
} from '../src/whatsapp/inbound/whatsapp-events.js';
import { WebhookProcessor } from '../src/whatsapp/webhooks/webhook-processor.service.js';
import { type Council, setUpCouncil } from './support/council.js';
import {
  inboundPayload,
  type InboundMessage,
  sign,
  statusPayload,
} from './support/meta-payloads.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** POST /webhooks/whatsapp and GET's handshake, with Meta's documented payloads. */

const SECRET = 'webhook-test-app-secret';
const VERIFY_TOKEN = 'webhook-verify-token';
const COUNCIL_NUMBER_ID = '200000000000001';
const RESIDENT_WA_ID = '447400123456';
const RESIDENT = '+447400123456' as E164;

let t: TestApp;
let council: Council;
let processor: WebhookProcessor;
let wamidCounter = 0;
const claimed: ResidentMessage[] = [];
const failures: DeliveryFailed[] = [];

const nextWamid = () => `wamid.TEST${Date.now()}${(wamidCounter += 1)}`;
const at = (second: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, second));

function post(body: unknown, options: { secret?: string; signature?: string | null } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const request = t.http.post('/webhooks/whatsapp').set('content-type', 'application/json');
  const signature =
    options.signature === undefined ? sign(raw, options.secret ?? SECRET) : options.signature;
  if (signature !== null) request.set('x-hub-signature-256', signature);
  return request.send(raw);
}

async function counts() {
  const [row] = await t.db.query<{ inbox: string; receipts: string; inbound: string }>(
    `SELECT (SELECT count(*) FROM whatsapp_webhook_inbox) AS inbox,
            (SELECT count(*) FROM delivery_receipts) AS receipts,
            (SELECT count(*) FROM inbound_messages) AS inbound`,
  );
  return {
    inbox: Number(row.inbox),
    receipts: Number(row.receipts),
    inbound: Number(row.inbound),
  };
}

async function newDelivery(providerMessageId: string | null): Promise<string> {
  const vault = t.app.get(PhoneVault);
  const deliveries = t.app.get(DeliveriesService);
  const id = await deliveries.create({
    channelId: council.channels.corporate,
    messageId: null,
    messageVersion: null,
    purpose: 'test',
    requestedBy: null,
    recipientPhoneSealed: vault.encrypt(RESIDENT),
    recipientPhoneHash: vault.lookupHash(RESIDENT),
    provider: 'whatsapp-cloud-api',
  });
  if (providerMessageId) await deliveries.accepted(id, providerMessageId, 1);
  return id;
}

async function delivery(id: string) {
  const [row] = await t.db.query<{
    status: string;
    sent_at: Date | null;
    delivered_at: Date | null;
    read_at: Date | null;
    failure_code: string | null;
  }>(
    `SELECT status, sent_at, delivered_at, read_at, failure_code FROM message_deliveries WHERE id = $1`,
    [id],
  );
  return row;
}

const postStatus = (
  id: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  second: number,
  errorCode?: number,
) =>
  post(
    statusPayload(COUNCIL_NUMBER_ID, {
      id,
      status,
      recipient: RESIDENT_WA_ID,
      at: at(second),
      ...(errorCode ? { errorCode } : {}),
    }),
  );

beforeAll(async () => {
  t = await startTestApp('webhooks', {
    env: {
      WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9',
      WHATSAPP_ACCESS_TOKEN: 'unused-access-token',
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    },
  });
  council = await setUpCouncil(t);
  processor = t.app.get(WebhookProcessor);
  const events = t.app.get(WhatsAppEvents);
  events.onResidentMessage('test-pothole-handler', (message) => {
    if (message.body?.trim().toUpperCase() !== 'POTHOLE') return Promise.resolve(false);
    claimed.push(message);
    return Promise.resolve(true);
  });
  events.onDeliveryFailed((event) => {
    failures.push(event);
    return Promise.resolve();
  });
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => {
  claimed.length = 0;
  failures.length = 0;
});

describe("GET /webhooks/whatsapp (Meta's verification handshake)", () => {
  it('echoes the challenge as plain text when the verify token matches', async () => {
    const response = await t.http.get('/webhooks/whatsapp').query({
      'hub.mode': 'subscribe',
      'hub.verify_token': VERIFY_TOKEN,
      'hub.challenge': '1158201444',
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('1158201444');
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
  });

  it.each([
    [{ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong-token', 'hub.challenge': '1' }],
    [{ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }],
    [{ 'hub.challenge': '1' }],
  ])('answers 403 to %j', async (query) => {
    const response = await t.http.get('/webhooks/whatsapp').query(query);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'WEBHOOK_VERIFY_TOKEN_MISMATCH' });
  });

  it('does not reflect a challenge that is not a token', async () => {
    const response = await t.http.get('/webhooks/whatsapp').query({
      'hub.mode': 'subscribe',
      'hub.verify_token': VERIFY_TOKEN,
      'hub.challenge': '<script>alert(1)</script>',
    });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('<script>');
  });
});

describe('POST /webhooks/whatsapp: signatures', () => {
  const body = () =>
    statusPayload(COUNCIL_NUMBER_ID, {
      id: nextWamid(),
      status: 'sent',
      recipient: RESIDENT_WA_ID,
      at: at(1),
    });

  it.each([
    ['missing', { signature: null }],
    ['signed with another secret (forged)', { secret: 'not-the-app-secret' }],
    ['malformed', { signature: 'sha256=not-hex' }],
    ['sha1 instead of sha256', { signature: 'sha1=0123456789abcdef0123456789abcdef01234567' }],
  ])('answers 401 and stores nothing when the signature is %s', async (_label, options) => {
    const before = await counts();
    const response = await post(body(), options);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    await processor.settle();
    expect(await counts()).toEqual(before);
  });

  it('refuses a genuine signature replayed onto a different body', async () => {
    const original = JSON.stringify(body());
    const signature = sign(original, SECRET);
    const altered = original.replace('"sent"', '"read"');
    const before = await counts();
    expect((await post(altered, { signature })).status).toBe(401);
    await processor.settle();
    expect(await counts()).toEqual(before);
  });

  it('acts once on a whole callback replayed byte for byte (Meta also resends)', async () => {
    const wamid = nextWamid();
    const id = await newDelivery(wamid);
    const raw = JSON.stringify(
      statusPayload(COUNCIL_NUMBER_ID, {
        id: wamid,
        status: 'delivered',
        recipient: RESIDENT_WA_ID,
        at: at(2),
      }),
    );
    for (let i = 0; i < 3; i += 1) expect((await post(raw)).status).toBe(200);
    await processor.settle();
    const [row] = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM delivery_receipts WHERE provider_message_id = $1`,
      [wamid],
    );
    expect(Number(row.n)).toBe(1);
    expect((await delivery(id)).status).toBe('delivered');
  });
});

describe('POST /webhooks/whatsapp: bad payloads', () => {
  it.each([
    ['not JSON', '{"object": "whatsapp_business_account", "entry": [', 'MALFORMED_JSON'],
    ['not an envelope', JSON.stringify({ hello: 'world' }), 'WEBHOOK_PAYLOAD_INVALID'],
    [
      'entry not an array',
      JSON.stringify({ object: 'whatsapp_business_account', entry: {} }),
      'WEBHOOK_PAYLOAD_INVALID',
    ],
    [
      'a change without a value',
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ changes: [{ field: 'messages' }] }],
      }),
      'WEBHOOK_PAYLOAD_INVALID',
    ],
    ['a JSON array', '[]', 'WEBHOOK_PAYLOAD_INVALID'],
  ])('answers 400 to %s and stores nothing', async (_label, raw, code) => {
    const before = await counts();
    const response = await post(raw);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: code });
    await processor.settle();
    expect(await counts()).toEqual(before);
  });

  it("answers 413 to a body over Meta's 3 MB and stores nothing", async () => {
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [],
      padding: 'x'.repeat(3 * 1024 * 1024),
    });
    const before = await counts();
    const response = await post(raw);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await counts()).toEqual(before);
  });

  it("accepts a large but allowed callback (over the API's 256 KiB)", async () => {
    const payload = statusPayload(COUNCIL_NUMBER_ID, {
      id: nextWamid(),
      status: 'sent',
      recipient: RESIDENT_WA_ID,
      at: at(1),
    });
    const raw = JSON.stringify({ ...payload, padding: 'x'.repeat(1024 * 1024) });
    expect((await post(raw)).status).toBe(200);
  });
});

describe('POST /webhooks/whatsapp: statuses', () => {
  it("records each of Meta's statuses as a receipt with its own time", async () => {
    const wamid = nextWamid();
    const id = await newDelivery(wamid);
    await postStatus(wamid, 'sent', 1);
    await processor.settle();
    expect(await delivery(id)).toMatchObject({ status: 'sent', sent_at: at(1) });
    await postStatus(wamid, 'delivered', 5);
    await processor.settle();
    expect(await delivery(id)).toMatchObject({ status: 'delivered', delivered_at: at(5) });
    await postStatus(wamid, 'read', 9);
    await processor.settle();
    expect(await delivery(id)).toMatchObject({
      status: 'read',
      sent_at: at(1),
      delivered_at: at(5),
      read_at: at(9),
    });
  });

  it('ends read however duplicated and reordered the callbacks are', async () => {
    const wamid = nextWamid();
    const id = await newDelivery(wamid);
    for (const [status, second] of [
      ['read', 9],
      ['read', 9],
      ['sent', 1],
      ['delivered', 5],
      ['sent', 1],
      ['delivered', 5],
    ] as const) {
      expect((await postStatus(wamid, status, second)).status).toBe(200);
      await processor.settle();
      // Once read it stays read: no older status moves it back.
      expect((await delivery(id)).status).toBe('read');
    }
    expect(await delivery(id)).toMatchObject({
      sent_at: at(1),
      delivered_at: at(5),
      read_at: at(9),
    });
  });

  it('ends read when every callback arrives at once, concurrently', async () => {
    const wamid = nextWamid();
    const id = await newDelivery(wamid);
    const statuses = ['delivered', 'sent', 'read', 'delivered', 'read', 'sent'] as const;
    const responses = await Promise.all(
      statuses.map((status, i) =>
        postStatus(wamid, status, i < 3 ? [5, 1, 9][i] : [5, 9, 1][i - 3]),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(statuses.map(() => 200));
    await processor.settle();
    expect(await delivery(id)).toMatchObject({
      status: 'read',
      sent_at: at(1),
      delivered_at: at(5),
      read_at: at(9),
    });
  });

  it('applies receipts that arrive before Crier has stored the id the send returned', async () => {
    const wamid = nextWamid();
    await postStatus(wamid, 'sent', 1);
    await postStatus(wamid, 'read', 9);
    await processor.settle();
    const id = await newDelivery(wamid);
    expect(await delivery(id)).toMatchObject({ status: 'read', sent_at: at(1), read_at: at(9) });
  });

  it('records a failure with its code and tells subscribers, suppressing on "user stopped"', async () => {
    const wamid = nextWamid();
    const id = await newDelivery(wamid);
    await postStatus(wamid, 'sent', 1);
    await postStatus(wamid, 'failed', 2, 131050);
    await processor.settle();
    expect(await delivery(id)).toMatchObject({ status: 'failed', failure_code: '131050' });
    expect(failures).toEqual([
      expect.objectContaining({
        deliveryId: id,
        code: '131050',
        class: 'recipient',
        suppressRecipient: true,
      }),
    ]);
  });

  it('pauses the channel when a later failure says the account is restricted', async () => {
    const wamid = nextWamid();
    await newDelivery(wamid);
    await postStatus(wamid, 'failed', 2, 131031);
    await processor.settle();
    const channel = await t.http
      .get(`/api/v1/channels/${council.channels.corporate}`)
      .set(council.bearer(council.admin));
    expect((channel.body as { sending: object }).sending).toMatchObject({
      active: false,
      pausedCode: '131031',
    });
    const resumed = await t.http
      .post(`/api/v1/channels/${council.channels.corporate}/resume-sending`)
      .set(council.bearer(council.admin));
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ sending: { active: true } });
  });
});

describe("POST /webhooks/whatsapp: residents' messages", () => {
  /** A resident's message in Meta's shape, and the wamid it carries. */
  const inbound = (
    message: Omit<InboundMessage, 'wamid' | 'from' | 'at'> & Partial<InboundMessage>,
    phoneNumberId = COUNCIL_NUMBER_ID,
  ) => {
    const wamid = nextWamid();
    const payload = inboundPayload(phoneNumberId, {
      wamid,
      from: RESIDENT_WA_ID,
      at: at(30),
      ...message,
    } as InboundMessage);
    return { payload, wamid };
  };

  async function stored(wamid: string) {
    const [row] = await t.db.query<{
      channel_id: string;
      kind: string;
      body: string | null;
      reply_id: string | null;
      context_provider_message_id: string | null;
      from_phone_sealed: string;
      from_phone_hash: string;
      handled_by: string | null;
      sent_at: Date;
    }>(`SELECT * FROM inbound_messages WHERE provider_message_id = $1`, [wamid]);
    return row;
  }

  it("stores a text in the channel's inbox, with the number sealed and findable by its hash", async () => {
    const { payload, wamid } = inbound({ type: 'text', body: 'Is the tip open on Sunday?' });
    expect((await post(payload)).status).toBe(200);
    await processor.settle();
    const row = await stored(wamid);
    const vault = t.app.get(PhoneVault);
    expect(row).toMatchObject({
      channel_id: council.channels.corporate,
      kind: 'text',
      body: 'Is the tip open on Sunday?',
      handled_by: null,
      sent_at: at(30),
    });
    expect(row.from_phone_sealed).not.toContain(RESIDENT_WA_ID);
    expect(vault.decrypt(row.from_phone_sealed)).toBe(RESIDENT);
    expect(row.from_phone_hash).toBe(vault.lookupHash(RESIDENT));
  });

  it.each([
    [
      { type: 'button_reply', buttonId: 'poll-yes', title: 'Yes', context: 'wamid.ASKED' },
      { kind: 'button_reply', reply_id: 'poll-yes', body: 'Yes' },
    ],
    [
      {
        type: 'list_reply',
        rowId: 'area-north',
        title: 'Northfield',
        description: 'Ward',
        context: 'wamid.ASKED',
      },
      { kind: 'list_reply', reply_id: 'area-north', body: 'Northfield' },
    ],
    [
      { type: 'quick_reply', payload: 'STOP_ALERTS', text: 'Stop alerts', context: 'wamid.ASKED' },
      { kind: 'quick_reply', reply_id: 'STOP_ALERTS', body: 'Stop alerts' },
    ],
    [{ type: 'image' }, { kind: 'other', reply_id: null, body: null }],
  ] as const)("reads Meta's %j shape", async (message, expected) => {
    const { payload, wamid } = inbound(message);
    expect((await post(payload)).status).toBe(200);
    await processor.settle();
    expect(await stored(wamid)).toMatchObject({
      ...expected,
      context_provider_message_id: 'context' in message ? 'wamid.ASKED' : null,
    });
  });

  it('hands messages to subscribed modules, once, and keeps the rest in the inbox', async () => {
    const { payload: pothole, wamid: potholeWamid } = inbound({ type: 'text', body: 'pothole' });
    const raw = JSON.stringify(pothole);
    await post(raw);
    await post(raw);
    await processor.settle();
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({
      channelId: council.channels.corporate,
      from: RESIDENT,
      body: 'pothole',
      kind: 'text',
    });
    expect((await stored(potholeWamid)).handled_by).toBe('test-pothole-handler');
  });

  it("skips messages to a number that is none of the council's channels", async () => {
    const { payload, wamid } = inbound({ type: 'text', body: 'hello' }, '999999999999999');
    expect((await post(payload)).status).toBe(200);
    await processor.settle();
    expect(await stored(wamid)).toBeUndefined();
    expect((await counts()).inbox).toBe(0);
  });
});

describe('processing: nothing lost when something fails', () => {
  it('keeps a callback it cannot process, with the error, and still processes the others', async () => {
    const vault = t.app.get(PhoneVault);
    // A stored callback that cannot be read (as if written by a buggy or older version).
    await t.db.query(`INSERT INTO whatsapp_webhook_inbox (payload_sealed) VALUES ($1)`, [
      vault.sealBytes(Buffer.from('{"object": "whatsapp_business_account", "entry": [')),
    ]);
    const wamid = nextWamid();
    const id = await newDelivery(wamid);
    await postStatus(wamid, 'delivered', 5);
    await processor.settle();
    expect(await delivery(id)).toMatchObject({ status: 'delivered' });
    const stuck = await t.db.query<{ failed_attempts: number; last_error: string }>(
      `SELECT failed_attempts, last_error FROM whatsapp_webhook_inbox`,
    );
    expect(stuck).toHaveLength(1);
    expect(stuck[0].failed_attempts).toBeGreaterThanOrEqual(1);
    expect(stuck[0].last_error).toMatch(/JSON/);
    await t.db.query(`DELETE FROM whatsapp_webhook_inbox`);
  });
});
