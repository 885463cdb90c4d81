import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import canonicalize from 'canonicalize';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditEventRepository, type SequencedRow } from '../audit-event.repository.js';
import { chainHashOf, GENESIS_CHAIN_HASH, leafHashOf } from '../chain/audit-hashes.js';

const BATCH = 2_000;
/** Picks up events whose instance stopped between their commit and their sequencing. */
const SWEEP_MS = 2_000;
/** How long a commit waits for others to share its sequencing pass. */
const GATHER_MS = 50;

/**
 * Gives queued events their place in the log: a gapless seq under the sequencing lock, the final
 * canonical text (with that seq), the leaf hash and the chain hash. Events are recorded in their
 * business transaction without any global lock, so many can commit at once; one short
 * transaction then chains all that are waiting, as a Certificate Transparency log sequences its
 * queued entries.
 */
@Injectable()
export class AuditSequencer implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditSequencer');
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private sweep: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;

  constructor(
    private readonly events: AuditEventRepository,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.sweep = setInterval(() => void this.sequence().catch(() => undefined), SWEEP_MS);
    this.sweep.unref();
  }

  /** Chains what is still queued before the database connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    clearTimeout(this.soon);
    await this.sequence().catch(() => undefined);
  }

  /**
   * Sequences everything queued by the time the returned pass starts. Whatever reads the log
   * (search, verification, checkpoints, export) awaits this first, so it sees every committed
   * event. A call made while a pass
   * runs joins the one pass queued after it, so concurrent callers share passes.
   */
  sequence(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.sequence();
      });
    return this.next;
  }

  /**
   * After-commit work for a unit of work that recorded events. The request does not wait: the
   * event is already durable in the queue, and everything that reads the log sequences first.
   */
  readonly afterCommit = (): Promise<void> => {
    // Commits that arrive close together share one pass: under load this turns hundreds of
    // small sequencing transactions a second into a few dozen larger ones.
    this.soon ??= setTimeout(() => {
      this.soon = undefined;
      this.sequence().catch((error: unknown) => {
        // The change and its queued event are committed; the sweep will chain the event.
        this.logger.error(`Sequencing audit events failed: ${(error as Error).message}`);
      });
    }, GATHER_MS);
    return Promise.resolve();
  };

  private async pass(): Promise<void> {
    for (let moved = BATCH; moved === BATCH;) {
      moved = await this.uow.run(() => this.sequenceBatch());
    }
  }

  private async sequenceBatch(): Promise<number> {
    await this.events.lockForSequencing();
    const queued = await this.events.queued(BATCH);
    if (queued.length === 0) return 0;
    const head = await this.events.head();
    let seq = head.size;
    let previous = head.chainHead ?? GENESIS_CHAIN_HASH;
    const rows: SequencedRow[] = queued.map((entry) => {
      seq += 1;
      const payload = canonicalize({ ...(JSON.parse(entry.event) as object), seq });
      if (payload === undefined) throw new Error('queued audit event is not serialisable');
      const leafHash = leafHashOf(payload);
      previous = chainHashOf(previous, leafHash);
      return {
        seq,
        recordedAt: entry.recordedAt,
        type: entry.type,
        actorRef: entry.actorRef,
        subjectRef: entry.subjectRef,
        messageId: entry.messageId,
        channelId: entry.channelId,
        payload,
        leafHash,
        chainHash: previous,
      };
    });
    await this.events.appendSequenced(
      rows,
      queued.map((entry) => entry.id),
    );
    return queued.length;
  }
}
