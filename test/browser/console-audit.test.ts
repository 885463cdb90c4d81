/// <reference lib="dom" />
// Some code here runs in the page (page.evaluate), where the DOM is.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { verifyBundle } from '../../src/audit-verifier/verify-bundle.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

/** The demo council: Ari Auditor follows an alert's life through the audit log and exports it. */
describe('the staff console in a browser: the audit log', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let messageId: string;

  const as = async (email: string) => ({ Authorization: `Bearer ${await t.tokenFor(email)}` });

  beforeAll(async () => {
    t = await startTestApp('console-audit-browser', { env: { DEMO_SEED: 'true' } });
    const olivia = await as('olivia.officer@example.gov.uk');
    const chris = await as('chris.comms@example.gov.uk');
    const channels = (await t.http.get('/api/v1/channels').set(chris)).body as {
      items: { id: string; kind: string }[];
    };
    const corporate = channels.items.find((c) => c.kind === 'corporate')!.id;
    const created = await t.http
      .post('/api/v1/messages')
      .set(olivia)
      .send({
        channelId: corporate,
        content: {
          kind: 'template',
          templateName: 'area_alert',
          language: 'en_GB',
          parameters: ['Gritters will treat main roads tonight from 8pm.'],
        },
        audience: { areas: ['northfield'], topics: ['gritting'] },
      })
      .expect(201);
    messageId = (created.body as { id: string }).id;
    await t.http.post(`/api/v1/messages/${messageId}/submit`).set(olivia).expect(200);
    await t.http
      .post(`/api/v1/messages/${messageId}/approve`)
      .set(chris)
      .send({ version: 1 })
      .expect(200);

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${t.url}/console/sign-in?next=%2Fconsole%2Faudit`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/audit`),
      page.getByRole('button', { name: 'Sign in as Ari Auditor' }).click(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('searches for message events, and the page passes axe', async () => {
    expect((await page.locator('h1').textContent())?.trim()).toBe('Audit log');
    await page.getByLabel('Event type').fill('message.*');
    await page.getByLabel('Done by').selectOption({ label: 'Chris Comms' });
    await Promise.all([
      page.waitForURL(/\/console\/audit\?/),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    const types = await page.locator('tbody code').allTextContents();
    expect(types).toContain('message.approved');
    expect(types.every((type) => type.startsWith('message.'))).toBe(true);
    expect(await page.locator('tbody').textContent()).toContain('Chris Comms');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-audit-search');
  });

  it('shows bad dates in an error summary', async () => {
    await page.getByRole('group', { name: /^From/ }).getByLabel('Day').fill('31');
    await page.getByRole('group', { name: /^From/ }).getByLabel('Month').fill('2');
    await page.getByRole('group', { name: /^From/ }).getByLabel('Year').fill('2026');
    await Promise.all([
      page.waitForURL(/from-day=31/),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    await expect(page.title()).resolves.toMatch(/^Error: Audit log/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.textContent()).toContain('From must be a real date');
    // govuk-frontend moves focus to the summary, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(
      /govuk-error-summary/,
    );
    await expectAccessible(page);
  });

  it('opens a message’s history from the results', async () => {
    await page.goto(`${t.url}/console/audit?messageId=${messageId}`);
    await Promise.all([
      page.waitForURL(`${t.url}/console/audit/messages/${messageId}`),
      page
        .getByRole('link', { name: /Message history/ })
        .first()
        .click(),
    ]);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Message history');
    const steps = await page.locator('ol h2').allTextContents();
    expect(steps.slice(0, 3)).toEqual(['Drafted', 'Submitted for approval', 'Approved']);
    expect(await page.getByRole('link', { name: 'Open the message' }).getAttribute('href')).toBe(
      `/console/messages/${messageId}`,
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'console-audit-timeline');
  });

  it('downloads the message’s evidence bundle, which verifies', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download evidence for this message' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`crier-evidence-${messageId}.json`);
    const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      entries: { payload: string }[];
    };
    expect(bundle.entries.length).toBeGreaterThanOrEqual(3);
    // Checked against the key Crier publishes, not only the one inside the bundle.
    const listing = await t.http
      .get('/api/v1/audit/checkpoints')
      .set(await as('ari.auditor@example.gov.uk'))
      .expect(200);
    const publicKeyPem = (listing.body as { publicKey: { pem: string } }).publicKey.pem;
    expect(verifyBundle(bundle, { publicKeyPem })).toMatchObject({ ok: true, failures: [] });
  });

  it('verifies the log and shows the success panel', async () => {
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('link', { name: 'check the log has not been tampered with' }).click();
    expect((await page.locator('h1').textContent())?.trim()).toBe('Check the audit log');
    await Promise.all([
      page.waitForURL(/\/console\/audit\/verify\?signed=\d+/),
      page.getByRole('button', { name: 'Sign a checkpoint now' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'A checkpoint was signed',
    );
    await page.getByRole('button', { name: 'Check the audit log now' }).click();
    await page.locator('.govuk-panel').waitFor({ timeout: 10_000 });
    expect(await page.locator('.govuk-panel__title').textContent()).toContain(
      'The audit log is intact',
    );
    expect(await page.locator('.govuk-panel__body').textContent()).toMatch(
      /events checked, chain head [0-9a-f]{12}…, against \d+ signed checkpoints?\./,
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'console-audit-verified');
  });
});
