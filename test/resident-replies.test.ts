import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { setUpCouncil } from './support/council.js';
import { eventually } from './support/eventually.js';
import { handsetOf, residentSends } from './support/simulated-residents.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Crier's replies to residents (JOIN's questions, STOP's confirmation) survive a WhatsApp outage:
 * a reply turned away for now is put back in the queue and sent once WhatsApp answers again,
 * in the order it was written.
 */

const CORPORATE_NUMBER_ID = '200000000000001';

describe('replies to residents during a WhatsApp outage', () => {
  let t: TestApp;
  let simulatorUrl: string;

  const faults = async (body: object) => {
    const response = await fetch(`${simulatorUrl}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp('resident-replies');
    await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
  });
  afterAll(() => t.close());

  it('sends JOIN’s welcome and list once WhatsApp is back, in order, none lost', async () => {
    const phone = '+447700900777' as E164;
    const hash = t.app.get(PhoneVault).lookupHash(phone);
    await faults({ outage: true });
    try {
      await residentSends(t, simulatorUrl, phone, CORPORATE_NUMBER_ID, { text: 'JOIN' });
      // The dispatcher's own tries run out (about 3.5 s) and the replies go back in the queue.
      const requeued = await eventually(
        () =>
          t.db.query<{ status: string }>(
            `SELECT status FROM message_deliveries
              WHERE purpose = 'reply' AND recipient_phone_hash = $1 ORDER BY created_at`,
            [hash],
          ),
        (rows) => rows.length === 2 && rows.every((row) => row.status === 'queued'),
        10_000,
      );
      expect(requeued.map((row) => row.status)).toEqual(['queued', 'queued']);
      expect(await handsetOf(simulatorUrl, phone)).toEqual([]);
    } finally {
      await faults({ outage: false });
    }
    const received = await eventually(
      () => handsetOf<{ body?: string | { text: string } }>(simulatorUrl, phone),
      (items) => items.length >= 2,
      15_000,
    );
    expect(received.map((m) => m.type)).toEqual(['text', 'interactive']);
    const statuses = await t.db.query<{ status: string }>(
      `SELECT status FROM message_deliveries WHERE purpose = 'reply' AND recipient_phone_hash = $1`,
      [hash],
    );
    expect(statuses.map((row) => row.status)).not.toContain('failed');
  });
});
