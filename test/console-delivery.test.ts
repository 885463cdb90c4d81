import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { WebhookProcessor } from '../src/whatsapp/webhooks/webhook-processor.service.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { type Council, type Person, setUpCouncil, templateMessage } from './support/council.js';
import { eventually } from './support/eventually.js';
import { messageApi } from './support/message-api.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The delivery page of a message: counts, failures by reason, live JSON, and cancelling. */
describe('console: a message’s delivery page', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;

  beforeAll(async () => {
    t = await startTestApp('console-delivery');
    council = await setUpCouncil(t);
    api = messageApi(t, council);
  });
  afterAll(() => t.close());

  const session = async (as: Person) => {
    const { cookie } = await consoleSignIn(t, as.id);
    if (!cookie) throw new Error('no session cookie');
    const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
    return { cookie, csrf: formToken(home.text) };
  };

  /** Drafted by the officer, approved by comms: sent at once, or at `sendAt`. */
  const approvedAlert = async (topic: string, extra: Record<string, unknown> = {}) => {
    const created = await api.create(
      council.officer,
      templateMessage(council.channels.corporate, {
        audience: { areas: ['northfield'], topics: [topic] },
        ...extra,
      }),
    );
    expect(created.status).toBe(201);
    await api.submit(council.officer, created.body.id);
    expect((await api.approve(council.comms, created.body.id, 1)).status).toBe(200);
    return created.body.id;
  };

  const freshTopic = async (code: string) => {
    await t.http
      .post('/api/v1/topics')
      .set(council.bearer(council.admin))
      .send({ code, name: code })
      .expect(201);
    return code;
  };

  let sentId: string;
  let sent: { cookie: string; csrf: string };

  it('shows a sent message’s counts and its failures by reason', async () => {
    await t.http
      .put(`/api/v1/channels/${council.channels.corporate}/throughput`)
      .set(council.bearer(council.admin))
      .send({ throughputPerSecond: 200 })
      .expect(200);
    const topic = await freshTopic('deliverypage');
    // Three reachable, one not on WhatsApp, one that fails after acceptance (the simulator's rules).
    const reachable = [1, 2, 3].map(residentNumber);
    await seedSubscribers(
      t.app,
      t.db,
      [...reachable, '+447400990000' as E164, '+447400990001' as E164],
      {
        areas: ['northfield'],
        topics: [topic],
      },
    );
    sentId = await approvedAlert(topic);
    const processor = t.app.get(WebhookProcessor);
    await eventually(
      async () => {
        await processor.settle();
        return (await api.get(council.comms, sentId)).body as unknown as {
          status: string;
          delivery: Record<string, number>;
        };
      },
      (m) => m.status === 'sent' && m.delivery.failed === 2 && m.delivery.read === 3,
    );

    sent = await session(council.auditor);
    const response = await t.http
      .get(`/console/messages/${sentId}/delivery`)
      .set('Cookie', sent.cookie)
      .expect(200);
    const html = response.text;
    expect(html).toContain('<title>Message delivery – Crier');
    expect(html).toMatch(/<h1 class="govuk-heading-l">Message delivery<\/h1>/);
    expect(html).toMatch(/govuk-tag--green">\s*Sent\s*</);
    expect(html).toMatch(/<progress id="delivery-progress"[^>]*max="5" value="5"/);
    expect(html).toContain('5 of 5 sends done (100%)');
    const figure = (key: string) => new RegExp(`data-figure="${key}">(\\d+)<`).exec(html)?.[1];
    expect([figure('recipients'), figure('sent'), figure('read'), figure('failed')]).toEqual([
      '5',
      '3',
      '3',
      '2',
    ]);
    expect(html).toContain('Why sends failed, most common first');
    expect(html).toMatch(
      /<td class="govuk-table__cell">131026<\/td>\s*<td class="govuk-table__cell">The number is not on WhatsApp[^<]*<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>/,
    );
    // The chart: an SVG with an accessible name, then the same figures in a table.
    expect(html).toMatch(
      /<svg data-live-chart[^>]*role="img" aria-labelledby="funnel-chart-title funnel-chart-desc"/,
    );
    expect(html).toMatch(
      /<desc id="funnel-chart-desc">Running totals from [\d:]+ to [\d:]+ \(UK time\): 3 sent, 3 delivered, 3 read, 2 failed\.<\/desc>/,
    );
    expect(html).toContain('Show the figures as a table');
    // Final: no polling, no refresh link, and no cancel form (an auditor never sees one anyway).
    expect(html).toContain('data-poll-seconds=""');
    expect(html).not.toContain('Refresh the figures');
    expect(html).not.toContain('Cancel the remaining sends');
    expect(html).toContain('/assets/crier/delivery-live.mjs');
    expect(html).not.toMatch(/http-equiv="refresh"/i);
  });

  it('gives the page’s script the same figures as JSON', async () => {
    const page = await t.http
      .get(`/console/messages/${sentId}/delivery`)
      .set('Cookie', sent.cookie)
      .expect(200);
    const response = await t.http
      .get(`/console/messages/${sentId}/delivery.json`)
      .set('Cookie', sent.cookie)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.body as {
      status: string;
      pollAfterSeconds: number | null;
      delivery: Record<string, number>;
      progress: { text: string };
      figures: { key: string; value: number }[];
      failures: { code: string; count: number }[];
      chart: { summary: string };
    };
    expect(body).toMatchObject({ status: 'sent', pollAfterSeconds: null });
    expect(body.delivery).toMatchObject({ recipients: 5, sent: 3, read: 3, failed: 2 });
    for (const { key, value } of body.figures) {
      expect(page.text).toContain(`data-figure="${key}">${value}<`);
    }
    expect(page.text).toContain(body.progress.text);
    expect(page.text).toContain(body.chart.summary);
    expect(body.failures).toEqual([expect.objectContaining({ code: '131026', count: 2 })]);
    // The API's report agrees.
    const api = await t.http
      .get(`/api/v1/messages/${sentId}/delivery`)
      .set(council.bearer(council.comms))
      .expect(200);
    expect((api.body as { delivery: unknown }).delivery).toEqual(body.delivery);
  });

  it('offers drafters a cancel form for a scheduled message, and asks for a reason', async () => {
    const topic = await freshTopic('deliverycancel');
    const sendAt = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString();
    const id = await approvedAlert(topic, { sendAt });
    expect((await api.get(council.comms, id)).body.status).toBe('scheduled');
    const officer = await session(council.officer);
    const page = await t.http
      .get(`/console/messages/${id}/delivery`)
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(page.text).toContain('Cancel the remaining sends');
    expect(page.text).toContain('Refresh the figures');

    const blank = await t.http
      .post(`/console/messages/${id}/delivery/cancel`)
      .set('Cookie', officer.cookie)
      .type('form')
      .send({ _csrf: officer.csrf, reason: '  ' });
    expect(blank.status).toBe(200);
    expect(blank.text).toContain('<title>Error: Message delivery');
    expect(blank.text).toContain('govuk-error-summary');
    expect(blank.text).toMatch(/href="#reason">Enter why you are cancelling the remaining sends/);
    expect(blank.text).toMatch(/id="reason-error"/);
    expect((await api.get(council.comms, id)).body.status).toBe('scheduled');

    const done = await t.http
      .post(`/console/messages/${id}/delivery/cancel`)
      .set('Cookie', officer.cookie)
      .type('form')
      .send({ _csrf: officer.csrf, reason: 'The road reopened.' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`/console/messages/${id}/delivery`);
    const after = (await api.get(council.comms, id)).body as unknown as {
      status: string;
      cancelReason: string;
    };
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: 'The road reopened.' });
    const shown = await t.http
      .get(`/console/messages/${id}/delivery`)
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(shown.text).toContain('Reason for cancelling: The road reopened.');
    expect(shown.text).not.toContain('Cancel the remaining sends');

    // Cancelling again (it is already cancelled): said on the form, not a raw error.
    const again = await t.http
      .post(`/console/messages/${id}/delivery/cancel`)
      .set('Cookie', officer.cookie)
      .type('form')
      .send({ _csrf: officer.csrf, reason: 'Twice.' });
    expect(again.status).toBe(200);
    expect(again.text).toContain('govuk-error-summary');
  });

  it('shows an auditor no cancel button and refuses their cancel (403)', async () => {
    const topic = await freshTopic('deliveryaudit');
    const sendAt = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString();
    const id = await approvedAlert(topic, { sendAt });
    const auditor = await session(council.auditor);
    const page = await t.http
      .get(`/console/messages/${id}/delivery`)
      .set('Cookie', auditor.cookie)
      .expect(200);
    expect(page.text).not.toContain('Cancel the remaining sends');
    const refused = await t.http
      .post(`/console/messages/${id}/delivery/cancel`)
      .set('Cookie', auditor.cookie)
      .type('form')
      .send({ _csrf: auditor.csrf, reason: 'Not mine to cancel.' });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect((await api.get(council.comms, id)).body.status).toBe('scheduled');
  });
});
