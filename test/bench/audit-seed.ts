import canonicalize from 'canonicalize';
import pg from 'pg';
import { chainHashOf, GENESIS_CHAIN_HASH, leafHashOf } from '../../src/audit/chain/audit-hashes.js';

const BATCH = 10_000;

/** A plausible event of about 300 bytes: an approval of a gritting alert. */
function eventText(seq: number, at: Date): string {
  const text = canonicalize({
    seq,
    type: 'message.approved',
    recordedAt: at.toISOString(),
    actor: { kind: 'staff', ref: '3f1f0a4e-2c1b-4f3e-9a55-6c1d2b7e8f90' },
    subject: {
      messageId: '9b2c7d1e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
      channelId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    },
    data: {
      version: 1,
      contentHash: 'e532c4e98d3e76c6f7cdb985d5f63fde48bcc4eeec35b829f2fca5b504d51fd1',
      approvals: 1,
      approvalsRequired: 1,
      comment: null,
    },
  });
  if (!text) throw new Error('unserialisable');
  return text;
}

/**
 * Appends `count` chained events straight into audit_events, 10,000 rows a statement, so that a
 * million-event log can be built in well under a minute. The rows are exactly what AuditLog
 * would have written, hashes included, continuing the chain after the newest existing event.
 */
export async function seedAuditEvents(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const last = await client.query<{ seq: string; chain_hash: Buffer }>(
      'SELECT seq, chain_hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    let seq = last.rows[0] ? Number(last.rows[0].seq) : 0;
    let previous = last.rows[0]?.chain_hash ?? GENESIS_CHAIN_HASH;
    const base = Date.now();
    for (let done = 0; done < count;) {
      const n = Math.min(BATCH, count - done);
      const seqs: number[] = [];
      const times: Date[] = [];
      const payloads: string[] = [];
      const leaves: Buffer[] = [];
      const chains: Buffer[] = [];
      for (let i = 0; i < n; i += 1) {
        seq += 1;
        const at = new Date(base + seq);
        const payload = eventText(seq, at);
        const leaf = leafHashOf(payload);
        previous = chainHashOf(previous, leaf);
        seqs.push(seq);
        times.push(at);
        payloads.push(payload);
        leaves.push(leaf);
        chains.push(previous);
      }
      await client.query(
        `INSERT INTO audit_events (seq, recorded_at, type, actor_ref, message_id, channel_id, payload, leaf_hash, chain_hash)
         SELECT s, t, 'message.approved', '3f1f0a4e-2c1b-4f3e-9a55-6c1d2b7e8f90',
                '9b2c7d1e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', p, l, c
           FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::bytea[], $5::bytea[]) AS u(s, t, p, l, c)`,
        [seqs, times, payloads, leaves, chains],
      );
      done += n;
    }
    // A real log is written over months, and autovacuum has long since set the rows' visibility
    // hints; without this the first reader pays for setting them on a million fresh rows.
    await client.query('VACUUM ANALYZE audit_events');
  } finally {
    await client.end();
  }
}
