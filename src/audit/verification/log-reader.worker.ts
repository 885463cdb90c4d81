// A worker thread that reads and checks a share of the audit log for the verifier, so that
// parsing rows and hashing texts use both cores. Node runs it from its TypeScript source in tests
// (type stripping) and compiled in production, so it imports with .ts extensions and uses only
// syntax that can be stripped.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { RAW_AUDIT_COLUMNS, type RawAuditRow } from '../audit-row.sql.ts';
import { leafHashOf } from '../chain/audit-hashes.ts';
import {
  type LogReaderRequest,
  type LogReaderResult,
  type LogReaderSetup,
  ROW_CONTENT_PROBLEM,
  ROW_LEAF_MISMATCH,
  ROW_OK,
} from './log-reader.protocol.ts';
import { contentProblem } from './row-content-check.ts';

const setup = workerData as LogReaderSetup;
const port = parentPort;
if (!port) throw new Error('log-reader.worker must run as a worker thread');

const client = new pg.Client({ connectionString: setup.url, application_name: 'crier-verify' });
const ready = (async () => {
  await client.connect();
  // The verifier's exported snapshot: every worker sees exactly the log the verifier sees.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await client.query(`SET TRANSACTION SNAPSHOT '${setup.snapshot.replace(/'/g, '')}'`);
})();

function check(id: number, rows: RawAuditRow[]): LogReaderResult {
  const count = rows.length;
  const result: LogReaderResult = {
    id,
    seqs: new Float64Array(count),
    leaves: new Uint8Array(count * 32),
    chains: new Uint8Array(count * 32),
    codes: new Uint8Array(count),
    problems: {},
  };
  rows.forEach((row, index) => {
    const leaf = leafHashOf(row.payload);
    result.seqs[index] = Number(row.seq);
    result.leaves.set(leaf, index * 32);
    result.chains.set(row.chain_hash, index * 32);
    if (!leaf.equals(row.leaf_hash)) {
      result.codes[index] = ROW_LEAF_MISMATCH;
      return;
    }
    const problem = contentProblem(row);
    result.codes[index] = problem ? ROW_CONTENT_PROBLEM : ROW_OK;
    if (problem) result.problems[index] = problem;
  });
  return result;
}

port.on('message', (request: LogReaderRequest | 'close') => {
  if (request === 'close') {
    void client.end().finally(() => port.close());
    return;
  }
  ready
    .then(() =>
      client.query<RawAuditRow>(
        `SELECT ${RAW_AUDIT_COLUMNS} FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq`,
        [request.from, request.to],
      ),
    )
    .then(({ rows }) => {
      const result = check(request.id, rows);
      port.postMessage(result, [
        result.seqs.buffer as ArrayBuffer,
        result.leaves.buffer as ArrayBuffer,
        result.chains.buffer as ArrayBuffer,
        result.codes.buffer as ArrayBuffer,
      ]);
    })
    .catch((error: unknown) => {
      const empty = new Float64Array(0);
      port.postMessage({
        id: request.id,
        seqs: empty,
        leaves: new Uint8Array(0),
        chains: new Uint8Array(0),
        codes: new Uint8Array(0),
        problems: {},
        error: error instanceof Error ? error.message : String(error),
      } satisfies LogReaderResult);
    });
});
