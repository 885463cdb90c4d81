import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSignIn, formToken } from './support/console-session.js';
import { type Council, type Person, setUpCouncil, templateMessage } from './support/council.js';
import { messageApi } from './support/message-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A valid NHS number (it passes the modulus 11 check): it must never reach a resident. */
const NHS_NUMBER = '943 476 5919';
const WITH_NHS_NUMBER = `Your reference is ${NHS_NUMBER}. Bring it on Monday.`;

interface Finding {
  code: string;
  excerpt: string;
  field: string;
  start: number;
  end: number;
}

describe('content safeguards at review', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;

  beforeAll(async () => {
    t = await startTestApp('content-safeguards', {
      env: { FANOUT_WORKER: 'false', CONTENT_LINK_ALLOWLIST: 'gov.uk,example-council.org.uk' },
    });
    council = await setUpCouncil(t);
    api = messageApi(t, council);
  });
  afterAll(() => t.close());

  const inReview = async (parameter: string) => {
    const body = templateMessage(council.channels.corporate);
    body.content.parameters = [parameter];
    const created = await api.create(council.officer, body);
    expect(created.status).toBe(201);
    expect((await api.submit(council.officer, created.body.id)).status).toBe(200);
    return created.body.id;
  };
  const approve = (id: string, body: object) =>
    t.http
      .post(`/api/v1/messages/${id}/approve`)
      .set(council.bearer(council.comms))
      .send({ version: 1, ...body });
  const approvals = async (id: string) => {
    const response = await t.http
      .get(`/api/v1/audit/events?type=message.approved&messageId=${id}`)
      .set(council.bearer(council.auditor));
    expect(response.status).toBe(200);
    return (response.body as { items: { data: Record<string, unknown> }[] }).items;
  };

  it('shows the findings on the message, the number masked', async () => {
    const id = await inReview(WITH_NHS_NUMBER);
    const message = await api.get(council.officer, id);
    expect(message.status).toBe(200);
    const findings = message.body.contentFindings as Finding[];
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'NHS_NUMBER',
        excerpt: '••• ••• ••19',
        field: 'parameters.0',
        start: WITH_NHS_NUMBER.indexOf(NHS_NUMBER),
        end: WITH_NHS_NUMBER.indexOf(NHS_NUMBER) + NHS_NUMBER.length,
      }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('5919');
  });

  it('refuses to approve over a finding without a reason (409), and approves nothing', async () => {
    const id = await inReview(WITH_NHS_NUMBER);
    const refused = await approve(id, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CONTENT_FINDINGS_NEED_REASON',
      details: { findings: ['NHS_NUMBER'] },
    });
    const blank = await approve(id, { overrideReason: '   ' });
    expect(blank.status).toBe(409);
    const after = await api.get(council.comms, id);
    expect(after.body).toMatchObject({ status: 'in_review', approvals: [] });
    expect(await approvals(id)).toEqual([]);
  });

  it('refuses a reason over 1000 characters as bad input', async () => {
    const id = await inReview(WITH_NHS_NUMBER);
    expect((await approve(id, { overrideReason: 'x'.repeat(1001) })).status).toBe(400);
  });

  it('approves with a reason and records the finding codes and the reason, never the number', async () => {
    const id = await inReview(WITH_NHS_NUMBER);
    const reason = 'Checked with the data protection officer: the resident asked for this.';
    const approved = await approve(id, { overrideReason: reason });
    expect(approved.status).toBe(200);
    expect((approved.body as { status: string }).status).not.toBe('in_review');
    const [event] = await approvals(id);
    expect(event.data).toMatchObject({ contentFindings: ['NHS_NUMBER'], overrideReason: reason });
    expect(JSON.stringify(event.data)).not.toContain('5919');
  });

  it('approves clean content without a reason, and records no findings', async () => {
    const id = await inReview('Gritting tonight from 8pm. See www.example-council.org.uk/grit.');
    expect((await api.get(council.comms, id)).body.contentFindings).toEqual([]);
    expect((await approve(id, {})).status).toBe(200);
    const [event] = await approvals(id);
    expect(event.data).not.toHaveProperty('contentFindings');
    expect(event.data).not.toHaveProperty('overrideReason');
  });

  it('judges links against CONTENT_LINK_ALLOWLIST', async () => {
    const id = await inReview('Details at https://www.nhs.uk/flu and www.example-council.org.uk.');
    const findings = (await api.get(council.comms, id)).body.contentFindings as Finding[];
    expect(findings.map((f) => [f.code, f.excerpt])).toEqual([
      ['LINK_NOT_ALLOWED', 'https://www.nhs.uk/flu'],
    ]);
  });

  describe('in the console', () => {
    const session = async (person: Person) => {
      const { cookie } = await consoleSignIn(t, person.id);
      if (!cookie) throw new Error('no session cookie');
      return cookie;
    };
    const get = (cookie: string, path: string) => t.http.get(path).set('Cookie', cookie);

    it('lists the findings on the message page and on the compose form', async () => {
      const id = await inReview(WITH_NHS_NUMBER);
      const cookie = await session(council.officer);
      const detail = await get(cookie, `/console/messages/${id}`).expect(200);
      expect(detail.text).toContain('Content checks');
      expect(detail.text).toContain('••• ••• ••19');

      const compose = await get(cookie, '/console/messages/new').expect(200);
      const checked = await t.http
        .post('/console/messages/new')
        .set('Cookie', cookie)
        .type('form')
        .send({
          _csrf: formToken(compose.text),
          action: 'check',
          channelId: council.channels.corporate,
          kind: 'template',
          templateName: 'area_alert',
          language: 'en_GB',
          parameters: 'Call Sam on 07700 900123',
          areas: 'northfield',
          topics: 'gritting',
          priority: 'routine',
        });
      expect(checked.status).toBe(200);
      expect(checked.text).toContain('id="content-checks"');
      expect(checked.text).toContain('••••• ••••23');
    });

    it('asks the approver for a reason, shows the error summary without one, and approves with one', async () => {
      const id = await inReview(WITH_NHS_NUMBER);
      const cookie = await session(council.comms);
      const reviewPath = `/console/messages/${id}/review`;
      const page = await get(cookie, reviewPath).expect(200);
      expect(page.text).toContain('id="override-reason"');
      expect(page.text).toContain('••• ••• ••19');

      const post = async (body: object) => {
        const html = (await get(cookie, reviewPath).expect(200)).text;
        return t.http
          .post(`/console/messages/${id}/approve`)
          .set('Cookie', cookie)
          .type('form')
          .send({ version: '1', _csrf: formToken(html), ...body });
      };
      const missing = await post({ comment: 'Fine by me' });
      expect(missing.status).toBe(200);
      expect(missing.text).toContain('govuk-error-summary');
      expect(missing.text).toContain('href="#override-reason"');
      expect(missing.text).toContain('Fine by me');
      expect((await api.get(council.comms, id)).body.status).toBe('in_review');

      const done = await post({ overrideReason: 'The resident asked for this.' });
      expect(done.status).toBe(303);
      const [event] = await approvals(id);
      expect(event.data).toMatchObject({ overrideReason: 'The resident asked for this.' });
    });

    it('shows no reason field for clean content', async () => {
      const id = await inReview('Bins are a day late this week.');
      const page = await get(await session(council.comms), `/console/messages/${id}/review`);
      expect(page.text).not.toContain('id="override-reason"');
      expect(page.text).not.toContain('id="content-checks"');
    });
  });
});
