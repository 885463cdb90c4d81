import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { RAW_AUDIT_COLUMNS, type RawAuditRow } from './audit-row.sql.js';
import { AuditEventEntity } from './audit-event.entity.js';

/** Arbitrary but fixed: the advisory lock that serialises sequencing so `seq` has no gaps. */
const SEQUENCE_LOCK_KEY = 7_146_301;

export interface AuditRowColumns {
  recordedAt: Date;
  type: string;
  actorRef: string | null;
  subjectRef: string | null;
  messageId: string | null;
  channelId: string | null;
}

export interface QueuedRow extends AuditRowColumns {
  /** Canonical JSON text without the seq. */
  event: string;
}

export interface QueuedEvent extends QueuedRow {
  id: string;
}

export interface SequencedRow extends AuditRowColumns {
  seq: number;
  payload: string;
  leafHash: Buffer;
  chainHash: Buffer;
}

export type { RawAuditRow } from './audit-row.sql.js';

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

@Injectable()
export class AuditEventRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records events in the caller's transaction; they commit or roll back with the change. */
  async enqueue(rows: QueuedRow[]): Promise<void> {
    if (rows.length === 0) return;
    // Plain SQL, one statement for all of a transaction's events: this runs in every audited
    // transaction. unnest keeps the array order, so the queue ids keep the recording order.
    await this.uow.transactionManager().query(
      `INSERT INTO audit_queue (recorded_at, type, actor_ref, subject_ref, message_id, channel_id, event)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[],
                            $6::uuid[], $7::text[])`,
      [
        rows.map((row) => row.recordedAt),
        rows.map((row) => row.type),
        rows.map((row) => row.actorRef),
        rows.map((row) => row.subjectRef),
        rows.map((row) => row.messageId),
        rows.map((row) => row.channelId),
        rows.map((row) => row.event),
      ],
    );
  }

  /**
   * Takes the sequencing lock for the rest of the transaction. A transaction-scoped advisory lock
   * is released by commit or rollback, so sequence numbers never leave a hole (a database
   * sequence would) and each event is chained to the one committed before it.
   */
  async lockForSequencing(): Promise<void> {
    await this.uow
      .transactionManager()
      .query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK_KEY]);
  }

  /** The oldest queued events, to be sequenced in this order. */
  async queued(limit: number): Promise<QueuedEvent[]> {
    const rows = await this.uow.transactionManager().query<
      {
        id: string;
        recorded_at: Date;
        type: string;
        actor_ref: string | null;
        subject_ref: string | null;
        message_id: string | null;
        channel_id: string | null;
        event: string;
      }[]
    >(
      `SELECT id, recorded_at, type, actor_ref, subject_ref, message_id, channel_id, event
         FROM audit_queue ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      recordedAt: row.recorded_at,
      type: row.type,
      actorRef: row.actor_ref,
      subjectRef: row.subject_ref,
      messageId: row.message_id,
      channelId: row.channel_id,
      event: row.event,
    }));
  }

  /** Moves sequenced events from the queue into the log, in one statement. */
  async appendSequenced(rows: SequencedRow[], queueIds: string[]): Promise<void> {
    const manager = this.uow.transactionManager();
    await manager.query(
      `WITH dequeued AS (DELETE FROM audit_queue WHERE id = ANY($11::bigint[]))
       INSERT INTO audit_events
         (seq, recorded_at, type, actor_ref, subject_ref, message_id, channel_id, payload, leaf_hash, chain_hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::uuid[], $5::uuid[],
                            $6::uuid[], $7::uuid[], $8::text[], $9::bytea[], $10::bytea[])`,
      [
        rows.map((row) => row.seq),
        rows.map((row) => row.recordedAt),
        rows.map((row) => row.type),
        rows.map((row) => row.actorRef),
        rows.map((row) => row.subjectRef),
        rows.map((row) => row.messageId),
        rows.map((row) => row.channelId),
        rows.map((row) => row.payload),
        rows.map((row) => row.leafHash),
        rows.map((row) => row.chainHash),
        queueIds,
      ],
    );
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
    return this.uow
      .manager()
      .query(`SELECT ${RAW_AUDIT_COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`, [
        afterSeq,
        limit,
      ]);
  }

  /**
   * Names the current (snapshot) transaction's view so worker connections can share it, and
   * gives the highest seq in it.
   */
  async exportSnapshot(): Promise<{ snapshot: string; maxSeq: number }> {
    const [row] = await this.uow
      .transactionManager()
      .query<{ snapshot: string; max_seq: string }[]>(
        'SELECT pg_export_snapshot() AS snapshot, (SELECT COALESCE(max(seq), 0) FROM audit_events) AS max_seq',
      );
    return { snapshot: row.snapshot, maxSeq: Number(row.max_seq) };
  }

  rowsAt(seqs: number[]): Promise<RawAuditRow[]> {
    return this.uow
      .manager()
      .query(
        `SELECT ${RAW_AUDIT_COLUMNS} FROM audit_events WHERE seq = ANY($1::bigint[]) ORDER BY seq`,
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
