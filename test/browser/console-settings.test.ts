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

/** The text of the focused element, or of its label when it is an input. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    if (!active) return '';
    if (active.tagName === 'INPUT') return active.labels?.[0]?.textContent?.trim() ?? '';
    return (active.textContent ?? '').trim();
  });

/** Presses Tab until the focused element's text (or label) is `text`. */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if ((await focusedText(page)) === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${text}"`);
}

describe('the settings pages in a browser (demo admin)', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp('console-settings-browser', { env: { DEMO_SEED: 'true' } });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${t.url}/console/sign-in`);
    await Promise.all([
      page.waitForURL(`${t.url}/console`),
      page.getByRole('button', { name: 'Sign in as Administrator' }).click(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the settings index from the navigation, passing axe', async () => {
    await Promise.all([
      page.waitForURL(`${t.url}/console/settings`),
      page.getByRole('link', { name: 'Settings', exact: true }).first().click(),
    ]);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Settings');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-settings');
  });

  it('adds a staff member with the keyboard, after an error summary that passes axe', async () => {
    await page.goto(`${t.url}/console/settings/staff`);
    await page.locator('#name').focus();
    await page.keyboard.type('Nia Newcomer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('nia.newcomer');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    await expect(page.title()).resolves.toMatch(/^Error: Staff and roles/);
    // The summary has focus, so a screen reader reads it first; its links lead to the fields.
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(
      /govuk-error-summary/,
    );
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter an email address in the correct format',
    );
    await expectAccessible(page);

    await page.locator('#email').fill('');
    await page.locator('#email').focus();
    await page.keyboard.type('nia.newcomer@example.gov.uk');
    await tabTo(page, 'Officer');
    await page.keyboard.press('Space');
    await tabTo(page, 'Highways');
    await page.keyboard.press('Space');
    await tabTo(page, 'Add person');
    await Promise.all([
      page.waitForURL(/\/console\/settings\/staff\?changed=/),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Nia Newcomer',
    );
    const row = page.locator('tr', { hasText: 'nia.newcomer@example.gov.uk' });
    expect(await row.textContent()).toMatch(/Officer[\s\S]*Highways[\s\S]*Active/);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-settings-staff');
  });

  it('edits a channel policy starting from a model, with the keyboard', async () => {
    await page.goto(`${t.url}/console/settings/channels`);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL(/\/console\/settings\/channels\/[0-9a-f-]{36}$/),
      page.getByRole('link', { name: 'Example Borough Youth Support' }).click(),
    ]);
    const channelUrl = page.url();
    await expectAccessible(page);
    await saveScreenshot(page, 'console-settings-channel');

    await page.getByRole('button', { name: 'Change sign-off rules' }).focus();
    await Promise.all([
      page.waitForURL(/\/policy$/, { timeout: 5000 }),
      page.keyboard.press('Enter'),
    ]);
    await expectAccessible(page);
    // Model A is the first radio; the arrow key moves to B and chooses it, filling the form.
    await tabTo(page, 'A: the comms team signs off everything');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#model-2').isChecked()).toBe(true);
    expect(await page.locator('input[name=approverRoles][value=service_manager]').isChecked()).toBe(
      true,
    );
    expect(await page.locator('input[name=approverRoles][value=comms_approver]').isChecked()).toBe(
      false,
    );
    expect(await page.locator('#quietStart').inputValue()).toBe('20:00');
    await page.locator('#inboundRetentionDays').fill('');
    await page.locator('#inboundRetentionDays').focus();
    await page.keyboard.type('14');
    await tabTo(page, 'Save sign-off rules');
    await Promise.all([
      page.waitForURL(`${channelUrl}?changed=policy`, { timeout: 5000 }),
      page.keyboard.press('Enter'),
    ]);
    const rules = await page.locator('main').textContent();
    expect(rules).toContain("Managers of the channel's service");
    expect(rules).toContain('14 days');

    const id = channelUrl.split('/').pop()!;
    const token = await t.tokenFor('admin@example.gov.uk');
    const api = await t.http.get(`/api/v1/channels/${id}`).set('Authorization', `Bearer ${token}`);
    expect(api.body).toMatchObject({
      policy: { approverRoles: ['service_manager'], inboundRetentionDays: 14 },
    });
  });

  it('shows a throughput out of range in an error summary that passes axe', async () => {
    await page.locator('#throughputPerSecond').fill('5000');
    await page.getByRole('button', { name: 'Save sending speed' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('#throughputPerSecond-error').textContent()).toContain('1 to 1000');
    await expectAccessible(page);
  });

  it('shows the other settings pages, and a refused new channel, passing axe', async () => {
    for (const path of ['services', 'areas', 'templates', 'channels/new']) {
      const response = await page.goto(`${t.url}/console/settings/${path}`);
      expect(response?.status()).toBe(200);
      await expectAccessible(page);
    }
    await page.getByRole('button', { name: 'Add channel' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await expectAccessible(page);
  });

  it('renames an area from its link, with an error summary first, passing axe', async () => {
    await page.goto(`${t.url}/console/settings/areas`);
    await page.getByRole('link', { name: 'Change name of Northfield' }).click();
    await page.waitForURL(/\/console\/settings\/areas\/northfield$/);
    await expectAccessible(page);
    await page.locator('#name').fill('');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await expectAccessible(page);
    await page.locator('#name').fill('Northfield and Moor');
    await Promise.all([
      page.waitForURL(/renamed=area:northfield$/),
      page.getByRole('button', { name: 'Save name' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'is now called Northfield and Moor',
    );
    await expectAccessible(page);
  });

  it('imports postcodes, showing the counts and lines not imported, passing axe', async () => {
    await page.goto(`${t.url}/console/settings/postcodes`);
    await expectAccessible(page);
    await page.locator('#csv').fill('EB1 9ZZ,northfield');
    await page.getByRole('button', { name: 'Import postcodes' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('header');
    await expectAccessible(page);

    await page.locator('#csv').fill('postcode,area\nEB1 9ZZ,northfield\nEB1 9ZY,nowhere\n');
    await page.getByRole('button', { name: 'Import postcodes' }).click();
    await page.waitForSelector('.govuk-notification-banner');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      '1 postcode imported',
    );
    expect(await page.locator('table').textContent()).toContain('nowhere');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-settings-postcodes');
  });
});
