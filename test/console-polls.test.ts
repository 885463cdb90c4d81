import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, type Person, setUpCouncil, templateMessage } from './support/council.js';
import { consoleSession } from './support/console-session.js';
import { approveAndReceive, messageApi } from './support/message-api.js';
import { answersPoll } from './support/simulated-residents.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CORPORATE_NUMBER_ID = '200000000000001';

/**
 * Snap polls in the console, without JavaScript: composed with the form, shown on the message
 * and review pages, and their results page counting residents' taps, with its JSON and CSV.
 */
describe('the console’s snap poll pages', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;

  beforeAll(async () => {
    t = await startTestApp('console-polls');
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
  });
  afterAll(() => t.close());

  const session = (person: Person) => consoleSession(t, person.id);

  const closes = DateTime.now().setZone('Europe/London').plus({ days: 2 }).set({ minute: 0 });
  const pollForm = (extra: Record<string, string | string[]> = {}) => ({
    channelId: council.channels.corporate,
    kind: 'template',
    templateName: 'snap_poll',
    language: 'en_GB',
    parameters: 'We are consulting on a cycle lane on Mill Road. Do you support it?',
    pollOptions: 'Yes\r\nNo\r\nNot sure',
    'pollClosesAt-day': String(closes.day),
    'pollClosesAt-month': String(closes.month),
    'pollClosesAt-year': String(closes.year),
    'pollClosesAt-time': closes.toFormat('HH:mm'),
    areas: ['northfield'],
    topics: ['gritting'],
    priority: 'routine',
    action: 'save',
    ...extra,
  });

  it('composes a poll, shows it on the message, and counts taps on its results page', async () => {
    const officer = await session(council.officer);
    const form = await officer.get('/console/messages/new').expect(200);
    expect(form.text).toContain('Snap poll (optional)');
    expect(form.text).toContain('name="pollOptions"');
    expect(form.text).toContain('name="pollClosesAt-day"');
    expect(form.text).toContain('up to 3 options show as buttons');

    // The form's own checks, and the domain's (INVALID_POLL), both in the error summary.
    const one = await officer.post('/console/messages/new', pollForm({ pollOptions: 'Yes' }));
    expect(one.status).toBe(200);
    expect(one.text).toContain('There is a problem');
    expect(one.text).toContain('href="#pollOptions"');
    expect(one.text).toContain('A poll needs at least 2 options');
    const past = await officer.post(
      '/console/messages/new',
      pollForm({ 'pollClosesAt-year': '2020' }),
    );
    expect(past.status).toBe(200);
    expect(past.text).toContain('href="#pollClosesAt-day"');
    expect(past.text).toContain('The poll must close after the message goes out');
    const long = await officer.post(
      '/console/messages/new',
      pollForm({ kind: 'text', body: 'Which?', pollOptions: 'Yes\nYes, on most weekends' }),
    );
    expect(long.text).toContain('Option 2 must be 20 characters or fewer');

    const saved = await officer.post('/console/messages/new', pollForm());
    expect(saved.status, saved.text.slice(0, 500)).toBe(303);
    const id = /\/console\/messages\/([0-9a-f-]{36})\?done=saved/.exec(saved.headers.location)![1];

    const detail = await officer.get(`/console/messages/${id}`).expect(200);
    expect(detail.text).toContain('Poll options');
    expect(detail.text).toContain('<li>Not sure</li>');
    expect(detail.text).toContain('Poll closes');
    // No results to see on a draft: the button comes once the message goes out.
    expect(detail.text).not.toContain(`href="/console/messages/${id}/poll"`);
    expect(detail.text).toContain('<li class="crier-whatsapp__button">Yes</li>');

    const edit = await officer.get(`/console/messages/${id}/edit`).expect(200);
    expect(edit.text).toMatch(
      /<textarea[^>]*name="pollOptions"[^>]*>Yes\nNo\nNot sure<\/textarea>/,
    );
    expect(edit.text).toContain(`value="${closes.toFormat('HH:mm')}"`);

    expect((await officer.post(`/console/messages/${id}/submit`)).status).toBe(303);
    const comms = await session(council.comms);
    const review = await comms.get(`/console/messages/${id}/review`).expect(200);
    expect(review.text).toContain('Poll options');
    expect(review.text).toContain('Yes, No, Not sure');

    const voters: E164[] = [residentNumber(7001), residentNumber(7002), residentNumber(7003)];
    await seedSubscribers(t.app, t.db, voters, { areas: ['northfield'], topics: ['gritting'] });
    const received = await approveAndReceive(
      messageApi(t, council),
      council,
      simulatorUrl,
      id,
      voters,
    );

    const sentDetail = await officer.get(`/console/messages/${id}`).expect(200);
    expect(sentDetail.text).toContain(`href="/console/messages/${id}/poll"`);
    const before = await officer.get(`/console/messages/${id}/poll`).expect(200);
    expect(before.text).toContain('Nobody has answered yet');
    expect(before.text).toContain('Refresh the results');

    for (const [phone, label] of [
      [voters[0], 'Yes'],
      [voters[1], 'Yes'],
      [voters[2], 'Not sure'],
    ] as const) {
      await answersPoll(t, simulatorUrl, phone, CORPORATE_NUMBER_ID, received.get(phone)!, label);
    }

    const results = await officer.get(`/console/messages/${id}/poll`).expect(200);
    expect(results.text).toContain('<h1 class="govuk-heading-l">Poll results</h1>');
    expect(results.text).toContain('Do you support it?');
    expect(results.text).toContain('3 residents have answered');
    expect(results.text).toMatch(/data-option-answers="0">2</);
    expect(results.text).toMatch(/data-option-share="0">67%</);
    expect(results.text).toMatch(/data-option-answers="2">1</);
    expect(results.text).toContain('Answers by area');
    expect(results.text).toMatch(
      /<th scope="row" class="govuk-table__header">northfield<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">3</,
    );
    expect(results.text).toContain('Closes on');
    expect(results.text).toContain(`href="/console/messages/${id}/poll.csv"`);
    expect(results.text).toContain('/assets/crier/poll-live.mjs');

    const json = await officer.get(`/console/messages/${id}/poll.json`).expect(200);
    expect(json.headers['content-type']).toMatch(/json/);
    expect(json.body).toMatchObject({ answers: 3, closed: false, pollAfterSeconds: 5 });
    const figures = json.body as { options: { answers: number }[] };
    expect(figures.options.map((o) => o.answers)).toEqual([2, 0, 1]);

    const csv = await officer.get(`/console/messages/${id}/poll.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="poll-${id}.csv"`);
    expect(csv.text).toContain('all,All areas,Yes,2');
    expect(csv.text).not.toContain(voters[0].slice(3));

    const delivery = await officer.get(`/console/messages/${id}/delivery`).expect(200);
    expect(delivery.text).toContain(`href="/console/messages/${id}/poll"`);

    // Someone who may not see the message may not see its poll; a message without one has none.
    const youth = await session(council.youthOfficer);
    expect((await youth.get(`/console/messages/${id}/poll`)).status).toBe(404);
    expect((await youth.get(`/console/messages/${id}/poll.csv`)).status).toBe(404);
    const plain = await messageApi(t, council).create(
      council.officer,
      templateMessage(council.channels.corporate),
    );
    const none = await officer.get(`/console/messages/${plain.body.id}/poll`);
    expect(none.status).toBe(404);
    expect(none.text).toContain('<html');
    const plainDetail = await officer.get(`/console/messages/${plain.body.id}`).expect(200);
    expect(plainDetail.text).not.toContain('Poll results');
  });
});
