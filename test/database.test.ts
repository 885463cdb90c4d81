import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log.service.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { OrganisationService } from '../src/organisation/organisation.service.js';
import { setUpCouncil, templateMessage } from './support/council.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const APPEND_ONLY = ['audit_events', 'message_versions', 'message_reviews'];

describe('the database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('database', { env: { FANOUT_WORKER: 'false' } });
    // One approved message puts rows in every append-only table.
    const council = await setUpCouncil(t);
    const created = await t.http
      .post('/api/v1/messages')
      .set(council.bearer(council.officer))
      .send(templateMessage(council.channels.corporate));
    const id = (created.body as { id: string }).id;
    await t.http.post(`/api/v1/messages/${id}/submit`).set(council.bearer(council.officer));
    const approved = await t.http
      .post(`/api/v1/messages/${id}/approve`)
      .set(council.bearer(council.comms))
      .send({ version: 1 });
    expect(approved.status).toBe(200);
  });
  afterAll(() => t.close());

  it('is built from empty by the committed migrations, recorded once each', async () => {
    const tables = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        'areas',
        'audit_events',
        'channels',
        'message_reviews',
        'message_versions',
        'messages',
        'migrations',
        'services',
        'staff',
        'staff_services',
        'topics',
      ]),
    );
    const migrations = await t.db.query<{ name: string }>('SELECT name FROM migrations');
    expect(migrations.length).toBeGreaterThan(0);
    expect(new Set(migrations.map((row) => row.name)).size).toBe(migrations.length);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on append-only tables, even for a superuser', async () => {
    const [{ count }] = await t.db.query<{ count: string }>('SELECT count(*) FROM audit_events');
    expect(Number(count)).toBeGreaterThan(0);
    for (const table of APPEND_ONLY) {
      await expect(
        t.db.query(
          `UPDATE ${table} SET ${table === 'audit_events' ? 'type' : 'content_hash'} = 'x'`,
        ),
      ).rejects.toThrow(/refused: rows are append-only/);
      await expect(t.db.query(`DELETE FROM ${table}`)).rejects.toThrow(/refused/);
      await expect(t.db.query(`TRUNCATE ${table}`)).rejects.toThrow(/refused/);
    }
    const [{ count: after }] = await t.db.query<{ count: string }>(
      'SELECT count(*) FROM audit_events',
    );
    expect(after).toBe(count);
  });
});

describe('audit events and the changes they record', () => {
  let t: TestApp;
  let uow: UnitOfWork;
  let organisation: OrganisationService;
  const countOf = async (sql: string) => Number((await t.db.query<{ n: string }>(sql))[0].n);

  beforeAll(async () => {
    t = await startTestApp('audit_tx');
    uow = t.app.get(UnitOfWork);
    organisation = t.app.get(OrganisationService);
  });
  afterAll(() => t.close());

  it('commit together', async () => {
    const events = await countOf('SELECT count(*) AS n FROM audit_events');
    await organisation.createService('system', 'Libraries');
    expect(await countOf(`SELECT count(*) AS n FROM services WHERE name = 'Libraries'`)).toBe(1);
    expect(await countOf('SELECT count(*) AS n FROM audit_events')).toBe(events + 1);
    const [last] = await t.db.query<{ type: string; payload: string }>(
      'SELECT type, payload FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    expect(last.type).toBe('service.created');
    expect(JSON.parse(last.payload)).toMatchObject({
      type: 'service.created',
      data: { name: 'Libraries' },
    });
  });

  it('roll back together, leaving no gap in the sequence', async () => {
    const events = await countOf('SELECT count(*) AS n FROM audit_events');
    await expect(
      uow.run(async () => {
        await organisation.createService('system', 'Leisure');
        throw new Error('something later in the same transaction failed');
      }),
    ).rejects.toThrow('something later');
    expect(await countOf(`SELECT count(*) AS n FROM services WHERE name = 'Leisure'`)).toBe(0);
    expect(await countOf('SELECT count(*) AS n FROM audit_events')).toBe(events);

    await organisation.createService('system', 'Parks');
    const seqs = await t.db.query<{ seq: string }>('SELECT seq FROM audit_events ORDER BY seq');
    expect(seqs.map((row) => Number(row.seq))).toEqual(seqs.map((_, index) => index + 1));
  });

  it('cannot be written outside a transaction', async () => {
    const audit = t.app.get(AuditLog);
    await expect(
      audit.record({ type: 'test.orphan', actor: { kind: 'system', reason: 'test' }, data: {} }),
    ).rejects.toThrow(/inside UnitOfWork/);
  });

  it('keep a gapless sequence under many concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        organisation.createService('system', `Service ${index}`),
      ),
    );
    const seqs = await t.db.query<{ seq: string }>('SELECT seq FROM audit_events ORDER BY seq');
    expect(seqs.map((row) => Number(row.seq))).toEqual(seqs.map((_, index) => index + 1));
  });
});
