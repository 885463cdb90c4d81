import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health');
  });
  afterAll(() => t.close());

  it('is live and ready when the database answers', async () => {
    expect((await t.http.get('/health/live')).body).toEqual({ status: 'ok' });
    expect((await t.http.get('/health/ready')).body).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('readiness without a database', () => {
  it('answers 503 UNAVAILABLE when the database is gone, and stays live', async () => {
    const t = await startTestApp('health_down');
    try {
      await t.db.drop();
      const ready = await t.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
      expect((await t.http.get('/health/live')).status).toBe(200);
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
