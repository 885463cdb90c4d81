import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelsService } from '../src/channels/channels.service.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { inboxConversationFor, inboxTemplateReplyFor } from './support/inbox-fixtures.js';
import { type Council, type Person, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type RoleName = 'officer' | 'service_manager' | 'comms_approver' | 'auditor' | 'admin';
const ROLES: RoleName[] = ['officer', 'service_manager', 'comms_approver', 'auditor', 'admin'];
const DRAFTERS: RoleName[] = ['officer', 'service_manager', 'comms_approver'];
const APPROVERS: RoleName[] = ['service_manager', 'comms_approver'];
const INBOX: RoleName[] = ['officer', 'service_manager', 'comms_approver', 'admin'];

interface Prepared {
  path: string;
  body?: object | string;
  headers?: Record<string, string>;
}

interface Row {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  route: string;
  /** Who may call it: 'public' (no token), 'any' active staff, or these roles. */
  allowed: 'public' | 'any' | RoleName[];
  /**
   * A console page: the caller signs in with a session cookie (and posts its `_csrf`) instead of
   * a bearer token; without a session (bearer token or not) it is sent to sign in (303).
   */
  session?: true;
  /** The status an allowed caller gets for a well-formed request. */
  ok: number;
  /** Builds a well-formed request for this caller (fresh resources where the call changes state). */
  prepare?: (as: Person, role: RoleName) => Prepared | Promise<Prepared>;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${(counter += 1)}`;
/** A fresh number in Ofcom's drama range (07700 900000-900999), never a real person's. */
const dramaNumber = () => `07700 900${unique('').padStart(3, '0')}`;

describe('authorisation: every route against every role', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;
  const person = (role: RoleName): Person =>
    ({
      officer: council.officer,
      service_manager: council.youthManager,
      comms_approver: council.comms,
      auditor: council.auditor,
      admin: council.admin,
    })[role];
  /** A channel this caller may draft on: a service manager drafts for their own service. */
  const channelFor = (role: RoleName) =>
    role === 'service_manager' ? council.channels.youth : council.channels.corporate;

  /** A draft that the caller may see and edit; written by someone else where it matters. */
  const draftFor = async (role: RoleName, author?: Person) => {
    const writer =
      author ??
      (role === 'service_manager'
        ? council.youthOfficer
        : role === 'officer'
          ? council.officer
          : council.officer);
    const channel =
      writer === council.youthOfficer ? council.channels.youth : council.channels.corporate;
    const created = await api.create(writer, templateMessage(channel));
    if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
    return created.body.id;
  };
  /** A draft carrying a snap poll, which the role may see. */
  const pollDraftFor = async (role: RoleName) => {
    const writer = role === 'service_manager' ? council.youthOfficer : council.officer;
    const channel =
      role === 'service_manager' ? council.channels.youth : council.channels.corporate;
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await api.create(
      writer,
      templateMessage(channel, {
        content: {
          kind: 'text',
          body: 'Should the market move to Sunday?',
          poll: { options: ['Yes', 'No'], closesAt },
        },
      }),
    );
    if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
    return created.body.id;
  };
  const inReviewFor = async (role: RoleName) => {
    const writer = role === 'service_manager' ? council.youthOfficer : council.officer;
    const id = await draftFor(role, writer);
    await api.submit(writer, id);
    return id;
  };

  /** The console's compose form, filled in as a browser posts it. */
  const composeForm = (channelId: string) => ({
    channelId,
    kind: 'template',
    templateName: 'area_alert',
    language: 'en_GB',
    parameters: 'Gritting tonight from 8pm on all A roads.',
    areas: 'northfield',
    topics: 'gritting',
    priority: 'routine',
    action: 'save',
  });

  /** A channel of its own, paused, so that resuming it disturbs no other row. */
  const pausedChannel = async () => {
    const n = unique('');
    const created = await t.http
      .post('/api/v1/channels')
      .set(council.bearer(council.admin))
      .send({
        name: `Paused ${n}`,
        kind: 'corporate',
        whatsapp: {
          phoneNumberId: `8000000${n.padStart(5, '0')}`,
          displayPhoneNumber: '+44 1632 960998',
        },
        policy: { approvalsRequired: 1, approverRoles: ['comms_approver'], quietHours: null },
      });
    const id = (created.body as { id: string }).id;
    await t.app.get(ChannelsService).pauseSending(id, { code: '190', reason: 'Token expired' });
    return id;
  };
  /**
   * A reconciliation report uploaded by a second admin: the one who uploads may not confirm
   * (four eyes), and the matrix confirms as council.admin.
   */
  let uploader: Person | undefined;
  const reconciliationToConfirm = async () => {
    if (!uploader) {
      const email = 'uploader.admin@example.gov.uk';
      const created = await t.http
        .post('/api/v1/staff')
        .set(council.bearer(council.admin))
        .send({ email, name: 'Uploader', roles: ['admin'] });
      uploader = { id: (created.body as { id: string }).id, email, token: await t.tokenFor(email) };
    }
    const report = await t.http
      .post('/api/v1/subscribers/reconciliations')
      .set(council.bearer(uploader))
      .send({ phones: [dramaNumber()] });
    return (report.body as { id: string }).id;
  };
  /**
   * An open retrospective review of an emergency the caller may see and review: written by
   * someone else on a channel the caller approves on, "approved" by comms2. Stored directly:
   * the emergency path itself is tested in test/emergency-path.test.ts.
   */
  const emergencyReviewFor = async (role: RoleName) => {
    const messageId = await draftFor(role);
    const [review] = await t.db.query<{ id: string }>(
      `INSERT INTO emergency_reviews (message_id, version, channel_id, approved_by, approved_at, due_at)
       SELECT id, 1, channel_id, $2, now(), now() + interval '4 hours' FROM messages WHERE id = $1
       RETURNING id`,
      [messageId, council.comms2.id],
    );
    return review.id;
  };
  /** A callback signed with the embedded simulator's app secret, as Meta would sign it. */
  const signedCallback = (): Prepared => {
    const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    return {
      path: '/webhooks/whatsapp',
      body: raw,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${createHmac('sha256', 'sim-app-secret').update(raw).digest('hex')}`,
      },
    };
  };

  const ROWS: Row[] = [
    { method: 'get', route: '/console', allowed: 'any', ok: 200, session: true },
    { method: 'get', route: '/console/sign-in', allowed: 'public', ok: 200 },
    {
      method: 'post',
      route: '/console/sign-in/local',
      allowed: 'public',
      ok: 303,
      prepare: (as) => ({
        path: '/console/sign-in/local',
        body: { staffId: as.id },
        headers: { origin: t.url },
      }),
    },
    { method: 'post', route: '/console/sign-out', allowed: 'any', ok: 303, session: true },
    // Training handsets: any staff member, on Ofcom's drama numbers only (the embedded simulator).
    { method: 'get', route: '/console/training', allowed: 'any', ok: 200, session: true },
    {
      method: 'post',
      route: '/console/training/handsets',
      allowed: 'any',
      ok: 303,
      session: true,
      prepare: () => ({ path: '/console/training/handsets', body: { number: dramaNumber() } }),
    },
    {
      method: 'get',
      route: '/console/training/handsets/:number',
      allowed: 'any',
      ok: 200,
      session: true,
      prepare: () => ({ path: `/console/training/handsets/${dramaNumber().replace(' ', '')}` }),
    },
    {
      method: 'post',
      route: '/console/training/handsets/:number/messages',
      allowed: 'any',
      ok: 303,
      session: true,
      prepare: () => ({
        path: `/console/training/handsets/${dramaNumber().replace(' ', '')}/messages`,
        // Crier answers JOIN at once, so the page does not wait long for its reply.
        body: { text: 'JOIN' },
      }),
    },
    {
      method: 'post',
      route: '/console/training/handsets/:number/taps',
      allowed: 'any',
      ok: 303,
      session: true,
      // The simulator takes a reply button on a message it does not know, titled by its id.
      prepare: () => ({
        path: `/console/training/handsets/${dramaNumber().replace(' ', '')}/taps`,
        body: { kind: 'button_reply', context: 'wamid.unknown', option: 'hello' },
      }),
    },
    // The console's message pages (src/console/messages). Form fields are flat strings, as a
    // browser posts one ticked checkbox.
    { method: 'get', route: '/console/messages', allowed: 'any', ok: 200, session: true },
    { method: 'get', route: '/console/messages/new', allowed: DRAFTERS, ok: 200, session: true },
    {
      method: 'post',
      route: '/console/messages/new',
      allowed: DRAFTERS,
      ok: 303,
      session: true,
      prepare: (_, role) => ({
        path: '/console/messages/new',
        body: composeForm(channelFor(role)),
      }),
    },
    {
      method: 'get',
      route: '/console/messages/:id',
      allowed: 'any',
      ok: 200,
      session: true,
      prepare: async (_, role) => ({ path: `/console/messages/${await draftFor(role)}` }),
    },
    {
      method: 'get',
      route: '/console/messages/:id/edit',
      allowed: DRAFTERS,
      ok: 200,
      session: true,
      prepare: async (_, role) => ({ path: `/console/messages/${await draftFor(role)}/edit` }),
    },
    {
      method: 'post',
      route: '/console/messages/:id/edit',
      allowed: DRAFTERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/messages/${await draftFor(role)}/edit`,
        body: composeForm(channelFor(role)),
      }),
    },
    {
      method: 'post',
      route: '/console/messages/:id/submit',
      allowed: DRAFTERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => ({ path: `/console/messages/${await draftFor(role)}/submit` }),
    },
    {
      method: 'get',
      route: '/console/messages/:id/cancel',
      allowed: DRAFTERS,
      ok: 200,
      session: true,
      prepare: async (_, role) => ({ path: `/console/messages/${await draftFor(role)}/cancel` }),
    },
    {
      method: 'post',
      route: '/console/messages/:id/cancel',
      allowed: DRAFTERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/messages/${await draftFor(role)}/cancel`,
        body: { reason: 'Forecast changed' },
      }),
    },
    {
      method: 'get',
      route: '/console/audience/reach',
      allowed: 'any',
      ok: 200,
      session: true,
      prepare: () => ({ path: '/console/audience/reach?areas=northfield&topics=gritting' }),
    },
    {
      method: 'get',
      route: '/console/compose/quiet-hours',
      allowed: DRAFTERS,
      ok: 200,
      session: true,
      prepare: () => ({
        path: `/console/compose/quiet-hours?channelId=${council.channels.corporate}&priority=routine`,
      }),
    },
    { method: 'get', route: '/console/review', allowed: APPROVERS, ok: 200, session: true },
    {
      method: 'get',
      route: '/console/messages/:id/review',
      allowed: APPROVERS,
      ok: 200,
      session: true,
      prepare: async (_, role) => ({ path: `/console/messages/${await inReviewFor(role)}/review` }),
    },
    {
      method: 'post',
      route: '/console/messages/:id/approve',
      allowed: APPROVERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/messages/${await inReviewFor(role)}/approve`,
        body: { version: '1' },
      }),
    },
    {
      method: 'post',
      route: '/console/messages/:id/request-changes',
      allowed: APPROVERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/messages/${await inReviewFor(role)}/request-changes`,
        body: { comment: 'Name the roads.' },
      }),
    },
    {
      method: 'post',
      route: '/console/messages/:id/test-send',
      allowed: APPROVERS,
      ok: 303,
      session: true,
      prepare: async (as, role) => {
        await t.http
          .put('/api/v1/me/test-phone')
          .set(council.bearer(as))
          .send({ phone: dramaNumber() })
          .expect(200);
        return {
          path: `/console/messages/${await inReviewFor(role)}/test-send`,
          body: { version: '1' },
        };
      },
    },
    { method: 'get', route: '/console/me/test-phone', allowed: 'any', ok: 200, session: true },
    {
      method: 'post',
      route: '/console/me/test-phone',
      allowed: 'any',
      ok: 303,
      session: true,
      prepare: () => ({
        path: '/console/me/test-phone',
        body: { action: 'save', phone: dramaNumber() },
      }),
    },
    {
      method: 'get',
      route: '/console/messages/:id/delivery',
      allowed: 'any',
      ok: 200,
      session: true,
      prepare: async (_, role) => ({ path: `/console/messages/${await draftFor(role)}/delivery` }),
    },
    {
      method: 'get',
      route: '/console/messages/:id/delivery.json',
      allowed: 'any',
      ok: 200,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/messages/${await draftFor(role)}/delivery.json`,
      }),
    },
    {
      method: 'post',
      route: '/console/messages/:id/delivery/cancel',
      allowed: DRAFTERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/messages/${await draftFor(role)}/delivery/cancel`,
        body: { reason: 'No longer needed.' },
      }),
    },
    // The console's snap poll results (src/console/polls): whoever may see the message.
    ...['', '.json', '.csv'].map((suffix): Row => ({
      method: 'get',
      route: `/console/messages/:id/poll${suffix}`,
      allowed: 'any',
      ok: 200,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/messages/${await pollDraftFor(role)}/poll${suffix}`,
      }),
    })),
    {
      method: 'get',
      route: '/webhooks/whatsapp',
      allowed: 'public',
      ok: 200,
      prepare: () => ({
        path: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=sim-verify-token&hub.challenge=42',
      }),
    },
    {
      method: 'post',
      route: '/webhooks/whatsapp',
      allowed: 'public',
      ok: 200,
      prepare: signedCallback,
    },
    { method: 'get', route: '/api/v1/me/test-phone', allowed: 'any', ok: 200 },
    {
      method: 'put',
      route: '/api/v1/me/test-phone',
      allowed: 'any',
      ok: 200,
      prepare: () => ({ path: '/api/v1/me/test-phone', body: { phone: '07400 123456' } }),
    },
    { method: 'delete', route: '/api/v1/me/test-phone', allowed: 'any', ok: 204 },
    {
      method: 'post',
      route: '/api/v1/messages/:id/test-send',
      allowed: APPROVERS,
      ok: 201,
      prepare: async (as, role) => {
        await t.http
          .put('/api/v1/me/test-phone')
          .set(council.bearer(as))
          .send({ phone: '07400 123456' });
        return {
          path: `/api/v1/messages/${await inReviewFor(role)}/test-send`,
          body: { version: 1 },
        };
      },
    },
    {
      method: 'get',
      route: '/api/v1/messages/:id/test-sends',
      allowed: 'any',
      ok: 200,
      prepare: async (_, role) => ({ path: `/api/v1/messages/${await draftFor(role)}/test-sends` }),
    },
    // Snap poll results (src/polls): whoever may see the message.
    {
      method: 'get',
      route: '/api/v1/messages/:id/poll',
      allowed: 'any',
      ok: 200,
      prepare: async (_, role) => ({ path: `/api/v1/messages/${await pollDraftFor(role)}/poll` }),
    },
    {
      method: 'get',
      route: '/api/v1/messages/:id/poll/export.csv',
      allowed: 'any',
      ok: 200,
      prepare: async (_, role) => ({
        path: `/api/v1/messages/${await pollDraftFor(role)}/poll/export.csv`,
      }),
    },
    {
      method: 'get',
      route: '/api/v1/messages/:id/versions',
      allowed: 'any',
      ok: 200,
      prepare: async (_, role) => ({ path: `/api/v1/messages/${await draftFor(role)}/versions` }),
    },
    {
      method: 'get',
      route: '/api/v1/messages/:id/delivery',
      allowed: 'any',
      ok: 200,
      prepare: async (_, role) => ({ path: `/api/v1/messages/${await draftFor(role)}/delivery` }),
    },
    {
      method: 'put',
      route: '/api/v1/channels/:id/throughput',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({
        path: `/api/v1/channels/${council.channels.corporate}/throughput`,
        body: { throughputPerSecond: 80 },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/channels/:id/resume-sending',
      allowed: ['admin'],
      ok: 200,
      prepare: async () => ({ path: `/api/v1/channels/${await pausedChannel()}/resume-sending` }),
    },
    { method: 'post', route: '/api/v1/retention/run', allowed: ['admin'], ok: 200 },
    { method: 'get', route: '/health/live', allowed: 'public', ok: 200 },
    { method: 'get', route: '/health/ready', allowed: 'public', ok: 200 },
    { method: 'get', route: '/api/openapi.json', allowed: 'public', ok: 200 },
    { method: 'get', route: '/api/openapi.yaml', allowed: 'public', ok: 200 },
    { method: 'get', route: '/api/docs', allowed: 'public', ok: 200 },
    { method: 'get', route: '/api/docs/', allowed: 'public', ok: 200 },
    { method: 'get', route: '/api/docs/index.html', allowed: 'public', ok: 200 },
    { method: 'get', route: '/api/docs/swagger-ui-init.js', allowed: 'public', ok: 200 },
    { method: 'get', route: '/api/docs/docs/swagger-ui-init.js', allowed: 'public', ok: 200 },
    // Registered by the Swagger UI module, whose package ships no LICENSE file to serve.
    { method: 'get', route: '/api/docs/LICENSE', allowed: 'public', ok: 404 },
    {
      method: 'post',
      route: '/api/v1/auth/local/token',
      allowed: 'public',
      ok: 200,
      prepare: (as) => ({ path: '/api/v1/auth/local/token', body: { email: as.email } }),
    },
    { method: 'get', route: '/api/v1/me', allowed: 'any', ok: 200 },
    {
      method: 'post',
      route: '/api/v1/services',
      allowed: ['admin'],
      ok: 201,
      prepare: () => ({ path: '/api/v1/services', body: { name: unique('Service ') } }),
    },
    { method: 'get', route: '/api/v1/services', allowed: 'any', ok: 200 },
    {
      method: 'post',
      route: '/api/v1/staff',
      allowed: ['admin'],
      ok: 201,
      prepare: () => ({
        path: '/api/v1/staff',
        body: { email: `${unique('new')}@example.gov.uk`, name: 'New Person', roles: ['officer'] },
      }),
    },
    { method: 'get', route: '/api/v1/staff', allowed: ['admin'], ok: 200 },
    {
      method: 'get',
      route: '/api/v1/staff/:id',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({ path: `/api/v1/staff/${council.officer.id}` }),
    },
    {
      method: 'patch',
      route: '/api/v1/staff/:id',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({
        path: `/api/v1/staff/${council.officer.id}`,
        body: { name: unique('Olivia ') },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/areas',
      allowed: ['admin'],
      ok: 201,
      prepare: () => ({
        path: '/api/v1/areas',
        body: { code: unique('area'), name: 'Area' },
      }),
    },
    { method: 'get', route: '/api/v1/areas', allowed: 'any', ok: 200 },
    // Renaming: the code stays, the name people read changes (admins only).
    ...(['area', 'topic'] as const).map((kind): Row => ({
      method: 'patch',
      route: `/api/v1/${kind}s/:code`,
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({
        path: `/api/v1/${kind}s/${kind === 'area' ? 'northfield' : 'gritting'}`,
        body: { name: unique('Renamed ') },
      }),
    })),
    {
      method: 'patch',
      route: '/api/v1/services/:id',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({
        path: `/api/v1/services/${council.services.highways}`,
        body: { name: unique('Highways ') },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/topics',
      allowed: ['admin'],
      ok: 201,
      prepare: () => ({
        path: '/api/v1/topics',
        body: { code: unique('topic'), name: 'Topic' },
      }),
    },
    { method: 'get', route: '/api/v1/topics', allowed: 'any', ok: 200 },
    {
      method: 'post',
      route: '/api/v1/channels',
      allowed: ['admin'],
      ok: 201,
      prepare: () => {
        const n = unique('');
        return {
          path: '/api/v1/channels',
          body: {
            name: `Channel ${n}`,
            kind: 'corporate',
            whatsapp: {
              phoneNumberId: `9000000${n.padStart(5, '0')}`,
              displayPhoneNumber: '+44 1632 960999',
            },
            policy: { approvalsRequired: 1, approverRoles: ['comms_approver'], quietHours: null },
          },
        };
      },
    },
    { method: 'get', route: '/api/v1/channels', allowed: 'any', ok: 200 },
    {
      method: 'get',
      route: '/api/v1/channels/:id',
      allowed: 'any',
      ok: 200,
      prepare: () => ({ path: `/api/v1/channels/${council.channels.corporate}` }),
    },
    {
      method: 'put',
      route: '/api/v1/channels/:id/policy',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({
        path: `/api/v1/channels/${council.channels.corporate}/policy`,
        body: { approvalsRequired: 1, approverRoles: ['comms_approver'], quietHours: null },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/messages',
      allowed: DRAFTERS,
      ok: 201,
      prepare: (_, role) => ({
        path: '/api/v1/messages',
        body: templateMessage(channelFor(role)),
      }),
    },
    { method: 'get', route: '/api/v1/messages', allowed: 'any', ok: 200 },
    {
      method: 'get',
      route: '/api/v1/messages/:id',
      allowed: 'any',
      ok: 200,
      prepare: async (_, role) => ({ path: `/api/v1/messages/${await draftFor(role)}` }),
    },
    {
      method: 'patch',
      route: '/api/v1/messages/:id',
      allowed: DRAFTERS,
      ok: 200,
      prepare: async (_, role) => ({
        path: `/api/v1/messages/${await draftFor(role)}`,
        body: { audience: { areas: ['northfield', 'southbank'], topics: ['gritting'] } },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/messages/:id/submit',
      allowed: DRAFTERS,
      ok: 200,
      prepare: async (_, role) => ({ path: `/api/v1/messages/${await draftFor(role)}/submit` }),
    },
    {
      method: 'post',
      route: '/api/v1/messages/:id/approve',
      allowed: APPROVERS,
      ok: 200,
      prepare: async (_, role) => ({
        path: `/api/v1/messages/${await inReviewFor(role)}/approve`,
        body: { version: 1 },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/messages/:id/request-changes',
      allowed: APPROVERS,
      ok: 200,
      prepare: async (_, role) => ({
        path: `/api/v1/messages/${await inReviewFor(role)}/request-changes`,
        body: { comment: 'Please add the times.' },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/messages/:id/cancel',
      allowed: DRAFTERS,
      ok: 200,
      prepare: async (_, role) => ({
        path: `/api/v1/messages/${await draftFor(role)}/cancel`,
        body: { reason: 'No longer needed.' },
      }),
    },
    { method: 'get', route: '/api/v1/audit/events', allowed: ['auditor', 'admin'], ok: 200 },
    { method: 'post', route: '/api/v1/audit/verify', allowed: ['auditor', 'admin'], ok: 200 },
    { method: 'post', route: '/api/v1/audit/checkpoints', allowed: ['auditor', 'admin'], ok: 201 },
    { method: 'get', route: '/api/v1/audit/checkpoints', allowed: ['auditor', 'admin'], ok: 200 },
    {
      method: 'get',
      route: '/api/v1/audit/export',
      allowed: ['auditor', 'admin'],
      ok: 200,
      prepare: () => ({ path: '/api/v1/audit/export?fromSeq=1&toSeq=3' }),
    },
    // The console's audit pages (auditor, admin), as the audit API.
    {
      method: 'get',
      route: '/console/audit',
      allowed: ['auditor', 'admin'],
      ok: 200,
      session: true,
    },
    {
      method: 'get',
      route: '/console/audit/messages/:id',
      allowed: ['auditor', 'admin'],
      ok: 200,
      session: true,
      prepare: async () => ({ path: `/console/audit/messages/${await draftFor('officer')}` }),
    },
    {
      method: 'get',
      route: '/console/audit/verify',
      allowed: ['auditor', 'admin'],
      ok: 200,
      session: true,
    },
    {
      method: 'post',
      route: '/console/audit/verify',
      allowed: ['auditor', 'admin'],
      ok: 200,
      session: true,
    },
    {
      method: 'post',
      route: '/console/audit/checkpoints',
      allowed: ['auditor', 'admin'],
      ok: 303,
      session: true,
    },
    {
      method: 'get',
      route: '/console/audit/export',
      allowed: ['auditor', 'admin'],
      ok: 200,
      session: true,
      prepare: () => ({ path: '/console/audit/export?fromSeq=1&toSeq=3' }),
    },
    // The settings pages: admin only.
    ...[
      '',
      '/templates',
      '/services',
      '/staff',
      '/channels',
      '/channels/new',
      '/areas',
      '/postcodes',
    ].map((path): Row => ({
      method: 'get',
      route: `/console/settings${path}`,
      allowed: ['admin'],
      ok: 200,
      session: true,
    })),
    ...(
      [
        ['/console/settings/areas/:code', () => '/console/settings/areas/northfield'],
        ['/console/settings/topics/:code', () => '/console/settings/topics/gritting'],
        [
          '/console/settings/services/:id',
          () => `/console/settings/services/${council.services.youth}`,
        ],
      ] as const
    ).flatMap(([route, path]): Row[] => [
      {
        method: 'get',
        route,
        allowed: ['admin'],
        ok: 200,
        session: true,
        prepare: () => ({ path: path() }),
      },
      {
        method: 'post',
        route,
        allowed: ['admin'],
        ok: 303,
        session: true,
        prepare: () => ({ path: path(), body: { name: unique('Renamed ') } }),
      },
    ]),
    {
      method: 'post',
      route: '/console/settings/services',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: () => ({ path: '/console/settings/services', body: { name: unique('Service ') } }),
    },
    {
      method: 'post',
      route: '/console/settings/staff',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: () => ({
        path: '/console/settings/staff',
        body: { name: 'New Person', email: `${unique('new')}@example.gov.uk`, roles: 'officer' },
      }),
    },
    {
      method: 'get',
      route: '/console/settings/staff/:id',
      allowed: ['admin'],
      ok: 200,
      session: true,
      prepare: () => ({ path: `/console/settings/staff/${council.comms2.id}` }),
    },
    {
      method: 'post',
      route: '/console/settings/staff/:id',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: () => ({
        path: `/console/settings/staff/${council.comms2.id}`,
        body: { name: 'casey', roles: 'comms_approver' },
      }),
    },
    {
      method: 'post',
      route: '/console/settings/channels',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: () => {
        const n = unique('');
        return {
          path: '/console/settings/channels',
          body: {
            name: `Page channel ${n}`,
            kind: 'corporate',
            phoneNumberId: `7000000${n.padStart(5, '0')}`,
            displayPhoneNumber: '+44 1632 960997',
            model: 'a',
          },
        };
      },
    },
    ...['', '/policy'].map((path): Row => ({
      method: 'get',
      route: `/console/settings/channels/:id${path}`,
      allowed: ['admin'],
      ok: 200,
      session: true,
      prepare: () => ({ path: `/console/settings/channels/${council.channels.corporate}${path}` }),
    })),
    {
      method: 'post',
      route: '/console/settings/channels/:id/policy',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: () => ({
        path: `/console/settings/channels/${council.channels.corporate}/policy`,
        body: {
          approverRoles: 'comms_approver',
          approvalsRequired: '1',
          quietHours: 'no',
          emergencyBypassesQuietHours: 'yes',
          emergencyPath: 'no',
          allowedContentKinds: 'template',
          inboundRetentionDays: '7',
        },
      }),
    },
    {
      method: 'post',
      route: '/console/settings/channels/:id/throughput',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: () => ({
        path: `/console/settings/channels/${council.channels.corporate}/throughput`,
        body: { throughputPerSecond: '80' },
      }),
    },
    {
      method: 'post',
      route: '/console/settings/channels/:id/resume-sending',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: async () => ({
        path: `/console/settings/channels/${await pausedChannel()}/resume-sending`,
      }),
    },
    ...(['area', 'topic'] as const).map((kind): Row => ({
      method: 'post',
      route: `/console/settings/${kind}s`,
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: () => ({
        path: `/console/settings/${kind}s`,
        body: { code: unique(`${kind}-`), name: `A ${kind}` },
      }),
    })),
    {
      method: 'post',
      route: '/console/settings/postcodes',
      allowed: ['admin'],
      ok: 200,
      session: true,
      prepare: () => ({
        path: '/console/settings/postcodes',
        body: { csv: 'postcode,area\nEB1 1AA,northfield\n' },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/staff/:id/erasure',
      allowed: ['admin'],
      ok: 200,
      prepare: async () => {
        const created = await t.http
          .post('/api/v1/staff')
          .set(council.bearer(council.admin))
          .send({
            email: `${unique('leaver')}@example.gov.uk`,
            name: 'Leaver',
            roles: ['officer'],
          });
        return { path: `/api/v1/staff/${(created.body as { id: string }).id}/erasure` };
      },
    },
    {
      method: 'get',
      route: '/api/v1/audience/reach',
      allowed: 'any',
      ok: 200,
      prepare: () => ({ path: '/api/v1/audience/reach?areas=northfield&topics=gritting' }),
    },
    {
      method: 'get',
      route: '/api/v1/subscribers/counts',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({ path: '/api/v1/subscribers/counts' }),
    },
    {
      method: 'post',
      route: '/api/v1/subscribers/import',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({
        path: '/api/v1/subscribers/import',
        body: {
          subscribers: [
            {
              phone: dramaNumber(),
              areas: ['northfield'],
              topics: ['gritting'],
              consent: { source: 'paper form', capturedAt: '2024-05-01', evidence: 'Form 1' },
            },
          ],
        },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/subscribers/reconciliations',
      allowed: ['admin'],
      ok: 201,
      prepare: () => ({
        path: '/api/v1/subscribers/reconciliations',
        body: { phones: [dramaNumber()] },
      }),
    },
    {
      method: 'post',
      route: '/api/v1/subscribers/reconciliations/:id/confirm',
      allowed: ['admin'],
      ok: 200,
      prepare: async () => ({
        path: `/api/v1/subscribers/reconciliations/${await reconciliationToConfirm()}/confirm`,
      }),
    },
    { method: 'get', route: '/api/v1/subscribers/reconciliations', allowed: ['admin'], ok: 200 },
    {
      method: 'post',
      route: '/api/v1/postcodes/import',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({
        path: '/api/v1/postcodes/import',
        body: 'postcode,area\r\nNF1 1AA,northfield\r\n',
        headers: { 'content-type': 'text/csv' },
      }),
    },
    {
      method: 'get',
      route: '/api/v1/postcodes/:postcode',
      allowed: 'any',
      ok: 200,
      prepare: async () => {
        await t.http
          .post('/api/v1/postcodes/import')
          .set(council.bearer(council.admin))
          .set('content-type', 'text/csv')
          .send('postcode,area\nNF1 1AB,southbank\n')
          .expect(200);
        return { path: '/api/v1/postcodes/nf1%201ab' };
      },
    },
    {
      method: 'post',
      route: '/api/v1/privacy/subject-access',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({ path: '/api/v1/privacy/subject-access', body: { phone: dramaNumber() } }),
    },
    {
      method: 'post',
      route: '/api/v1/privacy/erasure',
      allowed: ['admin'],
      ok: 200,
      prepare: () => ({ path: '/api/v1/privacy/erasure', body: { phone: dramaNumber() } }),
    },
    // The residents' pages: public; their form must come from Crier's own origin.
    { method: 'get', route: '/', allowed: 'public', ok: 303 },
    { method: 'get', route: '/subscribe', allowed: 'public', ok: 200 },
    { method: 'get', route: '/subscribe/details', allowed: 'public', ok: 200 },
    {
      method: 'post',
      route: '/subscribe/details',
      allowed: 'public',
      ok: 303,
      prepare: async () => {
        await t.http
          .post('/api/v1/postcodes/import')
          .set(council.bearer(council.admin))
          .set('content-type', 'text/csv')
          .send('postcode,area\nNF9 9ZY,northfield\n')
          .expect(200);
        return {
          path: '/subscribe/details',
          body: { phone: dramaNumber(), postcode: 'NF9 9ZY', topics: 'gritting', consent: 'yes' },
          headers: { origin: t.url },
        };
      },
    },
    { method: 'get', route: '/subscribe/check-whatsapp', allowed: 'public', ok: 200 },
    { method: 'get', route: '/subscribe/manage', allowed: 'public', ok: 200 },
    { method: 'get', route: '/subscribe/privacy', allowed: 'public', ok: 200 },
    {
      method: 'post',
      route: '/api/v1/public/subscriptions',
      allowed: 'public',
      ok: 202,
      prepare: async () => {
        await t.http
          .post('/api/v1/postcodes/import')
          .set(council.bearer(council.admin))
          .set('content-type', 'text/csv')
          .send('postcode,area\nNF9 9ZZ,northfield\n')
          .expect(200);
        return {
          path: '/api/v1/public/subscriptions',
          body: {
            phone: dramaNumber(),
            postcode: 'NF9 9ZZ',
            topics: ['gritting'],
            consent: true,
            privacyNoticeVersion: '2025-01',
          },
        };
      },
    },
    // The admin's residents pages (src/console/residents).
    { method: 'get', route: '/console/residents', allowed: ['admin'], ok: 200, session: true },
    {
      method: 'get',
      route: '/console/residents/import',
      allowed: ['admin'],
      ok: 200,
      session: true,
    },
    {
      method: 'post',
      route: '/console/residents/import',
      allowed: ['admin'],
      ok: 200,
      session: true,
      prepare: () => ({
        path: '/console/residents/import',
        body: {
          csv: `phone,areas,topics,consent_source,consent_captured_at,consent_evidence\n${dramaNumber()},northfield,gritting,paper form,2024-05-01,Form 1`,
        },
      }),
    },
    {
      method: 'get',
      route: '/console/residents/reconciliations',
      allowed: ['admin'],
      ok: 200,
      session: true,
    },
    {
      method: 'post',
      route: '/console/residents/reconciliations',
      allowed: ['admin'],
      ok: 200,
      session: true,
      prepare: () => ({
        path: '/console/residents/reconciliations',
        body: { phones: dramaNumber() },
      }),
    },
    {
      method: 'post',
      route: '/console/residents/reconciliations/:id/confirm',
      allowed: ['admin'],
      ok: 303,
      session: true,
      prepare: async () => ({
        path: `/console/residents/reconciliations/${await reconciliationToConfirm()}/confirm`,
      }),
    },
    {
      method: 'get',
      route: '/console/residents/privacy',
      allowed: ['admin'],
      ok: 200,
      session: true,
    },
    {
      method: 'post',
      route: '/console/residents/privacy',
      allowed: ['admin'],
      ok: 200,
      session: true,
      prepare: () => ({
        path: '/console/residents/privacy',
        body: { phone: dramaNumber(), request: 'access' },
      }),
    },
    ...(['download', 'erasure'] as const).map((step): Row => ({
      method: 'post',
      route: `/console/residents/privacy/${step}`,
      allowed: ['admin'],
      ok: 200,
      session: true,
      // The pages post the number back sealed, as the subject access and erasure pages do.
      prepare: async () => {
        const { PhoneVault } = await import('../src/phone-numbers/phone-vault.js');
        const phone = `+44${dramaNumber().replace(/\s/g, '').slice(1)}`;
        const resident = t.app.get(PhoneVault).encrypt(phone as never);
        return { path: `/console/residents/privacy/${step}`, body: { resident, confirm: 'yes' } };
      },
    })),
    // The shared inbox (src/inbox, src/console/inbox): each caller's own channel's conversation.
    { method: 'get', route: '/api/v1/inbox/conversations', allowed: INBOX, ok: 200 },
    ...(
      [
        ['get', '', 200, undefined],
        ['post', '/assign', 200, {}],
        ['post', '/replies', 201, { text: 'Thank you, we are looking into it.' }],
        ['post', '/close', 200, undefined],
        ['post', '/block', 200, { reason: 'Abusive messages' }],
        ['post', '/unblock', 200, undefined],
      ] as const
    ).map(([method, suffix, ok, body]): Row => ({
      method,
      route: `/api/v1/inbox/conversations/:id${suffix}`,
      allowed: INBOX,
      ok,
      prepare: async (_, role) => {
        const { id } = await inboxConversationFor(t, council, role, {
          blocked: suffix === '/unblock',
        });
        return { path: `/api/v1/inbox/conversations/${id}${suffix}`, body };
      },
    })),
    {
      method: 'post',
      route: '/api/v1/inbox/conversations/:id/messages/:messageId/flag',
      allowed: INBOX,
      ok: 200,
      prepare: async (_, role) => {
        const { id, messageId } = await inboxConversationFor(t, council, role);
        return {
          path: `/api/v1/inbox/conversations/${id}/messages/${messageId}/flag`,
          body: { reason: 'Threatening' },
        };
      },
    },
    {
      method: 'post',
      route: '/api/v1/inbox/conversations/:id/template-replies',
      allowed: INBOX,
      ok: 201,
      prepare: async (_, role) => {
        const { id } = await inboxConversationFor(t, council, role);
        return {
          path: `/api/v1/inbox/conversations/${id}/template-replies`,
          body: { templateName: 'area_alert', language: 'en_GB', parameters: ['We are on it.'] },
        };
      },
    },
    // Approving needs one of the channel's approver roles: the matrix's service manager works
    // the Youth inbox (service managers approve there), the comms team the corporate one.
    ...(
      [
        ['/approve', {}],
        ['/reject', { comment: 'Please use the bin collection template.' }],
      ] as const
    ).map(([suffix, body]): Row => ({
      method: 'post',
      route: `/api/v1/inbox/conversations/:id/template-replies/:replyId${suffix}`,
      allowed: APPROVERS,
      ok: 200,
      prepare: async (_, role) => {
        const { id, replyId } = await inboxTemplateReplyFor(t, council, role);
        return {
          path: `/api/v1/inbox/conversations/${id}/template-replies/${replyId}${suffix}`,
          body,
        };
      },
    })),
    // Withdrawing is the proposer's (or an admin's): each caller withdraws one they proposed.
    {
      method: 'post',
      route: '/api/v1/inbox/conversations/:id/template-replies/:replyId/withdraw',
      allowed: INBOX,
      ok: 200,
      prepare: async (caller, role) => {
        const { id, replyId } = await inboxTemplateReplyFor(t, council, role, caller.id);
        return { path: `/api/v1/inbox/conversations/${id}/template-replies/${replyId}/withdraw` };
      },
    },
    {
      method: 'post',
      route: '/console/inbox/:id/template-replies/:replyId/withdraw',
      allowed: INBOX,
      ok: 303,
      session: true,
      prepare: async (caller, role) => {
        const { id, replyId } = await inboxTemplateReplyFor(t, council, role, caller.id);
        return { path: `/console/inbox/${id}/template-replies/${replyId}/withdraw` };
      },
    },
    { method: 'get', route: '/console/inbox', allowed: INBOX, ok: 200, session: true },
    ...(
      [
        ['get', '', 200, undefined],
        ['post', '/assign', 303, undefined],
        ['post', '/replies', 303, { text: 'Thank you, we are looking into it.' }],
        ['post', '/close', 303, undefined],
        ['post', '/block', 303, { reason: 'Abusive messages' }],
        ['post', '/unblock', 303, undefined],
      ] as const
    ).map(([method, suffix, ok, body]): Row => ({
      method,
      route: `/console/inbox/:id${suffix}`,
      allowed: INBOX,
      ok,
      session: true,
      prepare: async (_, role) => {
        const { id } = await inboxConversationFor(t, council, role, {
          blocked: suffix === '/unblock',
        });
        return { path: `/console/inbox/${id}${suffix}`, body };
      },
    })),
    {
      method: 'post',
      route: '/console/inbox/:id/messages/:messageId/flag',
      allowed: INBOX,
      ok: 303,
      session: true,
      prepare: async (_, role) => {
        const { id, messageId } = await inboxConversationFor(t, council, role);
        return {
          path: `/console/inbox/${id}/messages/${messageId}/flag`,
          body: { reason: 'Threatening' },
        };
      },
    },
    {
      method: 'post',
      route: '/console/inbox/:id/template-replies',
      allowed: INBOX,
      ok: 303,
      session: true,
      prepare: async (_, role) => {
        const { id } = await inboxConversationFor(t, council, role);
        return {
          path: `/console/inbox/${id}/template-replies`,
          body: { templateName: 'area_alert', language: 'en_GB', parameters: 'We are on it.' },
        };
      },
    },
    ...(
      [
        ['/approve', {}],
        ['/reject', { comment: 'Please use the bin collection template.' }],
      ] as const
    ).map(([suffix, body]): Row => ({
      method: 'post',
      route: `/console/inbox/:id/template-replies/:replyId${suffix}`,
      allowed: APPROVERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => {
        const { id, replyId } = await inboxTemplateReplyFor(t, council, role);
        return { path: `/console/inbox/${id}/template-replies/${replyId}${suffix}`, body };
      },
    })),
    // The emergency path's retrospective reviews (src/emergency-reviews, src/console/emergency).
    {
      method: 'get',
      route: '/api/v1/emergency-reviews',
      allowed: [...APPROVERS, 'auditor', 'admin'],
      ok: 200,
      prepare: () => ({ path: '/api/v1/emergency-reviews?status=overdue' }),
    },
    {
      method: 'post',
      route: '/api/v1/emergency-reviews/:id/complete',
      allowed: APPROVERS,
      ok: 200,
      prepare: async (_, role) => ({
        path: `/api/v1/emergency-reviews/${await emergencyReviewFor(role)}/complete`,
        body: { outcome: 'appropriate', comment: 'Right to send it at once' },
      }),
    },
    {
      method: 'get',
      route: '/console/emergency-reviews',
      allowed: [...APPROVERS, 'admin'],
      ok: 200,
      session: true,
    },
    {
      method: 'get',
      route: '/console/emergency-reviews/:id',
      allowed: [...APPROVERS, 'admin'],
      ok: 200,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/emergency-reviews/${await emergencyReviewFor(role)}`,
      }),
    },
    {
      method: 'post',
      route: '/console/emergency-reviews/:id',
      allowed: APPROVERS,
      ok: 303,
      session: true,
      prepare: async (_, role) => ({
        path: `/console/emergency-reviews/${await emergencyReviewFor(role)}`,
        body: { outcome: 'not_appropriate', comment: 'Could have waited for the usual sign-off' },
      }),
    },
  ];

  beforeAll(async () => {
    t = await startTestApp('authz');
    council = await setUpCouncil(t);
    api = messageApi(t, council);
  });
  afterAll(() => t.close());

  it('has a row for every route the application serves, and no row for a route it does not', () => {
    const express = t.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const served = express.router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((method) => `${method} ${layer.route!.path}`),
      )
      .sort();
    expect(served).toEqual(ROWS.map((row) => `${row.method} ${row.route}`).sort());
  });

  const send = (row: Row, prepared: Prepared, token?: string) => {
    const request = t.http[row.method](prepared.path);
    if (token) request.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(prepared.headers ?? {})) request.set(name, value);
    return prepared.body ? request.send(prepared.body) : request;
  };

  /** A fresh console session for this person, as a browser holds it: cookie and form token. */
  const sessionFor = async (as: Person) => {
    const { cookie } = await consoleSignIn(t, as.id);
    const home = await t.http.get('/console').set('Cookie', cookie!).expect(200);
    return { cookie: cookie!, csrf: formToken(home.text) };
  };

  const sendPage = (row: Row, prepared: Prepared, session?: { cookie: string; csrf: string }) => {
    const request = t.http[row.method](prepared.path);
    if (session) request.set('Cookie', session.cookie);
    for (const [name, value] of Object.entries(prepared.headers ?? {})) request.set(name, value);
    if (row.method === 'get') return request;
    const body = { ...(prepared.body as object | undefined), _csrf: session?.csrf ?? '' };
    return request.type('form').send(body);
  };

  it('answers every route with the expected 2xx, 401 or 403 for each caller', async () => {
    const mismatches: string[] = [];
    for (const row of ROWS) {
      const prepare = row.prepare ?? (() => ({ path: row.route }));
      if (row.session) {
        for (const [who, token] of [
          ['without a session', undefined],
          ['with a bearer token', council.admin.token],
        ] as const) {
          const prepared = await prepare(council.admin, 'admin');
          const request = sendPage(row, prepared);
          const response = await (token
            ? request.set('Authorization', `Bearer ${token}`)
            : request);
          if (response.status !== 303) {
            mismatches.push(`${row.method} ${row.route} ${who}: ${response.status}, expected 303`);
          }
        }
      } else {
        const anonymous = await send(row, await prepare(council.admin, 'admin'));
        const anonymousExpected = row.allowed === 'public' ? row.ok : 401;
        if (anonymous.status !== anonymousExpected) {
          mismatches.push(
            `${row.method} ${row.route} without a token: ${anonymous.status}, expected ${anonymousExpected}`,
          );
        }
      }
      if (row.allowed === 'public') continue;
      for (const role of ROLES) {
        const caller = person(role);
        const prepared = await prepare(caller, role);
        const response = row.session
          ? await sendPage(row, prepared, await sessionFor(caller))
          : await send(row, prepared, caller.token);
        const allowed = row.allowed === 'any' || row.allowed.includes(role);
        const expected = allowed ? row.ok : 403;
        if (response.status !== expected) {
          mismatches.push(
            `${row.method} ${row.route} as ${role}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}, expected ${expected}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every route, every role, one after another: about 1,500 requests in one test.
  }, 300_000);

  it('refuses a disabled staff member (403) and someone Crier does not know (403)', async () => {
    const token = council.auditor.token;
    await t.http
      .patch(`/api/v1/staff/${council.auditor.id}`)
      .set(council.bearer(council.admin))
      .send({ active: false })
      .expect(200);
    const disabled = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(disabled.status).toBe(403);
    expect(disabled.body).toMatchObject({ code: 'STAFF_DISABLED' });
    await t.http
      .patch(`/api/v1/staff/${council.auditor.id}`)
      .set(council.bearer(council.admin))
      .send({ active: true })
      .expect(200);

    const unknown = await t.http
      .post('/api/v1/auth/local/token')
      .send({ email: 'nobody@example.gov.uk' });
    expect(unknown.status).toBe(404);
  });

  it('refuses a forged or expired-looking token (401)', async () => {
    const [header, payload] = council.admin.token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const response = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${forged}`);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'INVALID_TOKEN' });
  });
});
