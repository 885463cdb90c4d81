/// <reference lib="dom" />
// Some code here runs in the page (page.evaluate), where the DOM is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../../src/phone-numbers/phone-vault.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { eventually } from '../support/eventually.js';
import { handsetOf, residentSends, tapOn } from '../support/simulated-residents.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

/** The demo council's corporate channel, which the web opt-in confirms from. */
const CORPORATE_NUMBER_ID = '100000000000001';
const RESIDENT = '+447700900777' as E164;

describe('the residents’ pages in a browser: subscribing, confirming on WhatsApp, STOP', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let simulatorUrl: string;

  const heading = async () => (await page.locator('h1').textContent())?.trim();
  /** The id (or, failing that, the text) of what has the keyboard's focus. */
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      return element?.id || (element?.textContent ?? '').trim();
    });
  /** Presses Tab until the element with this id or text has focus. */
  const tabTo = async (target: string) => {
    for (let presses = 0; presses < 40 && (await focused()) !== target; presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe(target);
  };
  const subscriberStatus = async () => {
    const hash = t.app.get(PhoneVault).lookupHash(RESIDENT);
    const [row] = await t.db.query<{ status: string; topic_codes: string[] }>(
      `SELECT status, topic_codes FROM subscribers WHERE phone_hash = $1`,
      [hash],
    );
    return row;
  };

  beforeAll(async () => {
    t = await startTestApp('subscribe-browser', { env: { DEMO_SEED: 'true' } });
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a start page that passes axe', async () => {
    await page.goto(`${t.url}/subscribe`);
    expect(await heading()).toBe('Get WhatsApp alerts from Example Borough Council');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.locator('body').getAttribute('class')).toMatch(/govuk-frontend-supported/);
    await expectAccessible(page);
    await saveScreenshot(page, 'subscribe-start');
  });

  it('starts with the keyboard and shows every problem with an empty form', async () => {
    await tabTo('Start now');
    await Promise.all([
      page.waitForURL(`${t.url}/subscribe/details`),
      page.keyboard.press('Enter'),
    ]);
    expect(await heading()).toBe('Your details');
    await expectAccessible(page);

    await tabTo('Continue');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.title()).toMatch(/^Error: Your details/);
    // govuk-frontend moves focus to the summary, so a screen reader reads it first.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'govuk-error-summary',
    );
    expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter a UK mobile number, like 07700 900123',
      'Enter your postcode',
      'Select at least one topic',
      'Select the box to agree to get WhatsApp messages',
    ]);
    await expectAccessible(page);
    await saveScreenshot(page, 'subscribe-details-errors');
  });

  it('subscribes with the keyboard alone and is asked to check WhatsApp', async () => {
    // The summary's first link takes the keyboard to the number.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('phone');
    await page.keyboard.type('07700 900777');
    await tabTo('postcode');
    await page.keyboard.type('EB1 1AA');
    await tabTo('topics-2'); // Gritting
    await page.keyboard.press('Space');
    await tabTo('consent');
    await page.keyboard.press('Space');
    await tabTo('Continue');
    await Promise.all([
      page.waitForURL(`${t.url}/subscribe/check-whatsapp`),
      page.keyboard.press('Enter'),
    ]);
    expect(await heading()).toBe('Check WhatsApp');
    expect(await page.locator('main').textContent()).toContain(
      'Tap Confirm in that message within 48 hours.',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'subscribe-check-whatsapp');
  });

  it('becomes a subscriber on tapping Confirm on the handset, and is unsubscribed by STOP', async () => {
    // The confirmation's send is recorded once WhatsApp accepts it; a tap must answer it.
    const hash = t.app.get(PhoneVault).lookupHash(RESIDENT);
    const [request] = await eventually(
      () =>
        t.db.query<{ confirmation_message_id: string | null }>(
          `SELECT confirmation_message_id FROM subscription_requests WHERE phone_hash = $1`,
          [hash],
        ),
      (rows) => rows[0]?.confirmation_message_id != null,
    );
    const messages = await handsetOf(simulatorUrl, RESIDENT);
    const confirmation = messages.find((m) => m.id === request?.confirmation_message_id);
    expect(confirmation, 'the confirmation never reached the handset').toBeDefined();
    const tap = tapOn(confirmation!, 'Confirm');
    expect(tap).toMatchObject({ buttonPayload: 'CONFIRM_SUBSCRIPTION', context: confirmation!.id });
    const confirmed = await residentSends(t, simulatorUrl, RESIDENT, CORPORATE_NUMBER_ID, tap);
    expect(confirmed.handledBy).toBe('web-opt-in');
    expect(await subscriberStatus()).toEqual({ status: 'active', topic_codes: ['gritting'] });

    await residentSends(t, simulatorUrl, RESIDENT, CORPORATE_NUMBER_ID, { text: 'STOP' });
    expect(await subscriberStatus()).toEqual({ status: 'unsubscribed', topic_codes: [] });
  });

  it('passes axe on every page in English and Welsh, an error state included', async () => {
    const pages = ['/subscribe/manage', '/subscribe/privacy'];
    for (const path of pages) {
      await page.goto(`${t.url}${path}`);
      await expectAccessible(page);
    }
    await page.goto(`${t.url}/subscribe/privacy`);
    expect(await page.locator('main').textContent()).toContain('Version 2025-01');
    await saveScreenshot(page, 'subscribe-privacy');

    for (const path of [
      '/subscribe',
      '/subscribe/details',
      '/subscribe/check-whatsapp',
      ...pages,
    ]) {
      await page.goto(`${t.url}${path}?lang=cy`);
      expect(await page.locator('html').getAttribute('lang'), path).toBe('cy');
      await expectAccessible(page);
    }
    await page.goto(`${t.url}/subscribe?lang=cy`);
    expect(await heading()).toBe('Cael rhybuddion WhatsApp gan Example Borough Council');
    await saveScreenshot(page, 'subscribe-start-cy');

    // The language navigation takes the resident to the same page in English.
    await Promise.all([
      page.waitForURL(`${t.url}/subscribe`),
      page.getByRole('link', { name: /^English/ }).click(),
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');

    await page.goto(`${t.url}/subscribe/details?lang=cy`);
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: 'Parhau' }).click(),
    ]);
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary__title').textContent()).toContain(
      'Mae problem wedi codi',
    );
    await expectAccessible(page);
  });
});
