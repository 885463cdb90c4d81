import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { type Council, type Person, setUpCouncil } from './support/council.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The admin's residents pages, through HTTP as a browser without JavaScript uses them. */
describe('console: residents pages', () => {
  let t: TestApp;
  let council: Council;
  let secondAdmin: Person;
  let vault: PhoneVault;

  /** A signed-in browser: GET a page, POST a form with the session's CSRF token. */
  const browserFor = async (person: Person) => {
    const { cookie } = await consoleSignIn(t, person.id);
    if (!cookie) throw new Error('no session cookie');
    const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
    const csrf = formToken(home.text);
    return {
      get: (path: string) => t.http.get(path).set('Cookie', cookie),
      post: (path: string, form: Record<string, string> = {}) =>
        t.http
          .post(path)
          .set('Cookie', cookie)
          .type('form')
          .send({ ...form, _csrf: csrf }),
    };
  };
  const subscriberOf = async (phone: E164) =>
    (
      await t.db.query<{ status: string; area_codes: string[] }>(
        `SELECT status, area_codes FROM subscribers WHERE phone_hash = $1`,
        [vault.lookupHash(phone)],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp('console-residents');
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

  beforeEach(async () => {
    await t.db.query(`DELETE FROM subscribers`);
    await t.db.query(`DELETE FROM subscriber_reconciliations`);
  });

  it('shows how many residents an alert could reach, in all, per area and per topic', async () => {
    await seedSubscribers(t.app, t.db, [1, 2, 3].map(residentNumber), {
      areas: ['northfield'],
      topics: ['gritting'],
    });
    await seedSubscribers(t.app, t.db, [residentNumber(4)], {
      areas: ['southbank'],
      topics: ['gritting', 'youth'],
    });
    await seedSubscribers(t.app, t.db, [residentNumber(5)], {
      areas: ['southbank'],
      topics: ['youth'],
      status: 'unsubscribed',
    });
    const admin = await browserFor(council.admin);
    const page = await admin.get('/console/residents').expect(200);
    expect(page.text).toContain('<title>Residents – Crier');
    expect(page.text).toMatch(/id="total-residents">4</);
    const row = (name: string) =>
      new RegExp(`>${name}</th>\\s*<td[^>]*>${name}</td>\\s*<td[^>]*>(\\d+)</td>`).exec(
        page.text,
      )?.[1];
    expect([row('northfield'), row('southbank'), row('gritting'), row('youth')]).toEqual([
      '3',
      '1',
      '4',
      '1',
    ]);
    expect(page.text).toContain('href="/console/residents/import"');
    expect(page.text).toContain('href="/console/residents/reconciliations"');
    expect(page.text).toContain('href="/console/residents/privacy"');
  });

  it('imports the good rows of a pasted CSV and lists every other row by line with its meaning', async () => {
    const admin = await browserFor(council.admin);
    const form = await admin.get('/console/residents/import').expect(200);
    expect(form.text).toContain('consent_captured_at');
    const csv = [
      'phone,areas,topics,consent_source,consent_captured_at,consent_evidence',
      '07700 900301,northfield;southbank,gritting,paper form,2024-05-01,"Form 1, box 2"',
      'not a phone,northfield,gritting,paper form,2024-05-01,Form 2',
      '',
      '07700 900303,nowhere,gritting,paper form,2024-05-01,Form 3',
      '07700 900304,northfield,gritting,paper form,,Form 4',
    ].join('\n');
    const result = await admin.post('/console/residents/import', { csv }).expect(200);
    expect(result.text).toContain('<h1 class="govuk-heading-l">Import result</h1>');
    expect(result.text).toContain('1 residents can now be sent alerts');
    expect(result.text).toContain('3 with a problem to correct');
    const errors = [
      ...result.text.matchAll(
        /<th scope="row" class="govuk-table__header">(\d+)<\/th>[\s\S]*?<code>(\w+)<\/code>/g,
      ),
    ].map((m) => `${m[1]} ${m[2]}`);
    expect(errors).toEqual(['3 INVALID_PHONE_NUMBER', '5 UNKNOWN_AREA', '6 CONSENT_INCOMPLETE']);
    expect(result.text).toContain('The phone number is missing or is not a valid number.');
    expect(result.text).toContain('No area has the code nowhere');
    expect(result.text).toContain('missing: consent_captured_at');
    expect(await subscriberOf('+447700900301' as E164)).toEqual({
      status: 'active',
      area_codes: ['northfield', 'southbank'],
    });
    expect(await subscriberOf('+447700900303' as E164)).toBeUndefined();
  });

  it('shows an unreadable CSV on the form with the GOV.UK error summary, keeping the text', async () => {
    const admin = await browserFor(council.admin);
    const page = await admin.post('/console/residents/import', { csv: 'phone\n0770' }).expect(200);
    expect(page.text).toContain('<title>Error: Import residents');
    expect(page.text).toContain('govuk-error-summary');
    expect(page.text).toContain('href="#csv"');
    expect(page.text).toMatch(/<textarea[^>]*>phone\n0770<\/textarea>/);
  });

  it('reports a reconciliation for one admin and lets only a second admin confirm it', async () => {
    const [kept, absent] = [residentNumber(11), residentNumber(12)];
    await seedSubscribers(t.app, t.db, [kept, absent], {
      areas: ['northfield'],
      topics: ['gritting'],
    });
    const admin = await browserFor(council.admin);
    const empty = await admin.post('/console/residents/reconciliations', { phones: ' \n' });
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('govuk-error-summary');
    expect(empty.text).toContain('href="#phones"');

    const report = await admin
      .post('/console/residents/reconciliations', { phones: `${kept}\n\nnonsense\n` })
      .expect(200);
    expect(report.text).toContain('<h1 class="govuk-heading-l">Reconciliation report</h1>');
    expect(report.text).toMatch(/Residents not on the list\s*<\/dt>\s*<dd[^>]*>\s*1\s*</);
    expect(report.text).toContain('These lines were left out of the comparison: 3.');
    expect(report.text).toContain(`+44 •••••••${absent.slice(-3)}`);
    expect(report.text).not.toContain(absent);
    expect(report.text).toContain('Waiting for a second admin');

    const list = await admin.get('/console/residents/reconciliations').expect(200);
    const id = /action="\/console\/residents\/reconciliations\/([0-9a-f-]{36})\/confirm"/.exec(
      list.text,
    )?.[1];
    expect(id).toBeDefined();
    expect(list.text).toContain('cannot confirm a list you uploaded yourself');

    const own = await admin.post(`/console/residents/reconciliations/${id}/confirm`).expect(200);
    expect(own.text).toContain('govuk-error-summary');
    expect(own.text).toContain('Another admin must confirm a reconciliation');
    expect(own.text).toContain(`href="#confirm-${id}"`);
    expect((await subscriberOf(absent)).status).toBe('active');

    const second = await browserFor(secondAdmin);
    const confirmed = await second.post(`/console/residents/reconciliations/${id}/confirm`);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.location).toBe(`/console/residents/reconciliations?confirmed=${id}`);
    const after = await second.get(confirmed.headers.location).expect(200);
    expect(after.text).toContain('Reconciliation confirmed: 1 residents were unsubscribed.');
    expect((await subscriberOf(absent)).status).toBe('unsubscribed');
    expect((await subscriberOf(kept)).status).toBe('active');
  });

  it('shows a subject access request in sections without the number, and downloads it', async () => {
    const phone = residentNumber(21);
    await seedSubscribers(t.app, t.db, [phone], { areas: ['northfield'], topics: ['gritting'] });
    const admin = await browserFor(council.admin);
    const missing = await admin.post('/console/residents/privacy', { phone: 'x' }).expect(200);
    expect(missing.text).toContain('<title>Error: Subject access and erasure');
    expect(missing.text).toContain('href="#phone"');
    expect(missing.text).toContain('href="#request"');

    const national = `0${phone.slice(3)}`;
    const page = await admin
      .post('/console/residents/privacy', { phone: national, request: 'access' })
      .expect(200);
    const masked = `+44 •••••••${phone.slice(-3)}`;
    expect(page.text).toContain(`What Crier holds about ${masked}`);
    for (const id of [
      'subscriber',
      'consent-records',
      'deliveries',
      'inbound-messages',
      'suppression',
      'pending-opt-ins',
      'join-conversation',
      'audit-events',
    ]) {
      expect(page.text).toContain(`id="${id}"`);
    }
    expect(page.text).toContain('Subscribed');
    expect(page.text).not.toContain(phone);
    expect(page.text).not.toContain(phone.slice(1));
    expect(page.text).not.toContain(national);

    const resident = /name="resident" value="([^"]+)"/.exec(page.text)![1];
    const download = await admin
      .post('/console/residents/privacy/download', { resident })
      .buffer(true)
      .expect(200);
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const bundle = JSON.parse(download.text) as { phone: string; subscriber: unknown };
    expect(bundle.phone).toBe(masked);
    expect(bundle.subscriber).toMatchObject({ status: 'active', areas: ['northfield'] });

    const audited = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE type = 'privacy.subject_access'`,
    );
    expect(Number(audited[0].n)).toBe(2);
  });

  it('erases a number only once the admin ticks the box, then shows what was removed', async () => {
    const phone = residentNumber(31);
    await seedSubscribers(t.app, t.db, [phone], { areas: ['northfield'], topics: ['gritting'] });
    const admin = await browserFor(council.admin);
    const masked = `+44 •••••••${phone.slice(-3)}`;
    const confirm = await admin
      .post('/console/residents/privacy', { phone, request: 'erasure' })
      .expect(200);
    expect(confirm.text).toContain(
      `<h1 class="govuk-heading-l">Erase everything Crier holds about ${masked}?</h1>`,
    );
    expect(confirm.text).toContain('This cannot be undone.');
    expect(confirm.text).not.toContain(phone);
    const resident = /name="resident" value="([^"]+)"/.exec(confirm.text)![1];

    const unticked = await admin
      .post('/console/residents/privacy/erasure', { resident })
      .expect(200);
    expect(unticked.text).toContain('govuk-error-summary');
    expect(unticked.text).toContain('href="#confirm"');
    expect(await subscriberOf(phone)).toBeDefined();

    const tampered = await admin
      .post('/console/residents/privacy/erasure', { resident: 'x', confirm: 'yes' })
      .expect(200);
    expect(tampered.text).toContain('Enter the resident&#39;s phone number again');

    const done = await admin
      .post('/console/residents/privacy/erasure', { resident, confirm: 'yes' })
      .expect(200);
    expect(done.text).toContain('Erased');
    expect(done.text).toMatch(/Subscriber record<\/dt>\s*<dd[^>]*>Deleted/);
    expect(await subscriberOf(phone)).toBeUndefined();
  });

  it('refuses every residents page to an officer (403)', async () => {
    const officer = await browserFor(council.officer);
    for (const path of [
      '/console/residents',
      '/console/residents/import',
      '/console/residents/reconciliations',
      '/console/residents/privacy',
    ]) {
      expect((await officer.get(path)).status, path).toBe(403);
    }
    for (const path of [
      '/console/residents/import',
      '/console/residents/reconciliations',
      '/console/residents/reconciliations/00000000-0000-4000-8000-000000000000/confirm',
      '/console/residents/privacy',
      '/console/residents/privacy/download',
      '/console/residents/privacy/erasure',
    ]) {
      expect((await officer.post(path, { phone: '07700 900999' })).status, path).toBe(403);
    }
    const home = await officer.get('/console').expect(200);
    expect(home.text).not.toContain('href="/console/residents"');
  });
});
