import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { OptInRateLimits } from '../src/residents/opt-in/opt-in-rate-limits.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { eventually } from './support/eventually.js';
import { handsetOf } from './support/simulated-residents.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The residents' pages over HTTP on the demo council: the start page, the details form and its
 * errors, the shared rate limits, "Check WhatsApp", how to stop, the privacy notice, Welsh, and
 * the same-origin check on the form.
 */

let nextNumber = 300;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;
const national = (phone: E164) => `0${phone.slice(3, 7)} ${phone.slice(7)}`;

/** The text of the page's <h1>. */
const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]?.trim();
const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
/** The error summary's lines. */
const summaryLines = (html: string) => {
  const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...summary.matchAll(/<a href="(#[^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2].trim()]);
};

describe('the residents’ pages at /subscribe', () => {
  let t: TestApp;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const form = (fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const one of ([] as string[]).concat(value)) body.append(name, one);
    }
    return body.toString();
  };
  const valid = (phone: E164, extra: Record<string, string | string[]> = {}) => ({
    phone: national(phone),
    postcode: 'eb1 1aa',
    topics: ['gritting', 'roads'],
    consent: 'yes',
    ...extra,
  });
  const post = (fields: Record<string, string | string[]>, path = '/subscribe/details') =>
    t.http.post(path).set('Origin', t.url).type('form').send(form(fields));
  const requestsCount = async () =>
    Number(
      (await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM subscription_requests`))[0].n,
    );
  const requestOf = async (phone: E164) =>
    (
      await t.db.query<{
        area_code: string;
        topic_codes: string[];
        privacy_notice_version: string;
        language: string;
      }>(
        `SELECT area_code, topic_codes, privacy_notice_version, language FROM subscription_requests
          WHERE phone_hash = $1`,
        [vault.lookupHash(phone)],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp('subscribe-pages', { env: { DEMO_SEED: 'true' } });
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
  });
  afterAll(() => t.close());
  // Every request comes from 127.0.0.1: each test starts with the shared limits fresh.
  beforeEach(() => t.app.get(OptInRateLimits).reset());

  it('shows a start page: what the alerts are, what you need, a privacy summary, Start now', async () => {
    const { text, status } = await t.http.get('/subscribe');
    expect(status).toBe(200);
    expect(htmlLang(text)).toBe('en-GB');
    expect(heading(text)).toBe('Get WhatsApp alerts from Example Borough Council');
    expect(text).toContain(
      '<title>Get WhatsApp alerts from Example Borough Council – WhatsApp alerts',
    );
    for (const topic of ['Gritting', 'Bins and recycling', 'a mobile phone with WhatsApp on it']) {
      expect(text).toContain(topic);
    }
    expect(text).toMatch(
      /href="\/subscribe\/details"[^>]*govuk-button--start|govuk-button--start[^>]*href="\/subscribe\/details"/,
    );
    expect(text).toContain('href="/subscribe/privacy"');
    expect(text).toMatch(/<a [^>]*href="\/subscribe\?lang=cy"[^>]*lang="cy"[^>]*>Cymraeg/);
    // No staff navigation.
    expect(text).not.toContain('Sign out');
  });

  it('takes a request: stored as pending, 303 to Check WhatsApp, the confirmation sent', async () => {
    const phone = freshNumber();
    const form = await t.http.get('/subscribe/details').expect(200);
    expect(form.text).toContain('type="tel"');
    expect(form.text).toContain('autocomplete="tel"');
    expect(form.text).toContain('autocomplete="postal-code"');
    expect(form.text).toContain(
      'I agree to get WhatsApp messages from Example Borough Council about the topics I chose. I can stop at any time by sending STOP.',
    );

    const response = await post(valid(phone));
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/subscribe/check-whatsapp');
    expect(await requestOf(phone)).toEqual({
      area_code: 'northfield',
      topic_codes: ['gritting', 'roads'],
      privacy_notice_version: '2025-01',
      language: 'en',
    });
    const items = await eventually(
      () => handsetOf<{ name?: string; language?: { code: string } }>(simulatorUrl, phone),
      (messages) => messages.length > 0,
    );
    expect(items[0]).toMatchObject({
      type: 'template',
      payload: { name: 'subscription_confirmation', language: { code: 'en_GB' } },
    });

    const check = await t.http.get('/subscribe/check-whatsapp').expect(200);
    expect(heading(check.text)).toBe('Check WhatsApp');
    expect(check.text).toContain('Tap Confirm in that message within 48 hours.');
    expect(check.text).toContain('Nothing starts until you tap Confirm.');
  });

  it('shows every problem with an empty form, and stores nothing', async () => {
    const before = await requestsCount();
    const response = await post({});
    expect(response.status).toBe(200);
    expect(heading(response.text)).toBe('Your details');
    expect(response.text).toContain('<title>Error: Your details');
    expect(summaryLines(response.text)).toEqual([
      ['#phone', 'Enter a UK mobile number, like 07700 900123'],
      ['#postcode', 'Enter your postcode'],
      ['#topics', 'Select at least one topic'],
      ['#consent', 'Select the box to agree to get WhatsApp messages'],
    ]);
    expect(response.text).toContain('govuk-error-message');
    expect(await requestsCount()).toBe(before);
  });

  it.each([
    [
      'a number that is not one',
      { phone: '12345' },
      '#phone',
      'Enter a UK mobile number, like 07700 900123',
    ],
    [
      'a postcode the council does not serve',
      { postcode: 'ZZ9 9ZZ' },
      '#postcode',
      'We do not send alerts to that postcode yet',
    ],
    ['no topic', { topics: [] }, '#topics', 'Select at least one topic'],
    [
      'a topic that is not on the list',
      { topics: ['no-such-topic'] },
      '#topics',
      'Select topics from the list',
    ],
    [
      'consent not ticked',
      { consent: [] },
      '#consent',
      'Select the box to agree to get WhatsApp messages',
    ],
  ])(
    'refuses %s with the error summary, keeps what was typed, stores nothing',
    async (_, change, href, message) => {
      const phone = freshNumber();
      const before = await requestsCount();
      const response = await post(valid(phone, change));
      expect(response.status).toBe(200);
      const lines = summaryLines(response.text);
      expect(lines).toHaveLength(1);
      expect(lines[0][0]).toBe(href);
      expect(lines[0][1]).toContain(message);
      if (!('phone' in change)) expect(response.text).toContain(`value="${national(phone)}"`);
      expect(await requestsCount()).toBe(before);
    },
  );

  it('answers 429 with a "try again later" page once the shared limits are reached', async () => {
    // 5 requests per 10 minutes from one address, refused ones counting too.
    for (let i = 0; i < 5; i += 1) {
      expect((await post(valid(freshNumber(), { postcode: 'ZZ9 9ZZ' }))).status).toBe(200);
    }
    const before = await requestsCount();
    const refused = await post(valid(freshNumber()));
    expect(refused.status).toBe(429);
    expect(heading(refused.text)).toBe('Try again later');
    expect(await requestsCount()).toBe(before);
    const welsh = await post(valid(freshNumber()), '/subscribe/details?lang=cy');
    expect(welsh.status).toBe(429);
    expect(htmlLang(welsh.text)).toBe('cy');
    expect(heading(welsh.text)).toBe('Rhowch gynnig arall arni yn nes ymlaen');
  });

  it('refuses a form posted from another site, and stores nothing', async () => {
    const before = await requestsCount();
    const response = await t.http
      .post('/subscribe/details')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send(form(valid(freshNumber())));
    expect(response.status).toBe(403);
    expect(response.type).toBe('text/html');
    const fetchSite = await t.http
      .post('/subscribe/details')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Origin', t.url)
      .type('form')
      .send(form(valid(freshNumber())));
    expect(fetchSite.status).toBe(403);
    expect(await requestsCount()).toBe(before);
  });

  it('explains how to change or stop, with click-to-chat links to the council’s number', async () => {
    const { text } = await t.http.get('/subscribe/manage').expect(200);
    expect(heading(text)).toBe('Change or stop your alerts');
    expect(text).toContain('href="https://wa.me/441632960000?text=STOP"');
    expect(text).toContain('href="https://wa.me/441632960000?text=JOIN"');
    expect(text).toContain('The WhatsApp number is +44 1632 960000.');
    expect(text).toContain('You can also send STOPIO.');
  });

  it('shows the privacy notice with the version consent records name and the retention periods', async () => {
    const { text } = await t.http.get('/subscribe/privacy').expect(200);
    expect(heading(text)).toBe('Privacy notice: WhatsApp alerts');
    expect(text).toContain('Version 2025-01');
    expect(text).toContain('after 7 days');
    expect(text).toContain('after 90 days');
    expect(text).toContain('encrypted');
  });

  it('has every page in Welsh, with lang="cy", Welsh headings and links that stay in Welsh', async () => {
    const pages: [string, string][] = [
      ['/subscribe', 'Cael rhybuddion WhatsApp gan Example Borough Council'],
      ['/subscribe/details', 'Eich manylion'],
      ['/subscribe/check-whatsapp', 'Edrychwch ar WhatsApp'],
      ['/subscribe/manage', 'Newid neu stopio eich rhybuddion'],
      ['/subscribe/privacy', 'Hysbysiad preifatrwydd: rhybuddion WhatsApp'],
    ];
    for (const [path, welsh] of pages) {
      const { text, status } = await t.http.get(`${path}?lang=cy`);
      expect(status, path).toBe(200);
      expect(htmlLang(text), path).toBe('cy');
      expect(heading(text), path).toBe(welsh);
      expect(text, path).toContain('Neidio i’r prif gynnwys');
      expect(text, path).toMatch(
        new RegExp(`<a [^>]*href="${path.replace('?', '\\?')}"[^>]*lang="en"[^>]*>English`),
      );
      expect(text, path).toContain('href="/subscribe/privacy?lang=cy"');
    }
    const manage = await t.http.get('/subscribe/manage?lang=cy');
    expect(manage.text).toContain('href="https://wa.me/441632960000?text=STOPIO"');
  });

  it('takes a Welsh request and answers in Welsh', async () => {
    const phone = freshNumber();
    const errors = await post({ ...valid(phone), consent: [] }, '/subscribe/details?lang=cy');
    expect(htmlLang(errors.text)).toBe('cy');
    expect(errors.text).toContain('Mae problem wedi codi');
    expect(summaryLines(errors.text)).toEqual([
      ['#consent', 'Dewiswch y blwch i gytuno i gael negeseuon WhatsApp'],
    ]);
    expect(errors.text).toContain('action="/subscribe/details?lang=cy"');
    const response = await post(valid(phone), '/subscribe/details?lang=cy');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/subscribe/check-whatsapp?lang=cy');
    // Recorded in Welsh, so the WhatsApp confirmation is the Welsh template.
    expect(await requestOf(phone)).toMatchObject({ area_code: 'northfield', language: 'cy' });
    const items = await eventually(
      () => handsetOf<{ name?: string; language?: { code: string } }>(simulatorUrl, phone),
      (messages) => messages.length > 0,
    );
    expect(items[0]).toMatchObject({
      type: 'template',
      payload: { name: 'subscription_confirmation', language: { code: 'cy' } },
      buttons: [{ text: 'Cadarnhau' }, { text: 'Nid fi' }],
    });
    const check = await t.http.get('/subscribe/check-whatsapp?lang=cy').expect(200);
    expect(check.text).toContain('Tapiwch Cadarnhau yn y neges honno o fewn 48 awr.');
    expect(check.text).toContain('tapiwch Nid fi');
    expect(check.text).not.toContain('Saesneg');
  });
});
