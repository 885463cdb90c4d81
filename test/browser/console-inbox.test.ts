import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { eventually } from '../support/eventually.js';
import { handsetOf, residentSends } from '../support/simulated-residents.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

const YOUTH_NUMBER_ID = '100000000000002';
const RESIDENT = '+447700900871' as E164;

describe('the shared inbox in a browser', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let simulatorUrl: string;

  beforeAll(async () => {
    t = await startTestApp('console-inbox-browser', { env: { DEMO_SEED: 'true' } });
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    await residentSends(t, simulatorUrl, RESIDENT, YOUTH_NUMBER_ID, {
      text: 'Is the youth club open during half term?',
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${t.url}/console/sign-in?next=/console/inbox`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/inbox`),
      page.getByRole('button', { name: 'Sign in as Yusuf Youthworker' }).click(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("lists the youth channel's conversation, masked, and passes axe", async () => {
    expect((await page.locator('h1').textContent())?.trim()).toBe('Inbox');
    const link = page.locator('#conversations a').first();
    expect(await link.textContent()).toContain('871');
    expect(await page.content()).not.toContain('7700900871');
    await expectAccessible(page);
    await link.focus();
    await Promise.all([
      page.waitForURL(/\/console\/inbox\/[0-9a-f-]+$/),
      page.keyboard.press('Enter'),
    ]);
  });

  it('assigns and replies with the keyboard alone, and the reply reaches the handset', async () => {
    expect(await page.getByText('Is the youth club open during half term?').isVisible()).toBe(true);
    expect(await page.getByText('You can reply with your own words until').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Assign to me' }).focus();
    await Promise.all([page.waitForURL(/done=assigned/), page.keyboard.press('Enter')]);

    // An empty reply: the error summary, linked to the box.
    await page.getByRole('button', { name: 'Send reply' }).focus();
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('.govuk-error-summary').isVisible()).toBe(true);
    await expectAccessible(page);

    await page.locator('#reply-text').focus();
    await page.keyboard.type('Yes, from 10am to 4pm every weekday.');
    await page.getByRole('button', { name: 'Send reply' }).focus();
    await Promise.all([page.waitForURL(/done=replied/), page.keyboard.press('Enter')]);
    expect(await page.getByText('Your reply is on its way.').isVisible()).toBe(true);
    expect(await page.getByText('Yes, from 10am to 4pm every weekday.').isVisible()).toBe(true);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-inbox');

    const handset = await eventually(
      () => handsetOf<{ body?: string }>(simulatorUrl, RESIDENT),
      (items) => items.some((m) => m.payload.body === 'Yes, from 10am to 4pm every weekday.'),
    );
    expect(handset.length).toBeGreaterThan(0);
  });

  it('flags the message as abusive from the keyboard', async () => {
    await page.locator('summary', { hasText: 'Flag this message as abusive' }).focus();
    await page.keyboard.press('Enter');
    const reason = page.locator('textarea[id^="flag-reason-"]');
    await reason.focus();
    await page.keyboard.type('Test of the flag');
    await page.getByRole('button', { name: 'Flag as abusive', exact: true }).focus();
    await Promise.all([page.waitForURL(/done=flagged/), page.keyboard.press('Enter')]);
    expect(await page.getByText('Reason: Test of the flag').isVisible()).toBe(true);
    await expectAccessible(page);
  });

  it('proposes a template reply from the keyboard, and the page still passes axe', async () => {
    await page.locator('summary', { hasText: 'Reply with an approved template instead' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#template-name').focus();
    await page.keyboard.type('area_alert');
    await page.locator('#template-parameters').focus();
    await page.keyboard.type('The youth club is open from 10am.');
    await page.getByRole('button', { name: 'Propose template reply' }).focus();
    await Promise.all([page.waitForURL(/done=template_proposed/), page.keyboard.press('Enter')]);
    expect(await page.getByText('Your template reply is waiting for approval.').isVisible()).toBe(
      true,
    );
    expect(await page.getByText('Waiting for approval', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page);
  });
});
