import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { residentSends } from '../support/simulated-residents.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

/** The demo admin's residents pages in a real browser, with JavaScript, checked by axe. */
describe('the staff console in a browser: residents', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;

  const heading = async () => (await page.locator('h1').first().textContent())?.trim();
  const submit = async (name: string) => {
    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForNavigation(),
      page.getByRole('button', { name, exact: true }).click(),
    ]);
  };

  beforeAll(async () => {
    t = await startTestApp('console-residents-browser', { env: { DEMO_SEED: 'true' } });
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

  it('opens Residents from the navigation and shows the counts', async () => {
    await Promise.all([
      page.waitForURL(`${t.url}/console/residents`),
      page.getByRole('link', { name: 'Residents', exact: true }).first().click(),
    ]);
    expect(await heading()).toBe('Residents');
    expect(Number(await page.locator('#total-residents').textContent())).toBeGreaterThan(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-residents');
  });

  it('imports two rows read from a chosen file, one of them bad, and shows the bad line', async () => {
    await Promise.all([
      page.waitForURL(`${t.url}/console/residents/import`),
      page.getByRole('link', { name: 'Import residents from the council’s list' }).click(),
    ]);
    // Nothing pasted: the error summary, which passes axe too.
    await submit('Import residents');
    expect(await page.title()).toMatch(/^Error: Import residents/);
    expect(await page.locator('.govuk-error-summary').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.goto(`${t.url}/console/residents/import`);

    const csv = [
      'phone,areas,topics,consent_source,consent_captured_at,consent_evidence',
      '07700 900201,northfield,gritting,paper form at Northfield library,2024-05-01,Form 118',
      '07700 900202,atlantis,gritting,paper form at Northfield library,2024-05-01,Form 119',
    ].join('\n');
    // The page's script shows the file chooser and reads the chosen file into the box.
    const chooser = page.getByLabel('Choose a CSV file');
    expect(await chooser.isVisible()).toBe(true);
    await chooser.setInputFiles({
      name: 'residents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect.poll(() => page.locator('#csv').inputValue()).toBe(csv);
    await expectAccessible(page);
    await saveScreenshot(page, 'console-residents-import');

    await submit('Import residents');
    expect(await heading()).toBe('Import result');
    expect(await page.locator('main').textContent()).toContain(
      '1 residents can now be sent alerts',
    );
    const errors = page.locator('#import-errors tbody tr');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().textContent()).toContain('UNKNOWN_AREA');
    expect(await errors.locator('th').first().textContent()).toBe('3');
    await expectAccessible(page);
  });

  it('reports a reconciliation and refuses its confirmation by the admin who uploaded it', async () => {
    await page.goto(`${t.url}/console/residents/reconciliations`);
    expect(await heading()).toBe('Check residents against the council’s list');
    expect(await page.locator('main').textContent()).toContain(
      'You cannot confirm a list you uploaded yourself',
    );
    await expectAccessible(page);

    await page
      .getByLabel('Paste the council’s list')
      .fill('07700 900100\n07700 900101\nnot a number');
    await submit('Compare with Crier’s residents');
    expect(await heading()).toBe('Reconciliation report');
    expect(await page.locator('#sample li').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`${t.url}/console/residents/reconciliations`);
    await submit(
      `Confirm and unsubscribe ${await page.locator('#reconciliations tbody tr').first().locator('td').nth(4).textContent()}`,
    );
    expect(await page.title()).toMatch(/^Error: Check residents/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Another admin must confirm',
    );
    await expectAccessible(page);
  });

  it('runs a subject access request and downloads it', async () => {
    // A demo resident has written to the council, so the request has a message to show.
    const simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    await residentSends(t, simulatorUrl, '+447700900100' as E164, '100000000000001', {
      text: 'Will Northfield be gritted tonight?',
    });
    await page.goto(`${t.url}/console/residents/privacy`);
    await submit('Continue');
    expect(await page.title()).toMatch(/^Error: Subject access and erasure/);
    await expectAccessible(page);

    await page.getByLabel('Resident’s phone number').fill('07700 900100');
    await page.getByLabel('A copy of what Crier holds about them').check();
    await submit('Continue');
    expect(await heading()).toBe('What Crier holds about +44 •••••••100');
    const html = await page.content();
    expect(html).not.toContain('900100');
    for (const section of ['Subscriber', 'Consent records', 'Audit events about them']) {
      expect(await page.getByRole('heading', { name: section, exact: true }).isVisible()).toBe(
        true,
      );
    }
    expect(await page.locator('main').textContent()).toContain(
      'Will Northfield be gritted tonight?',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'console-residents-subject-access');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      phone: string;
      subscriber: { status: string } | null;
    };
    expect(bundle.phone).toBe('+44 •••••••100');
    expect(bundle.subscriber?.status).toBe('active');
  });

  it('erases a number once the admin confirms, after refusing without the tick', async () => {
    await page.goto(`${t.url}/console/residents/privacy`);
    await page.getByLabel('Resident’s phone number').fill('07700 900201');
    await page.getByLabel('Erase what Crier holds about them').check();
    await submit('Continue');
    expect(await heading()).toBe('Erase everything Crier holds about +44 •••••••201?');
    await expectAccessible(page);
    await saveScreenshot(page, 'console-residents-erasure');

    await submit('Erase everything');
    expect(await page.title()).toMatch(/^Error: Erase everything/);
    expect(await page.locator('.govuk-error-summary').isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel(/I understand this erases everything/).check();
    await submit('Erase everything');
    expect(await heading()).toBe('Erased');
    expect(await page.locator('#erased').textContent()).toContain('Deleted');
    await expectAccessible(page);
  });
});
