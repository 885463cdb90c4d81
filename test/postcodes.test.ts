import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostcodeLookup } from '../src/postcodes/postcode-lookup.js';
import { type Council, type Person, setUpCouncil } from './support/council.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Postcode-to-area import and lookup, on the test council's areas northfield and southbank. */

interface ImportResult {
  imported: number;
  invalid: number;
  errors: { line: number; code: string; message: string }[];
}

describe('postcodes', () => {
  let t: TestApp;
  let council: Council;

  beforeAll(async () => {
    t = await startTestApp('postcodes');
    council = await setUpCouncil(t);
  });
  afterAll(() => t.close());

  const importCsv = (csv: string, by: Person = council.admin, type = 'text/csv') =>
    t.http
      .post('/api/v1/postcodes/import')
      .set(council.bearer(by))
      .set('Content-Type', type)
      .send(csv);
  const lookup = (postcode: string, by: Person = council.officer) =>
    t.http.get(`/api/v1/postcodes/${encodeURIComponent(postcode)}`).set(council.bearer(by));

  it('imports the valid lines of a mixed file and reports the others by line', async () => {
    const csv = [
      'pcds,postcode,area,ward name',
      'x,nf12ab,northfield,Northfield',
      'x,"NF1 2AD",southbank,"Southbank, East"',
      'x,NOT A POSTCODE,northfield,',
      'x,NF1 2AE,nowhere,',
      'x,NF1 2AF,,',
      'x,NF1 2AB,southbank,',
    ].join('\r\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    const body = response.body as ImportResult;
    expect(body.imported).toBe(2);
    expect(body.invalid).toBe(4);
    expect(body.errors.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 4, code: 'INVALID_POSTCODE' },
      { line: 5, code: 'UNKNOWN_AREA' },
      { line: 6, code: 'MISSING_COLUMN' },
      { line: 7, code: 'DUPLICATE_IN_IMPORT' },
    ]);

    const found = await lookup('nf1 2ab');
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      postcode: 'NF1 2AB',
      area: { code: 'northfield', name: 'northfield' },
    });
    expect((await lookup('NF12AD')).body).toMatchObject({ area: { code: 'southbank' } });
    await expect(t.app.get(PostcodeLookup).areaFor(' nf1  2ad ')).resolves.toBe('southbank');
    await expect(t.app.get(PostcodeLookup).areaFor('NF1 2ZZ')).resolves.toBeNull();
    await expect(t.app.get(PostcodeLookup).areaFor('nonsense')).resolves.toBeNull();
  });

  it('records the import in the audit log with counts only', async () => {
    await importCsv('postcode,area\nNF2 1AA,northfield\nNF2 1AB,nowhere\n').expect(200);
    const rows = await t.db.query<{ payload: string }>(
      `SELECT payload FROM audit_events WHERE type = 'postcodes.imported' ORDER BY seq DESC LIMIT 1`,
    );
    const event = JSON.parse(rows[0].payload) as { data: unknown };
    expect(event.data).toEqual({ received: 2, imported: 1, invalid: 1 });
    expect(rows[0].payload).not.toContain('NF2');
  });

  it('replaces the area of a postcode imported again', async () => {
    await importCsv('postcode,area\nNF3 1AA,northfield\n').expect(200);
    expect((await lookup('NF3 1AA')).body).toMatchObject({ area: { code: 'northfield' } });
    const again = await importCsv('postcode,area\nnf3 1aa,southbank\n');
    expect(again.body).toMatchObject({ imported: 1, invalid: 0, errors: [] });
    expect((await lookup('NF3 1AA')).body).toMatchObject({ area: { code: 'southbank' } });
  });

  it('imports tens of thousands of lines in one request', async () => {
    const letters = 'ABDEFGHJLNPQRSTUWXYZ';
    const lines: string[] = [];
    for (let district = 10; district < 15; district += 1) {
      for (let sector = 0; sector < 10; sector += 1) {
        for (const first of letters) {
          for (const second of letters)
            lines.push(`NF${district} ${sector}${first}${second},southbank`);
        }
      }
    }
    const response = await importCsv(`postcode,area\n${lines.join('\n')}\n`);
    expect(response.body).toMatchObject({ imported: 20_000, invalid: 0, errors: [] });
    expect((await lookup('NF14 9ZZ')).body).toMatchObject({ area: { code: 'southbank' } });
  });

  it('answers 404 for a postcode not mapped and 400 for one that is not a postcode', async () => {
    const missing = await lookup('ZZ9 9ZZ');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'POSTCODE_NOT_FOUND' });
    const invalid = await lookup('not-a-postcode');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'INVALID_POSTCODE' });
  });

  it('refuses a file whose header lacks a column, and a body that is not CSV', async () => {
    const headerless = await importCsv('NF1 2AB,northfield\n');
    expect(headerless.status).toBe(400);
    expect(headerless.body).toMatchObject({ code: 'INVALID_CSV_HEADER' });
    const json = await t.http
      .post('/api/v1/postcodes/import')
      .set(council.bearer(council.admin))
      .send({ postcode: 'NF1 2AB', area: 'northfield' });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ code: 'CSV_BODY_REQUIRED' });
    const empty = await t.http.post('/api/v1/postcodes/import').set(council.bearer(council.admin));
    expect(empty.status).toBe(400);
  });

  it('never answers 500, whatever the CSV holds', async () => {
    const hostile = [
      'postcode,area\n"unterminated,northfield\n',
      'postcode,area\n"NF1 2AB"trailing,northfield\n',
      `postcode,area\n${'a'.repeat(100_000)},northfield\n`,
      `postcode,area\n${',,,,'.repeat(10_000)}\n`,
      'postcode,area\n\u0000\u0001,\uFFFF\n',
      '\uFEFFpostcode,area\r\rNF1 2AB,northfield\r',
    ];
    for (const csv of hostile) {
      const response = await importCsv(csv);
      expect(response.status, JSON.stringify(response.body).slice(0, 200)).toBe(200);
    }
  });

  it('takes a file of several megabytes, and refuses one over 5 MiB with 413', async () => {
    const line = 'NF9 9ZZ,nowhere,padding padding padding padding padding padding\n';
    const big = `postcode,area,note\n${line.repeat(Math.floor((4.5 * 1024 * 1024) / line.length))}`;
    const accepted = await importCsv(big);
    expect(accepted.status).toBe(200);
    expect((accepted.body as ImportResult).errors).toHaveLength(1_000);
    expect((accepted.body as ImportResult).invalid).toBeGreaterThan(70_000);

    const tooBig = await importCsv(`postcode,area\n${'x'.repeat(5 * 1024 * 1024 + 1)}`);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('lets only admins import, and any staff look up', async () => {
    await importCsv('postcode,area\nNF4 1AA,northfield\n').expect(200);
    for (const person of [council.officer, council.youthManager, council.comms, council.auditor]) {
      const refused = await importCsv('postcode,area\nNF4 1AA,southbank\n', person);
      expect(refused.status).toBe(403);
      expect((await lookup('NF4 1AA', person)).status).toBe(200);
    }
    expect((await lookup('NF4 1AA')).body).toMatchObject({ area: { code: 'northfield' } });
    const anonymous = await t.http.get('/api/v1/postcodes/NF4%201AA');
    expect(anonymous.status).toBe(401);
  });
});

describe('the demo council', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('postcodes-demo', { env: { DEMO_SEED: 'true' } });
  });
  afterAll(() => t.close());

  it('maps its fictional EB postcodes to its four areas', async () => {
    const lookup = t.app.get(PostcodeLookup);
    await expect(lookup.areaFor('eb1 1aa')).resolves.toBe('northfield');
    await expect(lookup.areaFor('EB2 3BD')).resolves.toBe('southbank');
    await expect(lookup.areaFor('EB3 4EF')).resolves.toBe('eastmoor');
    await expect(lookup.areaFor('EB45GH')).resolves.toBe('westbrook');
  });

  it('has fictional residents on drama numbers, so a demo alert reaches simulated handsets', async () => {
    const rows = await t.db.query<{ n: string; demo: string; northfield_gritting: string }>(
      `SELECT count(*) AS n,
              (SELECT count(*) FROM consent_records WHERE source = 'demo') AS demo,
              count(*) FILTER (WHERE 'northfield' = ANY(area_codes) AND 'gritting' = ANY(topic_codes))
                AS northfield_gritting
         FROM subscribers WHERE status = 'active'`,
    );
    expect(rows[0]).toEqual({ n: '16', demo: '16', northfield_gritting: '4' });
  });
});
