import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { InboxRetention } from '../src/inbox/inbox-retention.service.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { consoleSession } from './support/console-session.js';
import { type Council, type Person, setUpCouncil } from './support/council.js';
import { eventually } from './support/eventually.js';
import { handsetOf, residentSends } from './support/simulated-residents.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The shared inbox through the simulator: a resident writes to a channel, the staff of its
 * service see, assign and answer it (inside the 24-hour window only, one officer at a time),
 * close it, flag abuse and block the sender; everyone else sees nothing.
 */

const CORPORATE_NUMBER_ID = '200000000000001';
const YOUTH_NUMBER_ID = '200000000000002';

let nextNumber = 400;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;

interface Summary {
  id: string;
  channel: { id: string; name: string };
  resident: string;
  status: string;
  assignee: { id: string; name: string } | null;
  blocked: boolean;
  window: { open: boolean; closesAt: string | null };
}
interface Conversation extends Summary {
  items: { id: string; direction: 'in' | 'out'; text: string | null; flagged?: unknown }[];
}

describe('the shared inbox', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const as = (p: Person) => council.bearer(p);
  const writes = (from: E164, text: string, numberId = YOUTH_NUMBER_ID) =>
    residentSends(t, simulatorUrl, from, numberId, { text });
  const list = async (p: Person, status = 'open'): Promise<Summary[]> => {
    const response = await t.http.get(`/api/v1/inbox/conversations?status=${status}`).set(as(p));
    expect(response.status).toBe(200);
    return (response.body as { items: Summary[] }).items;
  };
  const conversationOf = async (phone: E164, p: Person = council.youthOfficer, status = 'open') => {
    const [row] = await t.db.query<{ id: string }>(
      `SELECT id FROM inbox_conversations WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    expect(row, 'no conversation was opened').toBeDefined();
    const listed = (await list(p, status)).find((c) => c.id === row.id);
    return { id: row.id, listed };
  };
  const reply = (p: Person, id: string, text: string) =>
    t.http.post(`/api/v1/inbox/conversations/${id}/replies`).set(as(p)).send({ text });
  const assign = (p: Person, id: string, staffId?: string) =>
    t.http
      .post(`/api/v1/inbox/conversations/${id}/assign`)
      .set(as(p))
      .send(staffId ? { staffId } : {});
  const auditEvents = (type: string) =>
    t.db.query<{ payload: string; subject_ref: string | null }>(
      `SELECT payload, subject_ref FROM audit_events WHERE type = $1 ORDER BY seq`,
      [type],
    );

  beforeAll(async () => {
    t = await startTestApp('inbox');
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
  });
  afterAll(() => t.close());

  it("files a resident's message in its channel's inbox, masked, and no other service's", async () => {
    const phone = freshNumber();
    const { handledBy } = await writes(phone, 'Is the youth club open on Saturday?');
    expect(handledBy).toBeNull();

    const { id, listed } = await conversationOf(phone);
    expect(listed).toMatchObject({ status: 'open', assignee: null, blocked: false });
    expect(listed?.resident).toMatch(/^\+44 •+\d{3}$/);
    expect(listed?.resident.endsWith(phone.slice(-3))).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(phone.slice(3));
    expect(listed?.window.open).toBe(true);

    // The youth service's manager and the admin see it; Highways and the comms team do not.
    expect((await list(council.youthManager)).map((c) => c.id)).toContain(id);
    expect((await list(council.admin)).map((c) => c.id)).toContain(id);
    expect((await list(council.officer)).map((c) => c.id)).not.toContain(id);
    expect((await list(council.comms)).map((c) => c.id)).not.toContain(id);
    const hidden = await t.http.get(`/api/v1/inbox/conversations/${id}`).set(as(council.officer));
    expect(hidden.status).toBe(404);

    const shown = await t.http
      .get(`/api/v1/inbox/conversations/${id}`)
      .set(as(council.youthOfficer));
    expect(shown.status).toBe(200);
    const body = shown.body as Conversation;
    expect(body.items).toMatchObject([
      { direction: 'in', text: 'Is the youth club open on Saturday?', flagged: null },
    ]);
  });

  it('leaves out messages a module took (STOP), and files the corporate number for the comms team', async () => {
    const phone = freshNumber();
    expect((await writes(phone, 'STOP', CORPORATE_NUMBER_ID)).handledBy).toBe('residents');
    const [none] = await t.db.query(`SELECT id FROM inbox_conversations WHERE phone_hash = $1`, [
      vault.lookupHash(phone),
    ]);
    expect(none).toBeUndefined();

    await writes(phone, 'Why did the bin lorry skip our street?', CORPORATE_NUMBER_ID);
    const { id, listed } = await conversationOf(phone, council.comms);
    expect(listed?.channel.name).toBe('Council');
    expect((await list(council.youthOfficer)).map((c) => c.id)).not.toContain(id);
  });

  it('lets the assignee reply inside the window, reaching the handset, audited without the text', async () => {
    const phone = freshNumber();
    await writes(phone, 'My son lost his coat at the youth club');
    const { id } = await conversationOf(phone);

    const assigned = await assign(council.youthOfficer, id);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      status: 'assigned',
      assignee: { id: council.youthOfficer.id },
    });
    expect((await list(council.youthOfficer, 'assigned')).map((c) => c.id)).toContain(id);

    const refused = await reply(council.youthManager, id, 'Hello from the manager');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONVERSATION_ASSIGNED' });

    const text = 'We have found a blue coat: it is at reception.';
    const sent = await reply(council.youthOfficer, id, text);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'queued' });

    const handset = await eventually(
      () => handsetOf<{ body?: string }>(simulatorUrl, phone),
      (items) => items.some((item) => item.payload.body === text),
    );
    expect(handset.some((item) => item.payload.body === text)).toBe(true);
    const [delivery] = await t.db.query<{ purpose: string }>(
      `SELECT purpose FROM message_deliveries WHERE id = $1`,
      [(sent.body as { deliveryId: string }).deliveryId],
    );
    expect(delivery.purpose).toBe('reply');

    const conversation = (
      await t.http.get(`/api/v1/inbox/conversations/${id}`).set(as(council.youthOfficer))
    ).body as Conversation;
    expect(conversation.items.map((i) => [i.direction, i.text])).toEqual([
      ['in', 'My son lost his coat at the youth club'],
      ['out', text],
    ]);

    const [event] = await auditEvents('inbox.replied');
    expect(event.payload).toContain(id);
    expect(event.payload).toContain('textSha256');
    expect(event.payload).not.toContain('blue coat');
    expect(event.payload).not.toContain(phone.slice(3));
  });

  it('refuses free text outside the 24-hour window', async () => {
    const phone = freshNumber();
    await writes(phone, 'Hello?');
    const { id } = await conversationOf(phone);
    await t.db.query(
      `UPDATE inbound_messages SET sent_at = now() - interval '25 hours',
              received_at = now() - interval '25 hours'
        WHERE from_phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    const shown = await t.http
      .get(`/api/v1/inbox/conversations/${id}`)
      .set(as(council.youthOfficer));
    expect((shown.body as Summary).window.open).toBe(false);
    const refused = await reply(council.youthOfficer, id, 'Sorry for the delay');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'OUTSIDE_SERVICE_WINDOW' });
    expect((refused.body as { message: string }).message).toContain('template');
  });

  it('sends exactly one of two replies at once to a conversation assigned to one of them', async () => {
    const phone = freshNumber();
    await writes(phone, 'Can someone call me back?');
    const { id } = await conversationOf(phone);
    expect((await assign(council.youthManager, id, council.youthOfficer.id)).status).toBe(200);

    const answers = await Promise.all([
      reply(council.youthOfficer, id, 'Yes, this afternoon.'),
      reply(council.youthManager, id, 'Yes, tomorrow.'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM inbox_replies WHERE conversation_id = $1`,
      [id],
    );
    expect(Number(n)).toBe(1);
  });

  it('gives an open conversation to whoever answers first when two answer at once', async () => {
    const phone = freshNumber();
    await writes(phone, 'Is the bus running?');
    const { id } = await conversationOf(phone);
    const answers = await Promise.all([
      reply(council.youthOfficer, id, 'First answer'),
      reply(council.youthManager, id, 'Second answer'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const conversation = (
      await t.http.get(`/api/v1/inbox/conversations/${id}`).set(as(council.youthOfficer))
    ).body as Conversation;
    expect(conversation.status).toBe('assigned');
    expect(conversation.items.filter((i) => i.direction === 'out')).toHaveLength(1);
  });

  it('closes a conversation, and a new message from the resident reopens it', async () => {
    const phone = freshNumber();
    await writes(phone, 'Thanks!');
    const { id } = await conversationOf(phone);
    const closed = await t.http
      .post(`/api/v1/inbox/conversations/${id}/close`)
      .set(as(council.youthOfficer));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', assignee: null });
    expect((await list(council.youthOfficer, 'closed')).map((c) => c.id)).toContain(id);
    expect((await reply(council.youthOfficer, id, 'Anything else?')).body).toMatchObject({
      code: 'CONVERSATION_CLOSED',
    });

    await writes(phone, 'One more thing');
    expect((await conversationOf(phone)).listed).toMatchObject({ status: 'open' });
  });

  it('flags abuse and blocks the sender, audited with the reason; their next message opens nothing', async () => {
    const phone = freshNumber();
    await writes(phone, 'You are all useless idiots');
    const { id } = await conversationOf(phone);
    const conversation = (
      await t.http.get(`/api/v1/inbox/conversations/${id}`).set(as(council.youthOfficer))
    ).body as Conversation;
    const messageId = conversation.items[0].id;

    const flag = (reason: unknown) =>
      t.http
        .post(`/api/v1/inbox/conversations/${id}/messages/${messageId}/flag`)
        .set(as(council.youthOfficer))
        .send({ reason });
    expect((await flag('')).status).toBe(400);
    expect((await flag('Insults staff')).status).toBe(200);
    expect((await flag('Again')).body).toMatchObject({ code: 'ALREADY_FLAGGED' });
    const flagged = (
      await t.http.get(`/api/v1/inbox/conversations/${id}`).set(as(council.youthOfficer))
    ).body as Conversation;
    expect(flagged.items[0].flagged).toMatchObject({ reason: 'Insults staff' });
    const [flagEvent] = await auditEvents('inbox.message_flagged');
    expect(flagEvent.payload).toContain('Insults staff');
    expect(flagEvent.payload).toContain(messageId);

    const block = await t.http
      .post(`/api/v1/inbox/conversations/${id}/block`)
      .set(as(council.youthOfficer))
      .send({ reason: 'Repeated abuse' });
    expect(block.status).toBe(200);
    expect(block.body).toMatchObject({ blocked: true, status: 'closed' });
    const [blockEvent] = await auditEvents('inbox.sender_blocked');
    expect(blockEvent.payload).toContain('Repeated abuse');
    expect(blockEvent.payload).not.toContain(phone.slice(3));
    expect((await list(council.youthOfficer, 'blocked')).map((c) => c.id)).toContain(id);

    const { handledBy } = await writes(phone, 'Still here');
    expect(handledBy).toBeNull(); // stored and retained as usual
    expect((await list(council.youthOfficer, 'open')).map((c) => c.id)).not.toContain(id);
    expect((await list(council.youthOfficer, 'closed')).map((c) => c.id)).not.toContain(id);
    expect((await reply(council.youthOfficer, id, 'Hello')).body).toMatchObject({
      code: 'SENDER_BLOCKED',
    });

    const unblock = await t.http
      .post(`/api/v1/inbox/conversations/${id}/unblock`)
      .set(as(council.youthOfficer));
    expect(unblock.status).toBe(200);
    expect(unblock.body).toMatchObject({ blocked: false });
    expect(await auditEvents('inbox.sender_unblocked')).toHaveLength(1);
  });

  it('refuses auditors (403) and bad input (400), and hides unknown conversations (404)', async () => {
    const phone = freshNumber();
    await writes(phone, 'Hi');
    const { id } = await conversationOf(phone);
    const base = '/api/v1/inbox/conversations';
    expect((await t.http.get(base).set(as(council.auditor))).status).toBe(403);
    expect((await t.http.get(`${base}/${id}`).set(as(council.auditor))).status).toBe(403);
    expect((await reply(council.auditor, id, 'Hello')).status).toBe(403);

    expect((await t.http.get(`${base}?status=everything`).set(as(council.admin))).status).toBe(400);
    expect((await t.http.get(`${base}/not-a-uuid`).set(as(council.admin))).status).toBe(400);
    expect((await reply(council.youthOfficer, id, '   ')).status).toBe(400);
    expect((await reply(council.youthOfficer, id, 'x'.repeat(4097))).status).toBe(400);
    const extra = await t.http
      .post(`${base}/${id}/replies`)
      .set(as(council.youthOfficer))
      .send({ text: 'Hi', to: '+447700900999' });
    expect(extra.status).toBe(400);
    const toAuditor = await assign(council.youthOfficer, id, council.auditor.id);
    expect(toAuditor.status).toBe(400);
    expect(toAuditor.body).toMatchObject({ code: 'INVALID_ASSIGNEE' });
    const toHighways = await assign(council.youthOfficer, id, council.officer.id);
    expect(toHighways.body).toMatchObject({ code: 'INVALID_ASSIGNEE' });
    const unknown = await t.http
      .get(`${base}/00000000-0000-4000-8000-000000000000`)
      .set(as(council.admin));
    expect(unknown.status).toBe(404);
  });

  it("deletes staff replies' text on the channel's inbound retention period", async () => {
    const phone = freshNumber();
    await writes(phone, 'Old question');
    const { id } = await conversationOf(phone);
    expect((await reply(council.youthOfficer, id, 'Old answer')).status).toBe(201);
    expect((await reply(council.youthOfficer, id, 'Newer answer')).status).toBe(201);
    // The default retention is 7 days: one reply is 8 days old.
    await t.db.query(
      `UPDATE inbox_replies SET created_at = now() - interval '8 days'
        WHERE conversation_id = $1 AND body = 'Old answer'`,
      [id],
    );
    expect(await t.app.get(InboxRetention).run()).toBe(1);
    const conversation = (
      await t.http.get(`/api/v1/inbox/conversations/${id}`).set(as(council.youthOfficer))
    ).body as Conversation;
    expect(conversation.items.filter((i) => i.direction === 'out').map((i) => i.text)).toEqual([
      null,
      'Newer answer',
    ]);
  });

  it('forgets the conversation and the staff replies in it when the number is erased', async () => {
    const phone = freshNumber();
    await writes(phone, 'Please forget me');
    const { id } = await conversationOf(phone);
    expect((await reply(council.youthOfficer, id, 'We will')).status).toBe(201);
    const erased = await t.http
      .post('/api/v1/privacy/erasure')
      .set(as(council.admin))
      .send({ phone });
    expect(erased.body).toMatchObject({ inboxConversationsDeleted: 1 });
    const left = await t.db.query(
      `SELECT 1 FROM inbox_conversations WHERE id = $1
       UNION ALL SELECT 1 FROM inbox_replies WHERE conversation_id = $1`,
      [id],
    );
    expect(left).toEqual([]);
  });

  describe('the console pages', () => {
    const signIn = (p: Person) => consoleSession(t, p.id);

    it('lists, shows, assigns, answers and closes a conversation without JavaScript', async () => {
      const phone = freshNumber();
      await writes(phone, 'Where is the youth club?');
      const { id } = await conversationOf(phone);
      const officer = await signIn(council.youthOfficer);
      expect(officer.home.text).toContain('href="/console/inbox"');

      const inbox = await officer.get('/console/inbox').expect(200);
      expect(inbox.text).toContain(`/console/inbox/${id}`);
      expect(inbox.text).not.toContain(phone.slice(3));

      const shown = await officer.get(`/console/inbox/${id}`).expect(200);
      expect(shown.text).toContain('Where is the youth club?');
      expect(shown.text).toContain('You can reply with your own words until');

      const empty = await officer.post(`/console/inbox/${id}/replies`, { text: '  ' });
      expect(empty.status).toBe(200);
      expect(empty.text).toContain('There is a problem');
      expect(empty.text).toContain('href="#reply-text"');

      const assigned = await officer.post(`/console/inbox/${id}/assign`);
      expect(assigned.status).toBe(303);
      expect(assigned.headers.location).toBe(`/console/inbox/${id}?done=assigned`);

      const sent = await officer.post(`/console/inbox/${id}/replies`, { text: 'On Mill Lane.' });
      expect(sent.status).toBe(303);
      expect((await officer.get(`/console/inbox/${id}?done=replied`)).text).toContain(
        'On Mill Lane.',
      );

      // Someone else's conversation: the refusal is shown on the form, not as an error page.
      const manager = await signIn(council.youthManager);
      const refused = await manager.post(`/console/inbox/${id}/replies`, { text: 'Me too' });
      expect(refused.status).toBe(200);
      expect(refused.text).toContain('is answering this conversation');
      expect(refused.text).toContain('Me too');

      const blockWithoutReason = await officer.post(`/console/inbox/${id}/block`, { reason: '' });
      expect(blockWithoutReason.status).toBe(200);
      expect(blockWithoutReason.text).toContain('href="#block-reason"');

      expect((await officer.post(`/console/inbox/${id}/close`)).status).toBe(303);
      expect((await officer.get('/console/inbox?status=closed')).text).toContain(
        `/console/inbox/${id}`,
      );
    });

    it("refuses auditors with a 403 page and hides other services' conversations", async () => {
      const phone = freshNumber();
      await writes(phone, 'Hello youth team');
      const { id } = await conversationOf(phone);
      const auditor = await signIn(council.auditor);
      expect(auditor.home.text).not.toContain('href="/console/inbox"');
      expect((await auditor.get('/console/inbox')).status).toBe(403);
      const highways = await signIn(council.officer);
      expect((await highways.get('/console/inbox')).text).not.toContain(id);
      expect((await highways.get(`/console/inbox/${id}`)).status).toBe(404);
    });
  });
});
