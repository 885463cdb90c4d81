import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { UnitOfWork } from '../database/unit-of-work.js';
import { type EnqueueOptions, type JobQueue, QUEUES, type QueueName } from './job-queue.js';

export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');

interface RawQueryRunner {
  query(
    text: string,
    values: unknown[] | undefined,
    useStructuredResult: true,
  ): Promise<{
    records: unknown[];
  }>;
}

/** pg-boss on Crier's own PostgreSQL, in its `pgboss` schema, which pg-boss creates and migrates. */
@Injectable()
export class PgBossJobQueue implements JobQueue, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;

  constructor(
    @Inject(JOBS_DATABASE_URL) url: string,
    private readonly uow: UnitOfWork,
  ) {
    this.boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4 });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    for (const queue of Object.values(QUEUES)) {
      if (!(await this.boss.getQueue(queue))) await this.boss.createQueue(queue);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }

  async enqueueInTransaction(
    queue: QueueName,
    data: object,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const id = await this.boss.send(queue, data, {
      db: this.transactionExecutor(),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
    if (!id) throw new Error(`pg-boss refused a job for ${queue}`);
    return id;
  }

  async cancelInTransaction(queue: QueueName, jobId: string): Promise<void> {
    await this.boss.cancel(queue, jobId, { db: this.transactionExecutor() });
  }

  /** Lets pg-boss write through the caller's transaction instead of its own pool. */
  private transactionExecutor() {
    const runner = this.uow.transactionManager().queryRunner as unknown as RawQueryRunner;
    return {
      executeSql: async (text: string, values?: unknown[]) => ({
        rows: (await runner.query(text, values, true)).records,
      }),
    };
  }
}
