import { Inject, Injectable } from '@nestjs/common';
import { DATABASE_URL } from '../../database/database.module.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditEventRepository } from '../audit-event.repository.js';
import { CHECKPOINT_SINK, type CheckpointSink } from '../checkpoints/checkpoint-sink.js';
import { CheckpointSigner } from '../checkpoints/checkpoint-signer.js';
import { AuditSequencer } from '../sequencer/audit-sequencer.service.js';
import { ROW_LEAF_MISMATCH } from './log-reader.protocol.js';
import { LogReaderPool } from './log-reader.pool.js';
import { LogVerification, type VerificationResult } from './log-verification.js';

const ROW_BATCH = 10_000;
/** From this many events, worker threads share the reading and hashing. */
const PARALLEL_FROM_EVENTS = 20_000;
const WORKERS = 2;
const RANGE = 10_000;

export interface VerifyOptions {
  /** Use worker threads (true), this thread only (false), or decide by the log's size. */
  parallel?: boolean;
}

/** Verifies the whole log against itself and against every signed checkpoint. */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly sequencer: AuditSequencer,
    private readonly signer: CheckpointSigner,
    @Inject(CHECKPOINT_SINK) private readonly sink: CheckpointSink,
    private readonly uow: UnitOfWork,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    await this.sequencer.sequence();
    const { checkpoints, unreadable } = await this.sink.list();
    if (unreadable.length > 0) {
      return {
        ok: false,
        checked: 0,
        reason: `checkpoint files cannot be read: ${unreadable.join(', ')}`,
      };
    }
    const forged = checkpoints.find((checkpoint) => !this.signer.verify(checkpoint));
    if (forged) {
      return {
        ok: false,
        checked: 0,
        reason: `the checkpoint for size ${forged.size} dated ${forged.at} does not verify with Crier's public key: it is forged or altered`,
      };
    }
    return this.uow.snapshot(async () => {
      const { snapshot, maxSeq } = await this.events.exportSnapshot();
      const parallel = options.parallel ?? maxSeq >= PARALLEL_FROM_EVENTS;
      const verification = new LogVerification(checkpoints);
      // Checkpoints are listed first, so the snapshot holds at least every event they count.
      if (parallel) await this.walkInWorkers(verification, snapshot, maxSeq);
      else await this.walk(verification);
      return verification.finish();
    });
  }

  /** One batch after another on this thread; the next is asked for before this one is checked. */
  private async walk(verification: LogVerification): Promise<void> {
    let next = this.events.rows(0, ROW_BATCH);
    while (!verification.failed) {
      const rows = await next;
      if (rows.length === 0) break;
      next =
        rows.length === ROW_BATCH
          ? this.events.rows(Number(rows[rows.length - 1].seq), ROW_BATCH)
          : Promise.resolve([]);
      for (const row of rows) if (!verification.feed(row)) break;
    }
    await next;
  }

  /**
   * Worker threads read, hash and check ranges of the log on both cores, sharing this
   * transaction's snapshot; this thread takes their results in order for the sequence, the chain,
   * the Merkle tree and the checkpoints.
   */
  private async walkInWorkers(
    verification: LogVerification,
    snapshot: string,
    maxSeq: number,
  ): Promise<void> {
    const pool = new LogReaderPool({ url: this.databaseUrl, snapshot }, WORKERS);
    const ranges: [number, number][] = [];
    for (let from = 0; from < maxSeq; from += RANGE)
      ranges.push([from, Math.min(from + RANGE, maxSeq)]);
    const inFlight = ranges.slice(0, WORKERS * 2).map(([from, to]) => pool.read(from, to));
    try {
      for (let index = 0; index < ranges.length && !verification.failed; index += 1) {
        const result = await inFlight[index];
        const ahead = ranges[index + WORKERS * 2];
        if (ahead) inFlight.push(pool.read(ahead[0], ahead[1]));
        for (let row = 0; row < result.seqs.length; row += 1) {
          const fed = verification.feedChecked({
            seq: result.seqs[row],
            leaf: Buffer.from(result.leaves.buffer, row * 32, 32),
            leafMatches: result.codes[row] !== ROW_LEAF_MISMATCH,
            storedChain: Buffer.from(result.chains.buffer, row * 32, 32),
            problem: result.problems[row] ?? null,
          });
          if (!fed) break;
        }
      }
    } finally {
      await Promise.allSettled(inFlight);
      await pool.close();
    }
  }
}
