import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbandonedOptInsCleanup } from '../src/residents/abandoned-opt-ins.cleanup.js';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, importPostcodes, setUpCouncil } from './support/council.js';
import { eventually } from './support/eventually.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { handsetOf, residentSends } from './support/simulated-residents.js';

/**
 * Opting in on WhatsApp with JOIN, end to end on the embedded simulator: the welcome and the
 * list of areas, a tap or a typed postcode, topics, Done, Confirm, and what it leaves behind;
 * Cancel and STOP part-way leave nothing; JOIN again from a subscriber is a change.
 */

const CORPORATE_NUMBER_ID = '200000000000001';

let nextNumber = 800;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;

type SimPayload = unknown;

describe('JOIN on WhatsApp', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const handset = (phone: E164) => handsetOf<SimPayload>(simulatorUrl, phone);
  /** The resident's message; resolves once Crier has stored and handled it. */
  const resident = async (from: E164, action: Record<string, string>) => {
    const { providerMessageId, handledBy } = await residentSends(
      t,
      simulatorUrl,
      from,
      CORPORATE_NUMBER_ID,
      action,
    );
    return { id: providerMessageId, handledBy };
  };
  /** The wamid of the n-th interactive message (1-based) on the handset, once it arrives. */
  const interactive = async (phone: E164, n: number) => {
    const items = await eventually(
      () => handset(phone),
      (all) => all.filter((m) => m.type === 'interactive').length >= n,
    );
    const message = items.filter((m) => m.type === 'interactive')[n - 1];
    expect(message, `interactive message ${n} never arrived`).toBeTruthy();
    return message;
  };
  const textArrives = (phone: E164, part: string) =>
    eventually(
      () => handset(phone),
      (items) => items.some((m) => JSON.stringify(m.payload).includes(part)),
    );
  const subscriber = async (phone: E164) =>
    (
      await t.db.query<{ id: string; status: string; area_codes: string[]; topic_codes: string[] }>(
        `SELECT id, status, area_codes, topic_codes FROM subscribers WHERE phone_hash = $1`,
        [vault.lookupHash(phone)],
      )
    )[0];
  const conversation = async (phone: E164) =>
    (
      await t.db.query(`SELECT step FROM join_conversations WHERE phone_hash = $1`, [
        vault.lookupHash(phone),
      ])
    )[0];
  const consents = (subscriberId: string) =>
    t.db.query<{
      action: string;
      source: string;
      privacy_notice_version: string;
      evidence: unknown;
    }>(
      `SELECT action, source, privacy_notice_version, evidence FROM consent_records
        WHERE subscriber_id = $1 ORDER BY captured_at`,
      [subscriberId],
    );

  /** JOIN, an area (tap or postcode), the given topics, then Done: at the Confirm question. */
  const upToConfirm = async (
    phone: E164,
    area: { tap: string } | { postcode: string },
    topics: string[],
  ) => {
    const ids = [(await resident(phone, { text: 'join' })).id];
    let n = 1;
    const areas = await interactive(phone, n);
    expect(JSON.stringify(areas.payload)).toContain('join-area:southbank');
    const areaId =
      'tap' in area
        ? await resident(phone, { listReplyId: `join-area:${area.tap}`, context: areas.id })
        : await resident(phone, { text: area.postcode });
    ids.push(areaId.id);
    const topicList = await interactive(phone, (n += 1));
    let last = topicList;
    for (const topic of topics) {
      ids.push(
        (await resident(phone, { listReplyId: `join-topic:${topic}`, context: topicList.id })).id,
      );
      last = await interactive(phone, (n += 1));
    }
    ids.push((await resident(phone, { buttonReplyId: 'join-done', context: last.id })).id);
    const question = await interactive(phone, n + 1);
    expect(JSON.stringify(question.payload)).toContain('Confirm');
    return { ids, question };
  };

  beforeAll(async () => {
    t = await startTestApp('join-opt-in');
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
    await importPostcodes(t, council, 'postcode,area\nNF4 1AA,northfield\nSB4 1AA,southbank\n');
  });
  afterAll(() => t.close());

  it('subscribes a resident who joins, chooses and confirms, with evidence and audit', async () => {
    const phone = freshNumber();
    const { ids, question } = await upToConfirm(phone, { tap: 'northfield' }, [
      'gritting',
      'youth',
    ]);
    // The privacy notice by version, and where to read it (Crier's own page on the defaults).
    await textArrives(phone, 'privacy notice (version 2025-01, at http://localhost:');
    await textArrives(phone, '/subscribe/privacy)');
    expect(await subscriber(phone)).toBeUndefined();
    const confirm = await resident(phone, { buttonReplyId: 'join-confirm', context: question.id });
    expect(confirm.handledBy).toBe('join');

    const stored = await subscriber(phone);
    expect(stored).toMatchObject({
      status: 'active',
      area_codes: ['northfield'],
      topic_codes: ['gritting', 'youth'],
    });
    expect(await consents(stored.id)).toEqual([
      {
        action: 'opt_in',
        source: 'whatsapp',
        privacy_notice_version: '2025-01',
        evidence: { providerMessageIds: [...ids, confirm.id] },
      },
    ]);
    const [event] = await t.db.query<{ payload: string; subject_ref: string | null }>(
      `SELECT payload::text AS payload, subject_ref FROM audit_events
        WHERE type = 'subscriber.opted_in' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.subject_ref).toMatch(/\S/);
    expect(event.payload).toContain('whatsapp');
    expect(event.payload).not.toContain(stored.id);
    expect(event.payload).not.toContain(phone.slice(1));
    expect(await conversation(phone)).toBeUndefined();
    await textArrives(phone, "You're subscribed to");
  });

  it('sends the welcome and the list of areas as one job, in that order, so they never cross', async () => {
    const phone = freshNumber();
    await resident(phone, { text: 'JOIN' });
    const [job] = await t.db.query<{
      data: { replies: { deliveryId: string; body: string; content?: { kind: string } }[] };
    }>(
      `SELECT j.data FROM pgboss.job j
        WHERE j.name = 'resident.reply'
          AND j.data -> 'replies' -> 0 ->> 'deliveryId' IN (
            SELECT id::text FROM message_deliveries
             WHERE purpose = 'reply' AND recipient_phone_hash = $1)`,
      [vault.lookupHash(phone)],
    );
    expect(job, 'no reply job for the welcome').toBeDefined();
    expect(job.data.replies).toHaveLength(2);
    expect(job.data.replies[0].body).toContain('privacy notice');
    expect(job.data.replies[1].content?.kind).toBe('list');
  });

  it('takes a typed postcode instead of a tap', async () => {
    const phone = freshNumber();
    const { question } = await upToConfirm(phone, { postcode: 'sb4 1aa' }, ['gritting']);
    await resident(phone, { buttonReplyId: 'join-confirm', context: question.id });
    expect(await subscriber(phone)).toMatchObject({ status: 'active', area_codes: ['southbank'] });
  });

  it('records nothing on Cancel', async () => {
    const phone = freshNumber();
    const { question } = await upToConfirm(phone, { tap: 'northfield' }, ['gritting']);
    await resident(phone, { buttonReplyId: 'join-cancel', context: question.id });
    expect(await subscriber(phone)).toBeUndefined();
    expect(await conversation(phone)).toBeUndefined();
    await textArrives(phone, 'Cancelled');
  });

  it('lets STOP win part-way, and a later Confirm tap finds nothing', async () => {
    const phone = freshNumber();
    const { question } = await upToConfirm(phone, { tap: 'northfield' }, ['gritting']);
    const stop = await resident(phone, { text: 'STOP' });
    expect(stop.handledBy).toBe('residents');
    expect(await conversation(phone)).toBeUndefined();
    const late = await resident(phone, { buttonReplyId: 'join-confirm', context: question.id });
    expect(late.handledBy).toBeNull();
    expect((await subscriber(phone))?.status).not.toBe('active');
  });

  it('records a change when a subscriber joins again with other topics', async () => {
    const phone = freshNumber();
    const first = await upToConfirm(phone, { tap: 'northfield' }, ['gritting']);
    await resident(phone, { buttonReplyId: 'join-confirm', context: first.question.id });
    await textArrives(phone, "You're subscribed to");
    // The simulator's pair rate limit (as Meta's) would hold back this many replies at once.
    await fetch(`${simulatorUrl}/_sim/reset`, { method: 'POST' });
    await resident(phone, { text: 'Ymuno' });
    const areas = await interactive(phone, 1);
    await resident(phone, { listReplyId: 'join-area:northfield', context: areas.id });
    const topics = await interactive(phone, 2);
    await resident(phone, { listReplyId: 'join-topic:youth', context: topics.id });
    await interactive(phone, 3);
    expect((await resident(phone, { text: 'done' })).handledBy).toBe('join');
    const question = await interactive(phone, 4);
    await resident(phone, { buttonReplyId: 'join-confirm', context: question.id });
    const stored = await subscriber(phone);
    expect(stored).toMatchObject({ status: 'active', topic_codes: ['youth'] });
    expect((await consents(stored.id)).map((c) => c.action)).toEqual(['opt_in', 'change']);
  });

  it("shows a conversation under way in the number's subject-access bundle", async () => {
    const phone = freshNumber();
    const joined = await resident(phone, { text: 'JOIN' });
    const areas = await interactive(phone, 1);
    const chose = await resident(phone, {
      listReplyId: 'join-area:southbank',
      context: areas.id,
    });
    await interactive(phone, 2);

    const response = await t.http
      .post('/api/v1/privacy/subject-access')
      .set(council.bearer(council.admin))
      .send({ phone });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      subscriber: null,
      joinConversation: {
        channelId: council.channels.corporate,
        step: 'topics',
        area: 'southbank',
        topics: [],
        messageIds: [joined.id, chose.id],
      },
    });
  });

  it('forgets a conversation left unanswered past its hour, in the hourly sweep', async () => {
    const phone = freshNumber();
    await resident(phone, { text: 'JOIN' });
    await interactive(phone, 1);
    expect(await conversation(phone)).toBeDefined();
    await t.db.query(
      `UPDATE join_conversations SET expires_at = now() - interval '1 second' WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    const swept = await t.app.get(AbandonedOptInsCleanup).run();
    expect(swept.conversations).toBe(1);
    expect(await conversation(phone)).toBeUndefined();
  });
});
