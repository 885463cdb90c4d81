import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Council, setUpCouncil, templateMessage } from './support/council.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The tables a refused request must leave alone. */
const TABLES = ['messages', 'message_versions', 'audit_events', 'staff', 'channels'] as const;
type Counts = Record<(typeof TABLES)[number], number>;

async function countRows(t: TestApp): Promise<Counts> {
  const counts = {} as Counts;
  for (const table of TABLES) {
    const [row] = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row?.n);
  }
  return counts;
}

interface ErrorBody {
  statusCode: unknown;
  code: unknown;
  message: unknown;
}

/** Every refusal carries the contract's error body, its statusCode matching the HTTP status. */
function expectErrorBody(response: Response, status: number, code?: string): void {
  const context = `${response.status} ${JSON.stringify(response.body)}`;
  expect(response.status, context).toBe(status);
  expect(response.headers['content-type'], context).toMatch(/application\/json/);
  const body = response.body as ErrorBody;
  expect(typeof body.statusCode, context).toBe('number');
  expect(body.statusCode, context).toBe(response.status);
  expect(body.code, context).toEqual(expect.stringMatching(/^[A-Z_]+$/));
  if (code) expect(body.code, context).toBe(code);
  expect(typeof body.message, context).toBe('string');
  expect((body.message as string).trim().length, context).toBeGreaterThan(0);
}

/** Everything a case needs: the app, the council, and messages in known states. */
interface Fixture {
  t: TestApp;
  c: Council;
  /** A draft at version 1, written by the officer on the corporate channel. */
  draftId: string;
  /** Another draft, the target of refused edits. */
  editTargetId: string;
  /** In review at version 2, so version 1 is stale. */
  inReviewId: string;
  /** Approved (and on its way out) at version 1. */
  approvedId: string;
}

interface Case {
  name: string;
  send: (f: Fixture) => Test;
  status: number;
  /** The exact code, when the contract or the app names one. */
  code?: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const UNKNOWN_ID = randomUUID();

const asOfficer = (f: Fixture) => f.c.bearer(f.c.officer);
const asAdmin = (f: Fixture) => f.c.bearer(f.c.admin);
const asComms = (f: Fixture) => f.c.bearer(f.c.comms);
const asAuditor = (f: Fixture) => f.c.bearer(f.c.auditor);

const createMessage = (f: Fixture, body: unknown) =>
  f.t.http
    .post('/api/v1/messages')
    .set(asOfficer(f))
    .send(body as object);
const validMessage = (f: Fixture, extra: Record<string, unknown> = {}) =>
  templateMessage(f.c.channels.corporate, extra);
const rawMessageBody = (f: Fixture, raw: string) =>
  f.t.http.post('/api/v1/messages').set(asOfficer(f)).set(JSON_TYPE).send(raw);

const channelBody = (
  extra: Record<string, unknown> = {},
  policy: Record<string, unknown> = {},
) => ({
  name: 'Bad channel',
  kind: 'corporate',
  whatsapp: { phoneNumberId: '200000000000099', displayPhoneNumber: '+44 1632 960199' },
  policy: { approvalsRequired: 1, approverRoles: ['comms_approver'], quietHours: null, ...policy },
  ...extra,
});
const createChannel = (f: Fixture, body: object) =>
  f.t.http.post('/api/v1/channels').set(asAdmin(f)).send(body);

const textContent = (extra: Record<string, unknown> = {}) => ({
  kind: 'text',
  body: 'Gritting tonight.',
  ...extra,
});

const MALFORMED_BODIES: Case[] = [
  {
    name: 'a body that is not valid JSON',
    send: (f) => rawMessageBody(f, '{"channelId": '),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'a JSON array body',
    send: (f) => rawMessageBody(f, '[]'),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an array of message bodies',
    send: (f) => rawMessageBody(f, JSON.stringify([validMessage(f)])),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a JSON string body',
    send: (f) => rawMessageBody(f, '"x"'),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'a JSON null body',
    send: (f) => rawMessageBody(f, 'null'),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'a JSON number body',
    send: (f) => rawMessageBody(f, '42'),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'an empty object',
    send: (f) => createMessage(f, {}),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'no body at all',
    send: (f) => f.t.http.post('/api/v1/messages').set(asOfficer(f)),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    // Not parsed as JSON, so it arrives as no body; a 415 would also be a fair answer.
    name: 'a body that is not JSON (text/plain)',
    send: (f) =>
      f.t.http
        .post('/api/v1/messages')
        .set(asOfficer(f))
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(validMessage(f))),
    status: 400,
  },
  {
    name: 'a body over 256 KiB',
    send: (f) =>
      createMessage(f, validMessage(f, { content: textContent({ body: 'x'.repeat(300_000) }) })),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
];

const WRONG_FIELDS: Case[] = [
  {
    name: 'channelId that is a number',
    send: (f) => createMessage(f, validMessage(f, { channelId: 12345 })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'audience.areas that is a string',
    send: (f) =>
      createMessage(
        f,
        validMessage(f, { audience: { areas: 'northfield', topics: ['gritting'] } }),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'audience that is a string',
    send: (f) => createMessage(f, validMessage(f, { audience: 'everyone' })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'content that is an array',
    send: (f) => createMessage(f, validMessage(f, { content: [textContent()] })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'audience that is an array of audiences',
    send: (f) =>
      createMessage(
        f,
        validMessage(f, { audience: [{ areas: ['northfield'], topics: ['gritting'] }] }),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'content nested a thousand arrays deep',
    send: (f) =>
      rawMessageBody(
        f,
        JSON.stringify(validMessage(f)).replace(
          /"content":\{[^}]*\}/,
          `"content":${'['.repeat(1000)}${']'.repeat(1000)}`,
        ),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'channelId nested 50,000 arrays deep',
    send: (f) =>
      rawMessageBody(
        f,
        JSON.stringify(validMessage(f)).replace(
          /"channelId":"[^"]*"/,
          `"channelId":${'['.repeat(50_000)}${']'.repeat(50_000)}`,
        ),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'priority "urgent"',
    send: (f) => createMessage(f, validMessage(f, { priority: 'urgent' })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'sendAt that is not a date',
    send: (f) => createMessage(f, validMessage(f, { sendAt: 'tomorrow' })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an unknown top-level field (isAdmin)',
    send: (f) => createMessage(f, validMessage(f, { isAdmin: true })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an unknown field inside content',
    send: (f) =>
      createMessage(
        f,
        validMessage(f, {
          content: { ...validMessage(f).content, foo: 'bar' },
        }),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an unknown field inside audience',
    send: (f) =>
      createMessage(
        f,
        validMessage(f, {
          audience: { areas: ['northfield'], topics: ['gritting'], everyone: true },
        }),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a __proto__ field',
    send: (f) =>
      rawMessageBody(
        f,
        JSON.stringify(validMessage(f)).replace(/^\{/, '{"__proto__": {"isAdmin": true}, '),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a constructor field inside content',
    send: (f) =>
      rawMessageBody(
        f,
        JSON.stringify(validMessage(f)).replace('"content":{', '"content":{"constructor":{}, '),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a text message with a template field',
    send: (f) =>
      createMessage(f, validMessage(f, { content: textContent({ templateName: 'area_alert' }) })),
    status: 400,
    code: 'INVALID_CONTENT',
  },
  {
    name: 'a template message with a text body',
    send: (f) =>
      createMessage(
        f,
        validMessage(f, { content: { ...validMessage(f).content, body: 'Gritting tonight.' } }),
      ),
    status: 400,
    code: 'INVALID_CONTENT',
  },
  {
    name: 'a content kind that does not exist',
    send: (f) => createMessage(f, validMessage(f, { content: textContent({ kind: 'image' }) })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a text body of 4097 characters',
    send: (f) =>
      createMessage(f, validMessage(f, { content: textContent({ body: 'x'.repeat(4097) }) })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an unknown area code',
    send: (f) =>
      createMessage(
        f,
        validMessage(f, { audience: { areas: ['atlantis'], topics: ['gritting'] } }),
      ),
    status: 400,
    code: 'UNKNOWN_AREA',
  },
  {
    name: 'an unknown topic code',
    send: (f) =>
      createMessage(
        f,
        validMessage(f, { audience: { areas: ['northfield'], topics: ['dragons'] } }),
      ),
    status: 400,
    code: 'UNKNOWN_TOPIC',
  },
  {
    name: 'an unknown channelId that is a valid UUID',
    send: (f) => createMessage(f, templateMessage(UNKNOWN_ID)),
    status: 400,
    code: 'UNKNOWN_CHANNEL',
  },
  {
    name: 'an emergency without a reason',
    send: (f) => createMessage(f, validMessage(f, { priority: 'emergency' })),
    status: 400,
    code: 'EMERGENCY_REASON_REQUIRED',
  },
  {
    name: 'a sendAt in the past',
    send: (f) => createMessage(f, validMessage(f, { sendAt: '2020-01-01T09:00:00Z' })),
    status: 400,
    code: 'SEND_AT_IN_PAST',
  },
];

const UNKNOWN_AND_INVALID_IDS: Case[] = [
  {
    name: 'GET an unknown message',
    send: (f) => f.t.http.get(`/api/v1/messages/${UNKNOWN_ID}`).set(asOfficer(f)),
    status: 404,
    code: 'MESSAGE_NOT_FOUND',
  },
  {
    name: 'PATCH an unknown message',
    send: (f) =>
      f.t.http
        .patch(`/api/v1/messages/${UNKNOWN_ID}`)
        .set(asOfficer(f))
        .send({ priority: 'routine' }),
    status: 404,
    code: 'MESSAGE_NOT_FOUND',
  },
  {
    name: 'submit an unknown message',
    send: (f) => f.t.http.post(`/api/v1/messages/${UNKNOWN_ID}/submit`).set(asOfficer(f)),
    status: 404,
    code: 'MESSAGE_NOT_FOUND',
  },
  {
    name: 'approve an unknown message',
    send: (f) =>
      f.t.http.post(`/api/v1/messages/${UNKNOWN_ID}/approve`).set(asComms(f)).send({ version: 1 }),
    status: 404,
    code: 'MESSAGE_NOT_FOUND',
  },
  {
    name: 'request changes on an unknown message',
    send: (f) =>
      f.t.http
        .post(`/api/v1/messages/${UNKNOWN_ID}/request-changes`)
        .set(asComms(f))
        .send({ comment: 'Name the roads.' }),
    status: 404,
    code: 'MESSAGE_NOT_FOUND',
  },
  {
    name: 'cancel an unknown message',
    send: (f) =>
      f.t.http
        .post(`/api/v1/messages/${UNKNOWN_ID}/cancel`)
        .set(asOfficer(f))
        .send({ reason: 'Forecast changed.' }),
    status: 404,
    code: 'MESSAGE_NOT_FOUND',
  },
  {
    name: 'GET a message by a non-UUID id',
    send: (f) => f.t.http.get('/api/v1/messages/not-a-uuid').set(asOfficer(f)),
    status: 400,
    code: 'INVALID_ID',
  },
  {
    name: 'PATCH a message by a non-UUID id',
    send: (f) =>
      f.t.http.patch('/api/v1/messages/123').set(asOfficer(f)).send({ priority: 'routine' }),
    status: 400,
    code: 'INVALID_ID',
  },
  {
    name: 'approve a message by a non-UUID id',
    send: (f) =>
      f.t.http.post('/api/v1/messages/not-a-uuid/approve').set(asComms(f)).send({ version: 1 }),
    status: 400,
    code: 'INVALID_ID',
  },
  {
    name: 'cancel a message by a non-UUID id',
    send: (f) =>
      f.t.http
        .post(`/api/v1/messages/${UNKNOWN_ID}x/cancel`)
        .set(asOfficer(f))
        .send({ reason: 'Forecast changed.' }),
    status: 400,
    code: 'INVALID_ID',
  },
  {
    name: 'an unknown route',
    send: (f) => f.t.http.get('/api/v1/no-such-thing').set(asOfficer(f)),
    status: 404,
    code: 'ROUTE_NOT_FOUND',
  },
  {
    name: 'an unknown route without a token',
    send: (f) => f.t.http.post('/api/v1/no-such-thing').send({}),
    status: 404,
    code: 'ROUTE_NOT_FOUND',
  },
];

const MESSAGE_STATE: Case[] = [
  {
    name: 'approve without a version',
    send: (f) => f.t.http.post(`/api/v1/messages/${f.inReviewId}/approve`).set(asComms(f)).send({}),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'approve with a version that is not a number',
    send: (f) =>
      f.t.http
        .post(`/api/v1/messages/${f.inReviewId}/approve`)
        .set(asComms(f))
        .send({ version: 'latest' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'approve with a stale version',
    send: (f) =>
      f.t.http
        .post(`/api/v1/messages/${f.inReviewId}/approve`)
        .set(asComms(f))
        .send({ version: 1 }),
    status: 409,
    code: 'APPROVAL_VERSION_MISMATCH',
  },
  {
    name: 'approve a draft',
    send: (f) =>
      f.t.http.post(`/api/v1/messages/${f.draftId}/approve`).set(asComms(f)).send({ version: 1 }),
    status: 409,
    code: 'MESSAGE_NOT_IN_REVIEW',
  },
  {
    name: 'PATCH an approved message',
    send: (f) =>
      f.t.http
        .patch(`/api/v1/messages/${f.approvedId}`)
        .set(asOfficer(f))
        .send({ content: textContent() }),
    status: 409,
    code: 'MESSAGE_NOT_EDITABLE',
  },
  {
    name: 'PATCH a message that is in review',
    send: (f) =>
      f.t.http
        .patch(`/api/v1/messages/${f.inReviewId}`)
        .set(asOfficer(f))
        .send({ content: textContent() }),
    status: 409,
    code: 'MESSAGE_NOT_EDITABLE',
  },
  {
    name: 'PATCH a draft with a wrong type',
    send: (f) =>
      f.t.http.patch(`/api/v1/messages/${f.editTargetId}`).set(asOfficer(f)).send({ priority: 7 }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'PATCH a draft with an unknown field',
    send: (f) =>
      f.t.http
        .patch(`/api/v1/messages/${f.editTargetId}`)
        .set(asOfficer(f))
        .send({ status: 'approved' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'PATCH a draft with content that is an array',
    send: (f) =>
      f.t.http
        .patch(`/api/v1/messages/${f.editTargetId}`)
        .set(asOfficer(f))
        .send({ content: [textContent()] }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'PATCH a draft to an unknown area',
    send: (f) =>
      f.t.http
        .patch(`/api/v1/messages/${f.editTargetId}`)
        .set(asOfficer(f))
        .send({ audience: { areas: ['atlantis'], topics: ['gritting'] } }),
    status: 400,
    code: 'UNKNOWN_AREA',
  },
  {
    name: 'cancel without a reason',
    send: (f) => f.t.http.post(`/api/v1/messages/${f.draftId}/cancel`).set(asOfficer(f)).send({}),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'list messages by a status that does not exist',
    send: (f) => f.t.http.get('/api/v1/messages?status=pending').set(asOfficer(f)),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
];

const ADMIN_AND_AUDIT: Case[] = [
  {
    name: 'audit events with limit=0',
    send: (f) => f.t.http.get('/api/v1/audit/events?limit=0').set(asAuditor(f)),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'audit events with limit=abc',
    send: (f) => f.t.http.get('/api/v1/audit/events?limit=abc').set(asAuditor(f)),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'audit events with afterSeq=-1',
    send: (f) => f.t.http.get('/api/v1/audit/events?afterSeq=-1').set(asAuditor(f)),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'audit events with an unknown query parameter',
    send: (f) => f.t.http.get('/api/v1/audit/events?everything=true').set(asAuditor(f)),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a staff email that is not an email',
    send: (f) =>
      f.t.http
        .post('/api/v1/staff')
        .set(asAdmin(f))
        .send({ email: 'not-an-email', name: 'Nobody', roles: ['officer'], serviceIds: [] }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a staff member with a role that does not exist',
    send: (f) =>
      f.t.http
        .post('/api/v1/staff')
        .set(asAdmin(f))
        .send({ email: 'nobody@example.gov.uk', name: 'Nobody', roles: ['superuser'] }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a staff member with an unknown field',
    send: (f) =>
      f.t.http
        .post('/api/v1/staff')
        .set(asAdmin(f))
        .send({
          email: 'nobody@example.gov.uk',
          name: 'Nobody',
          roles: ['officer'],
          isAdmin: true,
        }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a staff member in an unknown service',
    send: (f) =>
      f.t.http
        .post('/api/v1/staff')
        .set(asAdmin(f))
        .send({
          email: 'nobody@example.gov.uk',
          name: 'Nobody',
          roles: ['officer'],
          serviceIds: [UNKNOWN_ID],
        }),
    status: 400,
    code: 'UNKNOWN_SERVICE',
  },
  {
    name: 'a duplicate staff email',
    send: (f) =>
      f.t.http
        .post('/api/v1/staff')
        .set(asAdmin(f))
        .send({ email: f.c.officer.email, name: 'Olivia again', roles: ['officer'] }),
    status: 409,
    code: 'STAFF_EMAIL_TAKEN',
  },
  {
    name: 'a duplicate service name',
    send: (f) => f.t.http.post('/api/v1/services').set(asAdmin(f)).send({ name: 'Highways' }),
    status: 409,
    code: 'SERVICE_NAME_TAKEN',
  },
  {
    name: 'a service name that is not a string',
    send: (f) =>
      f.t.http
        .post('/api/v1/services')
        .set(asAdmin(f))
        .send({ name: ['Highways'] }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a service channel without serviceId',
    send: (f) =>
      createChannel(f, channelBody({ kind: 'service' }, { approverRoles: ['service_manager'] })),
    status: 400,
    code: 'SERVICE_REQUIRED',
  },
  {
    name: 'a corporate channel whose policy names service_manager',
    send: (f) =>
      createChannel(f, channelBody({}, { approverRoles: ['comms_approver', 'service_manager'] })),
    status: 400,
    code: 'INVALID_POLICY',
  },
  {
    name: 'approvalsRequired "two"',
    send: (f) => createChannel(f, channelBody({}, { approvalsRequired: 'two' })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'approvalsRequired 4',
    send: (f) => createChannel(f, channelBody({}, { approvalsRequired: 4 })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'quiet hours in time zone Mars/Olympus',
    send: (f) =>
      createChannel(
        f,
        channelBody({}, { quietHours: { start: '21:00', end: '08:00', timeZone: 'Mars/Olympus' } }),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a policy that is an array of policies',
    send: (f) => createChannel(f, channelBody({ policy: [channelBody().policy] })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a whatsapp number that is an array',
    send: (f) => createChannel(f, channelBody({ whatsapp: [channelBody().whatsapp] })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'quiet hours that are an array',
    send: (f) =>
      createChannel(
        f,
        channelBody(
          {},
          { quietHours: [{ start: '21:00', end: '08:00', timeZone: 'Europe/London' }] },
        ),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'quiet hours that are a string',
    send: (f) => createChannel(f, channelBody({}, { quietHours: '21:00-08:00' })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'quiet hours with an unknown field',
    send: (f) =>
      createChannel(
        f,
        channelBody(
          {},
          {
            quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London', days: 'all' },
          },
        ),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a channel policy with an unknown field',
    send: (f) => createChannel(f, channelBody({}, { skipApproval: true })),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a postcode import sent as JSON, not CSV',
    send: (f) =>
      f.t.http.post('/api/v1/postcodes/import').set(asAdmin(f)).send({ postcode: 'NF1 2AB' }),
    status: 400,
    code: 'CSV_BODY_REQUIRED',
  },
  {
    name: 'a postcode import whose header has no area column',
    send: (f) =>
      f.t.http
        .post('/api/v1/postcodes/import')
        .set(asAdmin(f))
        .set('Content-Type', 'text/csv')
        .send('postcode,ward\nNF1 2AB,northfield\n'),
    status: 400,
    code: 'INVALID_CSV_HEADER',
  },
  {
    name: 'a postcode import over 5 MiB',
    send: (f) =>
      f.t.http
        .post('/api/v1/postcodes/import')
        .set(asAdmin(f))
        .set('Content-Type', 'text/csv')
        .send(`postcode,area\n${'x'.repeat(5 * 1024 * 1024 + 1)}`),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'look up something that is not a postcode',
    send: (f) => f.t.http.get('/api/v1/postcodes/not-a-postcode').set(asOfficer(f)),
    status: 400,
    code: 'INVALID_POSTCODE',
  },
  {
    name: 'look up a postcode the council has not mapped',
    send: (f) => f.t.http.get('/api/v1/postcodes/ZZ9%209ZZ').set(asOfficer(f)),
    status: 404,
    code: 'POSTCODE_NOT_FOUND',
  },
];

describe('bad input', () => {
  const f = {} as Fixture;

  beforeAll(async () => {
    // Refusals only: nothing here should be sent, and counts must not move in the background.
    f.t = await startTestApp('bad-input', { env: { FANOUT_WORKER: 'false' } });
    f.c = await setUpCouncil(f.t);
    const { t, c } = f;
    const officer = c.bearer(c.officer);
    const create = async () => {
      const response = await t.http
        .post('/api/v1/messages')
        .set(officer)
        .send(templateMessage(c.channels.corporate));
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return (response.body as { id: string }).id;
    };
    const expectOk = async (request: Test) => {
      const response = await request;
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };

    f.draftId = await create();
    f.editTargetId = await create();

    f.inReviewId = await create();
    await expectOk(
      t.http
        .patch(`/api/v1/messages/${f.inReviewId}`)
        .set(officer)
        .send({ content: textContent() }),
    );
    await expectOk(t.http.post(`/api/v1/messages/${f.inReviewId}/submit`).set(officer));

    f.approvedId = await create();
    await expectOk(t.http.post(`/api/v1/messages/${f.approvedId}/submit`).set(officer));
    await expectOk(
      t.http
        .post(`/api/v1/messages/${f.approvedId}/approve`)
        .set(c.bearer(c.comms))
        .send({ version: 1 }),
    );
  });
  afterAll(() => f.t.close());

  describe.each([
    ['malformed bodies', MALFORMED_BODIES],
    ['wrong fields in a message', WRONG_FIELDS],
    ['unknown and invalid ids', UNKNOWN_AND_INVALID_IDS],
    ['message state', MESSAGE_STATE],
    ['admin and audit input', ADMIN_AND_AUDIT],
  ])('%s', (_group, cases) => {
    it.each(cases)('$name -> $status $code', async ({ send, status, code }) => {
      const before = await countRows(f.t);
      const response = await send(f);
      expectErrorBody(response, status, code);
      expect(await countRows(f.t)).toEqual(before);
    });
  });

  it('refused requests leave earlier messages as they were', async () => {
    const get = (id: string) => f.t.http.get(`/api/v1/messages/${id}`).set(f.c.bearer(f.c.officer));
    const draft = (await get(f.draftId)).body as { status: string; version: number };
    const inReview = (await get(f.inReviewId)).body as { status: string; version: number };
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(inReview).toMatchObject({ status: 'in_review', version: 2 });
  });
});
