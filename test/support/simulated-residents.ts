import { expect } from 'vitest';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import { WebhookProcessor } from '../../src/whatsapp/webhooks/webhook-processor.service.js';
import { eventually } from './eventually.js';
import type { TestApp } from './test-app.js';

/** A template's button as the handset shows it; a quick reply with the payload a tap returns. */
export interface SimButton {
  type: string;
  text: string;
  payload?: string;
}

/** What a simulated handset received, as GET /_sim/messages lists it. */
export interface SimMessage<P = { body?: string }> {
  id: string;
  to: string;
  type: string;
  payload: P;
  /** A template's buttons. */
  buttons?: SimButton[];
}

/** The simulated handset's messages from the council, in order. */
export async function handsetOf<P>(simulatorUrl: string, phone: E164): Promise<SimMessage<P>[]> {
  const response = await fetch(`${simulatorUrl}/_sim/messages?to=${encodeURIComponent(phone)}`);
  return ((await response.json()) as { items: SimMessage<P>[] }).items;
}

/**
 * The first message on each of these handsets, waiting (up to `ms`) until every one has one; a
 * handset still empty then is missing from the map (tests assert its size).
 */
export async function firstMessagesOn(
  simulatorUrl: string,
  phones: readonly E164[],
  ms = 20_000,
): Promise<Map<E164, SimMessage<unknown>>> {
  const received = new Map<E164, SimMessage<unknown>>();
  await eventually(
    async () => {
      for (const phone of phones) {
        const [message] = await handsetOf(simulatorUrl, phone);
        if (message) received.set(phone, message);
      }
      return received.size;
    },
    (size) => size === phones.length,
    ms,
  );
  return received;
}

/**
 * A resident writes (or taps: `action` is any /_sim/inbound body) to the council's number on the
 * simulated handset; resolves once Crier has stored it, and with it done whatever handled it.
 */
export async function residentSends(
  t: TestApp,
  simulatorUrl: string,
  from: E164,
  phoneNumberId: string,
  action: Record<string, string>,
): Promise<{ providerMessageId: string; handledBy: string | null }> {
  const response = await fetch(`${simulatorUrl}/_sim/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, phoneNumberId, ...action }),
  });
  expect(response.status).toBe(200);
  const { id } = (await response.json()) as { id: string };
  // Stored and handled in one transaction: once the row is there, so is what its handler did.
  const [stored] = await eventually(
    async () => {
      await t.app.get(WebhookProcessor).settle();
      return t.db.query<{ handled_by: string | null }>(
        `SELECT handled_by FROM inbound_messages WHERE provider_message_id = $1`,
        [id],
      );
    },
    (rows) => rows.length === 1,
  );
  expect(stored, `inbound message ${id} was never stored`).toBeDefined();
  return { providerMessageId: id, handledBy: stored.handled_by };
}

/**
 * The /_sim/inbound body for a tap on the quick reply labelled `label` on a message the handset
 * received: the payload is the one the message carries, as a resident's thumb would send it.
 */
export function tapOn(message: SimMessage<unknown>, label: string): Record<string, string> {
  const button = message.buttons?.find((b) => b.text === label && b.payload !== undefined);
  expect(button, `message ${message.id} has no quick reply "${label}"`).toBeDefined();
  return { buttonPayload: button?.payload ?? '', buttonText: label, context: message.id };
}

/** A resident taps the quick reply labelled `label` on a poll they received; Crier counts it. */
export async function answersPoll(
  t: TestApp,
  simulatorUrl: string,
  phone: E164,
  phoneNumberId: string,
  poll: SimMessage<unknown>,
  label: string,
): Promise<void> {
  const { handledBy } = await residentSends(
    t,
    simulatorUrl,
    phone,
    phoneNumberId,
    tapOn(poll, label),
  );
  expect(handledBy).toBe('polls');
}

/**
 * What a resident does on a simulated handset, to one of the council's numbers: write, tap a
 * quick reply, and wait for a reply. `on` gives the app and simulator once they are started.
 */
export function residentActions<P extends { body?: string }>(
  on: () => { t: TestApp; simulatorUrl: string },
  phoneNumberId: string,
) {
  return {
    residentWrites: (from: E164, text: string) =>
      residentSends(on().t, on().simulatorUrl, from, phoneNumberId, { text }),
    /** The resident taps the button labelled `label` on a message on their handset. */
    residentTaps: (from: E164, message: SimMessage<P>, label: string) =>
      residentSends(on().t, on().simulatorUrl, from, phoneNumberId, tapOn(message, label)),
    /** The handset, once a reply with this body is on it (or after 15 s: tests assert it). */
    repliedOn: (phone: E164, body: string) =>
      eventually(
        () => handsetOf<P>(on().simulatorUrl, phone),
        (items) => items.some((item) => item.payload.body === body),
      ),
  };
}
