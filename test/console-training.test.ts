import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { eventually } from './support/eventually.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Training mode on the demo council: a handset shows an alert sent through the real fan-out,
 * and what a trainee sends from it reaches Crier as a resident's message would.
 */

const ALERT = 'Gritting tonight from 8pm on all A roads.';
/** A demo resident in Northfield who wants gritting alerts (src/demo/example-borough-council.ts). */
const RESIDENT = '+447700900100' as E164;
const HANDSET = '/console/training/handsets/07700900100';
const CORPORATE_NUMBER_ID = '100000000000001';

describe('training handsets on the embedded simulator', () => {
  let t: TestApp;
  let session: { cookie: string; csrf: string };
  let token: (email: string) => Promise<{ Authorization: string }>;

  const get = (path: string) => t.http.get(path).set('Cookie', session.cookie);
  const post = (path: string, form: Record<string, string>) =>
    t.http
      .post(path)
      .set('Cookie', session.cookie)
      .type('form')
      .send({ ...form, _csrf: session.csrf });
  const status = async (phone: E164) =>
    (
      await t.db.query<{ status: string }>(`SELECT status FROM subscribers WHERE phone_hash = $1`, [
        t.app.get(PhoneVault).lookupHash(phone),
      ])
    )[0]?.status;

  beforeAll(async () => {
    t = await startTestApp('console-training', { env: { DEMO_SEED: 'true' } });
    token = async (email) => ({ Authorization: `Bearer ${await t.tokenFor(email)}` });
    const staff = await t.http.get('/api/v1/staff').set(await token('admin@example.gov.uk'));
    const olivia = (staff.body as { items: { id: string; email: string }[] }).items.find(
      (s) => s.email === 'olivia.officer@example.gov.uk',
    );
    const { cookie } = await consoleSignIn(t, olivia!.id);
    const home = await t.http.get('/console').set('Cookie', cookie!).expect(200);
    session = { cookie: cookie!, csrf: formToken(home.text) };
    expect(home.text).toContain('href="/console/training"');
  });
  afterAll(() => t.close());

  it('lists the demo residents masked, and the channel they write to', async () => {
    const index = await get('/console/training').expect(200);
    expect(index.text).toContain('<h1 class="govuk-heading-l">Training</h1>');
    expect(index.text).toContain('+44 •••••••100');
    expect(index.text).toContain('+44 •••••••115');
    expect(index.text).not.toContain('+447700900100');
    expect(index.text).toContain(`href="${HANDSET}"`);
    expect(index.text).toContain(CORPORATE_NUMBER_ID);
  });

  it('shows a template alert sent through the fan-out to a demo resident', async () => {
    const olivia = await token('olivia.officer@example.gov.uk');
    const chris = await token('chris.comms@example.gov.uk');
    const channels = await t.http.get('/api/v1/channels').set(olivia).expect(200);
    const corporate = (
      channels.body as { items: { id: string; whatsapp: { phoneNumberId: string } }[] }
    ).items.find((c) => c.whatsapp.phoneNumberId === CORPORATE_NUMBER_ID)!;
    const created = await t.http
      .post('/api/v1/messages')
      .set(olivia)
      .send({
        channelId: corporate.id,
        content: {
          kind: 'template',
          templateName: 'area_alert',
          language: 'en_GB',
          parameters: [ALERT],
        },
        audience: { areas: ['northfield'], topics: ['gritting'] },
        // An emergency goes out in the demo channel's quiet hours too, so the test runs at any hour.
        priority: 'emergency',
        emergencyReason: 'Training: ice forecast',
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await t.http.post(`/api/v1/messages/${id}/submit`).set(olivia).expect(200);
    await t.http.post(`/api/v1/messages/${id}/approve`).set(chris).send({ version: 1 }).expect(200);
    const handset = await eventually(
      () => get(HANDSET),
      (page) => page.text.includes(ALERT),
    );
    expect(handset.status).toBe(200);
    expect(handset.text).toContain('Handset ending 100</h1>');
    expect(handset.text).toContain('Template area_alert');
    expect(handset.text).toContain('Example Borough Council');
  });

  it("unsubscribes the resident on STOP from the handset, and shows Crier's confirmation", async () => {
    expect(await status(RESIDENT)).toBe('active');
    const sent = await post(`${HANDSET}/messages`, {
      channel: CORPORATE_NUMBER_ID,
      text: 'STOP',
    }).expect(303);
    expect(sent.headers.location).toBe(`${HANDSET}?channel=${CORPORATE_NUMBER_ID}`);
    await eventually(
      () => status(RESIDENT),
      (s) => s === 'unsubscribed',
    );
    expect(await status(RESIDENT)).toBe('unsubscribed');
    const handset = await eventually(
      () => get(sent.headers.location),
      (page) => page.text.includes('You will get no more messages from Example Borough Council'),
    );
    expect(handset.text).toContain('You will get no more messages from Example Borough Council');
    // What the trainee sent is shown too, between the alert and the confirmation.
    const [alertAt, stopAt, confirmationAt] = [ALERT, '>STOP<', 'You will get no more'].map((s) =>
      handset.text.indexOf(s),
    );
    expect(alertAt).toBeGreaterThan(-1);
    expect(stopAt).toBeGreaterThan(alertAt);
    expect(confirmationAt).toBeGreaterThan(stopAt);
  });

  it('asks for a message when the reply is empty', async () => {
    const page = await post(`${HANDSET}/messages`, { channel: CORPORATE_NUMBER_ID, text: ' ' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('govuk-error-summary');
    expect(page.text).toContain('href="#reply-text">Enter a message to send');
  });

  it('taps a quick reply the message has, and shows the simulator refusing one it does not have', async () => {
    const phone = '+447700900150' as E164;
    const handsetPath = '/console/training/handsets/07700900150';
    await t.http
      .post('/api/v1/public/subscriptions')
      .send({
        phone: '07700 900150',
        postcode: 'EB1 1AA',
        topics: ['gritting'],
        consent: true,
        privacyNoticeVersion: '2025-01',
      })
      .expect((response) => expect(response.status).toBeLessThan(300));
    const handset = await eventually(
      () => get(handsetPath),
      (page) => page.text.includes('Template subscription_confirmation'),
    );
    const context = /name="context" value="([^"]+)"/.exec(handset.text)?.[1];
    expect(context).toBeDefined();
    expect(handset.text).toMatch(/name="option" value="[^"]+"[^>]*>Confirm</);

    const refused = await post(`${handsetPath}/taps`, {
      channel: CORPORATE_NUMBER_ID,
      kind: 'quick_reply',
      context: context!,
      option: 'a-payload-it-does-not-have',
    });
    expect(refused.status).toBe(200);
    expect(refused.text).toContain('govuk-error-summary');
    expect(refused.text).toContain('has no such quick reply');

    const payload = /name="option" value="([^"]+)"[^>]*>Confirm</.exec(handset.text)![1];
    await post(`${handsetPath}/taps`, {
      channel: CORPORATE_NUMBER_ID,
      kind: 'quick_reply',
      context: context!,
      option: payload,
    }).expect(303);
    await eventually(
      () => status(phone),
      (s) => s === 'active',
    );
    expect(await status(phone)).toBe('active');
  });

  it('refuses a number outside the drama range', async () => {
    const page = await get('/console/training/handsets/07400123456');
    expect(page.status).toBe(400);
    expect(page.text).toContain('07700 900000 to 07700 900999');
    const form = await post('/console/training/handsets', { number: '07400 123456' });
    expect(form.status).toBe(200);
    expect(form.text).toContain('govuk-error-summary');
    expect(form.text).toContain('href="#handset-number"');
    expect(form.text).toContain('value="07400 123456"');
    const sent = await post('/console/training/handsets/07400123456/messages', { text: 'hello' });
    expect(sent.status).toBe(400);
  });

  it('opens a handset for any drama number', async () => {
    const opened = await post('/console/training/handsets', { number: '07700 900 321' }).expect(
      303,
    );
    expect(opened.headers.location).toBe('/console/training/handsets/07700900321');
    const page = await get(opened.headers.location).expect(200);
    expect(page.text).toContain('No messages yet');
  });
});

describe('training mode with the real Cloud API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('console-training-off', {
      env: {
        WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9',
        WHATSAPP_ACCESS_TOKEN: 'unused-access-token',
        WHATSAPP_APP_SECRET: 'unused-app-secret',
        WHATSAPP_VERIFY_TOKEN: 'unused-verify-token',
      },
    });
  });
  afterAll(() => t.close());

  it('says training mode is off and offers no handset', async () => {
    const staff = await t.http
      .get('/api/v1/staff')
      .set({ Authorization: `Bearer ${await t.tokenFor('admin@example.gov.uk')}` });
    const admin = (staff.body as { items: { id: string }[] }).items[0];
    const { cookie } = await consoleSignIn(t, admin.id);
    for (const path of ['/console/training', '/console/training/handsets/07700900100']) {
      const page = await t.http.get(path).set('Cookie', cookie!).expect(200);
      expect(page.text).toContain('Training mode is off</h1>');
      expect(page.text).not.toContain('Send STOP');
    }
  });
});
