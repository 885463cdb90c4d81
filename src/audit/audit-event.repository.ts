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

/** A stored event as verification reads it: every column, nothing interpreted. */
export interface RawAuditRow {
  seq: string;
  recorded_at: Date;
  type: string;
  actor_ref: string | null;
  subject_ref: string | null;
  message_id: string | null;
  channel_id: string | null;
  payload: string;
  leaf_hash: Buffer;
  chain_hash: Buffer;
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

  /** The log's size and newest chain hash, as the current transaction sees it. */
  async head(): Promise<{ size: number; chainHead: Buffer | null }> {
    const [last] = await this.uow
      .manager()
      .query<{ seq: string; chain_hash: Buffer }[]>(
        'SELECT seq, chain_hash FROM audit_events ORDER BY seq DESC LIMIT 1',
      );
    return last
      ? { size: Number(last.seq), chainHead: last.chain_hash }
      : { size: 0, chainHead: null };
  }

  /** Leaf hashes in seq order, a batch at a time, for building the Merkle tree. */
  leafHashes(
    afterSeq: number,
    upToSeq: number,
    limit: number,
  ): Promise<{ seq: string; leaf_hash: Buffer }[]> {
    return this.uow
      .manager()
      .query(
        'SELECT seq, leaf_hash FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3',
        [afterSeq, upToSeq, limit],
      );
  }

  /** Whole rows in storage order (which may have holes if rows were removed), a batch at a time. */
  rows(afterSeq: number, limit: number): Promise<RawAuditRow[]> {
    return this.uow.manager().query(
      `SELECT seq, recorded_at, type, actor_ref, subject_ref, message_id, channel_id, payload,
                leaf_hash, chain_hash
           FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
  }

  rowsAt(seqs: number[]): Promise<RawAuditRow[]> {
    return this.uow.manager().query(
      `SELECT seq, recorded_at, type, actor_ref, subject_ref, message_id, channel_id, payload,
                leaf_hash, chain_hash
           FROM audit_events WHERE seq = ANY($1::bigint[]) ORDER BY seq`,
      [seqs],
    );
  }

  async seqsForMessage(messageId: string, upToSeq: number): Promise<number[]> {
    const rows = await this.uow
      .manager()
      .query<{ seq: string }[]>(
        'SELECT seq FROM audit_events WHERE message_id = $1 AND seq <= $2 ORDER BY seq',
        [messageId, upToSeq],
      );
    return rows.map((row) => Number(row.seq));
  }
}
