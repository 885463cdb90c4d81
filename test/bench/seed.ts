import { type HttpClient, isSuccess } from './http-client.js';

export const ADMIN_EMAIL = 'admin@example.gov.uk';
export const OFFICER_EMAIL = 'bench.officer@example.gov.uk';
export const APPROVER_EMAIL = 'bench.comms@example.gov.uk';

export interface BenchCouncil {
  corporateChannelId: string;
  officerToken: string;
  approverToken: string;
}

async function expectOk<T>(
  what: string,
  response: Promise<{ status: number; body: unknown }>,
): Promise<T> {
  const { status, body } = await response;
  if (!isSuccess(status)) {
    throw new Error(`seeding failed: ${what} answered ${status}: ${JSON.stringify(body)}`);
  }
  return body as T;
}

export async function tokenFor(http: HttpClient, email: string): Promise<string> {
  const body = await expectOk<{ access_token: string }>(
    `token for ${email}`,
    http.post('/api/v1/auth/local/token', { email }),
  );
  return body.access_token;
}

/**
 * Sets up what the workflow needs through the API, as the bootstrap admin would: a service, the
 * audience codes, a corporate channel signed off by comms, an officer and a comms approver.
 */
export async function seedCouncil(http: HttpClient): Promise<BenchCouncil> {
  const admin = await tokenFor(http, ADMIN_EMAIL);
  const post = <T>(path: string, body: object) =>
    expectOk<T>(`POST ${path}`, http.post(path, body, admin));

  const highways = await post<{ id: string }>('/api/v1/services', { name: 'Highways' });
  await post('/api/v1/services', { name: 'Youth Support' });
  for (const code of ['northfield', 'southbank']) {
    await post('/api/v1/areas', { code, name: code });
  }
  for (const code of ['gritting', 'youth']) {
    await post('/api/v1/topics', { code, name: code });
  }
  const corporate = await post<{ id: string }>('/api/v1/channels', {
    name: 'Council',
    kind: 'corporate',
    whatsapp: { phoneNumberId: '300000000000001', displayPhoneNumber: '+44 1632 960200' },
    policy: { approvalsRequired: 1, approverRoles: ['comms_approver'], quietHours: null },
  });
  await post('/api/v1/staff', {
    email: OFFICER_EMAIL,
    name: 'Bench Officer',
    roles: ['officer'],
    serviceIds: [highways.id],
  });
  await post('/api/v1/staff', {
    email: APPROVER_EMAIL,
    name: 'Bench Comms',
    roles: ['comms_approver'],
    serviceIds: [],
  });

  return {
    corporateChannelId: corporate.id,
    officerToken: await tokenFor(http, OFFICER_EMAIL),
    approverToken: await tokenFor(http, APPROVER_EMAIL),
  };
}

export const templateMessage = (channelId: string) => ({
  channelId,
  content: {
    kind: 'template',
    templateName: 'area_alert',
    language: 'en_GB',
    parameters: ['Gritting tonight from 8pm on all A roads.'],
  },
  audience: { areas: ['northfield'], topics: ['gritting'] },
  priority: 'routine',
});
