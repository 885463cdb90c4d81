import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSimulatorConfig } from '../src/config/simulator-config.js';
import { type RunningSimulator, startSimulator } from '../src/simulator/start-simulator.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import type { TestSendView } from '../src/messages/dto/test-send.dto.js';
import { WebhookProcessor } from '../src/whatsapp/webhooks/webhook-processor.service.js';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/eventually.js';

/**
 * "Send me a test" end to end: on the embedded defaults the app runs the simulator in-process,
 * sends to it through the Cloud API sender, and the simulator's signed status callbacks come
 * back to the app's own webhook.
 */

const PHONE = '07400 123456';
const E164 = '+447400123456';

describe('send a test to my own phone (embedded simulator)', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;
  let simulatorUrl: string;

  const testSend = (token: string, id: string, body: object = { version: 1 }) =>
    t.http
      .post(`/api/v1/messages/${id}/test-send`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);
  const inReview = async () => {
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    await api.submit(council.officer, created.body.id);
    return created.body.id;
  };

  beforeAll(async () => {
    t = await startTestApp('test-send');
    council = await setUpCouncil(t);
    api = messageApi(t, council);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
  });
  afterAll(() => t.close());

  it('registers my phone, shows it back only masked, and refuses a number that is not one', async () => {
    const bad = await t.http
      .put('/api/v1/me/test-phone')
      .set(council.bearer(council.comms))
      .send({ phone: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_PHONE_NUMBER' });
    const set = await t.http
      .put('/api/v1/me/test-phone')
      .set(council.bearer(council.comms))
      .send({ phone: PHONE });
    expect(set.status).toBe(200);
    expect((set.body as { testPhone: string }).testPhone).toMatch(/^\+44 •+456$/);
    const got = await t.http.get('/api/v1/me/test-phone').set(council.bearer(council.comms));
    expect(got.body).toEqual(set.body);
    const [row] = await t.db.query<{ test_phone_sealed: string }>(
      `SELECT test_phone_sealed FROM staff WHERE id = $1`,
      [council.comms.id],
    );
    expect(row.test_phone_sealed).not.toContain('7400123456');
  });

  it("sends the exact version under review to the approver's phone, and follows it to read", async () => {
    const id = await inReview();
    const response = await testSend(council.comms.token, id);
    const sent = response.body as TestSendView;
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'accepted',
      version: 1,
      attempts: 1,
      failure: null,
    });
    expect(sent.to).toMatch(/456$/);

    const handset = await fetch(`${simulatorUrl}/_sim/messages?to=${encodeURIComponent(E164)}`);
    const { items } = (await handset.json()) as {
      items: {
        id: string;
        type: string;
        payload: { name: string; components: { parameters: { text: string }[] }[] };
      }[];
    };
    const received = items.find((item) => item.id === sent.providerMessageId);
    expect(received?.type).toBe('template');
    expect(received?.payload.name).toBe('area_alert');
    expect(received?.payload.components[0]!.parameters[0]!.text).toBe(
      'Gritting tonight from 8pm on all A roads.',
    );

    const processor = t.app.get(WebhookProcessor);
    const delivery = await eventually(
      async () => {
        await processor.settle();
        const [row] = await t.db.query<{
          status: string;
          purpose: string;
          read_at: Date | null;
          sent_at: Date | null;
        }>(`SELECT status, purpose, read_at, sent_at FROM message_deliveries WHERE id = $1`, [
          sent.deliveryId,
        ]);
        return row;
      },
      (row) => row.status === 'read',
    );
    expect(delivery).toMatchObject({ status: 'read', purpose: 'test' });
    expect(delivery.sent_at).not.toBeNull();

    const listed = await t.http
      .get(`/api/v1/messages/${id}/test-sends`)
      .set(council.bearer(council.officer));
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      items: [
        { deliveryId: sent.deliveryId, version: 1, requestedBy: council.comms.id, status: 'read' },
      ],
    });
    // Someone who cannot see the message cannot see its tests either.
    const outsider = await t.http
      .get(`/api/v1/messages/${id}/test-sends`)
      .set(council.bearer(council.youthOfficer));
    expect(outsider.status).toBe(404);

    const events = await t.db.query<{ payload: string }>(
      `SELECT payload FROM audit_events WHERE type = 'message.test_sent' AND message_id = $1`,
      [id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toContain(sent.contentHash);
    expect(events[0].payload).not.toContain('7400123456');
  });

  it('refuses anyone who is not an approver of the channel', async () => {
    const id = await inReview();
    await t.http
      .put('/api/v1/me/test-phone')
      .set(council.bearer(council.highwaysManager))
      .send({ phone: PHONE });
    const officer = await testSend(council.officer.token, id);
    expect(officer.status).toBe(403);
    // A service manager approves only for their own service's channel, not the corporate one.
    const manager = await testSend(council.highwaysManager.token, id);
    expect(manager.status).toBe(403);
    expect(manager.body).toMatchObject({ code: 'NOT_AN_APPROVER' });
  });

  it('refuses a test of a version other than the current one, or without a registered phone', async () => {
    const id = await inReview();
    const stale = await testSend(council.comms.token, id, { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'APPROVAL_VERSION_MISMATCH' });
    const noPhone = await testSend(council.comms2.token, id);
    expect(noPhone.status).toBe(409);
    expect(noPhone.body).toMatchObject({ code: 'TEST_PHONE_NOT_REGISTERED' });
    const bad = await testSend(council.comms.token, id, { version: 'one' });
    expect(bad.status).toBe(400);
  });

  it('refuses a test of a draft', async () => {
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    const response = await testSend(council.comms.token, created.body.id);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'TEST_SEND_NOT_AVAILABLE' });
  });

  it('sends nothing when the stored version no longer matches its hash', async () => {
    const id = await inReview();
    // Someone with database access bypasses the append-only trigger to change the text.
    await t.db.query(`ALTER TABLE message_versions DISABLE TRIGGER USER`);
    await t.db.query(
      `UPDATE message_versions SET content = jsonb_set(content, '{parameters,0}', '"Roads are fine, stay home"') WHERE message_id = $1`,
      [id],
    );
    await t.db.query(`ALTER TABLE message_versions ENABLE TRIGGER USER`);
    const before = (await fetch(
      `${simulatorUrl}/_sim/messages?to=${encodeURIComponent(E164)}`,
    ).then((r) => r.json())) as { items: unknown[] };
    const response = await testSend(council.comms.token, id);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'CONTENT_HASH_MISMATCH' });
    const after = (await fetch(`${simulatorUrl}/_sim/messages?to=${encodeURIComponent(E164)}`).then(
      (r) => r.json(),
    )) as { items: unknown[] };
    expect(after.items).toHaveLength(before.items.length);
  });
});

describe('an expired access token pauses the channel', () => {
  let simulator: RunningSimulator;
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;

  beforeAll(async () => {
    simulator = await startSimulator(
      loadSimulatorConfig({ SIM_PORT: '0', SIM_ACCESS_TOKEN: 'the-current-token' }),
    );
    t = await startTestApp('channel-pause', {
      env: {
        WHATSAPP_API_BASE_URL: simulator.url,
        WHATSAPP_ACCESS_TOKEN: 'an-expired-token',
        WHATSAPP_APP_SECRET: 'pause-test-app-secret',
        WHATSAPP_VERIFY_TOKEN: 'pause-test-verify-token',
      },
    });
    council = await setUpCouncil(t);
    api = messageApi(t, council);
    await t.http
      .put('/api/v1/me/test-phone')
      .set(council.bearer(council.comms))
      .send({ phone: PHONE });
  });
  afterAll(async () => {
    await t.close();
    await simulator.close();
  });

  it('pauses after one attempt, raises the alert, refuses further sends until an admin resumes', async () => {
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    await api.submit(council.officer, created.body.id);
    const send = () =>
      t.http
        .post(`/api/v1/messages/${created.body.id}/test-send`)
        .set(council.bearer(council.comms))
        .send({ version: 1 });

    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'failed',
      attempts: 1,
      failure: { class: 'channel', code: '190' },
    });

    const channel = await t.http
      .get(`/api/v1/channels/${council.channels.corporate}`)
      .set(council.bearer(council.comms));
    expect((channel.body as { sending: object }).sending).toMatchObject({
      active: false,
      pausedCode: '190',
    });
    const alerts = await t.db.query<{ payload: string }>(
      `SELECT payload FROM audit_events WHERE type = 'channel.sending_paused'`,
    );
    expect(alerts).toHaveLength(1);

    const second = await send();
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'CHANNEL_SENDING_PAUSED' });

    const byComms = await t.http
      .post(`/api/v1/channels/${council.channels.corporate}/resume-sending`)
      .set(council.bearer(council.comms));
    expect(byComms.status).toBe(403);
    const byAdmin = await t.http
      .post(`/api/v1/channels/${council.channels.corporate}/resume-sending`)
      .set(council.bearer(council.admin));
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ sending: { active: true } });
    const again = await t.http
      .post(`/api/v1/channels/${council.channels.corporate}/resume-sending`)
      .set(council.bearer(council.admin));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CHANNEL_NOT_PAUSED' });
  });
});
