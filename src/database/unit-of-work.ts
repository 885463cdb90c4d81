import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

interface Scope {
  manager: EntityManager;
  /** Work to do once the transaction has committed; dropped if it rolls back. */
  afterCommit: (() => Promise<void>)[];
}

/**
 * Carries the request's transaction to every repository without passing it by hand: a service
 * opens a unit of work at the edge, and repositories called inside it join the same transaction.
 * This is what lets an audit event be written in the same transaction as the change it records.
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<Scope>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs the work in one transaction, joining the surrounding one when there is one. Once the
   * outermost transaction commits, its after-commit work runs before this returns.
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const afterCommit: Scope['afterCommit'] = [];
    const result = await this.dataSource.transaction((manager) =>
      this.current.run({ manager, afterCommit }, work),
    );
    for (const task of afterCommit) await task();
    return result;
  }

  /**
   * Runs reads against one consistent snapshot (REPEATABLE READ), for work that must see the
   * database as of a single moment while others keep writing.
   */
  snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new Error('snapshot() cannot join another transaction');
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.current.run({ manager, afterCommit: [] }, work),
    );
  }

  /** The transaction's manager inside a unit of work, else the pool's. */
  manager(): EntityManager {
    return this.current.getStore()?.manager ?? this.dataSource.manager;
  }

  /** For writes that must never happen outside a transaction, such as audit events. */
  transactionManager(): EntityManager {
    const scope = this.current.getStore();
    if (!scope) throw new Error('This write must run inside UnitOfWork.run()');
    return scope.manager;
  }

  /** Registers work for after the current transaction commits (once per key per transaction). */
  afterCommit(task: () => Promise<void>): void {
    const scope = this.current.getStore();
    if (!scope) throw new Error('afterCommit() must be called inside UnitOfWork.run()');
    if (!scope.afterCommit.includes(task)) scope.afterCommit.push(task);
  }

  inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }
}
