import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WhatsAppAPI } from 'whatsapp-api-js';
import type { OnMessageArgs, OnSentArgs, OnStatusArgs } from 'whatsapp-api-js/emitters';
import { WhatsAppAPIFailedToVerifyError } from 'whatsapp-api-js/errors';
import {
  ActionButtons,
  ActionList,
  Body,
  BodyComponent,
  BodyParameter,
  Button,
  Interactive,
  ListSection,
  Row,
  Template,
  Text,
} from 'whatsapp-api-js/messages';
import type { PostData, ServerMessageResponse } from 'whatsapp-api-js/types';
import { loadSimulatorConfig } from '../src/config/simulator-config.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/start-simulator.js';

/**
 * The simulator checked by an independent Cloud API client, whatsapp-api-js, written against
 * Meta's real API by people who never saw the simulator: it sends through the simulator, and
 * every webhook the simulator posts is verified (signature included) and parsed by the library.
 */

const TOKEN = 'third-party-token';
const SECRET = 'third-party-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const RESIDENT = '+447400123456';
const RESIDENT_WA_ID = '447400123456';
const GRAPH_ORIGIN = 'https://graph.facebook.com';

let simulator: RunningSimulator;
let receiverServer: Server;
let whatsapp: WhatsAppAPI;

/** What the library emitted, and every webhook it refused. */
const seen = {
  sent: [] as OnSentArgs[],
  statuses: [] as OnStatusArgs[],
  messages: [] as OnMessageArgs[],
  refused: [] as unknown[],
};

/**
 * whatsapp-api-js hard-codes https://graph.facebook.com, as most clients do. Its
 * `ponyfill.fetch` is the seam it offers for another fetch; this one rewrites only the origin to
 * the simulator's and passes the path (version, phone-number-id, /messages), method, headers and
 * body exactly as the library wrote them. That is how one points an unmodified client at the
 * simulator; anything not bound for Graph is refused, so nothing can leak to the internet.
 */
function fetchThroughSimulator(simulatorUrl: string): typeof fetch {
  return (input, init) => {
    const requested = new URL(input instanceof Request ? input.url : input);
    if (requested.origin !== GRAPH_ORIGIN) {
      return Promise.reject(new Error(`unexpected request to ${requested.origin}`));
    }
    const target = new URL(`${requested.pathname}${requested.search}`, simulatorUrl);
    return fetch(input instanceof Request ? new Request(target, input) : target, init);
  };
}

function client(token: string): WhatsAppAPI {
  return new WhatsAppAPI({
    token,
    appSecret: SECRET,
    secure: true,
    v: 'v21.0',
    ponyfill: { fetch: fetchThroughSimulator(simulator.url) },
  });
}

/** A webhook endpoint as the library's users write one: raw body and signature to `post`. */
function startReceiver(): Promise<string> {
  receiverServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = request.headers['x-hub-signature-256'];
      whatsapp
        .post(JSON.parse(raw) as PostData, raw, typeof signature === 'string' ? signature : '')
        .then(() => response.writeHead(200).end())
        .catch((error: unknown) => {
          seen.refused.push(error);
          response.writeHead(401).end();
        });
    });
  });
  return new Promise((resolve) =>
    receiverServer.listen(0, '127.0.0.1', () => {
      const { port } = receiverServer.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}/webhooks/whatsapp`);
    }),
  );
}

beforeAll(async () => {
  const webhookUrl = await startReceiver();
  simulator = await startSimulator({
    ...loadSimulatorConfig({
      SIM_PORT: '0',
      SIM_WEBHOOK_URL: webhookUrl,
      SIM_APP_SECRET: SECRET,
      SIM_ACCESS_TOKEN: TOKEN,
      // In order and once each, so the events can be asserted exactly.
      SIM_WEBHOOK_DUPLICATE_RATE: '0',
      SIM_WEBHOOK_REORDER_RATE: '0',
    }),
    statusDelayMs: 1,
    webhookRetryBaseMs: 5,
    webhookMaxAttempts: 2,
  });
  whatsapp = client(TOKEN);
  whatsapp.on.sent = (args) => void seen.sent.push(args);
  whatsapp.on.status = (args) => void seen.statuses.push(args);
  whatsapp.on.message = (args) => void seen.messages.push(args);
});

afterAll(async () => {
  await simulator?.close();
  await new Promise((resolve) => receiverServer?.close(resolve));
});

beforeEach(async () => {
  await fetch(`${simulator.url}/_sim/reset`, { method: 'POST' });
  seen.sent = [];
  seen.statuses = [];
  seen.messages = [];
  seen.refused = [];
});

async function waitFor<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The library's string recipient is the phone number. Its object form needs a business-scoped
 * user id (`bsuid`), which a resident known only by number does not have.
 */
const sendTo = (to: string, message: Parameters<WhatsAppAPI['sendMessage']>[2]) =>
  whatsapp.sendMessage(PHONE_NUMBER_ID, to, message);

function wamidOf(response: ServerMessageResponse): string {
  if (response.error) throw new Error(`expected a wamid, got ${response.error.message}`);
  return response.messages[0].id;
}

const areaAlert = (name = 'area_alert') =>
  new Template(name, 'en_GB', new BodyComponent(new BodyParameter('Road closed on High St')));

const safetyCheck = () =>
  new Interactive(
    new ActionButtons(new Button('safe', 'I am safe'), new Button('help', 'I need help')),
    new Body('Flooding on your street. Are you safe?'),
  );

const missedBin = () =>
  new Interactive(
    new ActionList(
      'Choose a bin',
      new ListSection(
        'Bins',
        new Row('black', 'Black bin', 'General waste'),
        new Row('garden', 'Garden waste'),
      ),
    ),
    new Body('Which bin was missed?'),
  );

async function residentDoes(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${simulator.url}/_sim/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: RESIDENT, phoneNumberId: PHONE_NUMBER_ID, ...body }),
  });
  expect(response.status).toBe(200);
}

const statusesOf = (id: string) => seen.statuses.filter((s) => s.id === id).map((s) => s.status);

/** The first message of this type the library emitted, once it has. */
const emittedMessage = (type: string) =>
  waitFor(
    () =>
      seen.messages.find((args) => args.message.type === type)?.message as
        Record<string, unknown> | undefined,
  );

describe('sending through whatsapp-api-js', () => {
  it('sends area_alert built with the library classes and gets the wamid back', async () => {
    const response = await sendTo(RESIDENT, areaAlert());
    expect(response).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: RESIDENT, wa_id: RESIDENT_WA_ID }],
      messages: [{ id: expect.stringMatching(/^wamid\.\S{20,}$/) as unknown }],
    });
    // The library read the id out of the answer, as it would from Meta's.
    expect(seen.sent.map((s) => s.id)).toEqual([wamidOf(response)]);
    const listed = (await fetch(`${simulator.url}/_sim/messages`).then((r) => r.json())) as {
      items: { id: string; type: string; payload: unknown }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: wamidOf(response),
        type: 'template',
        payload: expect.objectContaining({
          name: 'area_alert',
          components: [
            { type: 'body', parameters: [{ type: 'text', text: 'Road closed on High St' }] },
          ],
        }) as unknown,
      }),
    ]);
  });

  it('sends text, reply buttons and a list once the resident has written', async () => {
    await residentDoes({ text: 'Any news about the flood?' });
    const ids = [];
    for (const message of [new Text('Yes: see below'), safetyCheck(), missedBin()]) {
      ids.push(wamidOf(await sendTo(RESIDENT, message)));
    }
    expect(new Set(ids).size).toBe(3);
    const listed = (await fetch(`${simulator.url}/_sim/messages`).then((r) => r.json())) as {
      items: { id: string; type: string }[];
    };
    expect(listed.items.map(({ id, type }) => [id, type])).toEqual([
      [ids[0], 'text'],
      [ids[1], 'interactive'],
      [ids[2], 'interactive'],
    ]);
  });
});

describe("the simulator's errors, as the library sees them", () => {
  /** The library does not throw on an API error: it returns Meta's error body, and no id. */
  async function refusal(response: Promise<ServerMessageResponse>) {
    const answer = await response;
    expect(answer.error).toBeDefined();
    expect(seen.sent.at(-1)?.id).toBeUndefined();
    return answer.error;
  }

  it('returns 132001 for an unknown template', async () => {
    expect(await refusal(sendTo(RESIDENT, areaAlert('flood_warning')))).toMatchObject({
      code: 132001,
      type: 'OAuthException',
      message: '(#132001) Template name does not exist in the translation',
      error_data: { messaging_product: 'whatsapp', details: expect.any(String) as unknown },
      fbtrace_id: expect.any(String) as unknown,
    });
  });

  it('returns 131026 for a number not on WhatsApp', async () => {
    expect(await refusal(sendTo('+447400120000', areaAlert()))).toMatchObject({ code: 131026 });
  });

  it('returns 131047 for free text outside the 24-hour window', async () => {
    expect(await refusal(sendTo(RESIDENT, new Text('Hello')))).toMatchObject({ code: 131047 });
  });

  it('returns 190 for a wrong access token', async () => {
    const stranger = client('not-the-token');
    const answer = await stranger.sendMessage(PHONE_NUMBER_ID, RESIDENT, areaAlert());
    expect(answer.error).toMatchObject({ code: 190, message: '(#190) Invalid OAuth access token' });
  });
});

describe('webhooks, verified and parsed by the library', () => {
  /** Every webhook so far passed the library's signature check. */
  const allVerified = () => expect(seen.refused).toEqual([]);

  it('emits sent, delivered and read for an accepted message', async () => {
    const id = wamidOf(await sendTo(RESIDENT, areaAlert()));
    await waitFor(() => (statusesOf(id).length === 3 ? true : undefined));
    expect(statusesOf(id)).toEqual(['sent', 'delivered', 'read']);
    for (const status of seen.statuses) {
      expect(status).toMatchObject({
        phoneID: PHONE_NUMBER_ID,
        phone: RESIDENT_WA_ID,
        id,
        pricing: { pricing_model: 'PMP', category: 'utility' },
      });
      expect(status.error).toBeUndefined();
    }
    allVerified();
  });

  it('emits sent then failed with 131026 for a number ending 0001', async () => {
    const id = wamidOf(await sendTo('+447400120001', areaAlert()));
    await waitFor(() => (statusesOf(id).length === 2 ? true : undefined));
    expect(statusesOf(id)).toEqual(['sent', 'failed']);
    const failed = seen.statuses.find((s) => s.status === 'failed');
    expect(failed?.error).toMatchObject({
      code: 131026,
      title: 'Message undeliverable',
      message: 'Message undeliverable',
      error_data: { details: expect.any(String) as unknown },
    });
    expect(failed?.phone).toBe('447400120001');
    allVerified();
  });

  it('emits an inbound text, non-ASCII included, with the contact', async () => {
    // Meta escapes non-ASCII in the signed bytes; the library checks the signature the same way.
    await residentDoes({ text: 'Café closed? 🚧 Ask Zoë', name: 'Zoë' });
    const args = await waitFor(() => seen.messages[0]);
    expect(args.message).toMatchObject({ type: 'text', text: { body: 'Café closed? 🚧 Ask Zoë' } });
    expect(args).toMatchObject({ phoneID: PHONE_NUMBER_ID, from: RESIDENT_WA_ID, name: 'Zoë' });
    expect(args.contact).toMatchObject({ wa_id: RESIDENT_WA_ID, profile: { name: 'Zoë' } });
    allVerified();
  });

  it('emits a reply-button tap naming the message answered', async () => {
    await residentDoes({ text: 'Water is rising' });
    const asked = wamidOf(await sendTo(RESIDENT, safetyCheck()));
    await residentDoes({ buttonReplyId: 'help', context: asked });
    expect(await emittedMessage('interactive')).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'help', title: 'I need help' } },
      context: { id: asked },
    });
    allVerified();
  });

  it('emits a template quick-reply tap', async () => {
    const alerted = wamidOf(await sendTo(RESIDENT, areaAlert()));
    await residentDoes({ buttonPayload: 'STOP_AREA_ALERTS', buttonText: 'Stop', context: alerted });
    expect(await emittedMessage('button')).toMatchObject({
      type: 'button',
      button: { payload: 'STOP_AREA_ALERTS', text: 'Stop' },
      context: { id: alerted },
    });
    allVerified();
  });

  it('emits a list choice with its title and description', async () => {
    await residentDoes({ text: 'My bin was not collected' });
    const asked = wamidOf(await sendTo(RESIDENT, missedBin()));
    await residentDoes({ listReplyId: 'black', context: asked });
    expect(await emittedMessage('interactive')).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'list_reply',
        list_reply: { id: 'black', title: 'Black bin', description: 'General waste' },
      },
      context: { id: asked },
    });
    allVerified();
  });

  it('refuses a webhook signed with the wrong secret, and accepts the same body signed right', async () => {
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
                statuses: [
                  {
                    id: 'wamid.FORGED',
                    status: 'read',
                    timestamp: '1772355600',
                    recipient_id: RESIDENT_WA_ID,
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const signed = (secret: string) =>
      `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    const data = JSON.parse(raw) as PostData;
    await expect(whatsapp.post(data, raw, signed('not-the-app-secret'))).rejects.toBeInstanceOf(
      WhatsAppAPIFailedToVerifyError,
    );
    expect(seen.statuses).toEqual([]);
    await whatsapp.post(data, raw, signed(SECRET));
    expect(seen.statuses.map((s) => s.id)).toEqual(['wamid.FORGED']);
  });
});
