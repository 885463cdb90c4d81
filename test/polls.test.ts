import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/common/clock.js';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { PollsService } from '../src/polls/polls.service.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, type Person, setUpCouncil } from './support/council.js';
import { messageApi, sendAndReceive } from './support/message-api.js';
import { type InboundMessage, inboundPayload, postToWebhook } from './support/meta-payloads.js';
import { answersPoll, residentSends, type SimMessage } from './support/simulated-residents.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Snap polls end to end: an approved message carries reply buttons, a list or a template's quick
 * replies; residents tap them on simulated handsets; Crier counts one answer per resident (the
 * latest), per option and per area, whatever order or how often WhatsApp delivers the taps, and
 * stops counting at the closing time.
 */

const CORPORATE_NUMBER_ID = '200000000000001';
const HOUR = 3_600_000;

/** Real time, moved on by the test to see what happens after a poll closes. */
class MovableClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

interface Interactive {
  type: 'button' | 'list';
  body: { text: string };
  action: {
    buttons?: { reply: { id: string; title: string } }[];
    button?: string;
    sections?: { rows: { id: string; title: string }[] }[];
  };
}

interface Results {
  answers: number;
  options: { index: number; option: string; answers: number; share: number }[];
  byArea: {
    areaCode: string | null;
    areaName: string;
    answers: number;
    options: { answers: number }[];
  }[];
  closesAt: string;
  closed: boolean;
  finalisedAt: string | null;
}

describe('snap polls', () => {
  let t: TestApp;
  let council: Council;
  let api: ReturnType<typeof messageApi>;
  let simulatorUrl: string;
  const clock = new MovableClock();
  let numberOffset = 50_000;
  let topicCounter = 0;

  const numbers = (count: number): E164[] =>
    Array.from({ length: count }, () => residentNumber((numberOffset += 1)));

  const freshTopic = async (): Promise<string> => {
    const code = `poll${(topicCounter += 1)}`;
    const response = await t.http
      .post('/api/v1/topics')
      .set(council.bearer(council.admin))
      .send({ code, name: `Poll topic ${topicCounter}` });
    expect(response.status).toBe(201);
    return code;
  };

  const inAnHour = () => new Date(clock.now().getTime() + HOUR).toISOString();

  /** Drafted by Olivia, signed off by Chris; resolves once every handset has it. */
  const sendPoll = (
    content: Record<string, unknown>,
    audience: { areas: string[]; topics: string[] },
    recipients: E164[],
  ) => sendAndReceive(api, council, simulatorUrl, { content, audience }, recipients);

  const results = async (id: string, by: Person = council.comms): Promise<Results> => {
    const response = await t.http.get(`/api/v1/messages/${id}/poll`).set(council.bearer(by));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Results;
  };
  const counts = (r: Results) => r.options.map((option) => option.answers);
  const areaCounts = (r: Results, code: string | null) =>
    r.byArea.find((area) => area.areaCode === code)?.options.map((o) => o.answers);

  /** Residents write first, so free-form (interactive) messages may reach them. */
  const openWindows = async (phones: E164[]) => {
    for (const phone of phones) {
      await residentSends(t, simulatorUrl, phone, CORPORATE_NUMBER_ID, { text: 'Hello' });
    }
  };

  /** A callback as Meta would post it, signed, straight to Crier's webhook. */
  const deliver = (message: InboundMessage) =>
    postToWebhook(t, inboundPayload(CORPORATE_NUMBER_ID, message));

  beforeAll(async () => {
    t = await startTestApp('polls', { clock });
    council = await setUpCouncil(t);
    api = messageApi(t, council);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
  });
  afterAll(() => t.close());

  it('sends three options as reply buttons and counts one answer per resident, the latest, per option and per area', async () => {
    const topic = await freshTopic();
    const area = await t.http
      .post('/api/v1/areas')
      .set(council.bearer(council.admin))
      .send({ code: 'millbrook', name: 'Millbrook Ward' });
    expect(area.status).toBe(201);
    const [north1, north2, north3, south1, south2] = numbers(5);
    await seedSubscribers(t.app, t.db, [north1, north2, north3], {
      areas: ['millbrook'],
      topics: [topic],
    });
    await seedSubscribers(t.app, t.db, [south1, south2], { areas: ['southbank'], topics: [topic] });
    const everyone = [north1, north2, north3, south1, south2];
    await openWindows(everyone);

    const { id, received } = await sendPoll(
      {
        kind: 'text',
        body: 'Should the Saturday market move to Sunday?',
        poll: { options: ['Yes', 'No', 'Not sure'], closesAt: inAnHour() },
      },
      { areas: ['millbrook', 'southbank'], topics: [topic] },
      everyone,
    );
    const shown = received.get(north1) as SimMessage<Interactive>;
    expect(shown.type).toBe('interactive');
    expect(shown.payload.type).toBe('button');
    expect(shown.payload.body.text).toBe('Should the Saturday market move to Sunday?');
    const buttons = shown.payload.action.buttons!.map((b) => b.reply);
    expect(buttons.map((b) => b.title)).toEqual(['Yes', 'No', 'Not sure']);

    const tap = async (phone: E164, title: string) => {
      const message = received.get(phone)!;
      const payload = message.payload as Interactive;
      const button = payload.action.buttons!.find((b) => b.reply.title === title)!.reply;
      const { handledBy } = await residentSends(t, simulatorUrl, phone, CORPORATE_NUMBER_ID, {
        buttonReplyId: button.id,
        context: message.id,
      });
      expect(handledBy).toBe('polls');
    };
    await tap(north1, 'Yes');
    await tap(north1, 'No'); // changed their mind: the latest answer counts
    await tap(north2, 'Yes');
    await tap(north3, 'Yes');
    await tap(south1, 'No');

    const live = await results(id);
    expect(live.answers).toBe(4);
    expect(counts(live)).toEqual([2, 2, 0]);
    expect(live.options[0]).toMatchObject({ option: 'Yes', share: 0.5 });
    expect(areaCounts(live, 'millbrook')).toEqual([2, 1, 0]);
    expect(areaCounts(live, 'southbank')).toEqual([0, 1, 0]);
    expect(live.byArea.find((a) => a.areaCode === 'millbrook')?.areaName).toBe('Millbrook Ward');
    expect(live.closed).toBe(false);

    // Nobody's tap goes to the inbox; the residents' hellos did.
    const [{ n }] = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM inbound_messages WHERE handled_by = 'polls'`,
    );
    expect(Number(n)).toBeGreaterThanOrEqual(5);

    const csv = await t.http
      .get(`/api/v1/messages/${id}/poll/export.csv`)
      .set(council.bearer(council.auditor));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('area_code,area,option,answers');
    expect(lines).toContain('all,All areas,Yes,2');
    expect(lines).toContain('millbrook,Millbrook Ward,No,1');
    expect(lines).toContain('southbank,southbank,Not sure,0');
    expect(csv.text).not.toContain(north1.slice(3));
  });

  it('sends four to ten options as a list, and counts list replies', async () => {
    const topic = await freshTopic();
    const voters = numbers(3);
    await seedSubscribers(t.app, t.db, voters, { areas: ['northfield'], topics: [topic] });
    await openWindows(voters);
    const options = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
    const { id, received } = await sendPoll(
      {
        kind: 'text',
        body: 'Which day suits you for the bulky waste collection?',
        poll: { options, closesAt: inAnHour() },
      },
      { areas: ['northfield'], topics: [topic] },
      voters,
    );
    const shown = received.get(voters[0]) as SimMessage<Interactive>;
    expect(shown.payload.type).toBe('list');
    const rows = shown.payload.action.sections!.flatMap((s) => s.rows);
    expect(rows.map((r) => r.title)).toEqual(options);

    for (const [phone, day] of [
      [voters[0], 'Friday'],
      [voters[1], 'Friday'],
      [voters[2], 'Monday'],
    ] as const) {
      const row = rows.find((r) => r.title === day)!;
      const message = received.get(phone)!;
      await residentSends(t, simulatorUrl, phone, CORPORATE_NUMBER_ID, {
        listReplyId: row.id,
        context: message.id,
      });
    }
    expect(counts(await results(id))).toEqual([1, 0, 0, 0, 2]);
  });

  it("counts taps on a template's quick replies, so residents outside their window can answer", async () => {
    const topic = await freshTopic();
    const voters = numbers(2);
    await seedSubscribers(t.app, t.db, voters, { areas: ['southbank'], topics: [topic] });
    const { id, received } = await sendPoll(
      {
        kind: 'template',
        templateName: 'snap_poll',
        language: 'en_GB',
        parameters: ['We are consulting on a new cycle lane on Mill Road. Do you support it?'],
        poll: { options: ['Yes', 'No', 'Not sure'], closesAt: inAnHour() },
      },
      { areas: ['southbank'], topics: [topic] },
      voters,
    );
    expect(received.get(voters[0])?.type).toBe('template');
    for (const [phone, label] of [
      [voters[0], 'Not sure'],
      [voters[1], 'Yes'],
    ] as const) {
      await answersPoll(t, simulatorUrl, phone, CORPORATE_NUMBER_ID, received.get(phone)!, label);
    }
    const tally = await results(id);
    expect(counts(tally)).toEqual([1, 0, 1]);
    // A tap opens the resident's 24-hour window, though the polls module took it.
    const opened = await t.db.query<{ last_inbound_at: Date | null }>(
      `SELECT last_inbound_at FROM subscribers WHERE phone_hash = $1`,
      [t.app.get(PhoneVault).lookupHash(voters[0])],
    );
    expect(opened[0]?.last_inbound_at).not.toBeNull();
    expect(areaCounts(tally, 'southbank')).toEqual([1, 0, 1]);
  });

  it('counts a repeated callback once, never lets a late older tap overwrite a newer one, and ignores taps after closing', async () => {
    const topic = await freshTopic();
    const [voter, stranger] = numbers(2);
    await seedSubscribers(t.app, t.db, [voter], { areas: ['northfield'], topics: [topic] });
    await openWindows([voter]);
    const closesAt = inAnHour();
    const { id, received } = await sendPoll(
      {
        kind: 'text',
        body: 'Was your bin collected today?',
        poll: { options: ['Yes', 'No'], closesAt },
      },
      { areas: ['northfield'], topics: [topic] },
      [voter],
    );
    const message = received.get(voter) as SimMessage<Interactive>;
    const [yes, no] = message.payload.action.buttons!.map((b) => b.reply);
    const now = Date.now();
    const tapAt = (
      wamid: string,
      button: { id: string; title: string },
      at: number,
      from = voter,
    ) =>
      deliver({
        wamid,
        from: from.slice(1),
        at: new Date(at),
        type: 'button_reply',
        buttonId: button.id,
        title: button.title,
        context: message.id,
      });

    await tapAt('wamid.POLL-NEWER', no, now);
    await tapAt('wamid.POLL-NEWER', no, now); // Meta delivers the same callback twice
    expect(counts(await results(id))).toEqual([0, 1]);
    await tapAt('wamid.POLL-OLDER', yes, now - 60_000); // an earlier tap, delivered late
    expect(counts(await results(id))).toEqual([0, 1]);
    // Someone the poll was not sent to cannot answer it (a forwarded or forged tap).
    await tapAt('wamid.POLL-STRANGER', yes, now, stranger);
    expect((await results(id)).answers).toBe(1);
    // A tap after the closing time is taken (not left in the inbox) and not counted.
    await tapAt('wamid.POLL-LATE', yes, Date.parse(closesAt) + 60_000);
    expect(counts(await results(id))).toEqual([0, 1]);
    const [late] = await t.db.query<{ handled_by: string }>(
      `SELECT handled_by FROM inbound_messages WHERE provider_message_id = 'wamid.POLL-LATE'`,
    );
    expect(late.handled_by).toBe('polls');
  });

  it('refuses polls WhatsApp cannot show, and bad ids, with clear errors', async () => {
    const base = {
      channelId: council.channels.corporate,
      audience: { areas: ['northfield'], topics: ['gritting'] },
      priority: 'routine',
    };
    const draft = (poll: unknown, body = 'Which do you prefer?') =>
      api.create(council.officer, { ...base, content: { kind: 'text', body, poll } });
    const tooLong = await draft({
      options: ['Yes', 'Yes, on most weekends'],
      closesAt: inAnHour(),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('INVALID_POLL');
    expect(tooLong.body.message).toMatch(/option 2 is longer than 20 characters/);
    const past = await draft({ options: ['Yes', 'No'], closesAt: '2020-01-01T00:00:00Z' });
    expect(past.body.code).toBe('INVALID_POLL');
    expect(past.body.message).toMatch(/close after the message goes out/);
    const same = await draft({ options: ['Yes', 'yes'], closesAt: inAnHour() });
    expect(same.body.message).toMatch(/two options are the same/);
    const one = await draft({ options: ['Yes'], closesAt: inAnHour() });
    expect(one.status).toBe(400);
    const eleven = await draft({
      options: Array.from({ length: 11 }, (_, i) => `O${i}`),
      closesAt: inAnHour(),
    });
    expect(eleven.status).toBe(400);
    const noDate = await draft({ options: ['Yes', 'No'], closesAt: 'tomorrow' });
    expect(noDate.status).toBe(400);
    const longBody = await draft(
      { options: ['Yes', 'No'], closesAt: inAnHour() },
      'x'.repeat(1025),
    );
    expect(longBody.body.message).toMatch(/at most 1024 characters/);

    const plain = await api.create(council.officer, {
      ...base,
      content: { kind: 'text', body: 'No poll here' },
    });
    const none = await t.http
      .get(`/api/v1/messages/${plain.body.id}/poll`)
      .set(council.bearer(council.officer));
    expect(none.status).toBe(404);
    expect((none.body as { code: string }).code).toBe('POLL_NOT_FOUND');
    const badId = await t.http
      .get('/api/v1/messages/not-a-uuid/poll')
      .set(council.bearer(council.officer));
    expect(badId.status).toBe(400);
    // The Youth officer cannot see a Highways message, nor its poll.
    const hidden = await t.http
      .get(`/api/v1/messages/${plain.body.id}/poll`)
      .set(council.bearer(council.youthOfficer));
    expect(hidden.status).toBe(404);
  });

  it('records the final tallies in the audit log once the poll has closed, and they no longer change', async () => {
    const topic = await freshTopic();
    const [voter] = numbers(1);
    await seedSubscribers(t.app, t.db, [voter], { areas: ['northfield'], topics: [topic] });
    await openWindows([voter]);
    const { id, received } = await sendPoll(
      {
        kind: 'text',
        body: 'Did you get the gritting alert?',
        poll: { options: ['Yes', 'No'], closesAt: inAnHour() },
      },
      { areas: ['northfield'], topics: [topic] },
      [voter],
    );
    const message = received.get(voter) as SimMessage<Interactive>;
    const [yes, no] = message.payload.action.buttons!.map((b) => b.reply);
    await residentSends(t, simulatorUrl, voter, CORPORATE_NUMBER_ID, {
      buttonReplyId: yes.id,
      context: message.id,
    });
    const polls = t.app.get(PollsService);
    expect(await polls.finaliseClosed()).toBe(0); // still open

    clock.offsetMs = 2 * HOUR;
    try {
      expect((await results(id)).closed).toBe(true);
      expect(await polls.finaliseClosed()).toBeGreaterThanOrEqual(1);
      expect(await polls.finaliseClosed()).toBe(0); // once only
      const [event] = await t.db.query<{ payload: string }>(
        `SELECT payload FROM audit_events WHERE type = 'poll.closed' AND message_id = $1`,
        [id],
      );
      expect(event, 'no poll.closed event').toBeDefined();
      expect(JSON.parse(event.payload)).toMatchObject({
        data: {
          answers: 1,
          options: [
            { option: 'Yes', answers: 1 },
            { option: 'No', answers: 0 },
          ],
        },
      });
      const final = await results(id);
      expect(final.finalisedAt).not.toBeNull();
      // A tap from before the closing time, delivered after the tallies were recorded, changes nothing.
      await deliver({
        wamid: 'wamid.POLL-AFTER-FINAL',
        from: voter.slice(1),
        at: new Date(Date.now()),
        type: 'button_reply',
        buttonId: no.id,
        title: no.title,
        context: message.id,
      });
      expect(counts(await results(id))).toEqual([1, 0]);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it("puts a resident's poll answers in their subject-access bundle, and erasure removes them", async () => {
    const topic = await freshTopic();
    const [voter] = numbers(1);
    await seedSubscribers(t.app, t.db, [voter], { areas: ['northfield'], topics: [topic] });
    await openWindows([voter]);
    const { id, received } = await sendPoll(
      {
        kind: 'text',
        body: 'Is the new library opening time better?',
        poll: { options: ['Yes', 'No'], closesAt: inAnHour() },
      },
      { areas: ['northfield'], topics: [topic] },
      [voter],
    );
    const message = received.get(voter) as SimMessage<Interactive>;
    const [, no] = message.payload.action.buttons!.map((b) => b.reply);
    await residentSends(t, simulatorUrl, voter, CORPORATE_NUMBER_ID, {
      buttonReplyId: no.id,
      context: message.id,
    });
    const bundle = await t.http
      .post('/api/v1/privacy/subject-access')
      .set(council.bearer(council.admin))
      .send({ phone: voter });
    expect(bundle.status).toBe(200);
    expect((bundle.body as { pollAnswers: unknown[] }).pollAnswers).toEqual([
      expect.objectContaining({ messageId: id, option: 'No' }),
    ]);
    const erased = await t.http
      .post('/api/v1/privacy/erasure')
      .set(council.bearer(council.admin))
      .send({ phone: voter });
    expect(erased.status).toBe(200);
    expect((erased.body as { pollAnswersDeleted: number }).pollAnswersDeleted).toBe(1);
    expect((await results(id)).answers).toBe(0);
  });
});
