/// <reference lib="dom" />
// Some code here runs in the page (page.evaluate), where the DOM is.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { EXAMPLE_COUNCIL } from '../../src/demo/example-borough-council.js';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../../src/phone-numbers/phone-vault.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from './support/browser.js';

/** The demo council's corporate channel: the alert goes out on it and web opt-ins confirm from it. */
const CORPORATE_NUMBER_ID = EXAMPLE_COUNCIL.corporateChannel.whatsapp.phoneNumberId;
const FIRST_TEXT = 'Gritters will treat main roads tonight from 8pm.';
const EDITED_TEXT = 'Gritters will treat all A and B roads tonight from 6pm.';
/** Ofcom's drama range, and none of the demo's residents (07700 900100 to 900115). */
const RESIDENT_NATIONAL = '07700900321';
const RESIDENT = '+447700900321' as E164;
const STOPPED = `You will get no more messages from ${EXAMPLE_COUNCIL.corporateChannel.name}.`;

/**
 * Issue 6's promise, end to end in a real browser on the demo council: an officer drafts and edits
 * an alert, cannot approve it herself, the comms team approves it, it is sent and read, an auditor
 * follows and verifies its history and downloads the evidence; then a resident subscribes on the
 * web, confirms on a (training) handset and leaves with STOP. Each step uses the previous ones'
 * state, so they run in order; each person has a browser context of their own.
 */
describe('the life of an alert, from draft to read receipts to audit evidence', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let olivia: Page;
  let chris: Page;
  let ari: Page;
  let resident: Page;
  let messageId: string;

  /** A fresh browser context, signed in through the local sign-in page as this demo person. */
  const signIn = async (name: string, next: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/console/sign-in?next=${encodeURIComponent(next)}`);
    await Promise.all([
      page.waitForURL(`${t.url}${next}`),
      page.getByRole('button', { name: `Sign in as ${name}` }).click(),
    ]);
    return page;
  };
  const heading = async (page: Page) => (await page.locator('h1').textContent())?.trim();
  const figure = async (page: Page, key: string) =>
    Number((await page.locator(`[data-figure="${key}"]`).textContent())?.replace(/,/g, ''));
  const subscriber = async () => {
    const [row] = await t.db.query<{ status: string; area_codes: string[]; topic_codes: string[] }>(
      `SELECT status, area_codes, topic_codes FROM subscribers WHERE phone_hash = $1`,
      [t.app.get(PhoneVault).lookupHash(RESIDENT)],
    );
    return row;
  };

  beforeAll(async () => {
    t = await startTestApp('alert-journey', { env: { DEMO_SEED: 'true' } });
    // The corporate channel holds routine alerts in quiet hours (21:00 to 08:00 UK time), when the
    // message would become "Scheduled" instead of sending. The journey must not depend on the
    // hour it runs at, and an emergency would need a reason and test something else, so the admin
    // lifts the quiet hours first, through the API, keeping the rest of the demo's policy.
    const admin = { Authorization: `Bearer ${await t.tokenFor('admin@example.gov.uk')}` };
    const channels = (await t.http.get('/api/v1/channels').set(admin).expect(200)).body as {
      items: { id: string; kind: string }[];
    };
    const corporate = channels.items.find((c) => c.kind === 'corporate')!.id;
    await t.http
      .put(`/api/v1/channels/${corporate}/policy`)
      .set(admin)
      .send({ ...EXAMPLE_COUNCIL.corporateChannel.policy, quietHours: null })
      .expect(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('1. Olivia Officer drafts an alert, edits it once and submits it for review', async () => {
    olivia = await signIn('Olivia Officer', '/console/messages/new');
    expect(await heading(olivia)).toBe('Create a message');
    await olivia
      .getByLabel('Channel', { exact: true })
      .selectOption({ label: EXAMPLE_COUNCIL.corporateChannel.name });
    await olivia.getByRole('radio', { name: 'Alert template' }).check();
    await olivia.locator('#parameters-1').fill(FIRST_TEXT);
    // Northfield and Gritting: four of the demo's residents chose both.
    await olivia.getByRole('checkbox', { name: 'Northfield' }).check();
    await olivia.getByRole('checkbox', { name: 'Gritting' }).check();
    await olivia.getByRole('radio', { name: 'Routine' }).check();
    await expect
      .poll(() => olivia.locator('#audience-reach [data-reach-residents]').textContent(), {
        timeout: 10_000,
      })
      .toBe('4 residents');
    await expectAccessible(olivia);
    await saveScreenshot(olivia, 'journey-1-compose');

    await Promise.all([
      olivia.waitForURL(/\/console\/messages\/[0-9a-f-]{36}\?done=saved$/),
      olivia.getByRole('button', { name: 'Save draft' }).click(),
    ]);
    messageId = /\/console\/messages\/([0-9a-f-]{36})/.exec(olivia.url())![1];
    expect(await olivia.locator('.govuk-notification-banner').textContent()).toContain(
      'Draft saved',
    );
    expect(await olivia.locator('[data-preview-text]').textContent()).toBe(FIRST_TEXT);

    await Promise.all([
      olivia.waitForURL(`${t.url}/console/messages/${messageId}/edit`),
      olivia.getByRole('button', { name: 'Edit message' }).click(),
    ]);
    expect(await heading(olivia)).toBe('Edit message');
    expect(await olivia.locator('#parameters-1').inputValue()).toBe(FIRST_TEXT);
    await olivia.locator('#parameters-1').fill(EDITED_TEXT);
    await Promise.all([
      olivia.waitForURL(new RegExp(`/console/messages/${messageId}\\?done=`)),
      olivia.getByRole('button', { name: 'Save draft' }).click(),
    ]);
    expect(await olivia.locator('[data-preview-text]').textContent()).toBe(EDITED_TEXT);
    expect(await olivia.locator('main').textContent()).toMatch(/Version\s*2/);

    await Promise.all([
      olivia.waitForURL(/\?done=submitted$/),
      olivia.getByRole('button', { name: 'Submit for review' }).click(),
    ]);
    expect(await olivia.locator('h1').textContent()).toContain('In review');
    await expectAccessible(olivia);
  }, 60_000);

  it('2. Olivia cannot approve her own message', async () => {
    // Her message page offers no review: she is not an approver on this channel, and she wrote it.
    expect(await olivia.getByRole('button', { name: 'Review' }).count()).toBe(0);
    const csrf = await olivia.locator('input[name="_csrf"]').first().inputValue();

    // Typing the review page's address: refused, in plain words, with no approve form.
    const review = await olivia.goto(`${t.url}/console/messages/${messageId}/review`);
    expect(review?.status()).toBe(403);
    expect(await heading(olivia)).toBe('You do not have access to this page');
    expect(await olivia.getByRole('button', { name: /^Approve/ }).count()).toBe(0);

    // Posting the approve form anyway, from her signed-in browser with her own form token.
    const [approval] = await Promise.all([
      olivia.waitForResponse(
        (r) =>
          r.url().endsWith(`/console/messages/${messageId}/approve`) &&
          r.request().method() === 'POST',
      ),
      olivia.evaluate(
        ({ action, token }) => {
          const form = document.createElement('form');
          form.method = 'post';
          form.action = action;
          for (const [name, value] of [
            ['_csrf', token],
            ['version', '2'],
          ]) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            form.append(input);
          }
          document.body.append(form);
          form.submit();
        },
        { action: `/console/messages/${messageId}/approve`, token: csrf },
      ),
    ]);
    expect(approval.status()).toBe(403);
    await olivia.waitForLoadState('load');
    expect(await heading(olivia)).toBe('You do not have access to this page');
    expect(await olivia.locator('main').textContent()).toContain(
      'Only service managers or the communications team can do this.',
    );
    await expectAccessible(olivia);
    await saveScreenshot(olivia, 'journey-2-self-approval');

    await olivia.goto(`${t.url}/console/messages/${messageId}`);
    expect(await olivia.locator('h1').textContent()).toContain('In review');
    expect(await olivia.locator('main').textContent()).toContain('No one has approved it yet.');
  }, 60_000);

  it('3. Chris Comms sees what changed and approves it', async () => {
    // The demo's corporate channel needs one approval, from the comms team.
    expect(EXAMPLE_COUNCIL.corporateChannel.policy.approvalsRequired).toBe(1);
    chris = await signIn('Chris Comms', '/console/review');
    expect(await heading(chris)).toBe('Messages to review');
    const item = chris.locator(`[data-message-id="${messageId}"]`);
    expect(await item.textContent()).toContain('Gritters');
    await expectAccessible(chris);
    await Promise.all([
      chris.waitForURL(`${t.url}/console/messages/${messageId}/review`),
      item.getByRole('button', { name: /^Review and approve/ }).click(),
    ]);
    expect(await heading(chris)).toBe('Review message');
    expect(await chris.locator('#diff ins').count()).toBeGreaterThan(0);
    expect(await chris.locator('#diff del').count()).toBeGreaterThan(0);
    expect(await chris.locator('#diff del').allTextContents()).toContain('[removed: 8pm]');
    expect(await chris.locator('#diff').textContent()).toContain('[added: 6pm]');
    await expectAccessible(chris);
    await saveScreenshot(chris, 'journey-3-review');

    await chris.locator('#approve-comment').fill('Clear, and the times are right.');
    await Promise.all([
      chris.waitForURL(`${t.url}/console/messages/${messageId}/review?approved=1`),
      chris.getByRole('button', { name: 'Approve version 2' }).click(),
    ]);
    expect(await chris.locator('.govuk-notification-banner').textContent()).toContain(
      'You approved this message',
    );
  }, 60_000);

  it('4. the delivery page follows it to completion, with delivered and read figures', async () => {
    await olivia.goto(`${t.url}/console/messages/${messageId}`);
    await Promise.all([
      olivia.waitForURL(`${t.url}/console/messages/${messageId}/delivery`),
      olivia.getByRole('button', { name: 'Delivery' }).click(),
    ]);
    expect(await heading(olivia)).toBe('Message delivery');
    // The page updates itself while sending; reloading as well covers the receipts that come after.
    const status = olivia.locator('[data-live-status] .govuk-tag');
    await expect
      .poll(
        async () => {
          await olivia.reload();
          return {
            status: (await status.textContent())?.trim(),
            all: (await figure(olivia, 'sent')) === (await figure(olivia, 'recipients')),
            delivered: (await figure(olivia, 'delivered')) > 0,
            read: (await figure(olivia, 'read')) > 0,
          };
        },
        { timeout: 45_000, interval: 500 },
      )
      .toEqual({ status: 'Sent', all: true, delivered: true, read: true });
    const recipients = await figure(olivia, 'recipients');
    expect(recipients).toBe(4);
    expect(await olivia.locator('[data-live-progress-text]').textContent()).toBe(
      `${recipients} of ${recipients} sends done (100%)`,
    );
    expect(await figure(olivia, 'failed')).toBe(0);
    await expectAccessible(olivia);
    await saveScreenshot(olivia, 'journey-4-delivery');
  }, 60_000);

  it('5. Ari Auditor follows its history, verifies the log and downloads the evidence', async () => {
    ari = await signIn('Ari Auditor', '/console/audit');
    expect(await heading(ari)).toBe('Audit log');
    await expectAccessible(ari);
    await ari.goto(`${t.url}/console/audit?messageId=${messageId}`);
    await Promise.all([
      ari.waitForURL(`${t.url}/console/audit/messages/${messageId}`),
      ari
        .getByRole('link', { name: /Message history/ })
        .first()
        .click(),
    ]);
    expect(await heading(ari)).toBe('Message history');
    const steps = await ari.locator('ol h2').allTextContents();
    const expected = ['Drafted', 'Edited', 'Submitted for approval', 'Approved', 'Sent'];
    const positions = expected.map((step) => steps.indexOf(step));
    expect(
      positions.every((at) => at >= 0),
      `timeline: ${steps.join(', ')}`,
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await expectAccessible(ari);
    await saveScreenshot(ari, 'journey-5-audit');

    const [download] = await Promise.all([
      ari.waitForEvent('download'),
      ari.getByRole('button', { name: 'Download evidence for this message' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`crier-evidence-${messageId}.json`);
    const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      entries: { payload: string }[];
    };
    const types = bundle.entries
      .filter((entry) => entry.payload.includes(messageId))
      .map((entry) => (JSON.parse(entry.payload) as { type: string }).type);
    for (const type of [
      'message.created',
      'message.edited',
      'message.submitted',
      'message.approved',
      'message.sent',
    ]) {
      expect(types, `evidence bundle: ${types.join(', ')}`).toContain(type);
    }

    await ari.getByRole('link', { name: 'Audit', exact: true }).click();
    await ari.getByRole('link', { name: 'check the log has not been tampered with' }).click();
    expect(await heading(ari)).toBe('Check the audit log');
    await Promise.all([
      ari.waitForURL(/\/console\/audit\/verify\?signed=\d+/),
      ari.getByRole('button', { name: 'Sign a checkpoint now' }).click(),
    ]);
    await ari.getByRole('button', { name: 'Check the audit log now' }).click();
    await ari.locator('.govuk-panel').waitFor({ timeout: 20_000 });
    expect(await ari.locator('.govuk-panel__title').textContent()).toContain(
      'The audit log is intact',
    );
    await expectAccessible(ari);
  }, 60_000);

  it('6. a resident subscribes on the web and is asked to check WhatsApp', async () => {
    resident = await browser.newPage();
    await resident.goto(`${t.url}/subscribe`);
    expect(await heading(resident)).toBe('Get WhatsApp alerts from Example Borough Council');
    await expectAccessible(resident);
    await Promise.all([
      resident.waitForURL(`${t.url}/subscribe/details`),
      resident.getByRole('button', { name: 'Start now' }).click(),
    ]);
    expect(await heading(resident)).toBe('Your details');
    await resident.locator('#phone').fill('07700 900321');
    await resident.locator('#postcode').fill('EB1 1AA');
    await resident.getByRole('checkbox', { name: 'Gritting' }).check();
    await resident.locator('#consent').check();
    await expectAccessible(resident);
    await Promise.all([
      resident.waitForURL(`${t.url}/subscribe/check-whatsapp`),
      resident.getByRole('button', { name: 'Continue' }).click(),
    ]);
    expect(await heading(resident)).toBe('Check WhatsApp');
    await expectAccessible(resident);
    await saveScreenshot(resident, 'journey-6-subscribe');
  }, 60_000);

  /** Checks the handset for new messages until this text or button has arrived. */
  const arrives = async (page: Page, what: () => Locator) => {
    for (let attempt = 0; attempt < 60 && (await what().count()) === 0; attempt += 1) {
      await page.getByRole('link', { name: 'Check for new messages' }).click();
      await page.waitForLoadState('load');
      if ((await what().count()) === 0) await page.waitForTimeout(250);
    }
    expect(await what().count(), 'it never reached the handset').toBeGreaterThan(0);
  };

  it('7. the resident taps Confirm on the training handset and is subscribed', async () => {
    await olivia.goto(
      `${t.url}/console/training/handsets/${RESIDENT_NATIONAL}?channel=${CORPORATE_NUMBER_ID}`,
    );
    expect(await heading(olivia)).toBe('Handset ending 321');
    const confirm = () => olivia.getByRole('button', { name: 'Confirm', exact: true }).last();
    await arrives(olivia, confirm);
    await Promise.all([
      olivia.waitForURL(/\/console\/training\/handsets\/07700900321\?channel=/),
      confirm().click(),
    ]);
    const subscribed = () => olivia.getByText("You're subscribed");
    await arrives(olivia, subscribed);
    expect(await subscribed().first().isVisible()).toBe(true);
    expect(await subscriber()).toEqual({
      status: 'active',
      area_codes: ['northfield'],
      topic_codes: ['gritting'],
    });
    await expectAccessible(olivia);
    await saveScreenshot(olivia, 'journey-7-handset');
  }, 60_000);

  it('8. the resident sends STOP from the handset and is unsubscribed', async () => {
    await Promise.all([
      olivia.waitForURL(/\/console\/training\/handsets\/07700900321\?channel=/),
      olivia.getByRole('button', { name: 'Send STOP' }).click(),
    ]);
    const stopped = () => olivia.getByText(STOPPED);
    await arrives(olivia, stopped);
    expect(await stopped().first().isVisible()).toBe(true);
    expect(await subscriber()).toMatchObject({ status: 'unsubscribed', topic_codes: [] });
    await expectAccessible(olivia);
  }, 60_000);
});
