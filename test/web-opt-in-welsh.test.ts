import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { E164 } from '../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { CONFIRM_PAYLOAD, DECLINE_PAYLOAD } from '../src/residents/opt-in/confirmation-words.js';
import { OptInRateLimits } from '../src/residents/opt-in/opt-in-rate-limits.js';
import {
  CLOUD_API_ENDPOINT,
  type CloudApiEndpoint,
} from '../src/whatsapp/cloud-api/cloud-api-endpoint.js';
import { type Council, importPostcodes, setUpCouncil } from './support/council.js';
import { eventually } from './support/eventually.js';
import { handsetOf, residentActions, type SimMessage } from './support/simulated-residents.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The web opt-in in Welsh, end to end on the embedded simulator: a request made with
 * `language: "cy"` is confirmed with subscription_confirmation approved in Welsh (language `cy`,
 * buttons Cadarnhau and Nid fi carrying Crier's usual payloads), and the replies after the tap are
 * in Welsh. English requests are as before, and any other language is refused.
 */

const CORPORATE_NUMBER_ID = '200000000000001';
const SUBSCRIBED_CY =
  'Rydych chi wedi cofrestru i gael rhybuddion Council. Anfonwch STOPIO unrhyw bryd i’w stopio.';
const DECLINED_CY =
  'Diolch am roi gwybod i ni. Rydym wedi dileu’r cais ac ni fyddwn yn anfon rhybuddion Council atoch.';
const SUBSCRIBED_EN = "You're subscribed to Council alerts. Send STOP at any time to stop them.";

let nextNumber = 700;
const freshNumber = (): E164 => `+447700900${String((nextNumber += 1)).padStart(3, '0')}` as E164;

type SimPayload = {
  body?: string;
  name?: string;
  language?: { code: string };
  components?: { type: string; parameters?: { type: string; text?: string }[] }[];
};

describe('web opt-in in Welsh', () => {
  let t: TestApp;
  let council: Council;
  let simulatorUrl: string;
  let vault: PhoneVault;

  const validBody = (phone: string, extra: Record<string, unknown> = {}) => ({
    phone,
    postcode: 'nf4 1aa',
    topics: ['gritting'],
    consent: true,
    privacyNoticeVersion: '2025-01',
    ...extra,
  });
  const requestOptIn = (body: object) => t.http.post('/api/v1/public/subscriptions').send(body);
  const pendingRequests = (phone: E164) =>
    t.db.query<{ id: string; language: string; confirmation_message_id: string | null }>(
      `SELECT id, language, confirmation_message_id FROM subscription_requests
        WHERE phone_hash = $1`,
      [vault.lookupHash(phone)],
    );
  const subscriber = async (phone: E164) =>
    (
      await t.db.query<{ status: string; area_codes: string[] }>(
        `SELECT status, area_codes FROM subscribers WHERE phone_hash = $1`,
        [vault.lookupHash(phone)],
      )
    )[0];
  const handset = (phone: E164) => handsetOf<SimPayload>(simulatorUrl, phone);
  /** The confirmation on the handset once its send is recorded. */
  const confirmationArrives = async (phone: E164) => {
    const [request] = await eventually(
      () => pendingRequests(phone),
      (rows) => rows[0]?.confirmation_message_id != null,
    );
    expect(request?.confirmation_message_id, 'no confirmation was sent').toBeTruthy();
    const message = (await handset(phone)).find(
      (item) => item.id === request.confirmation_message_id,
    );
    expect(message?.type).toBe('template');
    expect(message?.payload.name).toBe('subscription_confirmation');
    return { request, message: message as SimMessage<SimPayload> };
  };
  const bodyText = (message: SimMessage<SimPayload>) =>
    message.payload.components?.find((c) => c.type === 'body')?.parameters?.[0]?.text;
  const { residentWrites, residentTaps, repliedOn } = residentActions<SimPayload>(
    () => ({ t, simulatorUrl }),
    CORPORATE_NUMBER_ID,
  );

  beforeAll(async () => {
    t = await startTestApp('web-opt-in-welsh');
    council = await setUpCouncil(t);
    simulatorUrl = t.app.get<CloudApiEndpoint>(CLOUD_API_ENDPOINT).baseUrl;
    vault = t.app.get(PhoneVault);
    await importPostcodes(t, council, 'postcode,area\nNF4 1AA,northfield\n');
  });
  afterAll(() => t.close());
  beforeEach(() => t.app.get(OptInRateLimits).reset());

  it('confirms a Welsh request with the cy template, and Cadarnhau subscribes with a Welsh reply', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone, { language: 'cy' })).expect(202);
    const { request, message } = await confirmationArrives(phone);
    expect(request.language).toBe('cy');
    expect(message.payload.language).toEqual({ code: 'cy' });
    expect(message.buttons).toEqual([
      { type: 'QUICK_REPLY', text: 'Cadarnhau', payload: CONFIRM_PAYLOAD },
      { type: 'QUICK_REPLY', text: 'Nid fi', payload: DECLINE_PAYLOAD },
    ]);
    expect(bodyText(message)).toBe(
      'Council: gofynnodd rhywun ar ein gwefan i anfon rhybuddion am northfield i’r rhif hwn. ' +
        'Tapiwch Cadarnhau (neu atebwch IE) o fewn 48 awr i’w dechrau. ' +
        'Os nad chi oedd hyn, tapiwch Nid fi.',
    );

    const tap = await residentTaps(phone, message, 'Cadarnhau');
    expect(tap.handledBy).toBe('web-opt-in');
    expect(await subscriber(phone)).toMatchObject({ status: 'active', area_codes: ['northfield'] });
    expect(await pendingRequests(phone)).toEqual([]);
    const items = await repliedOn(phone, SUBSCRIBED_CY);
    expect(items.map((item) => item.payload.body)).not.toContain(SUBSCRIBED_EN);
  });

  it('deletes a Welsh request on Nid fi, and says so in Welsh', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone, { language: 'cy' })).expect(202);
    const { message } = await confirmationArrives(phone);
    expect((await residentTaps(phone, message, 'Nid fi')).handledBy).toBe('web-opt-in');
    expect(await pendingRequests(phone)).toEqual([]);
    expect(await subscriber(phone)).toBeUndefined();
    await repliedOn(phone, DECLINED_CY);
  });

  it('takes a typed IE (or YES) on a Welsh request, and replies in Welsh', async () => {
    const phone = freshNumber();
    await requestOptIn(validBody(phone, { language: 'cy' })).expect(202);
    await confirmationArrives(phone);
    expect((await residentWrites(phone, 'Ie')).handledBy).toBe('web-opt-in');
    expect(await subscriber(phone)).toMatchObject({ status: 'active' });
    await repliedOn(phone, SUBSCRIBED_CY);
  });

  it('keeps English requests in English, with language "en" or none', async () => {
    for (const extra of [{}, { language: 'en' }]) {
      const phone = freshNumber();
      await requestOptIn(validBody(phone, extra)).expect(202);
      const { request, message } = await confirmationArrives(phone);
      expect(request.language).toBe('en');
      expect(message.payload.language).toEqual({ code: 'en_GB' });
      expect(message.buttons).toEqual([
        { type: 'QUICK_REPLY', text: 'Confirm', payload: CONFIRM_PAYLOAD },
        { type: 'QUICK_REPLY', text: 'Not me', payload: DECLINE_PAYLOAD },
      ]);
      expect(bodyText(message)).toContain('Tap Confirm (or reply YES) within 48 hours');
      expect((await residentTaps(phone, message, 'Confirm')).handledBy).toBe('web-opt-in');
      await repliedOn(phone, SUBSCRIBED_EN);
    }
  });

  it('refuses any other language with 400 and stores nothing', async () => {
    const phone = freshNumber();
    for (const language of ['fr', 'CY', 'cy_GB', 'en_GB', 'welsh', '', null, 1, ['cy']]) {
      await t.app.get(OptInRateLimits).reset();
      const response = await requestOptIn(validBody(phone, { language }));
      expect(response.status, JSON.stringify(language)).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(await pendingRequests(phone)).toEqual([]);
  });

  it('documents the language in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const dto = doc.components.schemas.SubscriptionRequestDto;
    expect(dto.properties.language).toMatchObject({ enum: ['en', 'cy'], default: 'en' });
    expect((dto as unknown as { required: string[] }).required).not.toContain('language');
  });
});
