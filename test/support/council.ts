import type { Role } from '../../src/organisation/role.js';
import type { TestApp } from './test-app.js';

export interface Person {
  id: string;
  email: string;
  token: string;
}

export interface Council {
  services: { highways: string; youth: string };
  channels: { corporate: string; youth: string };
  admin: Person;
  officer: Person;
  youthOfficer: Person;
  youthManager: Person;
  highwaysManager: Person;
  comms: Person;
  comms2: Person;
  auditor: Person;
  bearer(person: Person): { Authorization: string };
}

export const QUIET_HOURS_NONE = null;

async function expectCreated<T>(
  promise: PromiseLike<{ status: number; body: unknown }>,
): Promise<T> {
  const response = await promise;
  if (response.status !== 201) {
    throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

/**
 * A small council set up through the API as an admin would: two services, a corporate channel
 * signed off by the comms team, a Youth Support channel its manager may sign off, and staff.
 */
export async function setUpCouncil(
  t: Pick<TestApp, 'http' | 'tokenFor'>,
  policy: {
    corporateApprovals?: number;
    quietHours?: null | { start: string; end: string; timeZone: string };
  } = {},
): Promise<Council> {
  const adminToken = await t.tokenFor('admin@example.gov.uk');
  const auth = { Authorization: `Bearer ${adminToken}` };
  const post = <T>(path: string, body: object) =>
    expectCreated<T>(t.http.post(path).set(auth).send(body));

  const highways = (await post<{ id: string }>('/api/v1/services', { name: 'Highways' })).id;
  const youth = (await post<{ id: string }>('/api/v1/services', { name: 'Youth Support' })).id;
  for (const code of ['northfield', 'southbank']) {
    await post('/api/v1/areas', { code, name: code });
  }
  for (const code of ['gritting', 'youth']) {
    await post('/api/v1/topics', { code, name: code });
  }
  const quietHours = policy.quietHours === undefined ? null : policy.quietHours;
  const corporate = (
    await post<{ id: string }>('/api/v1/channels', {
      name: 'Council',
      kind: 'corporate',
      whatsapp: { phoneNumberId: '200000000000001', displayPhoneNumber: '+44 1632 960100' },
      policy: {
        approvalsRequired: policy.corporateApprovals ?? 1,
        approverRoles: ['comms_approver'],
        quietHours,
        emergencyBypassesQuietHours: true,
      },
    })
  ).id;
  const youthChannel = (
    await post<{ id: string }>('/api/v1/channels', {
      name: 'Youth',
      kind: 'service',
      serviceId: youth,
      whatsapp: { phoneNumberId: '200000000000002', displayPhoneNumber: '+44 1632 960101' },
      policy: {
        approvalsRequired: 1,
        approverRoles: ['service_manager', 'comms_approver'],
        quietHours,
      },
    })
  ).id;

  const person = async (email: string, roles: Role[], serviceIds: string[]): Promise<Person> => {
    const { id } = await post<{ id: string }>('/api/v1/staff', {
      email,
      name: email.split('@')[0],
      roles,
      serviceIds,
    });
    return { id, email, token: await t.tokenFor(email) };
  };
  const me = await t.http.get('/api/v1/me').set(auth);
  return {
    services: { highways, youth },
    channels: { corporate, youth: youthChannel },
    admin: { id: (me.body as { id: string }).id, email: 'admin@example.gov.uk', token: adminToken },
    officer: await person('olivia@example.gov.uk', ['officer'], [highways]),
    youthOfficer: await person('yusuf@example.gov.uk', ['officer'], [youth]),
    youthManager: await person('maya@example.gov.uk', ['service_manager'], [youth]),
    highwaysManager: await person('hari@example.gov.uk', ['service_manager'], [highways]),
    comms: await person('chris@example.gov.uk', ['comms_approver'], []),
    comms2: await person('casey@example.gov.uk', ['comms_approver'], []),
    auditor: await person('ari@example.gov.uk', ['auditor'], []),
    bearer: (p) => ({ Authorization: `Bearer ${p.token}` }),
  };
}

export const templateMessage = (channelId: string, extra: Record<string, unknown> = {}) => ({
  channelId,
  content: {
    kind: 'template',
    templateName: 'area_alert',
    language: 'en_GB',
    parameters: ['Gritting tonight from 8pm on all A roads.'],
  },
  audience: { areas: ['northfield'], topics: ['gritting'] },
  priority: 'routine',
  ...extra,
});

/** Imports a postcode CSV (`postcode,area` rows after the header) as the council's admin. */
export async function importPostcodes(t: TestApp, council: Council, csv: string): Promise<void> {
  await t.http
    .post('/api/v1/postcodes/import')
    .set(council.bearer(council.admin))
    .set('content-type', 'text/csv')
    .send(csv)
    .expect(200);
}
