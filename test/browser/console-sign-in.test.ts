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

describe('the staff console in a browser: signing in and out', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    // The demo council, as a newcomer on `npm start` would see it.
    t = await startTestApp('console-browser', { env: { DEMO_SEED: 'true' } });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends someone without a session to the sign-in page, which passes axe', async () => {
    await page.goto(`${t.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expect(page.title()).resolves.toBe('Sign in – Crier – Example Borough Council');
    expect((await page.locator('h1').textContent())?.trim()).toBe('Sign in to Crier');
    // govuk-frontend's script ran (the nonce was accepted) and its module started.
    expect(await page.locator('body').getAttribute('class')).toMatch(/govuk-frontend-supported/);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-sign-in');
  });

  it('signs in as the demo admin with the keyboard alone', async () => {
    const button = page.getByRole('button', { name: 'Sign in as Administrator' });
    expect(await button.isVisible()).toBe(true);
    // Tab from the top of the page until the first sign-in button has focus; Enter presses it.
    let focused = '';
    for (let presses = 0; presses < 20 && !focused.startsWith('Sign in as'); presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.tagName === 'BUTTON'
          ? (document.activeElement.textContent ?? '').trim()
          : '',
      );
    }
    expect(focused).toBe('Sign in as Administrator');
    await Promise.all([page.waitForURL(`${t.url}/console`), page.keyboard.press('Enter')]);
    await expect(page.title()).resolves.toBe('Home – Crier – Example Borough Council');
    expect(await page.getByText('Signed in as Administrator').first().isVisible()).toBe(true);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === '__Host-crier-session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
    });
  });

  it('shows a start page that passes axe, saying where to go and how an alert goes out', async () => {
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('admin');
    expect(main).toContain('How an alert goes out');
    // The demo council names the people to sign in as for each part.
    expect(main).toContain('Olivia Officer');
    // Each section the admin may open, with what it is for.
    const settings = page.locator('dt', { hasText: 'Settings' });
    expect(await settings.locator('a').getAttribute('href')).toBe('/console/settings');
    expect(await page.locator('dd', { hasText: 'sign-off rules' }).count()).toBe(1);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-start');
  });

  it('signs out, and the console asks for sign-in again', async () => {
    await Promise.all([
      page.waitForURL(`${t.url}/console/sign-in`),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    await page.goto(`${t.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
  });

  it('shows a "Page not found" page that passes axe', async () => {
    const response = await page.goto(`${t.url}/console/no-such-page`);
    expect(response?.status()).toBe(404);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Page not found');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-not-found');
  });
});
