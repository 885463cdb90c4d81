import type { RawAuditRow } from '../audit-event.repository.js';
import { chainHashOf, GENESIS_CHAIN_HASH, leafHashOf } from '../chain/audit-hashes.js';
import type { SignedCheckpoint } from '../checkpoints/checkpoint.js';
import { MerkleAccumulator } from '../merkle/merkle-tree.js';
import { contentProblem } from './row-content-check.js';

/** A row whose leaf hash and content another thread has already checked. */
export interface CheckedRow {
  seq: number;
  /** The leaf hash recomputed from the stored text. */
  leaf: Buffer;
  leafMatches: boolean;
  storedChain: Buffer;
  /** Why text and columns disagree, or null; reported only once the chain holds. */
  problem: string | null;
}

export interface VerificationResult {
  ok: boolean;
  /** Events checked before the first failure (all of them when ok). */
  checked: number;
  firstBadSeq?: number;
  reason?: string;
  /** The newest checkpoint the log was compared with. */
  checkpoint?: { size: number; at: string };
}

/**
 * Recomputes the log one stored row at a time, in seq order: every leaf hash from the stored
 * text, every chain link, every searchable column against the text, and the Merkle root and chain
 * head at each checkpoint's size. Plain code, so a unit test can feed it rows directly.
 */
export class LogVerification {
  private expectedSeq = 1;
  private previousChain: Buffer = GENESIS_CHAIN_HASH;
  private readonly tree = new MerkleAccumulator();
  private nextCheckpoint = 0;
  private failure: { seq: number; reason: string } | null = null;

  /** Checkpoints whose signatures have been verified, smallest first. */
  constructor(private readonly checkpoints: SignedCheckpoint[]) {
    this.compareCheckpointsAt(0);
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Checks the next stored row, all of it here; returns false once the log has failed. */
  feed(row: RawAuditRow): boolean {
    if (this.failure) return false;
    const leaf = leafHashOf(row.payload);
    return this.feedChecked({
      seq: Number(row.seq),
      leaf,
      leafMatches: leaf.equals(row.leaf_hash),
      storedChain: row.chain_hash,
      problem: contentProblem(row),
    });
  }

  /**
   * Checks the next row when its leaf hash and content were already checked elsewhere (a worker
   * thread); the sequence, the chain, the Merkle tree and the checkpoints are checked here, in
   * order. Returns false once the log has failed.
   */
  feedChecked(row: CheckedRow): boolean {
    if (this.failure) return false;
    const { seq, leaf } = row;
    if (seq !== this.expectedSeq) {
      return this.fail(
        this.expectedSeq,
        seq > this.expectedSeq
          ? `event ${this.expectedSeq} is missing: the next stored event is ${seq}`
          : `event ${seq} is stored out of order or twice`,
      );
    }
    if (!row.leafMatches) {
      return this.fail(seq, 'its stored text does not match its leaf hash: the event was altered');
    }
    const chain = chainHashOf(this.previousChain, leaf);
    if (!chain.equals(row.storedChain)) {
      return this.fail(
        seq,
        'its chain hash does not follow from the event before it: events were inserted, removed, reordered or rewritten',
      );
    }
    if (row.problem) return this.fail(seq, row.problem);

    this.tree.append(leaf);
    this.previousChain = chain;
    this.expectedSeq += 1;
    return this.compareCheckpointsAt(seq);
  }

  finish(): VerificationResult {
    const checked = this.expectedSeq - 1;
    const newest = this.checkpoints.at(-1);
    const checkpoint = newest ? { size: newest.size, at: newest.at } : undefined;
    if (!this.failure && newest && newest.size > checked) {
      this.failure = {
        seq: checked + 1,
        reason: `the log holds ${checked} events but the checkpoint signed at ${newest.at} counted ${newest.size}: events from ${checked + 1} on were removed`,
      };
    }
    if (this.failure) {
      return {
        ok: false,
        checked,
        firstBadSeq: this.failure.seq,
        reason: this.failure.reason,
        checkpoint,
      };
    }
    return { ok: true, checked, checkpoint };
  }

  private compareCheckpointsAt(size: number): boolean {
    while (
      this.nextCheckpoint < this.checkpoints.length &&
      this.checkpoints[this.nextCheckpoint].size === size
    ) {
      const checkpoint = this.checkpoints[this.nextCheckpoint];
      const root = this.tree.root().toString('hex');
      const head = this.previousChain.toString('hex');
      if (root !== checkpoint.root || head !== checkpoint.chainHead) {
        const lastGood =
          this.nextCheckpoint > 0 ? this.checkpoints[this.nextCheckpoint - 1].size : 0;
        return this.fail(
          lastGood + 1,
          `the first ${size} events differ from the checkpoint signed at ${checkpoint.at}, though each row is self-consistent: events after ${lastGood} were rewritten and re-hashed`,
        );
      }
      this.nextCheckpoint += 1;
    }
    return true;
  }

  private fail(seq: number, reason: string): false {
    this.failure = { seq, reason };
    return false;
  }
}
