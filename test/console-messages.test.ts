import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Council, type Person, setUpCouncil, templateMessage } from './support/council.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A urlencoded body with repeated names, as a browser posts ticked checkboxes. */
const encode = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of ([] as string[]).concat(value)) body.append(name, one);
  }
  return body.toString();
};

const countMessages = async (t: TestApp) =>
  Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM messages`))[0].n);

describe('the console’s message pages', () => {
  let t: TestApp;
  let council: Council;

  beforeAll(async () => {
    t = await startTestApp('console-messages', { env: { COUNCIL_NAME: 'Test Borough Council' } });
    council = await setUpCouncil(t, {
      quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
    });
  });
  afterAll(() => t.close());

  const session = async (person: Person) => {
    const { cookie } = await consoleSignIn(t, person.id);
    if (!cookie) throw new Error('no session');
    const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
    return { cookie, csrf: formToken(home.text) };
  };
  const post = async (
    as: { cookie: string; csrf: string },
    path: string,
    fields: Record<string, string | string[]>,
  ) =>
    t.http
      .post(path)
      .set('Cookie', as.cookie)
      .type('form')
      .send(encode({ ...fields, _csrf: as.csrf }));

  const alert = (extra: Record<string, string | string[]> = {}) => ({
    channelId: council.channels.corporate,
    kind: 'template',
    templateName: 'area_alert',
    language: 'en_GB',
    parameters: 'Gritting tonight from 8pm on all A roads.',
    areas: ['northfield'],
    topics: ['gritting'],
    priority: 'routine',
    action: 'save',
    ...extra,
  });

  it('takes a message from compose to detail, edit, submit and cancel', async () => {
    const officer = await session(council.officer);
    const form = await t.http
      .get('/console/messages/new')
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(form.text).toContain('<h1 class="govuk-heading-l">Create a message</h1>');
    expect(form.text).toContain('data-maxlength="1024"');
    expect(form.text).toContain('data-maxlength="4096"');
    expect(form.text).toContain('/assets/crier/compose-preview.mjs');
    expect(form.text).toContain('crier-whatsapp');
    await t.http.get('/assets/crier/compose-preview.mjs').expect(200);
    const css = await t.http.get('/assets/crier/whatsapp-preview.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);

    const created = await post(officer, '/console/messages/new', alert());
    expect(created.status).toBe(303);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/console\/messages\/[0-9a-f-]{36}\?done=saved$/);
    const id = location.split('/')[3].split('?')[0];

    const detail = await t.http.get(location).set('Cookie', officer.cookie).expect(200);
    expect(detail.text).toContain('Draft saved');
    expect(detail.text).toContain('Gritting tonight from 8pm on all A roads.');
    expect(detail.text).toContain('olivia'); // the author's name, not their id
    expect(detail.text).toContain('Submit for review');
    expect(detail.text).toContain(`/console/messages/${id}/edit`);

    const editForm = await t.http
      .get(`/console/messages/${id}/edit`)
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(editForm.text).toContain('Gritting tonight from 8pm on all A roads.');
    const edited = await post(
      officer,
      `/console/messages/${id}/edit`,
      alert({ parameters: 'Gritting tonight from 7pm.', areas: ['northfield', 'southbank'] }),
    );
    expect(edited.status).toBe(303);
    const afterEdit = await t.http.get(`/console/messages/${id}`).set('Cookie', officer.cookie);
    expect(afterEdit.text).toContain('Gritting tonight from 7pm.');
    expect(afterEdit.text).toMatch(/Version\s*<\/dt>\s*<dd[^>]*>\s*2\s/);

    const submitted = await post(officer, `/console/messages/${id}/submit`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.headers.location).toBe(`/console/messages/${id}?done=submitted`);
    const inReview = await t.http.get(`/console/messages/${id}`).set('Cookie', officer.cookie);
    expect(inReview.text).toContain('In review');
    expect(inReview.text).not.toContain(`/console/messages/${id}/edit`);

    // Editing now is refused by the domain, and said so on the form.
    const late = await post(officer, `/console/messages/${id}/edit`, alert());
    expect(late.status).toBe(200);
    expect(late.text).toContain('govuk-error-summary');
    expect(late.text).toContain('cannot be edited');

    // The comms team sees the link to review it.
    const comms = await session(council.comms);
    const forComms = await t.http.get(`/console/messages/${id}`).set('Cookie', comms.cookie);
    expect(forComms.text).toContain(`/console/messages/${id}/review`);

    const confirm = await t.http
      .get(`/console/messages/${id}/cancel`)
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(confirm.text).toContain('Why are you cancelling it?');
    const noReason = await post(officer, `/console/messages/${id}/cancel`, { reason: ' ' });
    expect(noReason.status).toBe(200);
    expect(noReason.text).toContain('href="#reason"');
    const cancelled = await post(officer, `/console/messages/${id}/cancel`, {
      reason: 'Forecast changed',
    });
    expect(cancelled.status).toBe(303);
    const api = await messageApi(t, council).get(council.officer, id);
    expect(api.body).toMatchObject({ status: 'cancelled', cancelReason: 'Forecast changed' });

    const list = await t.http.get('/console/messages').set('Cookie', officer.cookie).expect(200);
    expect(list.text).toContain(`/console/messages/${id}`);
    expect(list.text).toContain('Cancelled');
    expect(list.text).toContain('Create a message');
    const filtered = await t.http
      .get('/console/messages?status=draft')
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(filtered.text).not.toContain(`/console/messages/${id}"`);
  });

  it('shows problems in an error summary, keeps what was typed, and stores nothing', async () => {
    const officer = await session(council.officer);
    const before = await countMessages(t);
    const response = await post(
      officer,
      '/console/messages/new',
      alert({
        parameters: 'x'.repeat(1025),
        areas: [],
        priority: 'emergency',
        emergencyReason: 'abc',
        'sendAt-day': '31',
        'sendAt-month': '2',
        'sendAt-year': '2030',
        'sendAt-time': '10:00',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain('<title>Error: Create a message');
    expect(response.text).toContain('govuk-error-summary');
    for (const href of ['#parameters-1', '#areas', '#emergencyReason', '#sendAt-day']) {
      expect(response.text).toContain(`href="${href}"`);
    }
    expect(response.text).toContain('The alert text must be 1024 characters or fewer');
    expect(response.text).toContain('value="31"');
    expect(response.text).toContain('x'.repeat(1025));
    expect(await countMessages(t)).toBe(before);

    // What an officer types is shown as text, never as markup.
    const markup = await post(
      officer,
      '/console/messages/new',
      alert({ action: 'check', parameters: '<script>alert(1)</script>' }),
    );
    expect(markup.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup.text).not.toContain('<script>alert(1)');

    // The domain's own rule: an emergency needs a reason.
    const noReason = await post(officer, '/console/messages/new', alert({ priority: 'emergency' }));
    expect(noReason.status).toBe(200);
    expect(noReason.text).toContain('Enter why this message is an emergency');
    expect(await countMessages(t)).toBe(before);
  });

  it("answers the compose page's script whether quiet hours would hold the message", async () => {
    const officer = await session(council.officer);
    const night = DateTime.now()
      .setZone('Europe/London')
      .plus({ days: 2 })
      .set({ hour: 23, minute: 0 });
    const ask = (fields: Record<string, string>) =>
      t.http
        .get(`/console/compose/quiet-hours?${new URLSearchParams(fields).toString()}`)
        .set('Cookie', officer.cookie);
    const at = (time: string) => ({
      channelId: council.channels.corporate,
      'sendAt-day': String(night.day),
      'sendAt-month': String(night.month),
      'sendAt-year': String(night.year),
      'sendAt-time': time,
    });
    const held = await ask({ ...at('23:00'), priority: 'routine' });
    expect(held.status).toBe(200);
    expect((held.body as { warning: string }).warning).toMatch(/quiet hours \(21:00 to 08:00\)/);
    const noon = await ask({ ...at('12:00'), priority: 'routine' });
    expect(noon.body).toEqual({ warning: null });
    // A channel the officer cannot write on says nothing about it.
    const other = await ask({ ...at('23:00'), channelId: council.channels.youth });
    expect(other.body).toEqual({ warning: null });
    // Auditors do not draft: 403.
    const auditor = await session(council.auditor);
    await t.http.get('/console/compose/quiet-hours').set('Cookie', auditor.cookie).expect(403);
  });

  it('checks the audience without saving: reach, cost and the quiet-hours warning', async () => {
    const officer = await session(council.officer);
    const before = await countMessages(t);
    const night = DateTime.now()
      .setZone('Europe/London')
      .plus({ days: 2 })
      .set({ hour: 23, minute: 0 });
    const checked = await post(
      officer,
      '/console/messages/new',
      alert({
        action: 'check',
        'sendAt-day': String(night.day),
        'sendAt-month': String(night.month),
        'sendAt-year': String(night.year),
        'sendAt-time': '23:00',
      }),
    );
    expect(checked.status).toBe(200);
    expect(checked.text).toContain(
      'It will reach <strong data-reach-residents>0 residents</strong>',
    );
    expect(checked.text).toContain('govuk-warning-text');
    expect(checked.text).toMatch(/quiet hours \(21:00 to 08:00\)/);
    expect(checked.text).toContain('at 8am, when they end');
    expect(await countMessages(t)).toBe(before);

    // Saved, the message page gives the same warning.
    const nightFields = {
      'sendAt-day': String(night.day),
      'sendAt-month': String(night.month),
      'sendAt-year': String(night.year),
      'sendAt-time': '23:00',
    };
    const saved = await post(officer, '/console/messages/new', alert(nightFields));
    const detail = await t.http.get(String(saved.headers.location)).set('Cookie', officer.cookie);
    expect(detail.text).toContain('govuk-warning-text');
    expect(detail.text).toContain('at 8am, when they end');
    expect(detail.text).toContain('at 11pm'); // the send time, on the UK clock

    const reach = await t.http
      .get('/console/audience/reach?areas=northfield&topics=gritting')
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(reach.body).toMatchObject({ reach: { residents: 0, residentsText: '0 residents' } });
    const incomplete = await t.http
      .get('/console/audience/reach?areas=northfield')
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(incomplete.body).toEqual({ reach: null });
  });

  it('refuses an auditor the compose page (403) and hides another service’s message (404)', async () => {
    const auditor = await session(council.auditor);
    const refused = await t.http.get('/console/messages/new').set('Cookie', auditor.cookie);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('You do not have access to this page');
    const list = await t.http.get('/console/messages').set('Cookie', auditor.cookie).expect(200);
    expect(list.text).not.toContain('Create a message');

    const youth = await messageApi(t, council).create(
      council.youthOfficer,
      templateMessage(council.channels.youth),
    );
    const officer = await session(council.officer);
    const hidden = await t.http
      .get(`/console/messages/${youth.body.id}`)
      .set('Cookie', officer.cookie);
    expect(hidden.status).toBe(404);
    expect(hidden.text).toContain('Page not found');
    const officerList = await t.http
      .get('/console/messages')
      .set('Cookie', officer.cookie)
      .expect(200);
    expect(officerList.text).not.toContain(youth.body.id);
  });
});
