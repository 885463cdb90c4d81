import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { AuditEventEntity } from './audit-event.entity.js';

/** Arbitrary but fixed: the advisory lock that serialises appends so `seq` has no gaps. */
const APPEND_LOCK_KEY = 7_146_301;

export interface NewAuditRow {
  recordedAt: Date;
  type: string;
  actorId: string | null;
  messageId: string | null;
  channelId: string | null;
  payload: string;
}

@Injectable()
export class AuditEventRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Appends inside the caller's transaction. The transaction-scoped advisory lock is held until
   * commit or rollback, so a rolled-back append never leaves a hole, unlike a sequence would.
   */
  async append(row: NewAuditRow): Promise<number> {
    const manager = this.uow.transactionManager();
    await manager.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
    const [{ next }] = await manager.query<[{ next: string }]>(
      'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM audit_events',
    );
    await manager.insert(AuditEventEntity, { seq: next, ...row });
    return Number(next);
  }

  async listAfter(afterSeq: number, limit: number): Promise<AuditEventEntity[]> {
    return this.uow
      .manager()
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.seq > :afterSeq', { afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }
}
