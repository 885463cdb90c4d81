import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { type Council, type Person, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PHONE = '07400 654321';
const E164 = '+447400654321';

describe('console: the review queue, the review page and test sends', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;

  beforeAll(async () => {
    t = await startTestApp('console-review');
    council = await setUpCouncil(t);
    api = messageApi(t, council);
  });
  afterAll(() => t.close());

  const session = async (person: Person) => {
    const { cookie } = await consoleSignIn(t, person.id);
    if (!cookie) throw new Error('no session cookie');
    return cookie;
  };
  const get = (cookie: string, path: string) => t.http.get(path).set('Cookie', cookie);
  /** Posts a form from `page` (whose token it takes), as the browser would. */
  const post = async (cookie: string, page: string, path: string, body: object) => {
    const html = (await get(cookie, page).expect(200)).text;
    return t.http
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ ...body, _csrf: formToken(html) });
  };
  const reviewPath = (id: string) => `/console/messages/${id}/review`;
  const inReview = async (author: Person = council.officer, parameter?: string) => {
    const body = templateMessage(council.channels.corporate);
    if (parameter) body.content.parameters = [parameter];
    const created = await api.create(author, body);
    expect(created.status).toBe(201);
    await api.submit(author, created.body.id);
    return created.body.id;
  };
  /** In review at version 2: sent back once, then edited by its author. */
  const edited = async () => {
    const id = await inReview(council.officer, 'Gritting tonight from 8pm on all A roads.');
    expect((await api.requestChanges(council.comms2, id, 'Name the time.')).status).toBe(200);
    const edit = await api.edit(council.officer, id, {
      content: {
        kind: 'template',
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: ['Gritting tonight from 6pm on all A and B roads.'],
      },
    });
    expect(edit.status).toBe(200);
    await api.submit(council.officer, id);
    return id;
  };

  it('refuses the queue to an officer (403 page)', async () => {
    const response = await get(await session(council.officer), '/console/review');
    expect(response.status).toBe(403);
    expect(response.text).toContain('You do not have access to this page');
  });

  it('lists messages in review only, and gives approvers a Review link in the navigation', async () => {
    const waiting = await inReview(council.officer, 'Waiting for review.');
    const draft = await api.create(council.officer, templateMessage(council.channels.corporate));
    const response = await get(await session(council.comms), '/console/review').expect(200);
    expect(response.text).toContain('<h1 class="govuk-heading-l">Messages to review</h1>');
    expect(response.text).toContain(`data-message-id="${waiting}"`);
    expect(response.text).not.toContain(`data-message-id="${draft.body.id}"`);
    expect(response.text).toContain('href="/console/review"');
    expect(response.text).toContain('Waiting for review.');
    expect(response.text).toContain('olivia');
  });

  it('shows the author no approve button, and refuses their approval without changing anything', async () => {
    const id = await inReview(council.comms, 'Written by the comms team.');
    const cookie = await session(council.comms);
    const queue = await get(cookie, '/console/review').expect(200);
    const item = queue.text.slice(queue.text.indexOf(`data-message-id="${id}"`));
    expect(item.slice(0, item.indexOf('</div>\n', item.indexOf('govuk-inset-text')))).toContain(
      'You wrote or edited this message, so someone else must approve it.',
    );
    const page = await get(cookie, reviewPath(id)).expect(200);
    expect(page.text).not.toContain('Approve version');
    expect(page.text).toContain(
      'You wrote or edited this message, so someone else must approve it.',
    );

    const response = await post(cookie, reviewPath(id), `/console/messages/${id}/approve`, {
      version: '1',
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain('govuk-error-summary');
    expect(response.text).toContain(
      'You wrote or edited this message, so someone else must approve it',
    );
    expect(response.text).toContain('<title>Error: Review message');
    const after = await api.get(council.comms, id);
    expect(after.body).toMatchObject({ status: 'in_review', approvals: [] });
  });

  it('shows what changed as a word-level diff against the version last reviewed', async () => {
    const id = await edited();
    const page = await get(await session(council.comms), reviewPath(id)).expect(200);
    expect(page.text).toContain('Version 1 compared with version 2');
    expect(page.text).toMatch(/<del><span class="govuk-visually-hidden">\[removed: <\/span>8pm/);
    expect(page.text).toMatch(/<ins><span class="govuk-visually-hidden">\[added: <\/span>6pm/);
    expect(page.text).toContain('Name the time.');
    expect(page.text).toContain('name="version" value="2"');
    // The picker can show version 1 alone.
    const alone = await get(await session(council.comms), `${reviewPath(id)}?from=1&to=1`);
    expect(alone.text).toContain('This is version 1.');
  });

  it('refuses the approval of a version that is no longer current', async () => {
    const id = await edited();
    const cookie = await session(council.comms);
    const response = await post(cookie, reviewPath(id), `/console/messages/${id}/approve`, {
      version: '1',
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain(
      'This message changed since you opened it. Review the new version.',
    );
    expect((await api.get(council.comms, id)).body).toMatchObject({
      status: 'in_review',
      approvals: [],
    });
  });

  it('approves the version shown: the status moves on and the page says so', async () => {
    const id = await inReview(council.officer, 'Approve me.');
    const cookie = await session(council.comms);
    const response = await post(cookie, reviewPath(id), `/console/messages/${id}/approve`, {
      version: '1',
      comment: 'Clear and correct.',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${reviewPath(id)}?approved=1`);
    const message = await api.get(council.comms, id);
    expect(message.body.status).not.toBe('in_review');
    expect(message.body.approvals).toHaveLength(1);
    const page = await get(cookie, response.headers.location).expect(200);
    expect(page.text).toContain('govuk-notification-banner--success');
    expect(page.text).toContain('You approved this message');
    expect(page.text).toContain('Clear and correct.');
  });

  it('needs a comment to send a message back, then sends it back', async () => {
    const id = await inReview(council.officer, 'Send me back.');
    const cookie = await session(council.comms);
    const empty = await post(cookie, reviewPath(id), `/console/messages/${id}/request-changes`, {
      comment: '  ',
    });
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('govuk-error-summary');
    expect(empty.text).toContain('href="#changes-comment">Enter what needs to change</a>');
    expect(empty.text).toContain('govuk-form-group--error');
    expect((await api.get(council.comms, id)).body.status).toBe('in_review');

    const sent = await post(cookie, reviewPath(id), `/console/messages/${id}/request-changes`, {
      comment: 'Say which roads.',
    });
    expect(sent.status).toBe(303);
    expect((await api.get(council.comms, id)).body.status).toBe('changes_requested');
  });

  it('registers a test phone (shown masked) and sends a test that reaches the simulator', async () => {
    const id = await inReview(council.officer, 'Test me on my phone.');
    const cookie = await session(council.comms2);
    const before = await get(cookie, reviewPath(id)).expect(200);
    expect(before.text).toContain('Add your test phone number');

    const phonePage = `/console/me/test-phone?next=${encodeURIComponent(reviewPath(id))}`;
    const bad = await post(cookie, phonePage, '/console/me/test-phone', {
      action: 'save',
      phone: '12345',
      next: reviewPath(id),
    });
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('govuk-error-summary');
    expect(bad.text).toContain('value="12345"');

    const saved = await post(cookie, phonePage, '/console/me/test-phone', {
      action: 'save',
      phone: PHONE,
      next: reviewPath(id),
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(reviewPath(id));
    const own = await get(cookie, '/console/me/test-phone').expect(200);
    expect(own.text).toMatch(/\+44 •+321/);
    expect(own.text).not.toContain('7400654321');

    const sent = await post(cookie, reviewPath(id), `/console/messages/${id}/test-send`, {
      version: '1',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`${reviewPath(id)}?tested=1`);
    const simulator = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    const handset = await fetch(`${simulator}/_sim/messages?to=${encodeURIComponent(E164)}`);
    const { items } = (await handset.json()) as {
      items: { payload: { components: { parameters: { text: string }[] }[] } }[];
    };
    expect(items.map((item) => item.payload.components[0].parameters[0].text)).toContain(
      'Test me on my phone.',
    );
    const after = await get(cookie, `${reviewPath(id)}?tested=1`).expect(200);
    expect(after.text).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Test sends</caption>',
    );

    const removed = await post(cookie, '/console/me/test-phone', '/console/me/test-phone', {
      action: 'remove',
    });
    expect(removed.status).toBe(303);
    expect(removed.headers.location).toBe('/console/me/test-phone?removed=1');
    const gone = await get(cookie, removed.headers.location).expect(200);
    expect(gone.text).toContain('You have not added a test phone yet.');
  });
});
