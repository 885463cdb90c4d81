import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelsService } from '../src/channels/channels.service.js';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { type Council, setUpCouncil } from './support/council.js';
import { consoleSignIn, formToken } from './support/console-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Form = Record<string, string | string[]>;

/** A urlencoded body with repeated fields for arrays, as a browser posts checkboxes. */
const encode = (form: Form): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const one of [value].flat()) params.append(name, one);
  }
  return params.toString();
};

/** The error summary's links, in order: [text, href]. */
const summaryLinks = (html: string): [string, string][] => {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  const decoded = (text: string) =>
    text.trim().replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  return [...summary.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [decoded(m[2]), m[1]]);
};

describe('console settings pages (admin)', () => {
  let t: TestApp;
  let council: Council;
  let admin: { cookie: string; csrf: string };

  const session = async (staffId: string) => {
    const { cookie } = await consoleSignIn(t, staffId);
    if (!cookie) throw new Error('no session cookie');
    const home = await t.http.get('/console').set('Cookie', cookie).expect(200);
    return { cookie, csrf: formToken(home.text) };
  };
  const get = (path: string, as = admin) => t.http.get(path).set('Cookie', as.cookie);
  const post = (path: string, form: Form, as = admin) =>
    t.http
      .post(path)
      .set('Cookie', as.cookie)
      .type('form')
      .send(encode({ ...form, _csrf: as.csrf }));

  beforeAll(async () => {
    t = await startTestApp('console-settings');
    council = await setUpCouncil(t);
    admin = await session(council.admin.id);
  });
  afterAll(() => t.close());

  it('shows the settings index and a Settings entry in the admin navigation', async () => {
    const index = await get('/console/settings').expect(200);
    expect(index.text).toContain('<title>Settings – Crier');
    for (const path of ['staff', 'services', 'channels', 'templates', 'areas', 'postcodes']) {
      expect(index.text).toContain(`href="/console/settings/${path}"`);
    }
    const home = await get('/console').expect(200);
    expect(home.text).toContain('href="/console/settings"');
  });

  it('creates a service and lists it; a name in use is shown in the error summary', async () => {
    const created = await post('/console/settings/services', { name: 'Waste and Recycling' });
    expect(created.status).toBe(303);
    const list = await get(created.headers.location).expect(200);
    expect(list.text).toContain('Waste and Recycling has been added.');
    expect(list.text).toMatch(/<td class="govuk-table__cell">Waste and Recycling<\/td>/);

    const again = await post('/console/settings/services', { name: 'Highways' }).expect(200);
    expect(again.text).toContain('<title>Error: Services');
    expect(summaryLinks(again.text)).toEqual([
      ['A service called "Highways" already exists.', '#name'],
    ]);
    const blank = await post('/console/settings/services', { name: ' ' }).expect(200);
    expect(summaryLinks(blank.text)).toEqual([['Enter the name of the service', '#name']]);
  });

  it('adds a person with roles and services, and lists them', async () => {
    const added = await post('/console/settings/staff', {
      name: 'Sam Officer',
      email: 'Sam.Officer@example.gov.uk',
      roles: ['officer', 'auditor'],
      serviceIds: [council.services.highways, council.services.youth],
    });
    expect(added.status).toBe(303);
    const list = await get(added.headers.location).expect(200);
    expect(list.text).toContain('Saved: Sam Officer (sam.officer@example.gov.uk).');
    const row = /<tr class="govuk-table__row">\s*<td[^>]*><a[^>]*>Sam Officer[\s\S]*?<\/tr>/.exec(
      list.text,
    )?.[0];
    expect(row).toContain('sam.officer@example.gov.uk');
    expect(row).toContain('Officer, Auditor');
    expect(row).toContain('Highways, Youth Support');
    expect(row).toContain('Active');
    const api = await t.http.get('/api/v1/staff').set(council.bearer(council.admin)).expect(200);
    const sam = (api.body as { items: { email: string; roles: string[] }[] }).items.find(
      (person) => person.email === 'sam.officer@example.gov.uk',
    );
    expect(sam?.roles.sort()).toEqual(['auditor', 'officer']);
  });

  it('shows an invalid email, no roles and a duplicate email in the error summary, keeping what was typed', async () => {
    const invalid = await post('/console/settings/staff', {
      name: 'Pat',
      email: 'not-an-email',
    }).expect(200);
    expect(invalid.text).toContain('<title>Error: Staff and roles');
    expect(summaryLinks(invalid.text)).toEqual([
      ['Enter an email address in the correct format, like name@example.gov.uk', '#email'],
      ['Select at least one role', '#roles'],
    ]);
    expect(invalid.text).toContain('value="not-an-email"');
    expect(invalid.text).toMatch(/id="email-error"/);

    const duplicate = await post('/console/settings/staff', {
      name: 'Olivia again',
      email: 'olivia@example.gov.uk',
      roles: 'officer',
    }).expect(200);
    expect(summaryLinks(duplicate.text)).toEqual([
      ['A staff member with that email address already exists.', '#email'],
    ]);
  });

  it("changes a person's roles and services, disables and enables them", async () => {
    const id = council.comms2.id;
    const page = await get(`/console/settings/staff/${id}`).expect(200);
    expect(page.text).toContain('Change casey');
    const changed = await post(`/console/settings/staff/${id}`, {
      name: 'Casey Comms',
      roles: ['comms_approver', 'service_manager'],
      serviceIds: council.services.youth,
    });
    expect(changed.status).toBe(303);
    const disabled = await post(`/console/settings/staff/${id}`, { action: 'disable' });
    expect(disabled.status).toBe(303);
    const api = await t.http.get(`/api/v1/staff/${id}`).set(council.bearer(council.admin));
    expect(api.body).toMatchObject({
      name: 'Casey Comms',
      roles: ['comms_approver', 'service_manager'],
      serviceIds: [council.services.youth],
      active: false,
    });
    await post(`/console/settings/staff/${id}`, { action: 'enable' }).expect(303);
    const again = await t.http.get(`/api/v1/staff/${id}`).set(council.bearer(council.admin));
    expect(again.body).toMatchObject({ active: true });
  });

  it('shows the domain refusing to disable or demote the last admin', async () => {
    const disable = await post(`/console/settings/staff/${council.admin.id}`, {
      action: 'disable',
    }).expect(200);
    expect(summaryLinks(disable.text)[0]?.[1]).toBe('#access');
    expect(disable.text).toContain('no active admin');
    const demote = await post(`/console/settings/staff/${council.admin.id}`, {
      name: 'Administrator',
      roles: 'officer',
    }).expect(200);
    expect(summaryLinks(demote.text)[0]?.[1]).toBe('#roles');
  });

  it("lists channels and shows a channel's policy in plain words", async () => {
    const list = await get('/console/settings/channels').expect(200);
    expect(list.text).toContain('200000000000001');
    expect(list.text).toContain('whatsapp-cloud-api');
    const page = await get(`/console/settings/channels/${council.channels.youth}`).expect(200);
    expect(page.text).toContain('Comms approvers or managers of the channel&#39;s service');
    expect(page.text).toContain('One person, who did not write the message');
    expect(page.text).toContain('7 days');
  });

  it('fills the policy form from a model without saving, then saves it: the API shows it', async () => {
    const id = council.channels.youth;
    const filled = await post(`/console/settings/channels/${id}/policy`, {
      model: 'b',
      action: 'use-model',
    }).expect(200);
    expect(filled.text).toMatch(/value="service_manager" checked/);
    expect(filled.text).not.toMatch(/value="comms_approver" checked/);
    expect(filled.text).toContain('value="20:00"');
    const unchanged = await t.http.get(`/api/v1/channels/${id}`).set(council.bearer(council.admin));
    expect(
      (unchanged.body as { policy: { approverRoles: string[] } }).policy.approverRoles,
    ).toEqual(['comms_approver', 'service_manager']);

    const saved = await post(`/console/settings/channels/${id}/policy`, {
      approverRoles: 'service_manager',
      approvalsRequired: '2',
      quietHours: 'yes',
      quietStart: '20:00',
      quietEnd: '08:00',
      timeZone: 'Europe/London',
      emergencyBypassesQuietHours: 'no',
      emergencyPath: 'no',
      allowedContentKinds: ['template', 'text'],
      inboundRetentionDays: '30',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/console/settings/channels/${id}?changed=policy`);
    const api = await t.http.get(`/api/v1/channels/${id}`).set(council.bearer(council.admin));
    expect((api.body as { policy: unknown }).policy).toEqual({
      approvalsRequired: 2,
      approverRoles: ['service_manager'],
      quietHours: { start: '20:00', end: '08:00', timeZone: 'Europe/London' },
      emergencyBypassesQuietHours: false,
      allowedContentKinds: ['template', 'text'],
      inboundRetentionDays: 30,
    });
  });

  it("shows the form's and the domain's policy problems in the error summary", async () => {
    const path = `/console/settings/channels/${council.channels.corporate}/policy`;
    const bad = await post(path, {
      quietHours: 'yes',
      quietStart: '25:00',
      quietEnd: '08:00',
      timeZone: 'Europe/London',
      emergencyBypassesQuietHours: 'yes',
      allowedContentKinds: 'template',
      inboundRetentionDays: '400',
    }).expect(200);
    expect(summaryLinks(bad.text).map(([, href]) => href)).toEqual([
      '#approvalsRequired',
      '#approverRoles',
      '#quietStart',
      '#emergencyPath',
      '#inboundRetentionDays',
    ]);
    expect(bad.text).toContain('value="400"');
    const refused = await post(path, {
      approverRoles: 'service_manager',
      approvalsRequired: '1',
      quietHours: 'no',
      emergencyBypassesQuietHours: 'no',
      emergencyPath: 'no',
      allowedContentKinds: 'template',
      inboundRetentionDays: '7',
    }).expect(200);
    expect(summaryLinks(refused.text)[0]?.[0]).toMatch(/corporate channel belongs to no service/);
  });

  it('sets up the emergency path with the people on call, refusing what would not work', async () => {
    const path = `/console/settings/channels/${council.channels.corporate}/policy`;
    const form = await get(path).expect(200);
    expect(form.text).toContain(`value="${council.comms.id}"`);
    expect(form.text).not.toContain(`value="${council.officer.id}"`);
    const rules = {
      approverRoles: 'comms_approver',
      approvalsRequired: '2',
      quietHours: 'yes',
      quietStart: '21:00',
      quietEnd: '08:00',
      timeZone: 'Europe/London',
      allowedContentKinds: 'template',
      inboundRetentionDays: '7',
      emergencyPath: 'yes',
      onCallApproverIds: council.comms.id,
      retrospectiveReviewHours: '4',
    };
    // Emergencies held for quiet hours cannot also go out at once: the domain says so.
    const refused = await post(path, { ...rules, emergencyBypassesQuietHours: 'no' }).expect(200);
    expect(summaryLinks(refused.text)).toEqual([
      [expect.stringMatching(/emergencyBypassesQuietHours must be true/), '#emergencyPath'],
    ]);
    const saved = await post(path, { ...rules, emergencyBypassesQuietHours: 'yes' });
    expect(saved.status).toBe(303);
    const api = await t.http
      .get(`/api/v1/channels/${council.channels.corporate}`)
      .set(council.bearer(council.admin));
    expect((api.body as { policy: { emergency: unknown } }).policy.emergency).toEqual({
      singleApproval: true,
      onCallApproverIds: [council.comms.id],
      retrospectiveReviewHours: 4,
    });
    const page = await get(`/console/settings/channels/${council.channels.corporate}`).expect(200);
    expect(page.text).toContain(
      'Yes, from the on-call approver; another approver reviews it within 4 hours',
    );
    // Back to the usual rules.
    const off = await post(path, {
      ...rules,
      approvalsRequired: '1',
      quietHours: 'no',
      emergencyBypassesQuietHours: 'no',
      emergencyPath: 'no',
    });
    expect(off.status).toBe(303);
  });

  describe('renaming services, areas and topics', () => {
    const auditData = async (type: string) => {
      const rows = await t.db.query<{ payload: string }>(
        `SELECT payload FROM audit_events WHERE type = $1 ORDER BY seq`,
        [type],
      );
      return rows.map((row) => (JSON.parse(row.payload) as { data: Record<string, unknown> }).data);
    };

    it('renames an area through the API, keeping its code, audited; refuses bad input', async () => {
      const area = await t.http
        .post('/api/v1/areas')
        .set(council.bearer(council.admin))
        .send({ code: 'eastgate', name: 'Eastgate' });
      expect(area.status).toBe(201);
      const renamed = await t.http
        .patch('/api/v1/areas/eastgate')
        .set(council.bearer(council.admin))
        .send({ name: 'Eastgate and Riverside' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ code: 'eastgate', name: 'Eastgate and Riverside' });
      const areas = await t.http.get('/api/v1/areas').set(council.bearer(council.officer));
      const listed = (areas.body as { items: { code: string; name: string }[] }).items;
      expect(listed.find((entry) => entry.code === 'eastgate')?.name).toBe(
        'Eastgate and Riverside',
      );
      expect(await auditData('area.renamed')).toContainEqual(
        expect.objectContaining({
          code: 'eastgate',
          from: 'Eastgate',
          to: 'Eastgate and Riverside',
        }),
      );
      const as = council.bearer(council.admin);
      expect((await t.http.patch('/api/v1/areas/nowhere').set(as).send({ name: 'X' })).status).toBe(
        404,
      );
      expect(
        (await t.http.patch('/api/v1/areas/bad%20code').set(as).send({ name: 'X' })).status,
      ).toBe(400);
      expect(
        (await t.http.patch('/api/v1/topics/gritting').set(as).send({ name: '' })).status,
      ).toBe(400);
      const officer = await t.http
        .patch('/api/v1/topics/gritting')
        .set(council.bearer(council.officer))
        .send({ name: 'Gritting and snow' });
      expect(officer.status).toBe(403);
    });

    it('renames a service, refusing a name another service has', async () => {
      const as = council.bearer(council.admin);
      const taken = await t.http
        .patch(`/api/v1/services/${council.services.youth}`)
        .set(as)
        .send({ name: 'Highways' });
      expect(taken.status).toBe(409);
      expect((taken.body as { code: string }).code).toBe('SERVICE_NAME_TAKEN');
      const unknown = await t.http
        .patch('/api/v1/services/00000000-0000-4000-8000-000000000000')
        .set(as)
        .send({ name: 'Parks' });
      expect(unknown.status).toBe(404);
      const renamed = await t.http
        .patch(`/api/v1/services/${council.services.youth}`)
        .set(as)
        .send({ name: 'Youth and Play' });
      expect(renamed.status).toBe(200);
      expect(await auditData('service.renamed')).toContainEqual({
        from: 'Youth Support',
        to: 'Youth and Play',
      });
    });

    it('renames from the console pages, with errors in the summary', async () => {
      const list = await get('/console/settings/areas').expect(200);
      expect(list.text).toContain('href="/console/settings/areas/northfield"');
      const form = await get('/console/settings/topics/gritting').expect(200);
      expect(form.text).toContain('Change the name of gritting');
      const empty = await post('/console/settings/topics/gritting', { name: '' }).expect(200);
      expect(summaryLinks(empty.text)).toEqual([['Enter the new name of the topic', '#name']]);
      const saved = await post('/console/settings/topics/gritting', { name: 'Gritting and ice' });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toBe('/console/settings/areas?renamed=topic:gritting');
      const banner = await get(saved.headers.location).expect(200);
      expect(banner.text).toContain('is now called Gritting and ice');
      await get('/console/settings/areas/nowhere').expect(404);

      const services = await get('/console/settings/services').expect(200);
      expect(services.text).toContain(
        `href="/console/settings/services/${council.services.highways}"`,
      );
      const clash = await post(`/console/settings/services/${council.services.highways}`, {
        name: 'Youth and Play',
      }).expect(200);
      expect(summaryLinks(clash.text)[0]?.[1]).toBe('#name');
      const ok = await post(`/console/settings/services/${council.services.highways}`, {
        name: 'Highways and Transport',
      });
      expect(ok.status).toBe(303);
      const after = await get(ok.headers.location).expect(200);
      expect(after.text).toContain('The service is now called Highways and Transport.');
    });
  });

  it('changes throughput within 1 to 1000, refusing anything else in the error summary', async () => {
    const id = council.channels.corporate;
    for (const value of ['0', '1001', 'fast', '']) {
      const refused = await post(`/console/settings/channels/${id}/throughput`, {
        throughputPerSecond: value,
      }).expect(200);
      expect(summaryLinks(refused.text)[0]?.[1]).toBe('#throughputPerSecond');
    }
    await post(`/console/settings/channels/${id}/throughput`, {
      throughputPerSecond: '250',
    }).expect(303);
    const api = await t.http.get(`/api/v1/channels/${id}`).set(council.bearer(council.admin));
    expect(
      (api.body as { sending: { throughputPerSecond: number } }).sending.throughputPerSecond,
    ).toBe(250);
  });

  it('resumes sending on a paused channel', async () => {
    const id = council.channels.corporate;
    await t.app.get(ChannelsService).pauseSending(id, { code: '190', reason: 'Token expired' });
    const page = await get(`/console/settings/channels/${id}`).expect(200);
    expect(page.text).toContain('Sending on this channel is paused');
    expect(page.text).toContain('Token expired');
    await post(`/console/settings/channels/${id}/resume-sending`, {}).expect(303);
    const api = await t.http.get(`/api/v1/channels/${id}`).set(council.bearer(council.admin));
    expect((api.body as { sending: { active: boolean } }).sending.active).toBe(true);
    const again = await post(`/console/settings/channels/${id}/resume-sending`, {}).expect(200);
    expect(summaryLinks(again.text)).toEqual([
      ['Sending on this channel is not paused.', '#sending'],
    ]);
  });

  it('adds a channel starting from a model', async () => {
    const refused = await post('/console/settings/channels', {
      name: 'Highways',
      kind: 'corporate',
      phoneNumberId: '200000000000009',
      displayPhoneNumber: '+44 1632 960109',
      model: 'b',
    }).expect(200);
    expect(summaryLinks(refused.text)[0]?.[1]).toBe('#model');
    const created = await post('/console/settings/channels', {
      name: 'Highways',
      kind: 'service',
      serviceId: council.services.highways,
      phoneNumberId: '200000000000009',
      displayPhoneNumber: '+44 1632 960109',
      model: 'c',
    });
    expect(created.status).toBe(303);
    const id = created.headers.location.split('/').pop();
    const api = await t.http.get(`/api/v1/channels/${id}`).set(council.bearer(council.admin));
    expect(api.body).toMatchObject({
      kind: 'service',
      serviceId: council.services.highways,
      policy: { approverRoles: ['comms_approver', 'service_manager'] },
    });
  });

  it('explains the templates Crier needs', async () => {
    const page = await get('/console/settings/templates').expect(200);
    expect(page.text).toContain('area_alert');
    expect(page.text).toContain(t.app.get<AppConfig>(APP_CONFIG).whatsapp.optInTemplate);
  });

  it('adds an area and a topic, and imports postcodes with counts and row errors', async () => {
    const area = await post('/console/settings/areas', { code: 'eastmoor', name: 'Eastmoor' });
    expect(area.status).toBe(303);
    const list = await get(area.headers.location).expect(200);
    expect(list.text).toContain('Eastmoor has been added.');
    await post('/console/settings/topics', { code: 'bins', name: 'Bins' }).expect(303);
    const taken = await post('/console/settings/areas', { code: 'eastmoor', name: 'Again' }).expect(
      200,
    );
    expect(summaryLinks(taken.text)).toEqual([
      ['There is already an area with the code eastmoor', '#area-code'],
    ]);
    const badCode = await post('/console/settings/topics', { code: 'no spaces', name: 'X' }).expect(
      200,
    );
    expect(summaryLinks(badCode.text)[0]?.[1]).toBe('#topic-code');

    const csv =
      'postcode,area\r\nEB3 1AA,eastmoor\r\neb31ab,eastmoor\r\nnot a postcode,eastmoor\r\nEB3 4EF,nowhere\r\n';
    const imported = await post('/console/settings/postcodes', { csv }).expect(200);
    expect(imported.text).toContain('2 postcodes imported');
    expect(imported.text).toContain('2 lines were not imported');
    expect(imported.text).toMatch(
      />4<\/td><td class="govuk-table__cell">&quot;not a postcode&quot; is not a UK postcode/,
    );
    expect(imported.text).toContain('No area has the code &quot;nowhere&quot;');
    const lookup = await t.http.get('/api/v1/postcodes/EB31AB').set(council.bearer(council.admin));
    expect(lookup.body).toMatchObject({ postcode: 'EB3 1AB', area: { code: 'eastmoor' } });

    const noHeader = await post('/console/settings/postcodes', { csv: 'EB3 1AA,eastmoor' }).expect(
      200,
    );
    expect(summaryLinks(noHeader.text)[0]?.[1]).toBe('#csv');
    expect(noHeader.text).toContain('EB3 1AA,eastmoor</textarea>');
  });

  it('refuses officers and auditors (403) and hides Settings from them', async () => {
    for (const person of [council.officer, council.auditor]) {
      const as = await session(person.id);
      for (const path of [
        '/console/settings',
        '/console/settings/staff',
        '/console/settings/postcodes',
      ]) {
        await get(path, as).expect(403);
      }
      await post('/console/settings/services', { name: 'Sneaky' }, as).expect(403);
      const home = await get('/console', as).expect(200);
      expect(home.text).not.toContain('href="/console/settings"');
    }
  });
});
