import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { AbandonedOptInsCleanup } from '../src/residents/abandoned-opt-ins.cleanup.js';
import { CONFIRM_PAYLOAD, DECLINE_PAYLOAD } from '../src/residents/opt-in/confirmation-words.js';
import { OptInRateLimits } from '../src/residents/opt-in/opt-in-rate-limits.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, importPostcodes, setUpCouncil } from './support/council.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/eventually.js';
import { handsetOf, residentActions, type SimMessage } from './support/simulated-residents.js';

/**
 * Web opt-in end to end on the embedded simulator: the public request, the confirmation
 * template on the simulated handset, the resident's tap on Confirm (or typed YES), and what it
 * leaves behind (an active subscriber, consent evidence, an audit event); a tap on an old
 * confirmation, Not me, bad input, rate limits, expiry, opting in afresh after STOP, and STOP
 * afterwards.
 */

const CORPORATE_NUMBER_ID = '200000000000001';
const SUBSCRIBED = "You're subscribed to Council alerts. Send STOP at any time to stop them.";
const DECLINED =
  'Thank you for letting us know. We have deleted the request and will not send you Council alerts.';

let nextNumber = 600;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;

type SimPayload = { body?: string; name?: string };

describe('web opt-in', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const validBody = (phone: string, extra: Record<string, unknown> = {}) => ({
    phone,
    postcode: 'nf4 1aa',
    topics: ['gritting'],
    consent: true,
    privacyNoticeVersion: '2025-01',
    ...extra,
  });
  const requestOptIn = (body: object) => t.http.post('/api/v1/public/subscriptions').send(body);

  const subscriber = async (phone: E164) => {
    const [row] = await t.db.query<{
      id: string;
      status: string;
      area_codes: string[];
      topic_codes: string[];
      privacy_notice_version: string | null;
    }>(`SELECT * FROM subscribers WHERE phone_hash = $1`, [vault.lookupHash(phone)]);
    return row;
  };
  const pendingRequests = (phone: E164) =>
    t.db.query<{ id: string; confirmation_message_id: string | null }>(
      `SELECT id, confirmation_message_id FROM subscription_requests WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
  const suppression = async (phone: E164) =>
    (
      await t.db.query<{ reason: string }>(
        `SELECT reason FROM suppressions WHERE phone_hash = $1`,
        [vault.lookupHash(phone)],
      )
    )[0] ?? null;

  const handset = (phone: E164) => handsetOf<SimPayload>(simulatorUrl, phone);
  /**
   * Waits until the confirmation template is on the handset and its send is recorded; returns
   * the pending request and the message as the handset shows it, buttons and all.
   */
  const confirmationArrives = async (phone: E164) => {
    const [request] = await eventually(
      () => pendingRequests(phone),
      (rows) => rows[0]?.confirmation_message_id != null,
    );
    expect(request?.confirmation_message_id, 'no confirmation was sent').toBeTruthy();
    const items = await handset(phone);
    const message = items.find((item) => item.id === request.confirmation_message_id);
    expect(message?.type).toBe('template');
    expect(message?.payload.name).toBe('subscription_confirmation');
    expect(JSON.stringify(message?.payload)).toContain(
      'Tap Confirm (or reply YES) within 48 hours',
    );
    expect(message?.buttons).toEqual([
      { type: 'QUICK_REPLY', text: 'Confirm', payload: CONFIRM_PAYLOAD },
      { type: 'QUICK_REPLY', text: 'Not me', payload: DECLINE_PAYLOAD },
    ]);
    return { request, message: message as SimMessage<SimPayload> };
  };
  const { residentWrites, residentTaps, repliedOn } = residentActions<SimPayload>(
    () => ({ t, simulatorUrl }),
    CORPORATE_NUMBER_ID,
  );

  beforeAll(async () => {
    t = await startTestApp('web-opt-in');
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
    await importPostcodes(t, council, 'postcode,area\nNF4 1AA,northfield\nSB4 1AA,southbank\n');
  });
  afterAll(() => t.close());
  // Every request here comes from 127.0.0.1: each test starts with the limits fresh.
  beforeEach(() => t.app.get(OptInRateLimits).reset());

  it('subscribes a resident who taps Confirm, with consent evidence and an audit event', async () => {
    const phone = freshNumber();
    const national = `0${phone.slice(3, 7)} ${phone.slice(7)}`;
    const response = await requestOptIn(validBody(national, { topics: ['gritting', 'youth'] }));
    expect(response.status).toBe(202);
    const accepted = response.body as { status: string; expiresAt: string };
    expect(Object.keys(accepted).sort()).toEqual(['expiresAt', 'status']);
    expect(accepted.status).toBe('pending');
    const hours = (Date.parse(accepted.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);
    expect(await subscriber(phone)).toBeUndefined();

    const { request, message } = await confirmationArrives(phone);
    const tap = await residentTaps(phone, message, 'Confirm');
    expect(tap.handledBy).toBe('web-opt-in');

    const stored = await subscriber(phone);
    expect(stored).toMatchObject({
      status: 'active',
      area_codes: ['northfield'],
      topic_codes: ['gritting', 'youth'],
      privacy_notice_version: '2025-01',
    });
    const consents = await t.db.query<{
      action: string;
      source: string;
      privacy_notice_version: string;
      evidence: Record<string, unknown>;
    }>(
      `SELECT action, source, privacy_notice_version, evidence FROM consent_records
        WHERE subscriber_id = $1`,
      [stored.id],
    );
    expect(consents).toEqual([
      {
        action: 'opt_in',
        source: 'web',
        privacy_notice_version: '2025-01',
        evidence: {
          requestId: request.id,
          confirmationMessageId: request.confirmation_message_id,
          providerMessageId: tap.providerMessageId,
          ipHash: consents[0]?.evidence.ipHash,
        },
      },
    ]);
    expect(consents[0]?.evidence.ipHash).toMatch(/^[0-9a-f]{64}$/);
    const [event] = await t.db.query<{ payload: string; subject_ref: string | null }>(
      `SELECT payload, subject_ref FROM audit_events WHERE type = 'subscriber.opted_in'
        ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.subject_ref).toMatch(/\S/);
    expect(event.payload).not.toContain(stored.id);
    expect(event.payload).not.toContain(phone.slice(1));
    expect(await pendingRequests(phone)).toEqual([]);
    const items = await repliedOn(phone, SUBSCRIBED);
    expect(items.map((item) => item.payload.body)).toContain(SUBSCRIBED);
  });

  it('still takes a typed YES, which residents send whatever the message asks', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone)).expect(202);
    await confirmationArrives(phone);
    expect((await residentWrites(phone, 'Yes')).handledBy).toBe('web-opt-in');
    expect(await subscriber(phone)).toMatchObject({ status: 'active', area_codes: ['northfield'] });
    await repliedOn(phone, SUBSCRIBED);
  });

  it('does not take a tap on Confirm on an older confirmation, for a replaced request', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone)).expect(202);
    const first = await confirmationArrives(phone);
    await requestOptIn(validBody(phone, { postcode: 'SB4 1AA' })).expect(202);
    const second = await confirmationArrives(phone);
    expect(second.message.id).not.toBe(first.message.id);

    const stale = await residentTaps(phone, first.message, 'Confirm');
    expect(stale.handledBy).toBeNull();
    expect(await subscriber(phone)).toBeUndefined();
    expect(await pendingRequests(phone)).toEqual([second.request]);

    expect((await residentTaps(phone, second.message, 'Confirm')).handledBy).toBe('web-opt-in');
    expect(await subscriber(phone)).toMatchObject({ area_codes: ['southbank'] });
  });

  it('deletes the request when the resident taps Not me, and says so politely', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone)).expect(202);
    const { message } = await confirmationArrives(phone);
    expect((await residentTaps(phone, message, 'Not me')).handledBy).toBe('web-opt-in');
    expect(await pendingRequests(phone)).toEqual([]);
    expect(await subscriber(phone)).toBeUndefined();
    await repliedOn(phone, DECLINED);
    // Now nothing is pending: a later Confirm on the same message is not taken.
    expect((await residentTaps(phone, message, 'Confirm')).handledBy).toBeNull();
    expect(await subscriber(phone)).toBeUndefined();
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const phone = freshNumber();
    const cases: [object, string][] = [
      [validBody(phone, { consent: false }), 'VALIDATION_FAILED'],
      [validBody(phone, { consent: 'true' }), 'VALIDATION_FAILED'],
      [validBody(phone, { consent: undefined }), 'VALIDATION_FAILED'],
      [validBody(phone, { topics: [] }), 'VALIDATION_FAILED'],
      [validBody(phone, { topics: 'gritting' }), 'VALIDATION_FAILED'],
      [validBody(phone, { privacyNoticeVersion: '' }), 'VALIDATION_FAILED'],
      [validBody(phone, { extra: 'field' }), 'VALIDATION_FAILED'],
      [validBody('12345'), 'INVALID_PHONE_NUMBER'],
      [validBody(phone, { topics: ['weather'] }), 'UNKNOWN_TOPIC'],
      [validBody(phone, { postcode: 'ZZ9 9ZZ' }), 'UNKNOWN_POSTCODE'],
      [validBody(phone, { postcode: 'not a postcode' }), 'UNKNOWN_POSTCODE'],
    ];
    for (const [body, code] of cases) {
      await t.app.get(OptInRateLimits).reset();
      const response = await requestOptIn(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ code });
    }
    const [{ n }] = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM subscription_requests WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    expect(Number(n)).toBe(0);
  });

  it('limits requests per number (3 an hour) and per client (5 in 10 minutes) with 429', async () => {
    const phone = freshNumber();
    for (let i = 0; i < 3; i += 1) expect((await requestOptIn(validBody(phone))).status).toBe(202);
    const limited = await requestOptIn(validBody(phone));
    expect(limited.status).toBe(429);
    // The 'too_many' error kind: 429 with the contract's error body.
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(limited.body).toHaveProperty('message', expect.stringContaining('Too many requests'));
    // Counted in the database, which every Crier process shares, under the number's hash.
    const counters = await t.db.query<{ key: string; hits: number }>(
      `SELECT key, hits FROM rate_limit_windows WHERE scope = 'opt-in:number'`,
    );
    expect(counters).toEqual([{ key: vault.lookupHash(phone), hits: 4 }]);

    await t.app.get(OptInRateLimits).reset();
    for (let i = 0; i < 5; i += 1) {
      expect((await requestOptIn(validBody(freshNumber()))).status).toBe(202);
    }
    expect((await requestOptIn(validBody(freshNumber()))).status).toBe(429);
  });

  it('answers the same for a number already subscribed', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone)).expect(202);
    await confirmationArrives(phone);
    await residentWrites(phone, 'YES');
    const again = await requestOptIn(validBody(phone, { postcode: 'SB4 1AA' }));
    expect(again.status).toBe(202);
    expect(Object.keys(again.body as object).sort()).toEqual(['expiresAt', 'status']);
    // Confirming again adds the new area to what they had.
    await eventually(
      () => pendingRequests(phone),
      (rows) => rows[0]?.confirmation_message_id != null,
    );
    await residentWrites(phone, 'join');
    expect((await subscriber(phone)).area_codes).toEqual(['northfield', 'southbank']);
  });

  it('does not take a YES after the request has expired, and the cleanup deletes it', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone)).expect(202);
    await confirmationArrives(phone);
    await t.db.query(
      `UPDATE subscription_requests SET expires_at = now() - interval '1 minute'
        WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    const late = await residentWrites(phone, 'YES');
    expect(late.handledBy).toBeNull();
    expect(await subscriber(phone)).toBeUndefined();
    // Deleted as it was read; the scheduled cleanup takes the ones nobody answers.
    expect(await pendingRequests(phone)).toEqual([]);

    const other = freshNumber();
    await requestOptIn(validBody(other)).expect(202);
    await t.db.query(
      `UPDATE subscription_requests SET expires_at = now() - interval '1 minute'
        WHERE phone_hash = $1`,
      [vault.lookupHash(other)],
    );
    expect((await t.app.get(AbandonedOptInsCleanup).run()).requests).toBeGreaterThanOrEqual(1);
    expect(await pendingRequests(other)).toEqual([]);
  });

  it('does not take a YES from a number with no request', async () => {
    const phone = freshNumber();
    const stray = await residentWrites(phone, 'YES');
    expect(stray.handledBy).toBeNull();
    expect(await subscriber(phone)).toBeUndefined();
  });

  it('lets a number that sent STOP opt in afresh, and STOP afterwards still works', async () => {
    const phone = freshNumber();
    const stop = await residentWrites(phone, 'STOP');
    expect(stop.handledBy).toBe('residents');
    expect(await suppression(phone)).toEqual({ reason: 'stop' });

    await requestOptIn(validBody(phone)).expect(202);
    await confirmationArrives(phone);
    await residentWrites(phone, 'YES');
    expect(await subscriber(phone)).toMatchObject({ status: 'active', area_codes: ['northfield'] });
    expect(await suppression(phone)).toBeNull();

    const again = await residentWrites(phone, 'stop');
    expect(again.handledBy).toBe('residents');
    expect(await subscriber(phone)).toMatchObject({ status: 'unsubscribed', area_codes: [] });
    expect(await suppression(phone)).toEqual({ reason: 'stop' });
  });

  it('lets STOP win over a pending request', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone)).expect(202);
    await confirmationArrives(phone);
    const stop = await residentWrites(phone, 'STOP');
    expect(stop.handledBy).toBe('residents');
    expect(await suppression(phone)).toEqual({ reason: 'stop' });
  });

  it('shows a pending request in subject access and forgets it when the number is erased', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone)).expect(202);
    expect(await pendingRequests(phone)).toHaveLength(1);
    const admin = await t.tokenFor('admin@example.gov.uk');
    const bundle = await t.http
      .post('/api/v1/privacy/subject-access')
      .set('Authorization', `Bearer ${admin}`)
      .send({ phone });
    expect(bundle.body).toMatchObject({
      pendingOptIns: [
        {
          area: 'northfield',
          topics: ['gritting'],
          privacyNoticeVersion: '2025-01',
          language: 'en',
        },
      ],
    });
    const erased = await t.http
      .post('/api/v1/privacy/erasure')
      .set('Authorization', `Bearer ${admin}`)
      .send({ phone });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ pendingOptInsDeleted: 1 });
    expect(await pendingRequests(phone)).toEqual([]);
  });
});
