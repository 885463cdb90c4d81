/// <reference lib="dom" />
// Some code here runs in the page (page.evaluate), where the DOM is.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

describe('the staff console in a browser: writing a message', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    // The demo council, whose residents give the audience a count to show.
    t = await startTestApp('console-compose-browser', { env: { DEMO_SEED: 'true' } });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${t.url}/console/sign-in?next=/console/messages`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages`),
      page.getByRole('button', { name: 'Sign in as Olivia Officer' }).click(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Keyboard only: focus moves to the element as a Tab would, and a key does the rest. */
  const press = async (key: string, name: string, role: 'button' | 'link' = 'button') => {
    await page.getByRole(role, { name, exact: true }).first().focus();
    await page.keyboard.press(key);
  };

  it('lists messages, with a button to create one, and passes axe', async () => {
    expect((await page.locator('h1').textContent())?.trim()).toBe('Messages');
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages/new`),
      press('Enter', 'Create a message'),
    ]);
  });

  it('composes with the keyboard: the preview and the audience count follow', async () => {
    await page.locator('#parameters-1').focus();
    await page.keyboard.type('Gritting tonight from 8pm on all A roads.');
    const bubble = page.locator('#compose-preview [data-preview-text]');
    await expect.poll(() => bubble.textContent()).toBe('Gritting tonight from 8pm on all A roads.');

    const before = await page.locator('#audience-reach').textContent();
    expect(before).toContain('Choose at least one area');
    await page.getByRole('checkbox', { name: 'Northfield' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: 'Gritting' }).focus();
    await page.keyboard.press('Space');
    const residents = page.locator('#audience-reach [data-reach-residents]');
    await expect.poll(() => residents.textContent(), { timeout: 5000 }).toMatch(/^\d+ residents?$/);
    expect(await page.locator('#audience-reach').textContent()).toContain('Estimated cost');

    await expectAccessible(page);
    await saveScreenshot(page, 'console-compose');
  });

  it('warns about quiet hours as the send time is typed, and clears it for a daytime send', async () => {
    const night = DateTime.now().setZone('Europe/London').plus({ days: 2 });
    for (const [field, value] of [
      ['#sendAt-day', String(night.day)],
      ['#sendAt-month', String(night.month)],
      ['#sendAt-year', String(night.year)],
      ['#sendAt-time', '23:00'],
    ] as const) {
      await page.locator(field).focus();
      await page.keyboard.type(value);
    }
    const warning = page.locator('#quiet-hours');
    await expect.poll(() => warning.textContent(), { timeout: 5000 }).toMatch(/quiet hours/);
    await expectAccessible(page);
    await page.locator('#sendAt-time').fill('');
    await page.locator('#sendAt-time').focus();
    await page.keyboard.type('12:00');
    await expect.poll(() => warning.textContent(), { timeout: 5000 }).not.toMatch(/quiet hours/);
    // Back to "as soon as it is approved", as the tests after this one expect.
    for (const field of ['#sendAt-day', '#sendAt-month', '#sendAt-year', '#sendAt-time']) {
      await page.locator(field).fill('');
    }
  });

  it('shows the domain’s refusal in an error summary that passes axe, keeping the values', async () => {
    // An emergency without its reason: the reason field appears once Emergency is chosen.
    await page.getByRole('radio', { name: 'Emergency' }).focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#emergencyReason').isVisible()).toBe(true);
    // The form posts back to its own address, so wait for the summary rather than a new URL.
    await press('Enter', 'Save draft');
    await page.locator('.govuk-error-summary').waitFor();
    await expect(page.title()).resolves.toMatch(/^Error: Create a message/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.textContent()).toContain('Enter why this message is an emergency');
    // govuk-frontend moves focus to the summary, so a screen reader reads it first.
    expect(await page.evaluate(() => document.activeElement?.className ?? '')).toContain(
      'govuk-error-summary',
    );
    expect(await page.locator('#parameters-1').inputValue()).toBe(
      'Gritting tonight from 8pm on all A roads.',
    );
    expect(await page.getByRole('checkbox', { name: 'Northfield' }).isChecked()).toBe(true);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-compose-errors');

    await page.getByRole('radio', { name: 'Routine' }).focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#emergencyReason').isVisible()).toBe(false);
  });

  it('saves the draft and submits it for review', async () => {
    await Promise.all([
      page.waitForURL(/\/console\/messages\/[0-9a-f-]{36}\?done=saved$/),
      press('Enter', 'Save draft'),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Draft saved');
    expect(await page.locator('[data-preview-text]').textContent()).toBe(
      'Gritting tonight from 8pm on all A roads.',
    );
    expect(await page.locator('main').textContent()).toContain('Olivia Officer');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-message');

    await Promise.all([page.waitForURL(/\?done=submitted$/), press('Enter', 'Submit for review')]);
    expect(await page.locator('h1').textContent()).toContain('In review');
  });

  it('lists the new message with its status, and the list passes axe', async () => {
    await Promise.all([
      page.waitForURL(`${t.url}/console/messages`),
      press('Enter', 'Messages', 'link'),
    ]);
    const row = page.locator('tbody tr').first();
    expect(await row.textContent()).toContain('Gritting tonight from 8pm on all A roads.');
    expect(await row.textContent()).toContain('In review');
    expect(await row.textContent()).toContain('Olivia Officer');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-messages');
  });
});
