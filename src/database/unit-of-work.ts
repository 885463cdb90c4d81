import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

interface Scope {
  manager: EntityManager;
  /** Work to do inside the transaction, last, just before it commits. */
  beforeCommit: (() => Promise<void>)[];
  /** Work to do once the transaction has committed; dropped if it rolls back. */
  afterCommit: (() => Promise<void>)[];
  /** State that belongs to this transaction, by owner. */
  state: Map<symbol, unknown>;
}

const newScope = (manager: EntityManager): Scope => ({
  manager,
  beforeCommit: [],
  afterCommit: [],
  state: new Map(),
});

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
    let scope: Scope | undefined;
    const result = await this.dataSource.transaction((manager) => {
      scope = newScope(manager);
      return this.current.run(scope, async () => {
        const value = await work();
        for (const task of scope!.beforeCommit) await task();
        return value;
      });
    });
    for (const task of scope!.afterCommit) await task();
    return result;
  }

  /**
   * Runs reads against one consistent snapshot (REPEATABLE READ), for work that must see the
   * database as of a single moment while others keep writing.
   */
  snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new Error('snapshot() cannot join another transaction');
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.current.run(newScope(manager), work),
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

  /** Registers work for after the current transaction commits (each task once). */
  afterCommit(task: () => Promise<void>): void {
    const scope = this.requireScope('afterCommit');
    if (!scope.afterCommit.includes(task)) scope.afterCommit.push(task);
  }

  /** Registers work to run in the current transaction just before it commits (each task once). */
  beforeCommit(task: () => Promise<void>): void {
    const scope = this.requireScope('beforeCommit');
    if (!scope.beforeCommit.includes(task)) scope.beforeCommit.push(task);
  }

  /** State kept for the life of the current transaction, made on first use. */
  transactionState<T>(owner: symbol, create: () => T): T {
    const scope = this.requireScope('transactionState');
    if (!scope.state.has(owner)) scope.state.set(owner, create());
    return scope.state.get(owner) as T;
  }

  private requireScope(what: string): Scope {
    const scope = this.current.getStore();
    if (!scope) throw new Error(`${what}() must be called inside UnitOfWork.run()`);
    return scope;
  }
}
