import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhoneVault } from '../src/phone-numbers/phone-vault.js';
import { type Council, setUpCouncil } from './support/council.js';
import { residentNumber, seedSubscribers } from './support/subscribers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What the console shows before sign-off: who an audience reaches, and what it costs. */
describe('audience counts', () => {
  let t: TestApp;
  let council: Council;

  const reach = (query: string) =>
    t.http.get(`/api/v1/audience/reach?${query}`).set(council.bearer(council.officer));

  beforeAll(async () => {
    t = await startTestApp('audience-counts');
    council = await setUpCouncil(t);
    const numbers = Array.from({ length: 9 }, (_, i) => residentNumber(i));
    await seedSubscribers(t.app, t.db, numbers.slice(0, 4), {
      areas: ['northfield'],
      topics: ['gritting'],
    });
    await seedSubscribers(t.app, t.db, numbers.slice(4, 6), {
      areas: ['northfield', 'southbank'],
      topics: ['gritting', 'youth'],
    });
    await seedSubscribers(t.app, t.db, numbers.slice(6, 7), {
      areas: ['northfield'],
      topics: ['gritting'],
      status: 'unsubscribed',
    });
    await seedSubscribers(t.app, t.db, numbers.slice(7, 9), {
      areas: ['southbank'],
      topics: ['youth'],
    });
    // One of the first four stopped: suppressed, so no alert reaches them.
    await t.db.query(`INSERT INTO suppressions (phone_hash, reason) VALUES ($1, 'stop')`, [
      t.app.get(PhoneVault).lookupHash(numbers[0]),
    ]);
  });
  afterAll(() => t.close());

  it('counts the residents the fan-out would send to, with the estimated cost', async () => {
    const response = await reach('areas=northfield&topics=gritting');
    expect(response.status).toBe(200);
    // 4 + 2 subscribed, less the suppressed one; the unsubscribed one not at all.
    expect(response.body).toEqual({
      residents: 5,
      estimatedCost: { currency: 'GBP', perMessage: 0.02, example: true, total: 0.1 },
    });
    expect((await reach('areas=northfield,southbank&topics=youth')).body).toMatchObject({
      residents: 4,
    });
  });

  it('refuses unknown codes and malformed queries with 400', async () => {
    expect((await reach('areas=nowhere&topics=gritting')).status).toBe(400);
    expect((await reach('areas=northfield')).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await reach('areas=north%20field&topics=gritting')).status).toBe(400);
  });

  it('gives admins the residents per area and topic', async () => {
    const response = await t.http
      .get('/api/v1/subscribers/counts')
      .set(council.bearer(council.admin));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      total: 7,
      byArea: [
        { code: 'northfield', name: 'northfield', residents: 5 },
        { code: 'southbank', name: 'southbank', residents: 4 },
      ],
      byTopic: [
        { code: 'gritting', name: 'gritting', residents: 5 },
        { code: 'youth', name: 'youth', residents: 4 },
      ],
    });
  });
});
