import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSimulatorConfig } from '../src/config/simulator-config.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/start-simulator.js';

/** The WhatsApp Cloud API simulator over real HTTP, as a client of the real API would use it. */

const TOKEN = 'test-token';
const SECRET = 'test-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const RESIDENT = '+447400123456';
const THROUGHPUT = 5;

interface ReceivedWebhook {
  raw: string;
  headers: IncomingHttpHeaders;
  body: WebhookBody;
}
interface WebhookValue {
  metadata: { phone_number_id: string };
  statuses?: { id: string; status: string; recipient_id: string }[];
  messages?: {
    from: string;
    type: string;
    text?: { body: string };
    interactive?: { button_reply: { id: string; title: string } };
    context?: { id: string };
  }[];
}
interface WebhookBody {
  object: string;
  entry: { changes: { field: string; value: WebhookValue }[] }[];
}
interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_data: { messaging_product: string; details: string };
    fbtrace_id: string;
  };
}

/** A local webhook receiver that can be told to fail its next few deliveries. */
const receiver = { received: [] as ReceivedWebhook[], failNext: 0, attempts: 0 };
let receiverServer: Server;
let simulator: RunningSimulator;
let now = Date.parse('2026-03-01T09:00:00Z');

beforeAll(async () => {
  receiverServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.attempts += 1;
      if (receiver.failNext > 0) {
        receiver.failNext -= 1;
        response.writeHead(500).end();
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      receiver.received.push({
        raw,
        headers: request.headers,
        body: JSON.parse(raw) as WebhookBody,
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiverServer.listen(0, '127.0.0.1', resolve));
  const { port } = receiverServer.address() as AddressInfo;
  const config = {
    ...loadSimulatorConfig({
      SIM_PORT: '0',
      SIM_WEBHOOK_URL: `http://127.0.0.1:${port}/webhook`,
      SIM_APP_SECRET: SECRET,
      SIM_ACCESS_TOKEN: TOKEN,
      SIM_THROUGHPUT: String(THROUGHPUT),
    }),
    statusDelayMs: 1,
    webhookRetryBaseMs: 5,
    webhookMaxAttempts: 4,
  };
  simulator = await startSimulator(config, { clock: () => now });
});

afterAll(async () => {
  await simulator?.close();
  await new Promise((resolve) => receiverServer?.close(resolve));
});

beforeEach(async () => {
  await post('/_sim/reset', {});
  receiver.received = [];
  receiver.failNext = 0;
  receiver.attempts = 0;
});

async function post(
  path: string,
  body: unknown,
  token: string | null = TOKEN,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const send = (body: unknown, token: string | null = TOKEN) =>
  post(`/v21.0/${PHONE_NUMBER_ID}/messages`, body, token);

const alert = (to = RESIDENT, name = 'area_alert', parameters = ['Road closed on High St']) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'template',
  template: {
    name,
    language: { code: 'en_GB' },
    components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }],
  },
});

const text = (to = RESIDENT, body = 'Thanks for your reply') => ({
  messaging_product: 'whatsapp',
  to,
  type: 'text',
  text: { preview_url: false, body },
});

/** Asserts Meta's error envelope with this code and returns it. */
function expectGraphError(
  result: { status: number; body: unknown },
  status: number,
  code: number,
): GraphErrorBody['error'] {
  expect(result.status).toBe(status);
  const { error } = result.body as GraphErrorBody;
  expect(error).toMatchObject({
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp' },
  });
  expect(error.message).toMatch(new RegExp(`^\\(#${code}\\) \\S`));
  expect(error.error_data.details).toEqual(expect.any(String));
  expect(error.fbtrace_id).toMatch(/^\S{8,}$/);
  return error;
}

async function waitFor<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function statusesFor(id: string): string[] {
  return receiver.received.flatMap(
    (w) =>
      w.body.entry[0].changes[0].value.statuses?.filter((s) => s.id === id).map((s) => s.status) ??
      [],
  );
}

function validSignature(webhook: ReceivedWebhook): boolean {
  const header = webhook.headers['x-hub-signature-256'];
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', SECRET).update(webhook.raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('sending', () => {
  it('refuses a missing or wrong token with 401 and code 190', async () => {
    expectGraphError(await send(alert(), null), 401, 190);
    expectGraphError(await send(alert(), 'wrong-token'), 401, 190);
  });

  it('accepts an approved template and answers with Meta success shape and a wamid', async () => {
    const result = await send(alert());
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: RESIDENT, wa_id: '447400123456' }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]{20,}$/) as unknown }],
    });
    const second = (await send(alert())).body as { messages: { id: string }[] };
    const first = (result.body as { messages: { id: string }[] }).messages[0].id;
    expect(second.messages[0].id).not.toBe(first);
  });

  it('answers validation errors with HTTP 400 and codes 100, 131008 and 131009', async () => {
    expectGraphError(await send('{not json'), 400, 100);
    expectGraphError(await send({ ...text(), messaging_product: 'sms' }), 400, 100);
    expectGraphError(await send(text('call me maybe')), 400, 100);
    expectGraphError(await send({ ...text(), type: 'video' }), 400, 100);
    expectGraphError(
      await send({ messaging_product: 'whatsapp', type: 'text', text: {} }),
      400,
      131008,
    );
    expectGraphError(await send(text(RESIDENT, 'x'.repeat(4097))), 400, 131009);
    const fourButtons = Array.from({ length: 4 }, (_, i) => ({
      type: 'reply',
      reply: { id: `b${i}`, title: 'Yes' },
    }));
    expectGraphError(
      await send({
        messaging_product: 'whatsapp',
        to: RESIDENT,
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: fourButtons } },
      }),
      400,
      131009,
    );
  });

  it('answers 132001 for an unknown template and 132000 for the wrong parameter count', async () => {
    expectGraphError(await send(alert(RESIDENT, 'flood_warning')), 400, 132001);
    expectGraphError(await send(alert(RESIDENT, 'area_alert', ['a', 'b'])), 400, 132000);
  });

  it('refuses free text outside the 24-hour window and accepts it after the resident writes', async () => {
    expectGraphError(await send(text()), 400, 131047);
    const inbound = await post('/_sim/inbound', {
      from: RESIDENT,
      phoneNumberId: PHONE_NUMBER_ID,
      text: 'What roads?',
    });
    expect(inbound.status).toBe(200);
    expect((await send(text())).status).toBe(200);
    now += 24 * 60 * 60 * 1000; // The window closes 24 hours after the resident wrote.
    expectGraphError(await send(text()), 400, 131047);
    expect((await send(alert())).status).toBe(200); // Templates need no window.
  });

  it('answers 131026 for a number not on WhatsApp (digits ending 0000)', async () => {
    expectGraphError(await send(alert('+447400120000')), 400, 131026);
  });

  it(`answers 130429 beyond ${THROUGHPUT} messages a second per number, and recovers`, async () => {
    const recipients = Array.from({ length: THROUGHPUT + 1 }, (_, i) => `+4474001234${10 + i}`);
    const results = [];
    for (const to of recipients) results.push(await send(alert(to)));
    expect(results.slice(0, THROUGHPUT).map((r) => r.status)).toEqual(Array(THROUGHPUT).fill(200));
    expectGraphError(results[THROUGHPUT], 400, 130429);
    // Another number has its own allowance.
    const other = await post('/v21.0/999999999999999/messages', alert());
    expect(other.status).toBe(200);
    now += 1001;
    expect((await send(alert())).status).toBe(200);
  });

  it('answers 131056 past 10 messages to the same user within 60 seconds', async () => {
    for (let i = 0; i < 10; i += 1) {
      now += 1100; // Stay under the throughput limit; the pair window is 60 s.
      expect((await send(alert())).status).toBe(200);
    }
    expectGraphError(await send(alert()), 400, 131056);
    expect((await send(alert('+447400999111'))).status).toBe(200); // Other users are unaffected.
    now += 60_000;
    expect((await send(alert())).status).toBe(200);
  });
});

describe('control routes', () => {
  it('lists what reached a handset, in order, however the number is written', async () => {
    await send(alert(RESIDENT, 'area_alert', ['first']));
    await send(alert('+447400999111', 'area_alert', ['other']));
    await send(alert(RESIDENT, 'area_alert', ['second']));
    const response = await fetch(
      `${simulator.url}/_sim/messages?to=${encodeURIComponent('+44 7400 123456')}`,
    );
    const { items } = (await response.json()) as {
      items: {
        id: string;
        to: string;
        phoneNumberId: string;
        type: string;
        payload: unknown;
        at: string;
      }[];
    };
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      id: expect.stringMatching(/^wamid\./) as unknown,
      to: RESIDENT,
      phoneNumberId: PHONE_NUMBER_ID,
      type: 'template',
      at: new Date(now).toISOString(),
    });
    expect(items.map((i) => JSON.stringify(i.payload))).toEqual([
      expect.stringContaining('first'),
      expect.stringContaining('second'),
    ]);
  });

  it('reset forgets messages and windows', async () => {
    await send(alert());
    await post('/_sim/inbound', { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, text: 'hi' });
    expect((await post('/_sim/reset', {})).status).toBe(200);
    const response = await fetch(
      `${simulator.url}/_sim/messages?to=${encodeURIComponent(RESIDENT)}`,
    );
    expect(await response.json()).toEqual({ items: [] });
    expectGraphError(await send(text()), 400, 131047);
  });

  it('injects outages, errors and latency, and clears them', async () => {
    expect((await post('/_sim/faults', { outage: true })).status).toBe(200);
    expectGraphError(await send(alert()), 503, 2);
    await post('/_sim/faults', { errorRate: 1, errorCode: 131000 });
    expectGraphError(await send(alert()), 500, 131000);
    await post('/_sim/faults', { errorRate: 1, errorCode: 130429 });
    expectGraphError(await send(alert()), 400, 130429);
    await post('/_sim/faults', { latencyMs: 150 });
    const started = Date.now();
    expect((await send(alert())).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await post('/_sim/faults', { errorRate: 2 })).status).toBe(400);
    await post('/_sim/faults', {});
    expect((await send(alert())).status).toBe(200);
  });
});

describe('webhooks', () => {
  it('reports sent, delivered and read, signed with the app secret in Meta envelope', async () => {
    const id = ((await send(alert())).body as { messages: { id: string }[] }).messages[0].id;
    await waitFor(() => (statusesFor(id).length === 3 ? true : undefined));
    expect(statusesFor(id)).toEqual(['sent', 'delivered', 'read']);
    for (const webhook of receiver.received) {
      expect(validSignature(webhook)).toBe(true);
      expect(webhook.body.object).toBe('whatsapp_business_account');
      expect(webhook.body.entry[0].changes[0]).toMatchObject({
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { phone_number_id: PHONE_NUMBER_ID },
          statuses: [{ id, recipient_id: '447400123456' }],
        },
      });
    }
    // A tampered body must not verify: the check is on the exact raw bytes.
    const tampered = {
      ...receiver.received[0],
      raw: receiver.received[0].raw.replace('sent', 'read'),
    };
    expect(validSignature(tampered)).toBe(false);
  });

  it('retries with backoff when the receiver does not answer 200', async () => {
    receiver.failNext = 2;
    const id = ((await send(alert())).body as { messages: { id: string }[] }).messages[0].id;
    await waitFor(() => (statusesFor(id).length === 3 ? true : undefined));
    expect(statusesFor(id)).toEqual(['sent', 'delivered', 'read']);
    expect(receiver.attempts).toBe(5); // Two refused attempts, then three deliveries.
  });

  it('delivers a signed inbound text and a button reply naming the message answered', async () => {
    await post('/_sim/inbound', { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, text: 'STOP' });
    const sent = await send({
      messaging_product: 'whatsapp',
      to: RESIDENT,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Are you safe?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'safe', title: 'I am safe' } }] },
      },
    });
    const contextId = (sent.body as { messages: { id: string }[] }).messages[0].id;
    await post('/_sim/inbound', {
      from: RESIDENT,
      phoneNumberId: PHONE_NUMBER_ID,
      buttonReplyId: 'safe',
      context: contextId,
    });
    const inbound = await waitFor(() => {
      const found = receiver.received.filter((w) => w.body.entry[0].changes[0].value.messages);
      return found.length === 2 ? found : undefined;
    });
    expect(inbound.every(validSignature)).toBe(true);
    const messages = inbound.map((w) => w.body.entry[0].changes[0].value.messages?.[0]);
    expect(messages).toContainEqual(
      expect.objectContaining({ from: '447400123456', type: 'text', text: { body: 'STOP' } }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({
        type: 'interactive',
        context: expect.objectContaining({ id: contextId }) as unknown,
        interactive: { type: 'button_reply', button_reply: { id: 'safe', title: 'I am safe' } },
      }),
    );
  });
});
