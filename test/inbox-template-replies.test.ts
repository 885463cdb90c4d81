import { createHash } from 'node:crypto';
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
import { seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Template replies from the shared inbox, through the simulator: proposed by whoever works the
 * conversation, sent once the channel's policy has its approvals (never the proposer's own),
 * with the content safeguards' findings needing a reason; and blocking a sender, optionally
 * ending their subscriptions.
 */

const CORPORATE_NUMBER_ID = '200000000000001';
const YOUTH_NUMBER_ID = '200000000000002';
const base = '/api/v1/inbox/conversations';

let nextNumber = 500;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface TemplateReply {
  id: string;
  status: string;
  parameters: string[];
  approvals: { by: { id: string; name: string }; overrideReason?: string }[];
  approvalsRequired: number;
  contentFindings: string[];
  rejection: { by: { id: string }; comment: string } | null;
  deliveryId: string | null;
  youMay: { approve: boolean; reject: boolean; withdraw: boolean };
}

const template = (parameters: string[]) => ({
  templateName: 'area_alert',
  language: 'en_GB',
  parameters,
});

describe('template replies from the shared inbox', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const as = (p: Person) => council.bearer(p);
  const writes = (from: E164, text: string, numberId = YOUTH_NUMBER_ID) =>
    residentSends(t, simulatorUrl, from, numberId, { text });
  const conversationOf = async (phone: E164): Promise<string> => {
    const [row] = await t.db.query<{ id: string }>(
      `SELECT id FROM inbox_conversations WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    expect(row, 'no conversation was opened').toBeDefined();
    return row.id;
  };
  /** The resident last wrote 25 hours ago: free text is no longer allowed. */
  const windowCloses = (phone: E164) =>
    t.db.query(
      `UPDATE inbound_messages SET sent_at = now() - interval '25 hours',
              received_at = now() - interval '25 hours'
        WHERE from_phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
  const propose = (p: Person, id: string, body: object) =>
    t.http.post(`${base}/${id}/template-replies`).set(as(p)).send(body);
  const approve = (p: Person, id: string, replyId: string, body: object = {}) =>
    t.http.post(`${base}/${id}/template-replies/${replyId}/approve`).set(as(p)).send(body);
  const reject = (p: Person, id: string, replyId: string, body: object) =>
    t.http.post(`${base}/${id}/template-replies/${replyId}/reject`).set(as(p)).send(body);
  const templateRepliesOf = async (p: Person, id: string): Promise<TemplateReply[]> => {
    const response = await t.http.get(`${base}/${id}`).set(as(p));
    expect(response.status).toBe(200);
    return (response.body as { templateReplies: TemplateReply[] }).templateReplies;
  };
  const auditEvents = (type: string, containing: string) =>
    t.db.query<{ payload: string }>(
      `SELECT payload::text AS payload FROM audit_events
        WHERE type = $1 AND payload::text LIKE '%' || $2 || '%' ORDER BY seq`,
      [type, containing],
    );
  /** A youth conversation with a pending template reply from the youth officer. */
  const youthProposal = async (parameters = ['We have found your coat.']) => {
    const phone = freshNumber();
    await writes(phone, 'Did anyone find a coat?');
    const id = await conversationOf(phone);
    const proposed = await propose(council.youthOfficer, id, template(parameters));
    expect(proposed.status).toBe(201);
    return { phone, id, replyId: (proposed.body as TemplateReply).id };
  };

  beforeAll(async () => {
    t = await startTestApp('inbox-templates');
    // The corporate channel needs two approvals from the comms team.
    council = await setUpCouncil(t, { corporateApprovals: 2 });
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
  });
  afterAll(() => t.close());

  it('sends a template outside the window once two approvers agree, reaching the handset, audited by fingerprint', async () => {
    const phone = freshNumber();
    await writes(phone, 'When will my missed bin be collected?', CORPORATE_NUMBER_ID);
    const id = await conversationOf(phone);
    await windowCloses(phone);
    const free = await t.http
      .post(`${base}/${id}/replies`)
      .set(as(council.admin))
      .send({ text: 'On Friday' });
    expect(free.body).toMatchObject({ code: 'OUTSIDE_SERVICE_WINDOW' });

    const text = 'Your missed bin will be collected on Friday morning.';
    const proposed = await propose(council.admin, id, template([text]));
    expect(proposed.status).toBe(201);
    const reply = proposed.body as TemplateReply;
    expect(reply).toMatchObject({
      status: 'pending',
      approvals: [],
      approvalsRequired: 2,
      contentFindings: [],
      deliveryId: null,
      // The admin proposed it, so may withdraw it, and not approve it.
      youMay: { approve: false, reject: false, withdraw: true },
    });
    expect((await templateRepliesOf(council.comms, id))[0].youMay).toEqual({
      approve: true,
      reject: true,
      withdraw: false,
    });

    const first = await approve(council.comms, id, reply.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'pending',
      approvals: [{ by: { id: council.comms.id } }],
    });
    const twice = await approve(council.comms, id, reply.id);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_APPROVED' });

    const second = await approve(council.comms2, id, reply.id);
    expect(second.status).toBe(200);
    const sent = second.body as TemplateReply;
    expect(sent.status).toBe('sent');
    expect(sent.approvals).toHaveLength(2);
    expect(sent.deliveryId).toEqual(expect.any(String));

    const handset = await eventually(
      () => handsetOf<unknown>(simulatorUrl, phone),
      (items) =>
        items.some((m) => m.type === 'template' && JSON.stringify(m.payload).includes(text)),
    );
    const received = handset.find((m) => m.type === 'template');
    expect(JSON.stringify(received?.payload)).toContain('area_alert');
    const [delivery] = await t.db.query<{ purpose: string; status: string }>(
      `SELECT purpose, status FROM message_deliveries WHERE id = $1`,
      [sent.deliveryId],
    );
    expect(delivery.purpose).toBe('reply');

    const [listed] = await templateRepliesOf(council.admin, id);
    expect(listed).toMatchObject({ id: reply.id, status: 'sent', deliveryId: sent.deliveryId });

    const events = [
      ...(await auditEvents('inbox.template_reply_proposed', reply.id)),
      ...(await auditEvents('inbox.template_reply_approved', reply.id)),
      ...(await auditEvents('inbox.template_reply_sent', reply.id)),
    ];
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(event.payload).toContain(sha256(text));
      expect(event.payload).not.toContain('missed bin');
      expect(event.payload).not.toContain(phone.slice(3));
    }
    expect((await auditEvents('inbox.template_reply_sent', reply.id))[0].payload).toContain(
      sent.deliveryId!,
    );
  });

  it('refuses self-approval, roles that cannot approve and approvers the policy does not name (403)', async () => {
    const phone = freshNumber();
    await writes(phone, 'Is the library open?', CORPORATE_NUMBER_ID);
    const id = await conversationOf(phone);
    const own = (await propose(council.comms, id, template(['Yes, until 5pm.'])))
      .body as TemplateReply;
    const self = await approve(council.comms, id, own.id);
    expect(self.status).toBe(403);
    expect(self.body).toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN' });
    expect((await reject(council.comms, id, own.id, { comment: 'No' })).body).toMatchObject({
      code: 'SELF_APPROVAL_FORBIDDEN',
    });
    const byAdmin = await approve(council.admin, id, own.id);
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body).toMatchObject({ code: 'ROLE_REQUIRED' });

    const youth = await youthProposal();
    const byOfficer = await approve(council.youthOfficer, youth.id, youth.replyId);
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body).toMatchObject({ code: 'ROLE_REQUIRED' });
    // Another service's manager cannot see the conversation at all.
    const elsewhere = await approve(council.highwaysManager, youth.id, youth.replyId);
    expect(elsewhere.status).toBe(404);

    // A Highways channel signed off by the comms team only: its own manager may not approve.
    const channel = await t.http
      .post('/api/v1/channels')
      .set(as(council.admin))
      .send({
        name: 'Highways, comms sign-off',
        kind: 'service',
        serviceId: council.services.highways,
        whatsapp: { phoneNumberId: '200000000000094', displayPhoneNumber: '+44 1632 960194' },
        policy: { approvalsRequired: 1, approverRoles: ['comms_approver'], quietHours: null },
      });
    expect(channel.status).toBe(201);
    const channelId = (channel.body as { id: string }).id;
    const resident = freshNumber();
    await t.db.query(
      `INSERT INTO inbound_messages
         (channel_id, provider_message_id, from_phone_sealed, from_phone_hash, kind, body, sent_at)
       VALUES ($1, $2, $3, $4, 'text', 'Pothole on Mill Lane', now())`,
      [
        channelId,
        `wamid.template-${resident}`,
        vault.encrypt(resident),
        vault.lookupHash(resident),
      ],
    );
    const [conversation] = await t.db.query<{ id: string }>(
      `INSERT INTO inbox_conversations (channel_id, phone_hash, last_message_at)
       VALUES ($1, $2, now()) RETURNING id`,
      [channelId, vault.lookupHash(resident)],
    );
    const highways = await propose(
      council.officer,
      conversation.id,
      template(['Fixed next week.']),
    );
    expect(highways.status).toBe(201);
    const notApprover = await approve(
      council.highwaysManager,
      conversation.id,
      (highways.body as TemplateReply).id,
    );
    expect(notApprover.status).toBe(403);
    expect(notApprover.body).toMatchObject({ code: 'NOT_AN_APPROVER' });
  });

  it('needs a reason to approve parameters with content findings, and audits it without the words', async () => {
    const { id, replyId } = await youthProposal(['Email sam.jones@example.com about the coat.']);
    const [listed] = await templateRepliesOf(council.youthManager, id);
    expect(listed.contentFindings).toEqual(['EMAIL_ADDRESS']);

    const refused = await approve(council.youthManager, id, replyId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONTENT_FINDINGS_NEED_REASON' });
    expect((await templateRepliesOf(council.youthManager, id))[0].status).toBe('pending');

    const reason = 'The resident asked which address to write to';
    const approved = await approve(council.youthManager, id, replyId, { overrideReason: reason });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'sent',
      approvals: [{ overrideReason: reason }],
    });
    const [event] = await auditEvents('inbox.template_reply_approved', replyId);
    expect(event.payload).toContain(reason);
    expect(event.payload).toContain('EMAIL_ADDRESS');
    expect(event.payload).not.toContain('sam.jones');
  });

  it('lets an approver reject a proposal with a comment, after which it cannot be approved', async () => {
    const { id, replyId } = await youthProposal();
    const rejected = await reject(council.youthManager, id, replyId, {
      comment: 'Say where it can be collected.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejection: { by: { id: council.youthManager.id }, comment: 'Say where it can be collected.' },
    });
    const [event] = await auditEvents('inbox.template_reply_rejected', replyId);
    expect(event.payload).toContain('Say where it can be collected.');
    expect(event.payload).not.toContain('found your coat');
    const late = await approve(council.youthManager, id, replyId);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'TEMPLATE_REPLY_NOT_PENDING' });
  });

  it('lets the proposer (or an admin) withdraw a proposal while it waits, and nobody else', async () => {
    const { id, replyId } = await youthProposal();
    const withdraw = (p: Person) =>
      t.http.post(`${base}/${id}/template-replies/${replyId}/withdraw`).set(as(p));
    const manager = await withdraw(council.youthManager);
    expect(manager.status).toBe(403);
    expect(manager.body).toMatchObject({ code: 'NOT_THE_PROPOSER' });
    const withdrawn = await withdraw(council.youthOfficer);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', youMay: { withdraw: false } });
    const [event] = await auditEvents('inbox.template_reply_withdrawn', replyId);
    expect(event, 'no inbox.template_reply_withdrawn event').toBeDefined();
    expect(event.payload).not.toContain('found your coat');
    expect((await withdraw(council.youthOfficer)).body).toMatchObject({
      code: 'TEMPLATE_REPLY_NOT_PENDING',
    });
    const late = await approve(council.youthManager, id, replyId);
    expect(late.status).toBe(409);
    // An admin may withdraw anyone's.
    const other = await youthProposal();
    const byAdmin = await t.http
      .post(`${base}/${other.id}/template-replies/${other.replyId}/withdraw`)
      .set(as(council.admin));
    expect(byAdmin.status).toBe(200);
  });

  it("refuses template replies to a blocked sender, and withdraws the ones waiting when they're blocked", async () => {
    const { id, replyId } = await youthProposal();
    const blocked = await t.http
      .post(`${base}/${id}/block`)
      .set(as(council.youthManager))
      .send({ reason: 'Threats to staff' });
    expect(blocked.status).toBe(200);
    expect((await templateRepliesOf(council.youthManager, id))[0].status).toBe('withdrawn');
    expect((await approve(council.youthManager, id, replyId)).body).toMatchObject({
      code: 'TEMPLATE_REPLY_NOT_PENDING',
    });
    const refused = await propose(council.youthOfficer, id, template(['Hello']));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SENDER_BLOCKED' });
    const [event] = await auditEvents('inbox.sender_blocked', id);
    expect(event.payload).toContain(replyId);
  });

  it('ends the subscriptions of a blocked sender only when asked, as STOP does but without suppression', async () => {
    const [ended, kept] = [freshNumber(), freshNumber()];
    await seedSubscribers(t.app, t.db, [ended, kept], {
      areas: ['northfield'],
      topics: ['gritting'],
    });
    await writes(ended, 'You lot are useless');
    await writes(kept, 'You lot are hopeless');
    const statusOf = async (phone: E164) =>
      (
        await t.db.query<{ id: string; status: string; area_codes: string[] }>(
          `SELECT id, status, area_codes FROM subscribers WHERE phone_hash = $1`,
          [vault.lookupHash(phone)],
        )
      )[0];

    const withUnsubscribe = await t.http
      .post(`${base}/${await conversationOf(ended)}/block`)
      .set(as(council.youthOfficer))
      .send({ reason: 'Abuse', unsubscribe: true });
    expect(withUnsubscribe.status).toBe(200);
    const subscriber = await statusOf(ended);
    expect(subscriber).toMatchObject({ status: 'unsubscribed', area_codes: [] });
    const [consent] = await t.db.query<{ action: string; source: string }>(
      `SELECT action, source FROM consent_records WHERE subscriber_id = $1
        ORDER BY captured_at DESC LIMIT 1`,
      [subscriber.id],
    );
    expect(consent).toEqual({ action: 'opt_out', source: 'staff' });
    const [unsubscribed] = await auditEvents('subscriber.unsubscribed', 'staff_block');
    expect(unsubscribed.payload).not.toContain(ended.slice(3));
    const [blockEvent] = await auditEvents('inbox.sender_blocked', await conversationOf(ended));
    expect(blockEvent.payload).toContain('"subscriptionsEnded":true');
    const suppressed = await t.db.query(`SELECT 1 FROM suppressions WHERE phone_hash = $1`, [
      vault.lookupHash(ended),
    ]);
    expect(suppressed).toEqual([]);

    const without = await t.http
      .post(`${base}/${await conversationOf(kept)}/block`)
      .set(as(council.youthOfficer))
      .send({ reason: 'Abuse' });
    expect(without.status).toBe(200);
    expect(await statusOf(kept)).toMatchObject({ status: 'active', area_codes: ['northfield'] });
  });

  it("removes template replies' parameters on the channel's inbound retention, withdrawing pending ones", async () => {
    const { id, replyId } = await youthProposal(['An old answer']);
    await t.db.query(
      `UPDATE inbox_template_replies SET created_at = now() - interval '8 days' WHERE id = $1`,
      [replyId],
    );
    expect(await t.app.get(InboxRetention).run()).toBeGreaterThanOrEqual(1);
    const [reply] = await templateRepliesOf(council.youthManager, id);
    expect(reply).toMatchObject({ status: 'withdrawn', parameters: [], parametersDeleted: true });
  });

  it('refuses bad input on each new route (400) and unknown template replies (404)', async () => {
    const { id, replyId } = await youthProposal();
    for (const body of [
      { ...template(['Hi']), templateName: 'Area Alert' },
      { ...template(['Hi']), language: 'english' },
      { ...template(['Hi']), parameters: 'Hi' },
      template(['']),
      template(Array.from({ length: 21 }, () => 'x')),
      template(['x'.repeat(1025)]),
      { templateName: 'area_alert', parameters: ['Hi'] },
      { ...template(['Hi']), to: '+447700900999' },
    ]) {
      const response = await propose(council.youthOfficer, id, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    for (const body of [{ overrideReason: 5 }, { overrideReason: '' }, { version: 1 }]) {
      expect((await approve(council.youthManager, id, replyId, body)).status).toBe(400);
    }
    for (const body of [{}, { comment: '   ' }, { comment: 'x'.repeat(2001) }]) {
      expect((await reject(council.youthManager, id, replyId, body)).status).toBe(400);
    }
    expect(
      (
        await t.http
          .post(`${base}/${id}/template-replies/not-a-uuid/approve`)
          .set(as(council.youthManager))
          .send({})
      ).status,
    ).toBe(400);
    const block = await t.http
      .post(`${base}/${id}/block`)
      .set(as(council.youthOfficer))
      .send({ reason: 'Abuse', unsubscribe: 'yes' });
    expect(block.status).toBe(400);
    const unknown = await approve(council.youthManager, id, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'TEMPLATE_REPLY_NOT_FOUND' });
    expect((await templateRepliesOf(council.youthManager, id))[0].status).toBe('pending');
  });

  describe('the console pages', () => {
    const signIn = (p: Person) => consoleSession(t, p.id);

    it('proposes, approves with a reason, and rejects template replies without JavaScript', async () => {
      const phone = freshNumber();
      await writes(phone, 'Any news about my son’s coat?');
      const id = await conversationOf(phone);
      await windowCloses(phone);
      const officer = await signIn(council.youthOfficer);
      const shown = await officer.get(`/console/inbox/${id}`).expect(200);
      expect(shown.text).toContain('Reply with an approved template');
      expect(shown.text).toContain('Propose a template reply below');

      const empty = await officer.post(`/console/inbox/${id}/template-replies`, {
        templateName: '',
        language: 'en_GB',
        parameters: '',
      });
      expect(empty.status).toBe(200);
      expect(empty.text).toContain('There is a problem');
      expect(empty.text).toContain('href="#template-name"');

      const proposed = await officer.post(`/console/inbox/${id}/template-replies`, {
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: 'Call 07700 900123 or email coats@example.com\r\n',
      });
      expect(proposed.status).toBe(303);
      expect(proposed.headers.location).toBe(`/console/inbox/${id}?done=template_proposed`);
      const waiting = await officer.get(`/console/inbox/${id}?done=template_proposed`);
      expect(waiting.text).toContain('Waiting for approval');
      expect(waiting.text).not.toContain('Approve template reply');
      // Its proposer may take it back; the approver may not.
      expect(waiting.text).toContain('Withdraw template reply');

      const manager = await signIn(council.youthManager);
      const review = await manager.get(`/console/inbox/${id}`).expect(200);
      expect(review.text).toContain('Approve template reply');
      expect(review.text).not.toContain('Withdraw template reply');
      expect(review.text).toContain('an email address');
      const [replyId] = /override-reason-([0-9a-f-]{36})/.exec(review.text)?.slice(1) ?? [];
      expect(replyId).toBeDefined();

      const noReason = await manager.post(
        `/console/inbox/${id}/template-replies/${replyId}/approve`,
      );
      expect(noReason.status).toBe(200);
      expect(noReason.text).toContain(`href="#override-reason-${replyId}"`);

      const approved = await manager.post(
        `/console/inbox/${id}/template-replies/${replyId}/approve`,
        { overrideReason: 'The council’s own address and number' },
      );
      expect(approved.status).toBe(303);
      expect(approved.headers.location).toBe(`/console/inbox/${id}?done=template_sent`);
      expect((await manager.get(`/console/inbox/${id}?done=template_sent`)).text).toContain(
        'Approved and sent',
      );

      const second = await officer.post(`/console/inbox/${id}/template-replies`, {
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: 'We still have it.',
      });
      expect(second.status).toBe(303);
      const [secondId] = (await templateRepliesOf(council.youthManager, id))
        .filter((r) => r.status === 'pending')
        .map((r) => r.id);
      const noComment = await manager.post(
        `/console/inbox/${id}/template-replies/${secondId}/reject`,
        { comment: '' },
      );
      expect(noComment.status).toBe(200);
      expect(noComment.text).toContain(`href="#reject-comment-${secondId}"`);
      const rejected = await manager.post(
        `/console/inbox/${id}/template-replies/${secondId}/reject`,
        { comment: 'Say when reception is open.' },
      );
      expect(rejected.status).toBe(303);
      expect((await manager.get(`/console/inbox/${id}`)).text).toContain(
        'Say when reception is open.',
      );

      const blocked = await officer.post(`/console/inbox/${id}/block`, {
        reason: 'Abusive messages',
        unsubscribe: 'yes',
      });
      expect(blocked.status).toBe(303);
      expect(blocked.headers.location).toBe(`/console/inbox/${id}?done=blocked_unsubscribed`);
    });

    it('shows the officer’s refusal for template approval as a 403 page', async () => {
      const { id, replyId } = await youthProposal();
      const officer = await signIn(council.youthOfficer);
      const refused = await officer.post(
        `/console/inbox/${id}/template-replies/${replyId}/approve`,
      );
      expect(refused.status).toBe(403);
    });
  });
});
