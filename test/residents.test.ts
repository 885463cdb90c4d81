import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, setUpCouncil } from './support/council.js';
import { postToWebhook, statusPayload } from './support/meta-payloads.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/eventually.js';
import { handsetOf, residentSends } from './support/simulated-residents.js';

/**
 * Residents end to end on the embedded simulator: importing a council's list, STOP (in English
 * and Welsh, from subscribers and strangers) with its confirmation on the simulated handset,
 * WhatsApp's "user stopped" and "blocked" failures, subject access and erasure.
 */

const CORPORATE_NUMBER_ID = '200000000000001';
const CONFIRMATION = 'You will get no more messages from Council. Send JOIN to sign up again.';
const WELSH_CONFIRMATION =
  'Fyddwch chi ddim yn cael rhagor o negeseuon gan Council. Anfonwch YMUNO i ymuno eto.';

/** Ofcom's drama range: never a real person's number. Each test takes its own. */
let nextNumber = 100;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;
const digitsOf = (phone: string) => phone.replace(/\D/g, '').slice(-10);

const validRow = (phone: string, extra: Record<string, unknown> = {}) => ({
  phone,
  areas: ['northfield'],
  topics: ['gritting'],
  consent: {
    source: 'paper form at Northfield library',
    capturedAt: '2024-05-01T10:30:00+01:00',
    evidence: 'Form 118',
  },
  ...extra,
});

interface ImportResult {
  imported: number;
  skipped: number;
  invalid: number;
  errors: { index: number; code: string; message: string }[];
}

type SimPayload = { body?: string };

describe('residents', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const asAdmin = () => council.bearer(council.admin);
  const importRows = (subscribers: unknown[]) =>
    t.http.post('/api/v1/subscribers/import').set(asAdmin()).send({ subscribers });
  const subjectAccess = (phone: string) =>
    t.http.post('/api/v1/privacy/subject-access').set(asAdmin()).send({ phone });
  const erase = (phone: string) =>
    t.http.post('/api/v1/privacy/erasure').set(asAdmin()).send({ phone });

  const subscriber = async (phone: E164) => {
    const [row] = await t.db.query<{
      id: string;
      status: string;
      area_codes: string[];
      topic_codes: string[];
      phone_sealed: string;
      last_inbound_at: Date | null;
      unsubscribed_at: Date | null;
    }>(`SELECT * FROM subscribers WHERE phone_hash = $1`, [vault.lookupHash(phone)]);
    return row;
  };
  const consents = (subscriberId: string) =>
    t.db.query<{ action: string; source: string; evidence: Record<string, unknown> }>(
      `SELECT action, source, evidence FROM consent_records WHERE subscriber_id = $1
        ORDER BY recorded_at, id`,
      [subscriberId],
    );
  const suppression = async (phone: E164) => {
    const [row] = await t.db.query<{ reason: string }>(
      `SELECT reason FROM suppressions WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    return row ?? null;
  };
  const auditEvents = (type: string) =>
    t.db.query<{ payload: string; subject_ref: string | null }>(
      `SELECT payload, subject_ref FROM audit_events WHERE type = $1 ORDER BY seq`,
      [type],
    );

  const residentWrites = (from: E164, text: string) =>
    residentSends(t, simulatorUrl, from, CORPORATE_NUMBER_ID, { text });

  const handset = (phone: E164) => handsetOf<SimPayload>(simulatorUrl, phone);
  const confirmationOn = (phone: E164, body = CONFIRMATION) =>
    eventually(
      () => handset(phone),
      (items) => items.some((item) => item.payload.body === body),
    );

  beforeAll(async () => {
    t = await startTestApp('residents');
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
    // Meta sometimes repeats or reorders receipts; these tests count them exactly.
    await fetch(`${simulatorUrl}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ duplicateRate: 0, reorderRate: 0 }),
    });
  });
  afterAll(() => t.close());

  describe('POST /api/v1/subscribers/import', () => {
    it('imports the valid entries, reports the rest by index, and audits only counts', async () => {
      const [first, second] = [freshNumber(), freshNumber()];
      const national = `0${second.slice(3, 7)} ${second.slice(7)}`;
      const response = await importRows([
        validRow(first),
        validRow('12345'),
        validRow(national, { topics: ['gritting', 'youth'] }),
        validRow(freshNumber(), { areas: ['atlantis'] }),
        validRow(freshNumber(), { topics: [] }),
        validRow(freshNumber(), { consent: { source: 'web', capturedAt: '2024-05-01' } }),
        validRow(freshNumber(), {
          consent: { source: 'web', capturedAt: '2999-01-01', evidence: 'x' },
        }),
        validRow(first),
        validRow(freshNumber(), { consent: undefined }),
      ]);
      expect(response.status).toBe(200);
      const body = response.body as ImportResult;
      expect(body).toMatchObject({ imported: 2, skipped: 0, invalid: 7 });
      expect(body.errors.map(({ index, code }) => [index, code])).toEqual([
        [1, 'INVALID_PHONE_NUMBER'],
        [3, 'UNKNOWN_AREA'],
        [4, 'NO_TOPICS'],
        [5, 'CONSENT_INCOMPLETE'],
        [6, 'CONSENT_DATE_IN_FUTURE'],
        [7, 'DUPLICATE_IN_IMPORT'],
        [8, 'CONSENT_INCOMPLETE'],
      ]);
      for (const error of body.errors) expect(error.message.length).toBeGreaterThan(10);

      const stored = await subscriber(second);
      expect(stored).toMatchObject({
        status: 'active',
        area_codes: ['northfield'],
        topic_codes: ['gritting', 'youth'],
      });
      expect(stored.phone_sealed).not.toContain(digitsOf(second));
      expect(vault.decrypt(stored.phone_sealed)).toBe(second);
      expect(await consents(stored.id)).toEqual([
        {
          action: 'import',
          source: 'paper form at Northfield library',
          evidence: { statement: 'Form 118' },
        },
      ]);
      const [captured] = await t.db.query<{ captured_at: Date }>(
        `SELECT captured_at FROM consent_records WHERE subscriber_id = $1`,
        [stored.id],
      );
      expect(captured.captured_at.toISOString()).toBe('2024-05-01T09:30:00.000Z');

      const [event] = await auditEvents('subscribers.imported');
      const payload = JSON.parse(event.payload) as { data: unknown; subject: unknown };
      expect(payload.data).toEqual({
        received: 9,
        imported: 2,
        resubscribed: 0,
        skipped: 0,
        invalid: 7,
      });
      expect(payload.subject).toEqual({});
      expect(event.payload).not.toContain(digitsOf(first));
    });

    it('skips a number that is already a subscriber, keeping what they chose', async () => {
      const phone = freshNumber();
      expect((await importRows([validRow(phone)])).body).toMatchObject({ imported: 1 });
      const again = await importRows([validRow(phone, { areas: ['southbank'] })]);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        imported: 0,
        skipped: 1,
        invalid: 0,
        errors: [{ index: 0, code: 'ALREADY_SUBSCRIBED' }],
      });
      expect((await subscriber(phone)).area_codes).toEqual(['northfield']);
    });
  });

  describe('STOP', () => {
    it('ends the subscription, suppresses the number, records the evidence and confirms on WhatsApp', async () => {
      const phone = freshNumber();
      await importRows([validRow(phone)]);
      const { providerMessageId, handledBy } = await residentWrites(phone, ' Stop. ');
      expect(handledBy).toBe('residents');

      const stored = await subscriber(phone);
      expect(stored).toMatchObject({ status: 'unsubscribed', area_codes: [], topic_codes: [] });
      expect(stored.unsubscribed_at).not.toBeNull();
      expect(await consents(stored.id)).toEqual([
        expect.objectContaining({ action: 'import' }),
        { action: 'opt_out', source: 'whatsapp', evidence: { providerMessageId } },
      ]);
      expect(await suppression(phone)).toEqual({ reason: 'stop' });

      const events = await auditEvents('subscriber.unsubscribed');
      const event = events.at(-1)!;
      const payload = JSON.parse(event.payload) as {
        subject: { residentRef?: string; channelId?: string };
        data: unknown;
      };
      expect(payload.subject).toEqual({
        channelId: council.channels.corporate,
        residentRef: expect.any(String) as string,
      });
      expect(event.subject_ref).toBe(payload.subject.residentRef);
      expect(payload.data).toEqual({
        reason: 'stop',
        wasSubscriber: true,
        previousStatus: 'active',
      });
      expect(event.payload).not.toContain(digitsOf(phone));
      const [pseudonym] = await t.db.query<{ subject_id: string }>(
        `SELECT subject_id FROM audit_pseudonyms WHERE ref = $1 AND subject_type = 'resident'`,
        [payload.subject.residentRef],
      );
      expect(pseudonym.subject_id).toBe(stored.id);

      const received = await confirmationOn(phone);
      expect(received.filter((item) => item.payload.body === CONFIRMATION)).toHaveLength(1);
      const reply = await eventually(
        async () =>
          (
            await t.db.query<{
              status: string;
              subscriber_id: string;
              recipient_phone_sealed: string;
            }>(
              `SELECT status, subscriber_id, recipient_phone_sealed FROM message_deliveries
                WHERE purpose = 'reply' AND recipient_phone_hash = $1`,
              [vault.lookupHash(phone)],
            )
          )[0],
        (row) => row !== undefined && row.status !== 'queued' && row.status !== 'sending',
      );
      expect(['accepted', 'sent', 'delivered', 'read']).toContain(reply.status);
      expect(reply.subscriber_id).toBe(stored.id);
      expect(vault.decrypt(reply.recipient_phone_sealed)).toBe(phone);
    });

    it('takes the Welsh STOPIO the same way, and confirms in Welsh', async () => {
      const phone = freshNumber();
      await importRows([validRow(phone)]);
      expect((await residentWrites(phone, 'Stopio!')).handledBy).toBe('residents');
      expect((await subscriber(phone)).status).toBe('unsubscribed');
      expect(await suppression(phone)).toEqual({ reason: 'stop' });
      const items = await confirmationOn(phone, WELSH_CONFIRMATION);
      expect(items.map((item) => item.payload.body)).not.toContain(CONFIRMATION);
    });

    it('suppresses a number that never subscribed, so a later import cannot bring it in', async () => {
      const phone = freshNumber();
      expect((await residentWrites(phone, 'UNSUBSCRIBE')).handledBy).toBe('residents');
      expect(await subscriber(phone)).toBeUndefined();
      expect(await suppression(phone)).toEqual({ reason: 'stop' });
      const events = await auditEvents('subscriber.unsubscribed');
      const payload = JSON.parse(events.at(-1)!.payload) as { subject: unknown; data: unknown };
      expect(payload.subject).toEqual({ channelId: council.channels.corporate });
      expect(payload.data).toMatchObject({ wasSubscriber: false });
      expect(events.at(-1)!.subject_ref).toBeNull();
      await confirmationOn(phone);

      const imported = await importRows([validRow(phone)]);
      expect(imported.body).toMatchObject({
        imported: 0,
        skipped: 1,
        errors: [{ index: 0, code: 'SUPPRESSED' }],
      });
    });

    it("leaves other messages in the inbox but moves the subscriber's 24-hour window on", async () => {
      const phone = freshNumber();
      await importRows([validRow(phone)]);
      expect((await subscriber(phone)).last_inbound_at).toBeNull();
      expect((await residentWrites(phone, 'Is the tip open on Sunday?')).handledBy).toBeNull();
      const stored = await subscriber(phone);
      expect(stored.status).toBe('active');
      expect(stored.last_inbound_at).not.toBeNull();
      expect(await suppression(phone)).toBeNull();
    });
  });

  describe("WhatsApp's own stop signals", () => {
    /** A send to this number that WhatsApp accepted, then reported failed with this code. */
    const failedSend = async (phone: E164, code: number) => {
      const wamid = `wamid.RESIDENTS${Date.now()}${code}`;
      await t.db.query(
        `INSERT INTO message_deliveries (channel_id, purpose, recipient_phone_sealed,
            recipient_phone_hash, provider, provider_message_id, status, accepted_at)
         VALUES ($1, 'test', $2, $3, 'whatsapp-cloud-api', $4, 'accepted', now())`,
        [council.channels.corporate, vault.encrypt(phone), vault.lookupHash(phone), wamid],
      );
      await postToWebhook(
        t,
        statusPayload(CORPORATE_NUMBER_ID, {
          id: wamid,
          status: 'failed',
          recipient: phone.slice(1),
          at: new Date(),
          errorCode: code,
        }),
      );
    };

    it('131050 (the person stopped messages) unsubscribes and suppresses the number', async () => {
      const phone = freshNumber();
      await importRows([validRow(phone)]);
      await failedSend(phone, 131050);
      const stored = await subscriber(phone);
      expect(stored.status).toBe('unsubscribed');
      expect(await suppression(phone)).toEqual({ reason: 'provider_stopped' });
      expect((await consents(stored.id)).at(-1)).toMatchObject({
        action: 'opt_out',
        source: 'provider',
        evidence: { code: '131050' },
      });
      const events = await auditEvents('subscriber.unsubscribed');
      expect(JSON.parse(events.at(-1)!.payload)).toMatchObject({
        actor: { kind: 'system' },
        data: { reason: 'provider_stopped', wasSubscriber: true },
      });
      // Nobody is told: WhatsApp would not deliver it.
      expect(await handset(phone)).toEqual([]);
    });

    it('130403 (the person blocked the council) suppresses as blocked', async () => {
      const phone = freshNumber();
      await failedSend(phone, 130403);
      expect(await suppression(phone)).toEqual({ reason: 'blocked' });
    });

    it('an ordinary failure (131026, not on WhatsApp) suppresses nothing', async () => {
      const phone = freshNumber();
      await importRows([validRow(phone)]);
      await failedSend(phone, 131026);
      expect((await subscriber(phone)).status).toBe('active');
      expect(await suppression(phone)).toBeNull();
    });
  });

  describe('POST /api/v1/privacy/subject-access', () => {
    it('bundles everything held about the number, with staff and residents only as references', async () => {
      const phone = freshNumber();
      await importRows([validRow(phone)]);
      await residentWrites(phone, 'When are the bins collected?');
      const { providerMessageId } = await residentWrites(phone, 'STOP');
      await confirmationOn(phone);
      // Wait for the simulator's receipts of the confirmation to come back.
      await eventually(
        async () => (await subjectAccess(phone)).body as { deliveries: { receipts: unknown[] }[] },
        (bundle) => (bundle.deliveries[0]?.receipts.length ?? 0) >= 3,
      );

      const response = await subjectAccess(`0${phone.slice(3, 7)} ${phone.slice(7)}`);
      expect(response.status).toBe(200);
      const bundle = response.body as Record<string, unknown>;
      expect(bundle.phone).toMatch(/^\+44 •+\d{3}$/);
      expect(JSON.stringify(bundle)).not.toContain(digitsOf(phone));
      expect(bundle.subscriber).toMatchObject({
        status: 'unsubscribed',
        areas: [],
        topics: [],
        subscribedAt: '2024-05-01T09:30:00.000Z',
      });
      expect(bundle.consentRecords).toEqual([
        expect.objectContaining({ action: 'import', evidence: { statement: 'Form 118' } }),
        expect.objectContaining({ action: 'opt_out', evidence: { providerMessageId } }),
      ]);
      const deliveries = bundle.deliveries as {
        purpose: string;
        status: string;
        receipts: { status: string }[];
      }[];
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ purpose: 'reply', status: 'read' });
      expect(deliveries[0].receipts.map((r) => r.status).sort()).toEqual([
        'delivered',
        'read',
        'sent',
      ]);
      expect(bundle.inboundMessages).toEqual([
        expect.objectContaining({
          kind: 'text',
          body: 'When are the bins collected?',
          handledBy: null,
        }),
        expect.objectContaining({ kind: 'text', body: 'STOP', handledBy: 'residents' }),
      ]);
      expect(bundle.suppression).toMatchObject({ reason: 'stop' });
      const events = bundle.auditEvents as { type: string; actor: unknown; subject: unknown }[];
      expect(events.map((event) => event.type)).toEqual(
        expect.arrayContaining(['subscriber.unsubscribed', 'privacy.subject_access']),
      );
      for (const event of events) {
        expect(event.subject).toMatchObject({ residentRef: expect.any(String) as string });
      }

      const audited = await auditEvents('privacy.subject_access');
      expect(JSON.parse(audited.at(-1)!.payload)).toMatchObject({
        actor: { kind: 'staff', ref: expect.any(String) as string },
        data: { found: { subscriber: true, deliveries: 1, inboundMessages: 2, suppressed: true } },
      });
      for (const event of audited) expect(event.payload).not.toContain(digitsOf(phone));
    });

    it('answers 200 with empty sections for a number Crier holds nothing about', async () => {
      const response = await subjectAccess(freshNumber());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        subscriber: null,
        consentRecords: [],
        deliveries: [],
        inboundMessages: [],
        suppression: null,
        auditEvents: [],
      });
    });
  });

  describe('POST /api/v1/privacy/erasure', () => {
    it('removes the personal data, keeps a tombstone, and the audit chain still verifies', async () => {
      const phone = freshNumber();
      await importRows([validRow(phone)]);
      await residentWrites(phone, 'Hello');
      await residentWrites(phone, 'STOP');
      await confirmationOn(phone);
      const subscriberId = (await subscriber(phone)).id;
      const [pseudonym] = await t.db.query<{ ref: string }>(
        `SELECT ref FROM audit_pseudonyms WHERE subject_type = 'resident' AND subject_id = $1`,
        [subscriberId],
      );
      expect(pseudonym).toBeDefined();

      const response = await erase(phone);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        subscriberDeleted: true,
        consentRecordsDeleted: 2,
        inboundMessagesDeleted: 2,
        deliveriesRedacted: 1,
        suppressed: true,
      });
      expect(JSON.stringify(response.body)).not.toContain(digitsOf(phone));

      const hash = vault.lookupHash(phone);
      expect(await subscriber(phone)).toBeUndefined();
      expect(await consents(subscriberId)).toEqual([]);
      expect(
        await t.db.query(`SELECT 1 FROM inbound_messages WHERE from_phone_hash = $1`, [hash]),
      ).toEqual([]);
      expect(
        await t.db.query(
          `SELECT recipient_phone_sealed, purpose FROM message_deliveries WHERE recipient_phone_hash = $1`,
          [hash],
        ),
      ).toEqual([{ recipient_phone_sealed: 'erased', purpose: 'reply' }]);
      expect(await suppression(phone)).toEqual({ reason: 'erased' });
      expect(
        await t.db.query(`SELECT 1 FROM audit_pseudonyms WHERE subject_id = $1`, [subscriberId]),
      ).toEqual([]);
      const [erased] = await auditEvents('subject.erased');
      expect(JSON.parse(erased.payload)).toMatchObject({
        data: { subjectType: 'resident', subjectRef: pseudonym.ref },
      });
      const [privacyErased] = await auditEvents('privacy.erased');
      expect(privacyErased.payload).not.toContain(digitsOf(phone));

      // Nothing links the old events to the person any more.
      const after = (await subjectAccess(phone)).body as Record<string, unknown>;
      expect(after).toMatchObject({
        subscriber: null,
        consentRecords: [],
        inboundMessages: [],
        auditEvents: [],
        suppression: { reason: 'erased' },
      });

      const reimported = await importRows([validRow(phone)]);
      expect(reimported.body).toMatchObject({
        imported: 0,
        skipped: 1,
        errors: [{ index: 0, code: 'SUPPRESSED' }],
      });

      const verified = await t.http.post('/api/v1/audit/verify').set(asAdmin());
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ ok: true });
    });

    it('keeps a tombstone even for a number Crier held nothing about', async () => {
      const phone = freshNumber();
      const response = await erase(phone);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ subscriberDeleted: false, suppressed: true });
      expect(await suppression(phone)).toEqual({ reason: 'erased' });
    });
  });

  describe('bad input on every residents route (400, nothing changed)', () => {
    const counts = async () => {
      const [row] = await t.db.query<{ subscribers: string; suppressions: string; audit: string }>(
        `SELECT (SELECT count(*) FROM subscribers) AS subscribers,
                (SELECT count(*) FROM suppressions) AS suppressions,
                (SELECT count(*) FROM audit_events) AS audit`,
      );
      return row;
    };
    const raw = (path: string, body: string) =>
      t.http.post(path).set(asAdmin()).set('content-type', 'application/json').send(body);
    const json = (path: string, body: unknown) =>
      t.http
        .post(path)
        .set(asAdmin())
        .send(body as object);
    const IMPORT = '/api/v1/subscribers/import';
    const row = () => validRow('+447700900999');

    const cases: [string, () => PromiseLike<Response>, string][] = [
      ['import: not JSON', () => raw(IMPORT, '{"subscribers": ['), 'MALFORMED_JSON'],
      ['import: no body', () => t.http.post(IMPORT).set(asAdmin()), 'VALIDATION_FAILED'],
      ['import: an empty object', () => json(IMPORT, {}), 'VALIDATION_FAILED'],
      ['import: a bare array', () => raw(IMPORT, JSON.stringify([row()])), 'VALIDATION_FAILED'],
      ['import: no entries', () => json(IMPORT, { subscribers: [] }), 'VALIDATION_FAILED'],
      [
        'import: subscribers that is an object',
        () => json(IMPORT, { subscribers: row() }),
        'VALIDATION_FAILED',
      ],
      [
        'import: an entry that is a string',
        () => json(IMPORT, { subscribers: ['+447700900999'] }),
        'VALIDATION_FAILED',
      ],
      [
        'import: an entry that is null',
        () => json(IMPORT, { subscribers: [null] }),
        'VALIDATION_FAILED',
      ],
      [
        'import: a phone that is a number',
        () => json(IMPORT, { subscribers: [{ ...row(), phone: 447700900999 }] }),
        'VALIDATION_FAILED',
      ],
      [
        'import: areas that is a string',
        () => json(IMPORT, { subscribers: [{ ...row(), areas: 'northfield' }] }),
        'VALIDATION_FAILED',
      ],
      [
        'import: consent that is a string',
        () => json(IMPORT, { subscribers: [{ ...row(), consent: 'yes' }] }),
        'VALIDATION_FAILED',
      ],
      [
        'import: an unknown top-level field',
        () => json(IMPORT, { subscribers: [row()], replaceAll: true }),
        'VALIDATION_FAILED',
      ],
      [
        'import: an unknown field in an entry',
        () => json(IMPORT, { subscribers: [{ ...row(), name: 'Sam' }] }),
        'VALIDATION_FAILED',
      ],
      [
        'import: an unknown field in consent',
        () =>
          json(IMPORT, {
            subscribers: [{ ...row(), consent: { ...row().consent, noticeVersion: 3 } }],
          }),
        'VALIDATION_FAILED',
      ],
      [
        'import: a __proto__ field in an entry',
        () =>
          raw(
            IMPORT,
            JSON.stringify({ subscribers: [row()] }).replace(
              '[{',
              '[{"__proto__": {"status": "active"}, ',
            ),
          ),
        'VALIDATION_FAILED',
      ],
      [
        'import: 10,001 entries',
        () => json(IMPORT, { subscribers: Array.from({ length: 10_001 }, () => ({})) }),
        'VALIDATION_FAILED',
      ],
      [
        'import: an evidence of 2,001 characters',
        () =>
          json(IMPORT, {
            subscribers: [{ ...row(), consent: { ...row().consent, evidence: 'x'.repeat(2001) } }],
          }),
        'VALIDATION_FAILED',
      ],
      ...(['subject-access', 'erasure'] as const).flatMap(
        (route): [string, () => PromiseLike<Response>, string][] => {
          const path = `/api/v1/privacy/${route}`;
          return [
            [`${route}: not JSON`, () => raw(path, '{"phone": '), 'MALFORMED_JSON'],
            [`${route}: no body`, () => t.http.post(path).set(asAdmin()), 'VALIDATION_FAILED'],
            [`${route}: no phone`, () => json(path, {}), 'VALIDATION_FAILED'],
            [
              `${route}: a phone that is a number`,
              () => json(path, { phone: 447700900999 }),
              'VALIDATION_FAILED',
            ],
            [
              `${route}: a phone that is an array`,
              () => json(path, { phone: ['07700 900999'] }),
              'VALIDATION_FAILED',
            ],
            [
              `${route}: a phone of 41 characters`,
              () => json(path, { phone: '0'.repeat(41) }),
              'VALIDATION_FAILED',
            ],
            [
              `${route}: an unknown field`,
              () => json(path, { phone: '07700 900999', everything: true }),
              'VALIDATION_FAILED',
            ],
            [
              `${route}: not a phone number`,
              () => json(path, { phone: '12345' }),
              'INVALID_PHONE_NUMBER',
            ],
            [`${route}: letters`, () => json(path, { phone: 'call me' }), 'INVALID_PHONE_NUMBER'],
          ];
        },
      ),
    ];

    it.each(cases)('%s', async (_, send, code) => {
      const before = await counts();
      const response = await send();
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code });
      expect(typeof (response.body as { message: unknown }).message).toBe('string');
      expect(JSON.stringify(response.body)).not.toContain('900999');
      expect(await counts()).toEqual(before);
    });

    it('takes a full import of 10,000 entries in one request', async () => {
      // Every entry invalid (no phone), so it exercises the size limits without filling the table.
      const response = await json(IMPORT, {
        subscribers: Array.from({ length: 10_000 }, () => ({
          ...row(),
          phone: '',
          consent: { ...row().consent, evidence: 'Paper form held at Northfield library, box 12' },
        })),
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ imported: 0, invalid: 10_000 });
    });
  });
});
