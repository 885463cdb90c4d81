import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Carries the request's transaction to every repository without passing it by hand: a service
 * opens a unit of work at the edge, and repositories called inside it join the same transaction.
 * This is what lets an audit event be written in the same transaction as the change it records.
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs the work in one transaction, joining the surrounding one when there is one. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    return this.dataSource.transaction((manager) => this.current.run(manager, work));
  }

  /**
   * Runs reads against one consistent snapshot (REPEATABLE READ), for work that must see the
   * database as of a single moment while others keep writing.
   */
  snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new Error('snapshot() cannot join another transaction');
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.current.run(manager, work),
    );
  }

  /** The transaction's manager inside a unit of work, else the pool's. */
  manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  /** For writes that must never happen outside a transaction, such as audit events. */
  transactionManager(): EntityManager {
    const manager = this.current.getStore();
    if (!manager) throw new Error('This write must run inside UnitOfWork.run()');
    return manager;
  }

  inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }
}
