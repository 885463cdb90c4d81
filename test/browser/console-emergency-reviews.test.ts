import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

describe('the staff console in a browser: emergency reviews', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let reviewId: string;
  const as = async (email: string) => ({ Authorization: `Bearer ${await t.tokenFor(email)}` });

  beforeAll(async () => {
    t = await startTestApp('console-emergency-browser', { env: { DEMO_SEED: 'true' } });
    const admin = await as('admin@example.gov.uk');
    const chris = await as('chris.comms@example.gov.uk');
    const olivia = await as('olivia.officer@example.gov.uk');
    // A second comms approver, to review what Chris sent on his own.
    await t.http
      .post('/api/v1/staff')
      .set(admin)
      .send({ email: 'casey.comms@example.gov.uk', name: 'Casey Comms', roles: ['comms_approver'] })
      .expect(201);
    const chrisId = ((await t.http.get('/api/v1/me').set(chris)).body as { id: string }).id;
    const channels = (await t.http.get('/api/v1/channels').set(admin)).body as {
      items: { id: string; kind: string }[];
    };
    const corporate = channels.items.find((c) => c.kind === 'corporate')!.id;
    await t.http
      .put(`/api/v1/channels/${corporate}/policy`)
      .set(admin)
      .send({
        approvalsRequired: 2,
        approverRoles: ['comms_approver'],
        quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
        emergencyBypassesQuietHours: true,
        emergency: {
          singleApproval: true,
          onCallApproverIds: [chrisId],
          retrospectiveReviewHours: 4,
        },
      })
      .expect(200);
    const created = await t.http
      .post('/api/v1/messages')
      .set(olivia)
      .send({
        channelId: corporate,
        content: {
          kind: 'template',
          templateName: 'area_alert',
          language: 'en_GB',
          parameters: ['The river is expected to flood Mill Lane tonight. Move cars now.'],
        },
        audience: { areas: ['northfield'], topics: ['roads'] },
        priority: 'emergency',
        emergencyReason: 'Environment Agency flood warning for the Northfield riverside',
      })
      .expect(201);
    const messageId = (created.body as { id: string }).id;
    await t.http.post(`/api/v1/messages/${messageId}/submit`).set(olivia).expect(200);
    await t.http
      .post(`/api/v1/messages/${messageId}/approve`)
      .set(chris)
      .send({ version: 1 })
      .expect(200);
    const due = await t.http.get('/api/v1/emergency-reviews?status=due').set(admin);
    reviewId = (due.body as { id: string }[])[0].id;

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${t.url}/console/sign-in?next=%2Fconsole%2Femergency-reviews`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/emergency-reviews`),
      page.getByRole('button', { name: 'Sign in as Casey Comms' }).click(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the emergency waiting for review', async () => {
    expect((await page.locator('h1').textContent())?.trim()).toBe('Emergency reviews');
    expect(await page.locator(`[data-review-id="${reviewId}"]`).textContent()).toContain(
      'Chris Comms',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'console-emergency-reviews');
  });

  it('shows errors on the form, then records the review', async () => {
    await page.getByRole('link', { name: /river is expected to flood/ }).click();
    await page.getByRole('button', { name: 'Record review' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter a comment about your review',
    );
    await expectAccessible(page);
    await page.getByLabel('Yes, it was right to send it on one approval').check();
    await page.getByLabel('Comment').fill('A real flood warning; it could not wait until morning.');
    await Promise.all([
      page.waitForURL(`${t.url}/console/emergency-reviews?done=1`),
      page.getByRole('button', { name: 'Record review' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Your review has been recorded',
    );
    expect(await page.locator('[data-reviews="done"]').textContent()).toContain('Casey Comms');
    await expectAccessible(page);
  });
});
