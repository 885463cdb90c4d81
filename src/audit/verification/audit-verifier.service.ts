import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditEventRepository } from '../audit-event.repository.js';
import { CHECKPOINT_SINK, type CheckpointSink } from '../checkpoints/checkpoint-sink.js';
import { CheckpointSigner } from '../checkpoints/checkpoint-signer.js';
import { LogVerification, type VerificationResult } from './log-verification.js';
import { AuditSequencer } from '../sequencer/audit-sequencer.service.js';

const ROW_BATCH = 10_000;

/** Verifies the whole log against itself and against every signed checkpoint. */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly sequencer: AuditSequencer,
    private readonly signer: CheckpointSigner,
    @Inject(CHECKPOINT_SINK) private readonly sink: CheckpointSink,
    private readonly uow: UnitOfWork,
  ) {}

  async verify(): Promise<VerificationResult> {
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
    const verification = new LogVerification(checkpoints);
    // Checkpoints are listed first, so the snapshot holds at least every event they count.
    await this.uow.snapshot(async () => {
      // The next batch is asked for before this one is checked, so PostgreSQL reads while Node
      // hashes.
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
    });
    return verification.finish();
  }
}
