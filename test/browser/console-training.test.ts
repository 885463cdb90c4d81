/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

describe('the staff console in a browser: training handsets', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  /**
   * Taps the newest button with this name, checking for new messages until Crier's reply that
   * carries it has reached the handset.
   */
  const tap = async (name: string) => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const button = page.getByRole('button', { name, exact: true }).last();
      if ((await button.count()) > 0) {
        await Promise.all([page.waitForLoadState('load'), button.click()]);
        await page.waitForURL(/\/console\/training\/handsets\/07700900200\?channel=/);
        return;
      }
      await page.getByRole('link', { name: 'Check for new messages' }).click();
      await page.waitForTimeout(200);
    }
    throw new Error(`no "${name}" button arrived on the handset`);
  };

  beforeAll(async () => {
    t = await startTestApp('console-training-browser', { env: { DEMO_SEED: 'true' } });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists simulated residents on a training page that passes axe', async () => {
    await page.goto(`${t.url}/console/sign-in`);
    await Promise.all([
      page.waitForURL(`${t.url}/console`),
      page.getByRole('button', { name: 'Sign in as Olivia Officer' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(`${t.url}/console/training`),
      page.getByRole('link', { name: 'Training', exact: true }).first().click(),
    ]);
    await expect(page.title()).resolves.toBe('Training – Crier – Example Borough Council');
    expect(await page.getByText('+44 •••••••115').isVisible()).toBe(true);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-training');
  });

  it('refuses a real-looking number in an error summary', async () => {
    await page.getByLabel('Phone number').fill('07400 123456');
    await page.getByRole('button', { name: 'Open handset' }).click();
    await expect(page.title()).resolves.toBe('Error: Training – Crier – Example Borough Council');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      '07700 900000 to 07700 900999',
    );
    await expectAccessible(page);
  });

  it('lets a trainee send JOIN, tap through areas and topics, confirm, and be subscribed', async () => {
    await page.getByLabel('Phone number').fill('07700 900200');
    await Promise.all([
      page.waitForURL(/\/console\/training\/handsets\/07700900200$/),
      page.getByRole('button', { name: 'Open handset' }).click(),
    ]);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Handset ending 200');
    await tap('Send JOIN');
    await tap('Northfield');
    await tap('Gritting');
    await tap('Done');
    await tap('Confirm');
    for (let attempt = 0; attempt < 30; attempt += 1) {
      if ((await page.getByText("You're subscribed").count()) > 0) break;
      await page.getByRole('link', { name: 'Check for new messages' }).click();
      await page.waitForTimeout(200);
    }
    expect(await page.getByText("You're subscribed").first().isVisible()).toBe(true);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-training-handset');
  });
});
