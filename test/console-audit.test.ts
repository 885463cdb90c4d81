import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../src/audit-verifier/verify-bundle.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the console’s audit pages', () => {
  let t: TestApp;
  let council: Council;
  let messageId: string;
  let auditor: { cookie: string; csrf: string };

  const signedIn = async (staffId: string) => {
    const { cookie } = await consoleSignIn(t, staffId);
    if (!cookie) throw new Error('no session cookie');
    const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
    return { cookie, csrf: formToken(home.text) };
  };
  const get = (path: string) => t.http.get(path).set('Cookie', auditor.cookie);
  const post = (path: string) =>
    t.http.post(path).set('Cookie', auditor.cookie).type('form').send({ _csrf: auditor.csrf });
  /** The events' numbers in the results table, in order. */
  const seqsIn = (html: string) =>
    [
      ...html.matchAll(
        /<tr class="govuk-table__row">\s*<td class="govuk-table__cell">(\d+)<\/td>/g,
      ),
    ].map((match) => Number(match[1]));
  const typesIn = (html: string) =>
    [...html.matchAll(/<td class="govuk-table__cell"><code>([a-z_.]+)<\/code><\/td>/g)].map(
      (match) => match[1],
    );

  beforeAll(async () => {
    t = await startTestApp('console-audit');
    council = await setUpCouncil(t);
    const api = messageApi(t, council);
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    messageId = created.body.id;
    await api.submit(council.officer, messageId);
    await api.approve(council.comms, messageId, 1);
    auditor = await signedIn(council.auditor.id);
  });
  afterAll(() => t.close());

  it('lists events, and the filters narrow them', async () => {
    const all = await get('/console/audit').expect(200);
    expect(all.text).toContain('<h1 class="govuk-heading-l">Audit log</h1>');
    const allTypes = typesIn(all.text);
    expect(allTypes).toContain('staff.created');
    expect(allTypes).toContain('message.approved');

    const messages = await get(`/console/audit?type=message.*&messageId=${messageId}`).expect(200);
    const types = typesIn(messages.text);
    expect(types.slice(0, 3)).toEqual(['message.created', 'message.submitted', 'message.approved']);
    expect(types.every((type) => type.startsWith('message.'))).toBe(true);
    expect(messages.text).toContain(`href="/console/audit/messages/${messageId}"`);
    // The approver is shown by reference, with the name of the current staff member.
    const approvedBy = await get(
      `/console/audit?actor=${council.comms.id}&type=message.approved`,
    ).expect(200);
    expect(typesIn(approvedBy.text)).toEqual(['message.approved']);
    expect(approvedBy.text).toMatch(
      /chris<br><span class="govuk-hint govuk-body-s">ref [^<]+<\/span>/,
    );

    const future = await get('/console/audit?from-day=1&from-month=1&from-year=2099').expect(200);
    expect(seqsIn(future.text)).toEqual([]);
    expect(future.text).toContain('No events match your filters.');
  });

  it('pages through the results with "Next page"', async () => {
    for (let i = 0; i < 40; i += 1) {
      await t.http
        .post('/api/v1/areas')
        .set(council.bearer(council.admin))
        .send({ code: `extra${i}`, name: 'Extra' })
        .expect(201);
    }
    const first = await get('/console/audit').expect(200);
    const seqs = seqsIn(first.text);
    expect(seqs.length).toBe(50);
    const next = /href="([^"]+)" rel="next"/.exec(first.text)?.[1];
    expect(next).toBe(`/console/audit?afterSeq=${seqs.at(-1)}`);
    const second = await get(next!).expect(200);
    expect(seqsIn(second.text)[0]).toBe(seqs.at(-1)! + 1);
  });

  it('shows bad filters in an error summary, keeping what was typed, never a 500', async () => {
    const response = await get(
      '/console/audit?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=&to-year=2026&to-time=25:00&type=Message!&messageId=abc',
    ).expect(200);
    expect(response.text).toContain('<title>Error: Audit log – Crier');
    expect(response.text).toContain('There is a problem');
    expect(response.text).toContain('href="#from-day">From must be a real date');
    expect(response.text).toContain('href="#to-month">To must include a month');
    expect(response.text).toContain('href="#type">Event type must look like');
    expect(response.text).toContain('href="#messageId">Message ID must be');
    expect(response.text).toContain('value="31"');
    expect(response.text).toContain('value="Message!"');
    expect(seqsIn(response.text)).toEqual([]);
  });

  it('is for auditors and admins only: an officer gets 403', async () => {
    const officer = await signedIn(council.officer.id);
    for (const path of [
      '/console/audit',
      `/console/audit/messages/${messageId}`,
      '/console/audit/verify',
    ]) {
      const response = await t.http.get(path).set('Cookie', officer.cookie);
      expect(response.status).toBe(403);
      expect(response.text).toContain('You do not have access to this page');
    }
    const home = await t.http.get('/console').set('Cookie', officer.cookie).expect(200);
    expect(home.text).not.toContain('href="/console/audit"');
    const auditorHome = await get('/console').expect(200);
    expect(auditorHome.text).toContain('href="/console/audit"');
  });

  it('shows a message’s history, oldest first, linking to the message', async () => {
    const response = await get(`/console/audit/messages/${messageId}`).expect(200);
    const titles = [
      ...response.text.matchAll(/<h2 class="govuk-heading-s[^"]*">([^<]+)<\/h2>/g),
    ].map((match) => match[1]);
    expect(titles.slice(0, 3)).toEqual(['Drafted', 'Submitted for approval', 'Approved']);
    expect(response.text).toContain('Approved version 1 (content hash');
    expect(response.text).toContain('Approval 1 of 1 needed.');
    expect(response.text).toContain(`href="/console/messages/${messageId}"`);
    expect(response.text).toContain(`name="messageId" value="${messageId}"`);
    const unknown = await get('/console/audit/messages/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await get('/console/audit/messages/not-an-id')).status).toBe(400);
  });

  it('downloads a message’s evidence bundle that the standalone verifier accepts', async () => {
    const response = await get(`/console/audit/export?messageId=${messageId}`)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => done(null, body));
      })
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="crier-evidence-${messageId}.json"`,
    );
    const bundle = JSON.parse(response.body as string) as {
      entries: { seq: number; payload: string }[];
    };
    const api = await t.http
      .get(`/api/v1/audit/export?messageId=${messageId}`)
      .set(council.bearer(council.auditor))
      .expect(200);
    expect(bundle.entries).toEqual((api.body as typeof bundle).entries);
    const events = await t.http
      .get(`/api/v1/audit/events?messageId=${messageId}`)
      .set(council.bearer(council.auditor))
      .expect(200);
    expect(bundle.entries.map((entry) => entry.payload)).toEqual(
      (events.body as { items: { payload: string }[] }).items.map((item) => item.payload),
    );
    const listing = await t.http
      .get('/api/v1/audit/checkpoints')
      .set(council.bearer(council.auditor))
      .expect(200);
    const publicKeyPem = (listing.body as { publicKey: { pem: string } }).publicKey.pem;
    const result = verifyBundle(bundle, { publicKeyPem });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('shows the download form, and its problems in an error summary', async () => {
    const form = await get('/console/audit/export').expect(200);
    expect(form.text).toContain('npm run audit:verify-bundle -- FILE --public-key PEM');
    const backwards = await get('/console/audit/export?fromSeq=5&toSeq=2').expect(200);
    expect(backwards.text).toContain('There is a problem');
    expect(backwards.text).toContain(
      'href="#toSeq">Last event number must be the same as or after',
    );
    const beyond = await get('/console/audit/export?fromSeq=1&toSeq=9999').expect(200);
    expect(beyond.text).toContain('href="#fromSeq">The log holds');
    const noEvents = await get(
      '/console/audit/export?messageId=00000000-0000-4000-8000-000000000000',
    ).expect(200);
    expect(noEvents.text).toContain('The audit log holds no events about that message.');
  });

  it('signs a checkpoint and lists it with the key’s fingerprint', async () => {
    const signed = await post('/console/audit/checkpoints').expect(303);
    expect(signed.headers.location).toMatch(/^\/console\/audit\/verify\?signed=\d+$/);
    const page = await get(signed.headers.location).expect(200);
    expect(page.text).toContain('A checkpoint was signed');
    const listing = await t.http
      .get('/api/v1/audit/checkpoints')
      .set(council.bearer(council.auditor))
      .expect(200);
    const { keyId } = (listing.body as { publicKey: { keyId: string } }).publicKey;
    expect(page.text).toContain(`<code>${keyId}</code>`);
  });

  it('reports an intact log, and the first bad event after a row is tampered with', async () => {
    const intact = await post('/console/audit/verify').expect(200);
    expect(intact.text).toContain('The audit log is intact');
    expect(intact.text).toMatch(
      /[\d,]+ events checked, chain head [0-9a-f]{12}…, against \d+ signed checkpoints?\./,
    );

    const k = 3;
    const [{ payload }] = await t.db.query<{ payload: string }>(
      `SELECT payload FROM audit_events WHERE seq = ${k}`,
    );
    const rogue = (sql: string) =>
      t.db.query(
        `SET session_replication_role = replica; ${sql}; SET session_replication_role = origin`,
      );
    await rogue(
      `UPDATE audit_events SET payload = '${payload.replace('"seq":', '"seq": ').replace(/'/g, "''")}' WHERE seq = ${k}`,
    );
    try {
      const tampered = await post('/console/audit/verify').expect(200);
      expect(tampered.text).not.toContain('The audit log is intact');
      expect(tampered.text).toContain('The audit log did not pass the check');
      expect(tampered.text).toContain(`The first event that fails is number ${k}:`);
    } finally {
      await rogue(
        `UPDATE audit_events SET payload = '${payload.replace(/'/g, "''")}' WHERE seq = ${k}`,
      );
    }
    const again = await post('/console/audit/verify').expect(200);
    expect(again.text).toContain('The audit log is intact');
  });
});
