import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { chainHashOf, GENESIS_CHAIN_HASH, leafHashOf } from './chain/audit-hashes.js';

/** Arbitrary but fixed: the advisory lock that serialises appends so `seq` has no gaps. */
const APPEND_LOCK_KEY = 7_146_301;

export interface AuditRowColumns {
  recordedAt: Date;
  type: string;
  actorRef: string | null;
  subjectRef: string | null;
  messageId: string | null;
  channelId: string | null;
}

export interface AuditSearchFilter {
  afterSeq: number;
  limit: number;
  /** Exact type, or a prefix ending in `.*` such as `message.*`. */
  type?: string;
  actorRef?: string;
  subjectRef?: string;
  messageId?: string;
  channelId?: string;
  from?: Date;
  to?: Date;
}

/** Builds the canonical text of the event once its sequence number is known. */
export type PayloadForSeq = (seq: number) => string;

@Injectable()
export class AuditEventRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Appends inside the caller's transaction. The transaction-scoped advisory lock is held until
   * commit or rollback, so sequence numbers have no holes (a sequence would leave them) and each
   * event is chained to the one committed before it.
   */
  async append(columns: AuditRowColumns, payloadFor: PayloadForSeq): Promise<number> {
    const manager = this.uow.transactionManager();
    await manager.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
    const [last] = await manager.query<{ seq: string; chain_hash: Buffer }[]>(
      'SELECT seq, chain_hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    const seq = last ? Number(last.seq) + 1 : 1;
    const payload = payloadFor(seq);
    const leafHash = leafHashOf(payload);
    const chainHash = chainHashOf(last ? last.chain_hash : GENESIS_CHAIN_HASH, leafHash);
    await manager.insert(AuditEventEntity, {
      seq: String(seq),
      ...columns,
      payload,
      leafHash,
      chainHash,
    });
    return seq;
  }

  /** Events in sequence order after `afterSeq` that match every given filter. */
  search(filter: AuditSearchFilter): Promise<AuditEventEntity[]> {
    const query = this.uow
      .manager()
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.seq > :afterSeq', { afterSeq: filter.afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(filter.limit);
    if (filter.type?.endsWith('.*')) {
      query.andWhere('starts_with(e.type, :prefix)', { prefix: filter.type.slice(0, -1) });
    } else if (filter.type) {
      query.andWhere('e.type = :type', { type: filter.type });
    }
    if (filter.actorRef) query.andWhere('e.actor_ref = :actorRef', { actorRef: filter.actorRef });
    if (filter.subjectRef) {
      query.andWhere('e.subject_ref = :subjectRef', { subjectRef: filter.subjectRef });
    }
    if (filter.messageId)
      query.andWhere('e.message_id = :messageId', { messageId: filter.messageId });
    if (filter.channelId)
      query.andWhere('e.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.from) query.andWhere('e.recorded_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.recorded_at < :to', { to: filter.to });
    return query.getMany();
  }
}
