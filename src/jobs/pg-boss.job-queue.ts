import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { UnitOfWork } from '../database/unit-of-work.js';
import {
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  QUEUES,
  type QueueName,
} from './job-queue.js';

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
export class PgBossJobQueue implements JobQueue, OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private readonly localWorkers = new Map<QueueName, string[]>();

  constructor(
    @Inject(JOBS_DATABASE_URL) url: string,
    private readonly uow: UnitOfWork,
  ) {
    this.boss = new PgBoss({
      connectionString: url,
      schema: 'pgboss',
      max: 4,
      useListenNotify: true,
    });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    for (const queue of Object.values(QUEUES)) {
      // notify: a committed job wakes the workers at once instead of at their next poll.
      if (!(await this.boss.getQueue(queue))) await this.boss.createQueue(queue, { notify: true });
      else await this.boss.updateQueue(queue, { notify: true });
    }
  }

  /**
   * Stops taking jobs and lets those running finish (up to 5 s) before the database closes:
   * Nest destroys the connection pool in its shutdown hooks, which run after every "before" one.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }

  async work<T extends object>(queue: QueueName, handler: JobHandler<T>): Promise<void> {
    const id = await this.boss.work<T>(
      queue,
      // Other instances find new jobs within half a second; this one is woken at once (below).
      { pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5 },
      async (jobs) => {
        for (const job of jobs) await handler(job.data);
      },
    );
    this.localWorkers.set(queue, [...(this.localWorkers.get(queue) ?? []), id]);
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
    // A job due now is picked up by this instance's own worker as soon as it is committed.
    if (!options.startAfter || options.startAfter.getTime() <= Date.now()) {
      this.uow.afterCommit(this.wakeLocalWorkers(queue));
    }
    return id;
  }

  async cancelInTransaction(queue: QueueName, jobId: string): Promise<void> {
    await this.boss.cancel(queue, jobId, { db: this.transactionExecutor() });
  }

  private readonly wakers = new Map<QueueName, () => Promise<void>>();

  /** One task per queue, so that a transaction enqueuing many jobs wakes the workers once. */
  private wakeLocalWorkers(queue: QueueName): () => Promise<void> {
    let wake = this.wakers.get(queue);
    if (!wake) {
      wake = () => {
        for (const id of this.localWorkers.get(queue) ?? []) this.boss.notifyWorker(id);
        return Promise.resolve();
      };
      this.wakers.set(queue, wake);
    }
    return wake;
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
