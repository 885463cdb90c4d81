/// <reference lib="dom" />
// Some code here runs in the page (page.evaluate), where the DOM is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, setUpCouncil } from '../support/council.js';
import { messageApi, sendAndReceive } from '../support/message-api.js';
import { answersPoll, type SimMessage } from '../support/simulated-residents.js';
import { residentNumber, seedSubscribers } from '../support/subscribers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

const CORPORATE_NUMBER_ID = '200000000000001';

describe('the staff console in a browser: a snap poll’s results, live', () => {
  let t: TestApp;
  let council: Council;
  let browser: TestBrowser;
  let page: Page;
  let simulatorUrl: string;
  let id: string;
  const voters: E164[] = [residentNumber(1), residentNumber(2)];
  let received = new Map<E164, SimMessage<unknown>>();
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('console-poll-browser');
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (error) => scriptErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const tap = (phone: E164, label: string) =>
    answersPoll(t, simulatorUrl, phone, CORPORATE_NUMBER_ID, received.get(phone)!, label);
  const answersTo = (index: number) =>
    page.locator(`[data-option-answers="${index}"]`).textContent();

  it('opens the results page of a poll that is out, which passes axe', async () => {
    await seedSubscribers(t.app, t.db, voters, { areas: ['northfield'], topics: ['gritting'] });
    ({ id, received } = await sendAndReceive(
      messageApi(t, council),
      council,
      simulatorUrl,
      {
        content: {
          kind: 'template',
          templateName: 'snap_poll',
          language: 'en_GB',
          parameters: ['We are consulting on a cycle lane on Mill Road. Do you support it?'],
          poll: {
            options: ['Yes', 'No', 'Not sure'],
            closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        },
        audience: { areas: ['northfield'], topics: ['gritting'] },
      },
      voters,
    ));
    await tap(voters[0], 'Yes');

    await page.goto(`${t.url}/console/sign-in?next=/console/messages/${id}/poll`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages/${id}/poll`),
      page.getByRole('button', { name: 'Sign in as olivia' }).click(),
    ]);
    await expect(page.title()).resolves.toMatch(/^Poll results – Crier/);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Poll results');
    expect(await answersTo(0)).toBe('1');
    expect(await page.locator('[data-live-answers]').textContent()).toBe('1 resident has answered');
    expect(await page.getByRole('link', { name: 'Refresh the results' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Download CSV' }).count()).toBe(1);
    await expectAccessible(page);
  });

  it('shows a new answer without reloading, and tells screen reader users', async () => {
    // A mark on this document: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await tap(voters[1], 'Not sure');
    await expect.poll(() => answersTo(2), { timeout: 15_000, interval: 250 }).toBe('1');
    expect(await page.locator('[data-option-share="2"]').textContent()).toBe('50%');
    expect(await page.locator('[data-live-answers]').textContent()).toBe(
      '2 residents have answered',
    );
    await expect(page.locator('[data-live-announce]').textContent()).resolves.toBe(
      '2 residents have answered: Yes 1, No 0, Not sure 1.',
    );
    expect(await page.locator('[data-live-announce]').getAttribute('aria-live')).toBe('polite');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'console-poll-results');
    expect(scriptErrors).toEqual([]);
  });

  it('previews a poll’s options as buttons, or a list, as they are typed on the compose page', async () => {
    await page.goto(`${t.url}/console/messages/new`);
    await page.getByRole('radio', { name: 'Text message' }).check();
    await page.locator('#body').fill('Should the Saturday market move to Sunday?');
    await page.locator('#pollOptions').fill('Yes\nNo');
    const buttons = page.locator('#compose-preview [data-preview-poll] li');
    await expect.poll(() => buttons.allTextContents()).toEqual(['Yes', 'No']);
    await page.locator('#pollOptions').fill('Monday\nTuesday\nWednesday\nThursday');
    const list = page.locator('#compose-preview [data-preview-poll-list]');
    await expect.poll(() => list.textContent()).toBe('Choose an answer');
    expect(await buttons.count()).toBe(0);
    await page.locator('#pollOptions').fill('');
    await expect
      .poll(() => page.locator('#compose-preview [data-preview-poll]').isHidden())
      .toBe(true);
    await page.locator('#pollOptions').fill('Yes\nNo\nNot sure');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-compose-poll');
    expect(scriptErrors).toEqual([]);
  });
});
