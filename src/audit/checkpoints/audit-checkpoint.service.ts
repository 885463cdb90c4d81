import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditEventRepository } from '../audit-event.repository.js';
import { GENESIS_CHAIN_HASH } from '../chain/audit-hashes.js';
import { MerkleAccumulator } from '../merkle/merkle-tree.js';
import type { SignedCheckpoint } from './checkpoint.js';
import { CHECKPOINT_SINK, type CheckpointSink } from './checkpoint-sink.js';
import { CheckpointSigner, type PublishedKey } from './checkpoint-signer.js';
import { AuditSequencer } from '../sequencer/audit-sequencer.service.js';

const LEAF_BATCH = 20_000;
const INTERVAL_NAME = 'audit-checkpoint';

/** Signs the log's state (size, Merkle root, chain head) and writes it outside the database. */
@Injectable()
export class AuditCheckpointService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');

  constructor(
    private readonly events: AuditEventRepository,
    private readonly sequencer: AuditSequencer,
    private readonly signer: CheckpointSigner,
    @Inject(CHECKPOINT_SINK) private readonly sink: CheckpointSink,
    private readonly uow: UnitOfWork,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const seconds = this.config.audit.checkpointIntervalSeconds;
    if (seconds === 0) return;
    const timer = setInterval(() => {
      this.createIfGrown().catch((error: unknown) =>
        this.logger.error(`Periodic checkpoint failed: ${(error as Error).message}`),
      );
    }, seconds * 1000);
    this.scheduler.addInterval(INTERVAL_NAME, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME))
      this.scheduler.deleteInterval(INTERVAL_NAME);
  }

  /** A checkpoint of the log as it is now. */
  async create(): Promise<SignedCheckpoint> {
    await this.sequencer.sequence();
    const checkpoint = await this.uow.snapshot(async () => {
      const { size, chainHead } = await this.events.head();
      return this.signer.sign({
        origin: this.config.audit.origin,
        size,
        root: (await this.rootOf(size)).toString('hex'),
        chainHead: (chainHead ?? GENESIS_CHAIN_HASH).toString('hex'),
        at: this.clock.now().toISOString(),
      });
    });
    await this.sink.write(checkpoint);
    this.logger.log(`Signed audit checkpoint at size ${checkpoint.size}`);
    return checkpoint;
  }

  /** The periodic job: a new checkpoint only when events were added since the newest one. */
  async createIfGrown(): Promise<SignedCheckpoint | null> {
    const newest = (await this.sink.list()).checkpoints.at(-1);
    const { size } = await this.events.head();
    if (newest && newest.size >= size) return null;
    return this.create();
  }

  async list(): Promise<{ items: SignedCheckpoint[]; publicKey: PublishedKey }> {
    const { checkpoints } = await this.sink.list();
    return { items: checkpoints, publicKey: this.publicKey() };
  }

  publicKey(): PublishedKey {
    return this.signer.publicKeyInfo();
  }

  /** The newest checkpoint that covers `seq`, making one now if none does. */
  async covering(seq: number): Promise<SignedCheckpoint> {
    const newest = (await this.sink.list()).checkpoints.at(-1);
    return newest && newest.size >= seq ? newest : this.create();
  }

  private async rootOf(size: number): Promise<Buffer> {
    const tree = new MerkleAccumulator();
    for (let after = 0; after < size;) {
      const batch = await this.events.leafHashes(after, size, LEAF_BATCH);
      if (batch.length === 0) break;
      for (const row of batch) tree.append(row.leaf_hash);
      after = Number(batch[batch.length - 1].seq);
    }
    return tree.root();
  }
}
