import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import {
  type KeyCount,
  keyIdExpression,
  olderKeyPredicate,
  SEALED_COLUMNS,
  type SealedColumn,
  sealedBytesPrefix,
  sealedPrefixPattern,
} from './sealed-columns.js';

export interface SealedRow<V> {
  key: string;
  value: V;
}

/** Reads and rewrites sealed columns, and nothing else in their rows. */
@Injectable()
export class PhoneResealingRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The next rows after `after` (in primary-key order) sealed under an older key, locked; rows
   * another process has locked are skipped, so several processes share the work.
   */
  async claimOlder<V extends string | Buffer>(
    column: SealedColumn,
    keys: { newest: string; older: string[] },
    after: string | null,
    limit: number,
  ): Promise<SealedRow<V>[]> {
    const newest =
      column.kind === 'text' ? sealedPrefixPattern(keys.newest) : sealedBytesPrefix(keys.newest);
    const rows = await this.uow.transactionManager().query<{ key: string; value: V }[]>(
      `SELECT "${column.key}"::text AS key, "${column.column}" AS value
         FROM "${column.table}"
        WHERE ${olderKeyPredicate(column)}
          AND ($3::text IS NULL OR "${column.key}" > $3::${column.keyType})
        ORDER BY "${column.key}"
        LIMIT $4
          FOR UPDATE SKIP LOCKED`,
      [newest, keys.older, after, limit],
    );
    return rows;
  }

  /** Writes the re-sealed values of rows claimed in this transaction. */
  async rewrite<V extends string | Buffer>(
    column: SealedColumn,
    rows: SealedRow<V>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.uow.transactionManager().query(
      `UPDATE "${column.table}" AS t SET "${column.column}" = v.value
         FROM unnest($1::${column.keyType}[], $2::${column.kind === 'text' ? 'text' : 'bytea'}[])
              AS v(key, value)
        WHERE t."${column.key}" = v.key`,
      [rows.map((row) => row.key), rows.map((row) => row.value)],
    );
  }

  /** How many values each key id seals, per table (a full read of every sealed column). */
  async countByKey(): Promise<KeyCount[]> {
    const counts: KeyCount[] = [];
    for (const column of SEALED_COLUMNS) {
      const rows = await this.uow.manager().query<{ key_id: string; rows: string }[]>(
        `SELECT ${keyIdExpression(column)} AS key_id, count(*) AS rows
           FROM "${column.table}" WHERE "${column.column}" IS NOT NULL GROUP BY 1`,
      );
      for (const row of rows) {
        counts.push({ table: column.table, keyId: row.key_id, rows: Number(row.rows) });
      }
    }
    return counts;
  }
}
