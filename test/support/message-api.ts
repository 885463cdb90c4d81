import { expect } from 'vitest';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import type { Council, Person } from './council.js';
import { firstMessagesOn, type SimMessage } from './simulated-residents.js';
import type { TestApp } from './test-app.js';

export interface MessageBody {
  id: string;
  status: string;
  version: number;
  contentHash: string;
  serviceId: string | null;
  approvals: { by: string; version: number; contentHash: string; current: boolean }[];
  approvalsRemaining: number;
  dispatchAt: string | null;
  editors: string[];
  [key: string]: unknown;
}

export interface Reply<T = MessageBody> {
  status: number;
  body: T & { code?: string; message?: string };
}

/** The message routes, called as a given person. */
export function messageApi(t: TestApp, council: Council) {
  const as = (person: Person) => council.bearer(person);
  const call = async (promise: PromiseLike<{ status: number; body: unknown }>): Promise<Reply> => {
    const response = await promise;
    return { status: response.status, body: response.body as Reply['body'] };
  };
  return {
    create: (by: Person, body: object) =>
      call(t.http.post('/api/v1/messages').set(as(by)).send(body)),
    get: (by: Person, id: string) => call(t.http.get(`/api/v1/messages/${id}`).set(as(by))),
    list: async (by: Person, query = '') => {
      const response = await t.http.get(`/api/v1/messages${query}`).set(as(by));
      return { status: response.status, body: response.body as { items: MessageBody[] } };
    },
    edit: (by: Person, id: string, body: object) =>
      call(t.http.patch(`/api/v1/messages/${id}`).set(as(by)).send(body)),
    submit: (by: Person, id: string) =>
      call(t.http.post(`/api/v1/messages/${id}/submit`).set(as(by))),
    approve: (by: Person, id: string, version: number) =>
      call(t.http.post(`/api/v1/messages/${id}/approve`).set(as(by)).send({ version })),
    requestChanges: (by: Person, id: string, comment: string) =>
      call(t.http.post(`/api/v1/messages/${id}/request-changes`).set(as(by)).send({ comment })),
    cancel: (by: Person, id: string, reason: string) =>
      call(t.http.post(`/api/v1/messages/${id}/cancel`).set(as(by)).send({ reason })),
  };
}

type MessageApi = ReturnType<typeof messageApi>;

/**
 * Version 1 signed off by the comms approver; resolves with the first message on each
 * recipient's handset once every one has it.
 */
export async function approveAndReceive(
  api: MessageApi,
  council: Council,
  simulatorUrl: string,
  id: string,
  recipients: readonly E164[],
): Promise<Map<E164, SimMessage<unknown>>> {
  const approved = await api.approve(council.comms, id, 1);
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  const received = await firstMessagesOn(simulatorUrl, recipients);
  expect(received.size).toBe(recipients.length);
  return received;
}

/**
 * A routine message on the corporate channel, drafted by the officer, submitted and signed off
 * by the comms approver; resolves once every recipient's handset has it.
 */
export async function sendAndReceive(
  api: MessageApi,
  council: Council,
  simulatorUrl: string,
  message: { content: Record<string, unknown>; audience: { areas: string[]; topics: string[] } },
  recipients: readonly E164[],
): Promise<{ id: string; received: Map<E164, SimMessage<unknown>> }> {
  const created = await api.create(council.officer, {
    channelId: council.channels.corporate,
    ...message,
    priority: 'routine',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await api.submit(council.officer, created.body.id)).status).toBe(200);
  const received = await approveAndReceive(api, council, simulatorUrl, created.body.id, recipients);
  return { id: created.body.id, received };
}
