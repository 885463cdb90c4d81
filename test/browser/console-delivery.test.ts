/// <reference lib="dom" />
// Some code here runs in the page (page.evaluate), where the DOM is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Council, setUpCouncil, templateMessage } from '../support/council.js';
import { messageApi } from '../support/message-api.js';
import { residentNumber, seedSubscribers } from '../support/subscribers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

const RECIPIENTS = 30;

describe('the staff console in a browser: a message’s delivery, live', () => {
  let t: TestApp;
  let council: Council;
  let browser: TestBrowser;
  let page: Page;
  let id: string;
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('console-delivery-browser');
    council = await setUpCouncil(t);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (error) => scriptErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const progressValue = () =>
    page.evaluate(
      () => (document.getElementById('delivery-progress') as HTMLProgressElement).value,
    );

  it('opens the delivery page of an alert while it sends, which passes axe', async () => {
    // Signed in first, so the page opens while the alert is still going out.
    await page.goto(`${t.url}/console/sign-in`);
    await Promise.all([
      page.waitForURL(`${t.url}/console`),
      page.getByRole('button', { name: 'Sign in as olivia' }).click(),
    ]);

    // About three seconds of sending: 30 people on a channel throttled to 10 a second.
    await t.http
      .put(`/api/v1/channels/${council.channels.corporate}/throughput`)
      .set(council.bearer(council.admin))
      .send({ throughputPerSecond: 10 })
      .expect(200);
    const numbers = Array.from({ length: RECIPIENTS }, (_, n) => residentNumber(n + 1));
    await seedSubscribers(t.app, t.db, numbers, { areas: ['northfield'], topics: ['gritting'] });
    const api = messageApi(t, council);
    const created = await api.create(council.officer, templateMessage(council.channels.corporate));
    id = created.body.id;
    await api.submit(council.officer, id);
    expect((await api.approve(council.comms, id, 1)).status).toBe(200);

    await page.goto(`${t.url}/console/messages/${id}/delivery`);
    await expect(page.title()).resolves.toMatch(/^Message delivery – Crier/);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Message delivery');
    expect(await progressValue()).toBeLessThan(RECIPIENTS);
    expect(await page.locator('[data-live-status] .govuk-tag').textContent()).toMatch(
      /Approved|Sending/,
    );
    expect(await page.getByRole('link', { name: 'Refresh the figures' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel the remaining sends' }).isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('img', { name: /Sends over time/ }).count()).toBe(1);
    await expectAccessible(page);
    // The first figures the script brings in, part of the way through.
    await page.waitForFunction(
      () => (document.getElementById('delivery-progress') as HTMLProgressElement).value > 0,
      undefined,
      { timeout: 10_000 },
    );
    await saveScreenshot(page, 'console-delivery-sending');
  });

  it('shows the figures rising to completion without reloading, then the final state', async () => {
    // A mark on this document: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    const seen = new Set<number>([await progressValue()]);
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      seen.add(await progressValue());
      const status = await page.locator('[data-live-status] .govuk-tag').textContent();
      if (status?.trim() === 'Sent') break;
      await page.waitForTimeout(250);
    }
    seen.add(await progressValue());
    expect((await page.locator('[data-live-status] .govuk-tag').textContent())?.trim()).toBe(
      'Sent',
    );
    expect(await progressValue()).toBe(RECIPIENTS);
    // It rose through at least one figure between the first and the last.
    expect(seen.size).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    await expect(page.locator('[data-live-progress-text]').textContent()).resolves.toBe(
      `${RECIPIENTS} of ${RECIPIENTS} sends done (100%)`,
    );
    await expect(page.locator('[data-figure="sent"]').textContent()).resolves.toBe(
      String(RECIPIENTS),
    );
    // Told politely once it ended; the refresh link and the cancel form have gone.
    await expect(page.locator('[data-live-announce]').textContent()).resolves.toMatch(
      /^Sending finished: 30 sent, 0 failed/,
    );
    expect(await page.getByRole('link', { name: 'Refresh the figures' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cancel the remaining sends' }).isVisible()).toBe(
      false,
    );
    // The chart was redrawn: its description and the table have the final figures.
    await expect(page.locator('#funnel-chart-desc').textContent()).resolves.toMatch(/30 sent/);
    await page.getByText('Show the figures as a table').click();
    const lastRow = page.locator('[data-live-funnel-rows] tr').last();
    await expect(lastRow.locator('td').first().textContent()).resolves.toBe(String(RECIPIENTS));
    await expectAccessible(page);
    await saveScreenshot(page, 'console-delivery-sent');
    expect(scriptErrors).toEqual([]);
  });
});
