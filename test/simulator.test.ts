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
interface WebhookStatus {
  id: string;
  status: string;
  timestamp: string;
  recipient_id: string;
  pricing?: object;
  errors?: { code: number; title: string; message: string; error_data: { details: string } }[];
}
interface WebhookMessage {
  from: string;
  type: string;
  text?: { body: string };
  button?: { payload: string; text: string };
  interactive?: {
    type: string;
    button_reply?: { id: string; title: string };
    list_reply?: { id: string; title: string; description?: string };
  };
  context?: { from: string; id: string };
}
interface WebhookValue {
  metadata: { phone_number_id: string };
  contacts?: { profile: { name: string }; wa_id: string }[];
  statuses?: WebhookStatus[];
  messages?: WebhookMessage[];
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
/** How far each reading of the simulator's clock moves it on: 0 freezes time. */
let clockStepMs = 0;
/** What the simulator's `random` returns: decides which faults and webhook anomalies happen. */
let randomValue = 0.5;

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
      // Off unless a test asks through /_sim/faults, so the order of statuses is predictable.
      SIM_WEBHOOK_DUPLICATE_RATE: '0',
      SIM_WEBHOOK_REORDER_RATE: '0',
    }),
    statusDelayMs: 1,
    webhookRetryBaseMs: 5,
    webhookMaxAttempts: 4,
  };
  simulator = await startSimulator(config, {
    clock: () => (now += clockStepMs),
    random: () => randomValue,
  });
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
  clockStepMs = 0;
  randomValue = 0.5;
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

/** The built-in subscription_confirmation, with these button components. */
const confirmation = (buttons: unknown[], to = RESIDENT) => ({
  messaging_product: 'whatsapp',
  to,
  type: 'template',
  template: {
    name: 'subscription_confirmation',
    language: { code: 'en_GB' },
    components: [
      { type: 'body', parameters: [{ type: 'text', text: 'Confirm your alerts?' }] },
      ...buttons,
    ],
  },
});
const quickReply = (index: unknown, payload: string) => ({
  type: 'button',
  sub_type: 'quick_reply',
  index,
  parameters: [{ type: 'payload', payload }],
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

/** Every status webhook received for one message, in arrival order. */
function statusWebhooksFor(id: string): { webhook: ReceivedWebhook; status: WebhookStatus }[] {
  return receiver.received.flatMap((webhook) =>
    (webhook.body.entry[0].changes[0].value.statuses ?? [])
      .filter((s) => s.id === id)
      .map((status) => ({ webhook, status })),
  );
}

function statusesFor(id: string): string[] {
  return statusWebhooksFor(id).map(({ status }) => status.status);
}

/** Waits for this many status webhooks for the message, then a little longer to catch extras. */
async function statusesAfter(id: string, count: number): Promise<string[]> {
  await waitFor(() => (statusesFor(id).length >= count ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return statusesFor(id);
}

function inboundMessages(): { value: WebhookValue; message: WebhookMessage }[] {
  return receiver.received.flatMap(({ body }) => {
    const { value } = body.entry[0].changes[0];
    return (value.messages ?? []).map((message) => ({ value, message }));
  });
}

const idOf = (result: { body: unknown }) =>
  (result.body as { messages: { id: string }[] }).messages[0].id;

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

  it('answers 132012 for a quick reply the template has no such button for, 100 for a bad index', async () => {
    expect((await send(confirmation([quickReply('1', 'NO')]))).status).toBe(200);
    const missing = expectGraphError(await send(confirmation([quickReply('2', 'X')])), 400, 132012);
    expect(missing.error_data.details).toBe(
      'button at index 2: Format mismatch, expected NONE, received QUICK_REPLY',
    );
    // area_alert has no buttons at all.
    const { template } = alert();
    const withButton = { ...template, components: [...template.components, quickReply('0', 'X')] };
    expectGraphError(await send({ ...alert(), template: withButton }), 400, 132012);
    expectGraphError(await send(confirmation([quickReply('zero', 'X')])), 400, 100);
    expectGraphError(
      await send(
        confirmation([{ ...quickReply('0', 'X'), parameters: [{ type: 'text', text: 'X' }] }]),
      ),
      400,
      100,
    );
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
    const badAsync = await post('/_sim/faults', { asyncFailureRate: 1.5, reorderRate: 'often' });
    expect(badAsync).toEqual({
      status: 400,
      body: {
        error: {
          message: expect.any(String) as unknown,
          problems: [
            'asyncFailureRate must be a number from 0 to 1',
            'reorderRate must be a number from 0 to 1',
          ],
        },
      },
    });
    await post('/_sim/faults', {});
    expect((await send(alert())).status).toBe(200);
  });

  it('overrides the configured webhook rates through faults until cleared', async () => {
    const overridden = await post('/_sim/faults', { duplicateRate: 1, reorderRate: 0.5 });
    expect(overridden.body).toMatchObject({ duplicateRate: 1, reorderRate: 0.5 });
    await post('/_sim/faults', { outage: true });
    // SIM_WEBHOOK_DUPLICATE_RATE and SIM_WEBHOOK_REORDER_RATE are 0 in this file.
    const faults = (await fetch(`${simulator.url}/_sim/faults`).then((r) => r.json())) as object;
    expect(faults).toEqual({
      outage: true,
      errorRate: 0,
      errorCode: 131000,
      latencyMs: 0,
      asyncFailureRate: 0,
      asyncFailureCode: 131026,
      duplicateRate: 0,
      reorderRate: 0,
    });
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
    // Meta names the sender in contacts; with no name given the simulator uses a placeholder.
    expect(inbound[0].body.entry[0].changes[0].value.contacts).toEqual([
      { profile: { name: 'Simulated resident' }, wa_id: '447400123456' },
    ]);
    expect(messages).toContainEqual(
      expect.objectContaining({
        type: 'interactive',
        context: expect.objectContaining({ id: contextId }) as unknown,
        interactive: { type: 'button_reply', button_reply: { id: 'safe', title: 'I am safe' } },
      }),
    );
  });
});

describe('failed statuses', () => {
  it('accepts a number ending 0001, then reports sent and failed with 131026', async () => {
    const result = await send(alert('+447400120001'));
    expect(result.status).toBe(200);
    const id = idOf(result);
    expect(await statusesAfter(id, 2)).toEqual(['sent', 'failed']);
    const failed = statusWebhooksFor(id)[1];
    expect(validSignature(failed.webhook)).toBe(true);
    expect(failed.status).toEqual({
      id,
      status: 'failed',
      timestamp: expect.stringMatching(/^\d+$/) as unknown,
      recipient_id: '447400120001',
      errors: [
        {
          code: 131026,
          title: 'Message undeliverable',
          message: 'Message undeliverable',
          error_data: { details: expect.stringContaining('Undeliverable') as unknown },
          href: expect.stringContaining('error-codes') as unknown,
        },
      ],
    });
    // It never reached the handset.
    const listed = await fetch(`${simulator.url}/_sim/messages?to=%2B447400120001`);
    expect(await listed.json()).toEqual({ items: [] });
  });

  it('fails the asyncFailureRate share of accepted sends with asyncFailureCode', async () => {
    await post('/_sim/faults', { asyncFailureRate: 1 });
    const first = await send(alert());
    expect(first.status).toBe(200);
    expect(await statusesAfter(idOf(first), 2)).toEqual(['sent', 'failed']);
    expect(statusWebhooksFor(idOf(first))[1].status.errors?.[0].code).toBe(131026);

    await post('/_sim/faults', { asyncFailureRate: 1, asyncFailureCode: 131000 });
    const second = await send(alert('+447400999111'));
    await statusesAfter(idOf(second), 2);
    expect(statusWebhooksFor(idOf(second))[1].status.errors?.[0]).toMatchObject({
      code: 131000,
      title: 'Something went wrong',
    });

    // A share: with random() at 0.5, a rate of 0.4 fails nothing.
    await post('/_sim/faults', { asyncFailureRate: 0.4 });
    const third = await send(alert('+447400999222'));
    expect(await statusesAfter(idOf(third), 3)).toEqual(['sent', 'delivered', 'read']);
  });
});

describe('duplicate and out-of-order webhooks', () => {
  it('delivers every status twice, byte for byte, at duplicateRate 1', async () => {
    await post('/_sim/faults', { duplicateRate: 1 });
    const id = idOf(await send(alert()));
    expect(await statusesAfter(id, 6)).toEqual([
      'sent',
      'sent',
      'delivered',
      'delivered',
      'read',
      'read',
    ]);
    const [original, copy] = statusWebhooksFor(id).map(({ webhook }) => webhook);
    expect(copy.raw).toBe(original.raw);
    expect(copy.headers['x-hub-signature-256']).toBe(original.headers['x-hub-signature-256']);
  });

  it('lets read overtake delivered, keeping the time each happened', async () => {
    await post('/_sim/faults', { reorderRate: 1 });
    randomValue = 0.75; // The upper half of the reorder share.
    clockStepMs = 1000;
    const id = idOf(await send(alert()));
    expect(await statusesAfter(id, 3)).toEqual(['sent', 'read', 'delivered']);
    const at = Object.fromEntries(
      statusWebhooksFor(id).map(({ status }) => [status.status, Number(status.timestamp)]),
    );
    expect(at.sent).toBeLessThan(at.delivered);
    expect(at.delivered).toBeLessThan(at.read); // Delivered happened first, though it came last.
  });

  it('sends no delivered when a message is delivered and read at once', async () => {
    await post('/_sim/faults', { reorderRate: 1 });
    randomValue = 0.25; // The lower half of the reorder share.
    const id = idOf(await send(alert()));
    expect(await statusesAfter(id, 2)).toEqual(['sent', 'read']);
  });

  it('lets failed overtake sent', async () => {
    await post('/_sim/faults', { reorderRate: 1 });
    const id = idOf(await send(alert('+447400120001')));
    expect(await statusesAfter(id, 2)).toEqual(['failed', 'sent']);
  });
});

describe('inbound replies', () => {
  it('delivers a template quick-reply tap as type button, naming the template answered', async () => {
    const templateId = idOf(await send(alert()));
    const reply = await post('/_sim/inbound', {
      from: RESIDENT,
      phoneNumberId: PHONE_NUMBER_ID,
      name: 'Ada Lovelace',
      buttonPayload: 'STOP_AREA_ALERTS',
      buttonText: 'Stop these alerts',
      context: templateId,
    });
    expect(reply.status).toBe(200);
    await post('/_sim/inbound', {
      from: RESIDENT,
      phoneNumberId: PHONE_NUMBER_ID,
      buttonPayload: 'MORE_INFO',
      context: { id: templateId },
    });
    const inbound = await waitFor(() => {
      const found = inboundMessages();
      return found.length === 2 ? found : undefined;
    });
    const tapped = inbound.find(({ message }) => message.button?.payload === 'STOP_AREA_ALERTS');
    expect(tapped?.message).toMatchObject({
      from: '447400123456',
      id: (reply.body as { id: string }).id,
      type: 'button',
      button: { payload: 'STOP_AREA_ALERTS', text: 'Stop these alerts' },
      context: { from: '15550783881', id: templateId },
    });
    expect(tapped?.value.contacts).toEqual([
      { profile: { name: 'Ada Lovelace' }, wa_id: '447400123456' },
    ]);
    const untitled = inbound.find(({ message }) => message.button?.payload === 'MORE_INFO');
    expect(untitled?.message.button).toEqual({ payload: 'MORE_INFO', text: 'MORE_INFO' });
    // A tap is the resident writing: the 24-hour window is open.
    expect((await send(text())).status).toBe(200);
  });

  it("shows a template's quick replies with their payloads, and echoes a tap's payload and label", async () => {
    // Button 1 is given no payload: as on Meta's, a tap on it returns its label.
    const sent = await send(confirmation([quickReply(0, 'CONFIRM_SUBSCRIPTION')]));
    const messageId = idOf(sent);
    const listed = (await fetch(`${simulator.url}/_sim/messages`).then((r) => r.json())) as {
      items: { id: string; buttons?: unknown }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: messageId,
        buttons: [
          { type: 'QUICK_REPLY', text: 'Confirm', payload: 'CONFIRM_SUBSCRIPTION' },
          { type: 'QUICK_REPLY', text: 'Not me', payload: 'Not me' },
        ],
      }),
    ]);
    const who = { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, context: messageId };
    const confirm = await post('/_sim/inbound', { ...who, buttonPayload: 'CONFIRM_SUBSCRIPTION' });
    expect(confirm.status).toBe(200);
    expect((await post('/_sim/inbound', { ...who, buttonPayload: 'Not me' })).status).toBe(200);
    const taps = await waitFor(() => {
      const found = inboundMessages().map(({ message }) => message);
      return found.length === 2 ? found : undefined;
    });
    expect(taps[0]).toMatchObject({
      id: (confirm.body as { id: string }).id,
      type: 'button',
      button: { payload: 'CONFIRM_SUBSCRIPTION', text: 'Confirm' },
      context: { from: '15550783881', id: messageId },
    });
    expect(taps[1].button).toEqual({ payload: 'Not me', text: 'Not me' });
  });

  it('answers 400 for a tap on a button the message does not have, or on another handset', async () => {
    const messageId = idOf(await send(confirmation([quickReply('0', 'CONFIRM_SUBSCRIPTION')])));
    const who = { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, context: messageId };
    const unknown = await post('/_sim/inbound', { ...who, buttonPayload: 'SUBSCRIBE_ME_TO_ALL' });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { error: { problems: string[] } }).error.problems).toEqual([
      `message ${messageId} has no such quick reply (a handset can only tap a button it has): it shows "Confirm" with payload CONFIRM_SUBSCRIPTION, "Not me" with payload Not me`,
    ]);
    const relabelled = { ...who, buttonPayload: 'CONFIRM_SUBSCRIPTION', buttonText: 'Yes!' };
    expect((await post('/_sim/inbound', relabelled)).status).toBe(400);
    const elsewhere = { ...who, from: '+447400999111', buttonPayload: 'CONFIRM_SUBSCRIPTION' };
    const other = await post('/_sim/inbound', elsewhere);
    expect(other.status).toBe(400);
    expect(JSON.stringify(other.body)).toContain('did not reach this handset');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inboundMessages()).toEqual([]);
    expectGraphError(await send(text()), 400, 131047); // Refused taps open no window.
  });

  it('delivers a list choice as list_reply with the row title and description', async () => {
    await post('/_sim/inbound', { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, text: 'Bins?' });
    const listId = idOf(
      await send({
        messaging_product: 'whatsapp',
        to: RESIDENT,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Which bin is missed?' },
          action: {
            button: 'Choose a bin',
            sections: [
              {
                title: 'Bins',
                rows: [
                  { id: 'black', title: 'Black bin', description: 'General waste' },
                  { id: 'garden', title: 'Garden waste' },
                ],
              },
            ],
          },
        },
      }),
    );
    for (const listReplyId of ['black', 'garden']) {
      const reply = {
        from: RESIDENT,
        phoneNumberId: PHONE_NUMBER_ID,
        listReplyId,
        context: listId,
      };
      expect((await post('/_sim/inbound', reply)).status).toBe(200);
    }
    const replies = await waitFor(() => {
      const found = inboundMessages().filter(({ message }) => message.type === 'interactive');
      return found.length === 2 ? found.map(({ message }) => message) : undefined;
    });
    expect(replies).toContainEqual(
      expect.objectContaining({
        context: { from: '15550783881', id: listId },
        interactive: {
          type: 'list_reply',
          list_reply: { id: 'black', title: 'Black bin', description: 'General waste' },
        },
      }),
    );
    expect(replies).toContainEqual(
      expect.objectContaining({
        interactive: { type: 'list_reply', list_reply: { id: 'garden', title: 'Garden waste' } },
      }),
    );
  });

  it('answers 400 with every problem, and delivers nothing, for a malformed reply', async () => {
    const who = { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID };
    const noContext = await post('/_sim/inbound', { ...who, listReplyId: 'black' });
    expect(noContext.status).toBe(400);
    expect(noContext.body).toMatchObject({
      error: {
        problems: ['context (the wamid of the message answered) is required with listReplyId'],
      },
    });
    const twoThings = await post('/_sim/inbound', {
      ...who,
      buttonPayload: 'STOP',
      listReplyId: 'black',
      context: 'wamid.X',
    });
    expect(twoThings.status).toBe(400);
    const stray = await post('/_sim/inbound', { ...who, text: 'hi', buttonText: 'Stop', name: '' });
    expect((stray.body as { error: { problems: string[] } }).error.problems).toEqual([
      'name, when given, must be text',
      'buttonText must be text, and only goes with buttonPayload',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.attempts).toBe(0);
    expectGraphError(await send(text()), 400, 131047); // No window was opened either.
  });
});
