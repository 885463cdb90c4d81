import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, importPostcodes, setUpCouncil } from './support/council.js';
import { eventually } from './support/eventually.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { handsetOf, residentSends, type SimMessage } from './support/simulated-residents.js';

/**
 * JOIN in Welsh (YMUNO) end to end on the embedded simulator, checking the words the handset
 * received; lists of more than 10 areas or topics, paged with "More…"; and PRIVACY (or
 * PREIFATRWYDD), answered by the residents module so it never lands in the inbox.
 */

const CORPORATE_NUMBER_ID = '200000000000001';

let nextNumber = 300;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;

/** What the handset shows of a message: a text's `text`, or an interactive message's `interactive`. */
interface Payload {
  /** A text's words, or an interactive message's body. */
  body?: string | { text: string };
  action?: {
    button?: string;
    sections?: { rows: { id: string; title: string }[] }[];
    buttons?: { reply: { id: string; title: string } }[];
  };
}

const rowsOf = (message: SimMessage<Payload>) =>
  (message.payload.action?.sections ?? []).flatMap((s) => s.rows);
const buttonsOf = (message: SimMessage<Payload>) =>
  (message.payload.action?.buttons ?? []).map((b) => b.reply);
const listButtonOf = (message: SimMessage<Payload>) => message.payload.action?.button;
const bodyOf = (message: SimMessage<Payload>) => {
  const body = message.payload.body;
  return typeof body === 'string' ? body : (body?.text ?? '');
};

describe('JOIN in Welsh, long lists and PRIVACY', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const handset = (phone: E164) => handsetOf<Payload>(simulatorUrl, phone);
  const resident = async (from: E164, action: Record<string, string>) => {
    const sent = await residentSends(t, simulatorUrl, from, CORPORATE_NUMBER_ID, action);
    return { id: sent.providerMessageId, handledBy: sent.handledBy };
  };
  /** The handset's n-th message (1-based), once it arrives. */
  const nth = async (phone: E164, n: number) => {
    const items = await eventually(
      () => handset(phone),
      (all) => all.length >= n,
    );
    expect(items.length, `message ${n} never arrived`).toBeGreaterThanOrEqual(n);
    return items[n - 1];
  };
  const subscriber = async (phone: E164) =>
    (
      await t.db.query<{ status: string; area_codes: string[]; topic_codes: string[] }>(
        `SELECT status, area_codes, topic_codes FROM subscribers WHERE phone_hash = $1`,
        [vault.lookupHash(phone)],
      )
    )[0];
  const conversation = async (phone: E164) =>
    (
      await t.db.query<{ step: string; language: string }>(
        `SELECT step, language FROM join_conversations WHERE phone_hash = $1`,
        [vault.lookupHash(phone)],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp('join-welsh', {
      env: {
        PRIVACY_NOTICE_URL: 'https://www.example-borough.gov.uk/privacy/alerts',
        PRIVACY_NOTICE_URL_CY: 'https://www.example-borough.gov.uk/cy/preifatrwydd/rhybuddion',
      },
    });
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
    // 14 areas and 12 topics in all: more than one WhatsApp list (10 rows) holds.
    const post = (path: string, body: object) =>
      t.http.post(path).set(council.bearer(council.admin)).send(body).expect(201);
    for (let i = 1; i <= 12; i += 1) {
      const n = String(i).padStart(2, '0');
      await post('/api/v1/areas', { code: `ward${n}`, name: `Ward ${n}` });
      if (i <= 10) await post('/api/v1/topics', { code: `topic${n}`, name: `Topic ${n}` });
    }
    await importPostcodes(t, council, 'postcode,area\nWD1 1AA,ward11\n');
  });
  afterAll(() => t.close());

  it('carries out a conversation started with YMUNO in Welsh, to the end', async () => {
    const phone = freshNumber();
    expect((await resident(phone, { text: 'Ymuno' })).handledBy).toBe('join');
    expect(await conversation(phone)).toEqual({ step: 'area', language: 'cy' });
    const welcome = await nth(phone, 1);
    expect(bodyOf(welcome)).toContain('ar WhatsApp yn anfon rhybuddion am eich ardal');
    expect(bodyOf(welcome)).toContain(
      'hysbysiad preifatrwydd y cyngor (fersiwn 2025-01, yn https://www.example-borough.gov.uk/cy/preifatrwydd/rhybuddion)',
    );
    expect(bodyOf(welcome)).toContain('STOPIO');

    const areas = await nth(phone, 2);
    expect(bodyOf(areas)).toContain('Am ba ardal hoffech chi gael rhybuddion?');
    expect(listButtonOf(areas)).toBe('Ardaloedd');
    // Names stay as the council gave them.
    expect(rowsOf(areas).map((r) => r.title)).toContain('northfield');
    expect(rowsOf(areas).at(-1)?.title).toBe('Rhagor o ardaloedd…');

    await resident(phone, { listReplyId: 'join-area:northfield', context: areas.id });
    const topics = await nth(phone, 3);
    expect(bodyOf(topics)).toContain('Pa bynciau?');
    expect(listButtonOf(topics)).toBe('Pynciau');
    expect(rowsOf(topics).at(-1)?.title).toBe('Rhagor o bynciau…');

    await resident(phone, { listReplyId: 'join-topic:gritting', context: topics.id });
    const added = await nth(phone, 4);
    expect(bodyOf(added)).toBe(
      'Pynciau hyd yma: gritting. Dewiswch un arall o’r rhestr, neu tapiwch Gorffen.',
    );
    expect(buttonsOf(added)).toEqual([{ id: 'join-done', title: 'Gorffen' }]);

    expect((await resident(phone, { text: 'gorffen' })).handledBy).toBe('join');
    const question = await nth(phone, 5);
    expect(bodyOf(question)).toBe('Rhybuddion ar gyfer northfield am gritting. Cadarnhau?');
    expect(buttonsOf(question).map((b) => b.title)).toEqual(['Cadarnhau', 'Canslo']);

    await resident(phone, { buttonReplyId: 'join-confirm', context: question.id });
    expect(await subscriber(phone)).toMatchObject({
      status: 'active',
      area_codes: ['northfield'],
      topic_codes: ['gritting'],
    });
    const done = await nth(phone, 6);
    expect(bodyOf(done)).toBe(
      'Rydych chi wedi cofrestru i gael rhybuddion Council ar gyfer northfield am gritting. ' +
        'Anfonwch STOPIO unrhyw bryd i’w stopio.',
    );
  });

  it('cancels in Welsh, and a later JOIN in English is answered in English', async () => {
    const phone = freshNumber();
    await resident(phone, { text: 'YMUNO' });
    const areas = await nth(phone, 2);
    await resident(phone, { text: 'ZZ9 9ZZ' });
    expect(bodyOf(await nth(phone, 3))).toContain('nid ydym yn adnabod y cod post hwnnw');
    await resident(phone, { text: 'wd1 1aa' });
    const topics = await nth(phone, 4);
    expect(bodyOf(topics)).toContain('Pa bynciau?');
    expect((await resident(phone, { text: 'Gorffen' })).handledBy).toBe('join');
    expect(bodyOf(await nth(phone, 5))).toBe('Dewiswch o leiaf un pwnc o’r rhestr yn gyntaf.');
    await resident(phone, { listReplyId: 'join-topic:youth', context: topics.id });
    const added = await nth(phone, 6);
    await resident(phone, { buttonReplyId: 'join-done', context: added.id });
    const question = await nth(phone, 7);
    expect(bodyOf(question)).toBe('Rhybuddion ar gyfer Ward 11 am youth. Cadarnhau?');
    await resident(phone, { buttonReplyId: 'join-cancel', context: question.id });
    expect(bodyOf(await nth(phone, 8))).toBe(
      'Wedi canslo: does dim byd wedi newid. Anfonwch YMUNO i ddechrau eto.',
    );
    expect(await subscriber(phone)).toBeUndefined();
    expect(await conversation(phone)).toBeUndefined();
    expect(areas).toBeDefined();

    await resident(phone, { text: 'join' });
    expect(await conversation(phone)).toEqual({ step: 'area', language: 'en' });
    expect(bodyOf(await nth(phone, 9))).toContain('on WhatsApp sends alerts about your area');
    expect(bodyOf(await nth(phone, 10))).toContain('Which area do you want alerts for?');
  });

  it('pages 14 areas and 12 topics, 9 at a time, and takes a choice from the second page', async () => {
    const phone = freshNumber();
    const ids = [(await resident(phone, { text: 'JOIN' })).id];
    const firstAreas = await nth(phone, 2);
    const areaRows = rowsOf(firstAreas);
    expect(areaRows).toHaveLength(10);
    expect(areaRows.slice(0, 9).map((r) => r.id)).toEqual([
      'join-area:northfield',
      'join-area:southbank',
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => `join-area:ward0${i}`),
    ]);
    expect(areaRows[9]).toEqual({ id: 'join-area-page:1', title: 'More areas…' });
    expect(bodyOf(firstAreas)).toContain('Showing 1 to 9 of 14.');

    const more = await resident(phone, { listReplyId: 'join-area-page:1', context: firstAreas.id });
    expect(more.handledBy).toBe('join');
    ids.push(more.id);
    const secondAreas = await nth(phone, 3);
    expect(rowsOf(secondAreas)).toEqual([
      { id: 'join-area:ward08', title: 'Ward 08' },
      { id: 'join-area:ward09', title: 'Ward 09' },
      { id: 'join-area:ward10', title: 'Ward 10' },
      { id: 'join-area:ward11', title: 'Ward 11' },
      { id: 'join-area:ward12', title: 'Ward 12' },
      { id: 'join-area-page:0', title: 'Back to the start' },
    ]);
    expect(bodyOf(secondAreas)).toContain('Showing 10 to 14 of 14.');
    expect(await conversation(phone)).toEqual({ step: 'area', language: 'en' });

    ids.push(
      (await resident(phone, { listReplyId: 'join-area:ward10', context: secondAreas.id })).id,
    );
    const firstTopics = await nth(phone, 4);
    expect(rowsOf(firstTopics)).toHaveLength(10);
    expect(rowsOf(firstTopics)[9]).toEqual({ id: 'join-topic-page:1', title: 'More topics…' });
    ids.push(
      (await resident(phone, { listReplyId: 'join-topic-page:1', context: firstTopics.id })).id,
    );
    const secondTopics = await nth(phone, 5);
    expect(rowsOf(secondTopics).map((r) => r.id)).toEqual([
      'join-topic:topic09',
      'join-topic:topic10',
      'join-topic:youth',
      'join-topic-page:0',
    ]);
    ids.push(
      (await resident(phone, { listReplyId: 'join-topic:topic10', context: secondTopics.id })).id,
    );
    const added = await nth(phone, 6);
    expect(bodyOf(added)).toContain('Topics so far: Topic 10.');
    ids.push((await resident(phone, { buttonReplyId: 'join-done', context: added.id })).id);
    const question = await nth(phone, 7);
    expect(bodyOf(question)).toBe('Alerts for Ward 10 about Topic 10. Confirm?');
    const confirm = await resident(phone, {
      buttonReplyId: 'join-confirm',
      context: question.id,
    });
    expect(await subscriber(phone)).toMatchObject({
      status: 'active',
      area_codes: ['ward10'],
      topic_codes: ['topic10'],
    });
    // The "More…" taps are messages of the conversation too: part of its evidence.
    const [consent] = await t.db.query<{ evidence: unknown }>(
      `SELECT c.evidence FROM consent_records c JOIN subscribers s ON s.id = c.subscriber_id
        WHERE s.phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
    expect(consent.evidence).toEqual({ providerMessageIds: [...ids, confirm.id] });
  });

  it('answers PRIVACY and PREIFATRWYDD from anyone, never filing them in the inbox', async () => {
    const phone = freshNumber();
    const english = await resident(phone, { text: 'Privacy' });
    expect(english.handledBy).toBe('residents');
    expect(bodyOf(await nth(phone, 1))).toBe(
      'Example Borough Council sends these alerts and is responsible for your information. ' +
        'We keep your mobile number encrypted, the area and topics you chose, and proof that ' +
        'you agreed (when and how you agreed, and the messages you sent to agree). We delete ' +
        'the words of your messages to us after 7 days. Send STOP at any time to stop your ' +
        "alerts. Read the council's privacy notice (version 2025-01, at " +
        'https://www.example-borough.gov.uk/privacy/alerts) for the rest.',
    );
    const welsh = await resident(phone, { text: 'PREIFATRWYDD' });
    expect(welsh.handledBy).toBe('residents');
    const summary = bodyOf(await nth(phone, 2));
    expect(summary).toContain(
      'Example Borough Council sy’n anfon y rhybuddion hyn ac sy’n gyfrifol am eich gwybodaeth.',
    );
    expect(summary).toContain('ar ôl 7 diwrnod');
    expect(summary).toContain('Anfonwch STOPIO');
    expect(summary).toContain(
      'hysbysiad preifatrwydd y cyngor (fersiwn 2025-01, yn https://www.example-borough.gov.uk/cy/preifatrwydd/rhybuddion)',
    );

    const stored = await t.db.query<{ handled_by: string | null }>(
      `SELECT handled_by FROM inbound_messages WHERE provider_message_id = ANY($1)`,
      [[english.id, welsh.id]],
    );
    // Taken by a module, so never filed in the channel's inbox (handled_by null is the inbox).
    expect(stored.map((m) => m.handled_by)).toEqual(['residents', 'residents']);
    expect(await subscriber(phone)).toBeUndefined();
  });

  it('answers PRIVACY part-way through JOIN, and the conversation carries on', async () => {
    const phone = freshNumber();
    await resident(phone, { text: 'ymuno' });
    const areas = await nth(phone, 2);
    expect((await resident(phone, { text: 'preifatrwydd' })).handledBy).toBe('residents');
    expect(bodyOf(await nth(phone, 3))).toContain('sy’n gyfrifol am eich gwybodaeth');
    expect(await conversation(phone)).toEqual({ step: 'area', language: 'cy' });
    await resident(phone, { listReplyId: 'join-area:southbank', context: areas.id });
    expect(bodyOf(await nth(phone, 4))).toContain('Pa bynciau?');
    expect(await conversation(phone)).toEqual({ step: 'topics', language: 'cy' });
  });
});
