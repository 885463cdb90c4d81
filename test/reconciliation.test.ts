import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { ReconciliationReminder } from '../src/residents/reconciliation/reconciliation-reminder.service.js';
import { type Council, type Person, setUpCouncil } from './support/council.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The monthly reconciliation end to end: an admin uploads the council's master list, gets a
 * report of who is absent, another admin confirms, and the database shows who was unsubscribed.
 * The reminder job is called directly, with confirmations back-dated in SQL.
 */

interface Report {
  id: string;
  createdAt: string;
  expiresAt: string;
  listed: number;
  invalidCount: number;
  invalid: { index: number; code: string }[];
  activeSubscribers: number;
  toUnsubscribe: number;
  confirmedAt: string | null;
  unsubscribed: number | null;
  sample: string[];
}

const dataOf = (payload: string) => (JSON.parse(payload) as { data: unknown }).data;

const CHOICE = { areas: ['northfield'], topics: ['gritting'] };
let nextResident = 0;
/** Residents this test owns: numbers no other test in the file uses. */
const residents = (n: number): E164[] =>
  Array.from({ length: n }, () => residentNumber((nextResident += 1)));

describe('monthly reconciliation', () => {
  let t: TestApp;
  let council: Council;
  let secondAdmin: Person;
  let vault: PhoneVault;

  const upload = (phones: unknown, as: Person = council.admin) =>
    t.http.post('/api/v1/subscribers/reconciliations').set(council.bearer(as)).send({ phones });
  const confirm = (id: string, as: Person = secondAdmin) =>
    t.http.post(`/api/v1/subscribers/reconciliations/${id}/confirm`).set(council.bearer(as)).send();
  const list = (as: Person = council.admin) =>
    t.http.get('/api/v1/subscribers/reconciliations').set(council.bearer(as));

  const statusOf = async (phone: E164) => {
    const [row] = await t.db.query<{ id: string; status: string; area_codes: string[] }>(
      `SELECT id, status, area_codes FROM subscribers WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    return row;
  };
  const auditEvents = (type: string) =>
    t.db.query<{ payload: string }>(
      `SELECT payload FROM audit_events WHERE type = $1 ORDER BY seq`,
      [type],
    );
  const reconciliationCount = async () =>
    Number(
      (await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM subscriber_reconciliations`))[0]
        .n,
    );

  beforeAll(async () => {
    t = await startTestApp('reconciliation');
    council = await setUpCouncil(t);
    vault = t.app.get(PhoneVault);
    const email = 'second.admin@example.gov.uk';
    const created = await t.http
      .post('/api/v1/staff')
      .set(council.bearer(council.admin))
      .send({ email, name: 'Second Admin', roles: ['admin'] });
    expect(created.status).toBe(201);
    secondAdmin = {
      id: (created.body as { id: string }).id,
      email,
      token: await t.tokenFor(email),
    };
  });
  afterAll(() => t.close());

  // Each test compares the whole list of subscribers, so each starts with none.
  beforeEach(async () => {
    await t.db.query(`DELETE FROM subscribers`);
    await t.db.query(`DELETE FROM subscriber_reconciliations`);
    await t.db.query(`DELETE FROM subscriber_reconciliation_reminders`);
  });

  it('reports the active subscribers absent from the list, by count, and invalid entries by index', async () => {
    const [kept, nationallyWritten, absent1, absent2] = residents(4);
    const [alreadyGone] = residents(1);
    await seedSubscribers(t.app, t.db, [kept, nationallyWritten, absent1, absent2], CHOICE);
    await seedSubscribers(t.app, t.db, [alreadyGone], { ...CHOICE, status: 'unsubscribed' });

    const response = await upload([
      kept,
      'not a number',
      `0${nationallyWritten.slice(3)}`,
      kept,
      '12345',
      residentNumber(99_999),
    ]);
    expect(response.status).toBe(201);
    const report = response.body as Report;
    expect(report).toMatchObject({
      listed: 6,
      invalidCount: 2,
      invalid: [
        { index: 1, code: 'INVALID_PHONE_NUMBER' },
        { index: 4, code: 'INVALID_PHONE_NUMBER' },
      ],
      activeSubscribers: 4,
      toUnsubscribe: 2,
      confirmedAt: null,
      unsubscribed: null,
    });
    expect(new Date(report.expiresAt).getTime() - new Date(report.createdAt).getTime()).toBe(
      24 * 60 * 60_000,
    );
    // Masked: the country code and last three digits, never a whole number.
    expect(report.sample.sort()).toEqual(
      [absent1, absent2].map((phone) => `+44 •••••••${phone.slice(-3)}`).sort(),
    );
    expect(JSON.stringify(report)).not.toContain(absent1.slice(3));

    // Nothing changes before a confirmation.
    expect((await statusOf(absent1)).status).toBe('active');
    const [event] = await auditEvents('subscribers.reconciliation_reported');
    expect(dataOf(event.payload)).toMatchObject({ listed: 6, toUnsubscribe: 2 });
    expect(event.payload).not.toContain(absent1.slice(3));
  });

  it('on confirmation unsubscribes exactly those absent, not anyone who joined since, without suppressing', async () => {
    const [kept, absent, leftAndBack] = residents(3);
    await seedSubscribers(t.app, t.db, [kept, absent, leftAndBack], CHOICE);
    const report = (await upload([kept])).body as Report;
    expect(report.toUnsubscribe).toBe(2);

    // After the report: a new resident joins (absent from the list too), and one of the absent
    // left and chose again.
    const [joinedSince] = residents(1);
    await seedSubscribers(t.app, t.db, [joinedSince], CHOICE);
    await t.db.query(
      `UPDATE subscribers SET unsubscribed_at = now() + interval '1 second' WHERE phone_hash = $1`,
      [vault.lookupHash(leftAndBack)],
    );

    const response = await confirm(report.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: report.id, toUnsubscribe: 2, unsubscribed: 1 });
    expect((response.body as Report).confirmedAt).not.toBeNull();

    expect(await statusOf(absent)).toMatchObject({ status: 'unsubscribed', area_codes: [] });
    for (const phone of [kept, joinedSince, leftAndBack]) {
      expect((await statusOf(phone)).status).toBe('active');
    }
    const consents = await t.db.query<{ action: string; source: string; evidence: object }>(
      `SELECT action, source, evidence FROM consent_records WHERE subscriber_id = $1`,
      [(await statusOf(absent)).id],
    );
    expect(consents).toEqual([
      { action: 'opt_out', source: 'reconciliation', evidence: { reconciliationId: report.id } },
    ]);
    // Not suppressed: a later import may bring them back, unlike after STOP.
    const suppressed = await t.db.query(`SELECT 1 FROM suppressions WHERE phone_hash = $1`, [
      vault.lookupHash(absent),
    ]);
    expect(suppressed).toHaveLength(0);

    const events = await auditEvents('subscribers.reconciled');
    expect(events).toHaveLength(1);
    expect(dataOf(events[0].payload)).toEqual({
      reconciliationId: report.id,
      toUnsubscribe: 2,
      unsubscribed: 1,
      leftAlone: 1,
    });

    // Twice: 409, and nothing more happens.
    const again = await confirm(report.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'RECONCILIATION_CONFIRMED' });
    expect(await auditEvents('subscribers.reconciled')).toHaveLength(1);
  });

  it('lets a later import bring back a resident it unsubscribed, with the new evidence', async () => {
    const [kept, absent] = residents(2);
    await seedSubscribers(t.app, t.db, [kept, absent], CHOICE);
    const report = (await upload([kept])).body as Report;
    expect((await confirm(report.id)).status).toBe(200);
    expect((await statusOf(absent)).status).toBe('unsubscribed');

    const entry = (phone: E164) => ({
      phone,
      areas: ['southbank'],
      topics: ['youth'],
      consent: { source: 'paper form', capturedAt: '2026-10-01', evidence: 'Form 12, box ticked' },
    });
    const imported = await t.http
      .post('/api/v1/subscribers/import')
      .set(council.bearer(council.admin))
      .send({ subscribers: [entry(absent), entry(kept)] });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      imported: 1,
      skipped: 1,
      errors: [{ index: 1, code: 'ALREADY_SUBSCRIBED' }],
    });
    expect(await statusOf(absent)).toMatchObject({ status: 'active', area_codes: ['southbank'] });
    // The one still subscribed keeps what they had.
    expect((await statusOf(kept)).area_codes).toEqual(CHOICE.areas);
    const consents = await t.db.query<{ action: string }>(
      `SELECT action FROM consent_records WHERE subscriber_id = $1 ORDER BY recorded_at`,
      [(await statusOf(absent)).id],
    );
    expect(consents.map((c) => c.action)).toEqual(['opt_out', 'import']);
    const [event] = (await auditEvents('subscribers.imported')).slice(-1);
    expect(dataOf(event.payload)).toMatchObject({ imported: 1, resubscribed: 1, skipped: 1 });
  });

  it('refuses an expired report, an unknown one, and the uploader confirming their own', async () => {
    const [absent] = residents(1);
    await seedSubscribers(t.app, t.db, [absent], CHOICE);
    const report = (await upload([residentNumber(99_998)])).body as Report;

    const own = await confirm(report.id, council.admin);
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'RECONCILIATION_SAME_ADMIN' });

    await t.db.query(
      `UPDATE subscriber_reconciliations SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [report.id],
    );
    const expired = await confirm(report.id);
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({ code: 'RECONCILIATION_EXPIRED' });
    expect((await statusOf(absent)).status).toBe('active');

    const unknown = await confirm('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'RECONCILIATION_NOT_FOUND' });
    expect((await confirm('not-a-uuid')).status).toBe(400);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    await seedSubscribers(t.app, t.db, residents(1), CHOICE);
    for (const phones of [undefined, [], 'x', [42], ['+447400000015', null], ['x'.repeat(101)]]) {
      const response = await upload(phones);
      expect(response.status, JSON.stringify(phones)).toBe(400);
    }
    const extra = await t.http
      .post('/api/v1/subscribers/reconciliations')
      .set(council.bearer(council.admin))
      .send({ phones: ['+447400000015'], unsubscribeAll: true });
    expect(extra.status).toBe(400);
    const malformed = await t.http
      .post('/api/v1/subscribers/reconciliations')
      .set(council.bearer(council.admin))
      .set('content-type', 'application/json')
      .send('{"phones": [');
    expect(malformed.status).toBe(400);
    expect(await reconciliationCount()).toBe(0);
  });

  it('takes a list of 100,000 numbers', async () => {
    const phones = Array.from({ length: 100_000 }, (_, n) => residentNumber(n));
    const [absent] = residents(1);
    await seedSubscribers(t.app, t.db, [phones[5], absent], CHOICE);
    const response = await upload(phones.filter((phone) => phone !== absent));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ listed: 99_999, toUnsubscribe: 1, activeSubscribers: 2 });
  });

  it('lets only admins upload, confirm and list', async () => {
    const report = (await upload([residentNumber(99_997)])).body as Report;
    for (const person of [council.officer, council.youthManager, council.comms, council.auditor]) {
      expect((await upload([residentNumber(99_997)], person)).status).toBe(403);
      expect((await confirm(report.id, person)).status).toBe(403);
      expect((await list(person)).status).toBe(403);
    }
    expect((await t.http.get('/api/v1/subscribers/reconciliations')).status).toBe(401);
    expect(await reconciliationCount()).toBe(1);
  });

  it('lists reports newest first with when the next is due, and reminds once a day when overdue', async () => {
    const reminder = t.app.get(ReconciliationReminder);
    const reminders = () => auditEvents('subscribers.reconciliation_due');
    const before = (await reminders()).length;

    // Never confirmed: due now.
    expect((await list()).body).toMatchObject({ items: [], lastConfirmedAt: null, overdue: true });
    expect(await reminder.remindIfDue()).toBe(true);
    expect(await reminder.remindIfDue()).toBe(false);
    expect(await reminders()).toHaveLength(before + 1);

    const first = (await upload([residentNumber(99_996)])).body as Report;
    expect((await confirm(first.id)).status).toBe(200);
    const second = (await upload([residentNumber(99_996)])).body as Report;
    const listed = (await list()).body as {
      items: Report[];
      lastConfirmedAt: string;
      dueBy: string;
      overdue: boolean;
    };
    expect(listed.items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(listed.overdue).toBe(false);
    expect(new Date(listed.dueBy).getTime() - new Date(listed.lastConfirmedAt).getTime()).toBe(
      30 * 24 * 60 * 60_000,
    );
    // Yesterday's reminder no longer counts; but a recent confirmation means none is due.
    await t.db.query(`UPDATE subscriber_reconciliation_reminders SET day = day - 1`);
    expect(await reminder.remindIfDue()).toBe(false);

    // The last confirmation 31 days ago: overdue, and reminded again (once) today.
    await t.db.query(
      `UPDATE subscriber_reconciliations SET confirmed_at = confirmed_at - interval '31 days'
        WHERE confirmed_at IS NOT NULL`,
    );
    expect((await list()).body).toMatchObject({ overdue: true });
    expect(await reminder.remindIfDue()).toBe(true);
    expect(await reminder.remindIfDue()).toBe(false);
    const events = await reminders();
    expect(events).toHaveLength(before + 2);
    expect(JSON.parse(events.at(-1)!.payload)).toMatchObject({
      actor: { kind: 'system', reason: 'reconciliation-schedule' },
    });
  });
});
