import { Inject, Injectable } from '@nestjs/common';
import { badInput, conflict, notFound } from '../../common/errors/crier-error.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditEventRepository } from '../audit-event.repository.js';
import { GENESIS_CHAIN_HASH } from '../chain/audit-hashes.js';
import type { SignedCheckpoint } from '../checkpoints/checkpoint.js';
import { AuditCheckpointService } from '../checkpoints/audit-checkpoint.service.js';
import { MerkleTree } from '../merkle/merkle-tree.js';
import type { EvidenceBundle, EvidenceEntry } from '../bundle/evidence-bundle.js';
import { AuditSequencer } from '../sequencer/audit-sequencer.service.js';

/** Ranges are for an investigation's window; a bundle stays small enough to mail to ICT. */
export const MAX_RANGE = 10_000;
const LEAF_BATCH = 50_000;

export type ExportScope = { messageId: string } | { fromSeq: number; toSeq: number };

/**
 * Evidence for an investigation or a subject-access request: the events, an RFC 6962 inclusion
 * proof for each against a signed checkpoint, and the public key, so that the standalone
 * verifier can check the bundle offline without trusting Crier or its database.
 */
@Injectable()
export class AuditExporter {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly sequencer: AuditSequencer,
    private readonly checkpoints: AuditCheckpointService,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(scope: ExportScope): Promise<EvidenceBundle> {
    await this.sequencer.sequence();
    const seqs = await this.seqsIn(scope);
    const checkpoint = await this.checkpoints.covering(Math.max(...seqs));
    const publicKey = this.checkpoints.publicKey();
    const entries = await this.uow.snapshot(() => this.entries(seqs, checkpoint));
    return {
      format: 'crier-audit-bundle/v1',
      generatedAt: this.clock.now().toISOString(),
      scope,
      checkpoint,
      publicKey,
      entries,
    };
  }

  private async seqsIn(scope: ExportScope): Promise<number[]> {
    const { size } = await this.events.head();
    if ('messageId' in scope) {
      const seqs = await this.events.seqsForMessage(scope.messageId, size);
      if (seqs.length === 0) {
        throw notFound('NO_AUDIT_EVENTS', 'The audit log holds no events about that message.');
      }
      return seqs;
    }
    const { fromSeq, toSeq } = scope;
    if (fromSeq > toSeq) throw badInput('INVALID_RANGE', 'fromSeq must not be after toSeq.');
    if (toSeq - fromSeq + 1 > MAX_RANGE) {
      throw badInput('RANGE_TOO_LARGE', `Export at most ${MAX_RANGE} events at a time.`);
    }
    if (toSeq > size)
      throw badInput('INVALID_RANGE', `The log holds ${size} events; toSeq is beyond it.`);
    return Array.from({ length: toSeq - fromSeq + 1 }, (_, index) => fromSeq + index);
  }

  private async entries(seqs: number[], checkpoint: SignedCheckpoint): Promise<EvidenceEntry[]> {
    const tree = await this.treeOf(checkpoint.size);
    if (tree.root(checkpoint.size).toString('hex') !== checkpoint.root) {
      throw conflict(
        'AUDIT_LOG_INCONSISTENT',
        'The audit log no longer matches its newest signed checkpoint; run the verification to see where.',
      );
    }
    const rows = await this.events.rowsAt(seqs);
    const previous = new Map(
      (await this.events.rowsAt(seqs.map((seq) => seq - 1).filter((seq) => seq > 0))).map((row) => [
        Number(row.seq),
        row.chain_hash,
      ]),
    );
    return rows.map((row) => {
      const seq = Number(row.seq);
      return {
        seq,
        payload: row.payload,
        leafHash: row.leaf_hash.toString('hex'),
        chainHash: row.chain_hash.toString('hex'),
        previousChainHash: (previous.get(seq - 1) ?? GENESIS_CHAIN_HASH).toString('hex'),
        inclusionProof: tree
          .inclusionProof(seq - 1, checkpoint.size)
          .map((hash) => hash.toString('hex')),
      };
    });
  }

  private async treeOf(size: number): Promise<MerkleTree> {
    const leaves: Buffer[] = [];
    for (let after = 0; after < size;) {
      const batch = await this.events.leafHashes(after, size, LEAF_BATCH);
      if (batch.length === 0) break;
      for (const row of batch) leaves.push(row.leaf_hash);
      after = Number(batch[batch.length - 1].seq);
    }
    return new MerkleTree(leaves);
  }
}
