/// <reference lib="dom" />
// Some code here runs in the page (page.evaluate), where the DOM is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

/** The demo council: Olivia Officer drafts, Chris Comms reviews, as a newcomer would try it. */
describe('the staff console in a browser: reviewing and approving a message', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let edited: string;
  let ownMessage: string;

  const as = async (email: string) => ({ Authorization: `Bearer ${await t.tokenFor(email)}` });
  const template = (channelId: string, text: string) => ({
    channelId,
    content: {
      kind: 'template',
      templateName: 'area_alert',
      language: 'en_GB',
      parameters: [text],
    },
    audience: { areas: ['northfield'], topics: ['gritting'] },
  });

  beforeAll(async () => {
    t = await startTestApp('console-review-browser', { env: { DEMO_SEED: 'true' } });
    const olivia = await as('olivia.officer@example.gov.uk');
    const chris = await as('chris.comms@example.gov.uk');
    const channels = (await t.http.get('/api/v1/channels').set(chris)).body as {
      items: { id: string; kind: string }[];
    };
    const corporate = channels.items.find((c) => c.kind === 'corporate')!.id;

    // Olivia's alert: sent back once, edited, and submitted again (version 2).
    const created = await t.http
      .post('/api/v1/messages')
      .set(olivia)
      .send(template(corporate, 'Gritters will treat main roads tonight from 8pm.'));
    edited = (created.body as { id: string }).id;
    await t.http.post(`/api/v1/messages/${edited}/submit`).set(olivia).expect(200);
    await t.http
      .post(`/api/v1/messages/${edited}/request-changes`)
      .set(chris)
      .send({ comment: 'Say when, and which roads.' })
      .expect(200);
    await t.http
      .patch(`/api/v1/messages/${edited}`)
      .set(olivia)
      .send({
        content: {
          kind: 'template',
          templateName: 'area_alert',
          language: 'en_GB',
          parameters: ['Gritters will treat all A and B roads tonight from 6pm.'],
        },
      })
      .expect(200);
    await t.http.post(`/api/v1/messages/${edited}/submit`).set(olivia).expect(200);

    // One Chris wrote himself, which someone else must approve.
    const own = await t.http
      .post('/api/v1/messages')
      .set(chris)
      .send(template(corporate, 'Bin collections are a day late this week.'));
    ownMessage = (own.body as { id: string }).id;
    await t.http.post(`/api/v1/messages/${ownMessage}/submit`).set(chris).expect(200);

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${t.url}/console/sign-in?next=%2Fconsole%2Freview`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/review`),
      page.getByRole('button', { name: 'Sign in as Chris Comms' }).click(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the queue, oldest first, saying plainly what Chris may not approve', async () => {
    expect((await page.locator('h1').textContent())?.trim()).toBe('Messages to review');
    const ids = await page
      .locator('[data-message-id]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-message-id')));
    expect(ids).toEqual([edited, ownMessage]);
    const own = page.locator(`[data-message-id="${ownMessage}"]`);
    expect(await own.textContent()).toContain(
      'You wrote or edited this message, so someone else must approve it.',
    );
    expect(await own.getByRole('button').count()).toBe(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-review-queue');
  });

  it('shows the author’s own message without an approve button', async () => {
    await page.goto(`${t.url}/console/messages/${ownMessage}/review`);
    expect(await page.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    expect(await page.locator('.govuk-inset-text').first().textContent()).toContain(
      'You wrote or edited this message, so someone else must approve it.',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'console-review-self-approval');
  });

  it('opens the edited message: the words that changed are marked', async () => {
    await page.goto(`${t.url}/console/review`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages/${edited}/review`),
      page
        .getByRole('button', { name: /^Review and approve/ })
        .first()
        .click(),
    ]);
    expect(await page.locator('#diff ins').count()).toBeGreaterThan(0);
    expect(await page.locator('#diff del').count()).toBeGreaterThan(0);
    expect(await page.locator('#diff del').allTextContents()).toContain('[removed: 8pm]');
    expect(await page.locator('#diff').textContent()).toContain('[added: 6pm]');
    expect(await page.getByText('Say when, and which roads.').isVisible()).toBe(true);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-review');
  });

  it('shows an error summary when sending back without saying why, which passes axe', async () => {
    await page.getByRole('button', { name: 'Send back for changes' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Error: Review message/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.textContent()).toContain('Enter what needs to change');
    await expectAccessible(page);
  });

  it('adds a test phone and sends a test', async () => {
    await page.getByRole('link', { name: 'Add your test phone number' }).click();
    await page.waitForURL(/\/console\/me\/test-phone\?next=/);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Your test phone');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-test-phone');
    await page.getByLabel('Mobile phone number').fill('07700 900456');
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages/${edited}/review`),
      page.getByRole('button', { name: 'Save phone number' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages/${edited}/review?tested=1`),
      page.getByRole('button', { name: 'Send version 2 to my phone' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Test sent');
    expect(await page.locator('table', { hasText: 'Test sends' }).textContent()).toContain(
      'Version 2',
    );
  });

  it('approves with the keyboard alone', async () => {
    await page.locator('#approve-comment').focus();
    await page.keyboard.type('Clear, and the times are right.');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    expect(focused).toBe('Approve version 2');
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages/${edited}/review?approved=1`),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'You approved this message',
    );
    expect(await page.locator('main').textContent()).toContain('Clear, and the times are right.');
    await expectAccessible(page);
  });
});
