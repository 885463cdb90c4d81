import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSimulatorConfig } from '../src/config/simulator-config.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import type { OutboundContent, SendFailure } from '../src/dispatch/outbound-message.js';
import type { RetryPolicy } from '../src/dispatch/retry-policy.js';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/start-simulator.js';
import { CloudApiSender } from '../src/whatsapp/cloud-api/cloud-api.sender.js';

/**
 * The dispatcher and the Cloud API sender against the simulator over real HTTP: the same code
 * path that sends to graph.facebook.com in production, only the base URL differs.
 */

const TOKEN = 'dispatch-test-token';
const PHONE_NUMBER_ID = '300000000000001';
const RESIDENT = '+447400123456' as E164;
const NOT_ON_WHATSAPP = '+447400000000' as E164;
const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const channel = {
  id: '00000000-0000-4000-8000-000000000001',
  provider: 'whatsapp-cloud-api',
  phoneNumberId: PHONE_NUMBER_ID,
};
const alert: OutboundContent = {
  kind: 'template',
  templateName: 'area_alert',
  language: 'en_GB',
  parameters: ['Gritting tonight from 8pm on all A roads.'],
};

let simulator: RunningSimulator;
/** What the simulator's fault injection draws next; 0.99 (no fault) once empty. */
const draws: number[] = [];
const sleeps: number[] = [];
const pauses: { channelId: string; failure: SendFailure }[] = [];
const throttles: string[] = [];

function dispatcher(options: { baseUrl?: string; token?: string } = {}): Dispatcher {
  const sender = new CloudApiSender({
    baseUrl: options.baseUrl ?? simulator.url,
    version: 'v23.0',
    accessToken: options.token ?? TOKEN,
    timeoutMs: 5000,
  });
  return new Dispatcher({
    senderFor: (provider) => (provider === sender.provider ? sender : null),
    channels: {
      pause: (channelId, failure) => {
        pauses.push({ channelId, failure });
        return Promise.resolve();
      },
      throttled: (channelId) => {
        throttles.push(channelId);
        return Promise.resolve();
      },
    },
    policy: POLICY,
    timers: {
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
    },
  });
}

const send = (content: OutboundContent, to: E164 = RESIDENT, d = dispatcher()) =>
  d.send({ channel, channelPaused: false, to, content });

async function control(path: string, body: object) {
  const response = await fetch(`${simulator.url}/_sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function handset(to: E164) {
  const response = await fetch(`${simulator.url}/_sim/messages?to=${encodeURIComponent(to)}`);
  return (
    (await response.json()) as {
      items: { id: string; type: string; payload: Record<string, unknown> }[];
    }
  ).items;
}

beforeAll(async () => {
  simulator = await startSimulator(
    loadSimulatorConfig({ SIM_PORT: '0', SIM_ACCESS_TOKEN: TOKEN, SIM_THROUGHPUT: '1000' }),
    { random: () => draws.shift() ?? 0.99 },
  );
});

afterAll(async () => {
  await simulator.close();
});

beforeEach(async () => {
  await control('reset', {});
  draws.length = 0;
  sleeps.length = 0;
  pauses.length = 0;
  throttles.length = 0;
});

describe('sending', () => {
  it('sends a template and gets the wamid the handset received', async () => {
    const outcome = await send(alert);
    expect(outcome).toMatchObject({ ok: true, attempts: 1 });
    const [received] = await handset(RESIDENT);
    expect(outcome.ok && outcome.providerMessageId).toBe(received.id);
    expect(received.type).toBe('template');
    expect(JSON.stringify(received.payload)).toContain('Gritting tonight from 8pm on all A roads.');
  });

  it("sends text, reply buttons and a list inside the resident's 24-hour window", async () => {
    await control('inbound', { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, text: 'Hello' });
    const contents: OutboundContent[] = [
      { kind: 'text', body: 'Thanks, we will look into it.' },
      {
        kind: 'buttons',
        body: 'Should the library open late?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
      {
        kind: 'list',
        body: 'Choose your area',
        buttonText: 'Areas',
        sections: [
          {
            title: 'Wards',
            rows: [
              { id: 'north', title: 'Northfield' },
              { id: 'south', title: 'Southbank' },
            ],
          },
        ],
      },
    ];
    for (const content of contents)
      expect(await send(content)).toMatchObject({ ok: true, attempts: 1 });
    expect((await handset(RESIDENT)).map((m) => m.type)).toEqual([
      'text',
      'interactive',
      'interactive',
    ]);
  });
});

describe('temporary failures: retried with backoff', () => {
  it('retries a throughput error and succeeds when the API recovers', async () => {
    await control('faults', { errorRate: 0.5, errorCode: 130429 });
    draws.push(0.1, 0.1); // the first two attempts fail, the third goes through
    const outcome = await send(alert);
    expect(outcome).toMatchObject({ ok: true, attempts: 3 });
    // Every sender on the channel is told to slow down, not just this one.
    expect(throttles).toEqual([channel.id, channel.id]);
    // Exponential: a ceiling of 100 then 200 ms, jittered to three quarters of it.
    expect(sleeps).toEqual([75, 150]);
    expect(await handset(RESIDENT)).toHaveLength(1);
  });

  it.each([
    [2, 'outage'],
    [131000, 'unknown error'],
    [4, 'app rate limit'],
  ])(
    "gives up on code %i (%s) after the policy's attempts, still classed temporary",
    async (code) => {
      await control('faults', { errorRate: 1, errorCode: code });
      const outcome = await send(alert);
      expect(outcome).toMatchObject({
        ok: false,
        attempts: 4,
        failure: { class: 'retry', code: String(code) },
      });
      expect(sleeps).toEqual([75, 150, 300]);
      expect(pauses).toEqual([]);
    },
  );

  it('retries through a simulated outage (HTTP 503, code 2)', async () => {
    await control('faults', { outage: true });
    const outcome = await send(alert);
    expect(outcome).toMatchObject({
      ok: false,
      attempts: 4,
      failure: { class: 'retry', code: '2' },
    });
  });

  it('waits at least the pair-rate interval before trying the same person again', async () => {
    for (let i = 0; i < 10; i += 1) expect((await send(alert)).ok).toBe(true);
    const outcome = await send(alert);
    expect(outcome).toMatchObject({ ok: false, failure: { class: 'retry', code: '131056' } });
    expect(Math.min(...sleeps)).toBeGreaterThanOrEqual(6000);
  });

  it('treats an unreachable API as temporary', async () => {
    const outcome = await send(alert, RESIDENT, dispatcher({ baseUrl: 'http://127.0.0.1:9' }));
    expect(outcome).toMatchObject({
      ok: false,
      attempts: 4,
      failure: { class: 'retry', code: 'NETWORK' },
    });
  });
});

describe('permanent failures: never retried', () => {
  it('gives up at once on a number that is not on WhatsApp (131026)', async () => {
    const outcome = await send(alert, NOT_ON_WHATSAPP);
    expect(outcome).toMatchObject({
      ok: false,
      attempts: 1,
      failure: { class: 'recipient', code: '131026' },
    });
    expect(sleeps).toEqual([]);
  });

  it('does not send free text outside the 24-hour window, and does not retry it (131047)', async () => {
    const outcome = await send({ kind: 'text', body: 'Bins are late this week.' });
    expect(outcome).toMatchObject({
      ok: false,
      attempts: 1,
      failure: { class: 'recipient', code: '131047' },
    });
    expect(await handset(RESIDENT)).toEqual([]);
  });

  it.each([
    [{ ...alert, templateName: 'no_such_template' }, '132001'],
    [{ ...alert, parameters: [] }, '132000'],
    [{ ...alert, parameters: ['one', 'two'] }, '132000'],
  ])('fails the message on a template problem (%j)', async (content, code) => {
    const outcome = await send(content);
    expect(outcome).toMatchObject({ ok: false, attempts: 1, failure: { class: 'message', code } });
  });

  it('fails the message on a bad parameter (131009: more than 3 buttons)', async () => {
    await control('inbound', { from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, text: 'Hi' });
    const buttons = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }));
    const outcome = await send({ kind: 'buttons', body: 'Pick one', buttons });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.failure.class).toBe('message');
  });
});

describe('channel-wide failures: the channel is paused, the queue is not burned', () => {
  it('pauses the channel on an expired token (190) after one attempt', async () => {
    const outcome = await send(alert, RESIDENT, dispatcher({ token: 'expired-token' }));
    expect(outcome).toMatchObject({
      ok: false,
      attempts: 1,
      failure: { class: 'channel', code: '190' },
    });
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toMatchObject({ channelId: channel.id, failure: { code: '190' } });
  });

  it.each([10, 200, 368, 131031])('pauses the channel on code %i', async (code) => {
    await control('faults', { errorRate: 1, errorCode: code });
    const outcome = await send(alert);
    expect(outcome).toMatchObject({ ok: false, attempts: 1, failure: { class: 'channel' } });
    expect(pauses).toHaveLength(1);
  });

  it('sends nothing on a paused channel', async () => {
    const outcome = await dispatcher().send({
      channel,
      channelPaused: true,
      to: RESIDENT,
      content: alert,
    });
    expect(outcome).toMatchObject({ ok: false, attempts: 0, failure: { code: 'CHANNEL_PAUSED' } });
    expect(await handset(RESIDENT)).toEqual([]);
  });

  it('refuses a provider with no sender, without touching the network', async () => {
    const outcome = await dispatcher().send({
      channel: { ...channel, provider: 'govuk-notify' },
      channelPaused: false,
      to: RESIDENT,
      content: alert,
    });
    expect(outcome).toMatchObject({ ok: false, attempts: 0, failure: { code: 'NO_SENDER' } });
  });
});
