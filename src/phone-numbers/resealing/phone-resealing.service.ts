import { Injectable, Logger } from '@nestjs/common';
import type { AuditActor } from '../../audit/audit-event.js';
import { AuditLog } from '../../audit/audit-log.service.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { PhoneVault } from '../phone-vault.js';
import { PhoneResealingRepository, type SealedRow } from './phone-resealing.repository.js';
import {
  columnName,
  type KeyCensus,
  keyCensus,
  SEALED_COLUMNS,
  type SealedColumn,
} from './sealed-columns.js';

/** Rows re-sealed per transaction. */
export const RESEAL_BATCH = 500;

export interface ResealReport {
  newestKeyId: string;
  olderKeyIds: string[];
  /** Values re-sealed under the newest key, by `table.column`. */
  resealed: Record<string, number>;
  /** Values under an older key that would not open (altered, or not a sealed value): left. */
  unreadable: Record<string, number>;
  total: number;
}

/**
 * Re-seals, under the newest key, every value sealed under an older configured key, so that an
 * older key can be retired. Values only: the lookup hash (its own key) and every other column
 * stay as they were. Each batch is its own transaction, and rows another process holds are
 * skipped, so every process can run it at once; one audit event records each run that changed
 * anything.
 */
@Injectable()
export class PhoneResealingService {
  private readonly logger = new Logger('PhoneKeys');

  constructor(
    private readonly repository: PhoneResealingRepository,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async reseal(actor: AuditActor, batchSize = RESEAL_BATCH): Promise<ResealReport> {
    const [newest, ...older] = this.vault.keyIds;
    const report: ResealReport = {
      newestKeyId: newest,
      olderKeyIds: older,
      resealed: Object.fromEntries(SEALED_COLUMNS.map((c) => [columnName(c), 0])),
      unreadable: Object.fromEntries(SEALED_COLUMNS.map((c) => [columnName(c), 0])),
      total: 0,
    };
    // With one key every value this process can open is already current: nothing to read.
    if (older.length === 0) return report;
    for (const column of SEALED_COLUMNS) {
      const { resealed, unreadable } = await this.resealColumn(
        column,
        { newest, older },
        batchSize,
      );
      report.resealed[columnName(column)] = resealed;
      report.unreadable[columnName(column)] = unreadable;
      report.total += resealed;
      if (unreadable > 0) {
        this.logger.warn(
          `${unreadable} value(s) in ${columnName(column)} under an older key would not open; left as they are`,
        );
      }
    }
    if (report.total > 0) {
      await this.uow.run(() =>
        this.audit.record({
          type: 'phone_keys.resealed',
          actor,
          data: {
            newestKeyId: newest,
            olderKeyIds: older,
            resealed: report.resealed,
            unreadable: report.unreadable,
            total: report.total,
          },
        }),
      );
    }
    return report;
  }

  /** Rows per key id over every sealed column, and which configured older keys can go. */
  async census(): Promise<
    KeyCensus & { byTable: { table: string; keyId: string; rows: number }[] }
  > {
    const counts = await this.repository.countByKey();
    return { ...keyCensus(this.vault.keyIds, counts), byTable: counts };
  }

  private async resealColumn(
    column: SealedColumn,
    keys: { newest: string; older: string[] },
    batchSize: number,
  ): Promise<{ resealed: number; unreadable: number }> {
    let after: string | null = null;
    let resealed = 0;
    let unreadable = 0;
    for (;;) {
      const batch = await this.uow.run(async () => {
        const rows = await this.repository.claimOlder<string | Buffer>(
          column,
          keys,
          after,
          batchSize,
        );
        const fresh: SealedRow<string | Buffer>[] = [];
        for (const row of rows) {
          const value = this.resealValue(row.value);
          if (value === null) unreadable += 1;
          else fresh.push({ key: row.key, value });
        }
        await this.repository.rewrite(column, fresh);
        return { claimed: rows.length, rewritten: fresh.length, last: rows.at(-1)?.key ?? null };
      });
      resealed += batch.rewritten;
      if (batch.claimed < batchSize || batch.last === null) return { resealed, unreadable };
      after = batch.last;
    }
  }

  private resealValue(value: string | Buffer): string | Buffer | null {
    try {
      return typeof value === 'string' ? this.vault.reseal(value) : this.vault.resealBytes(value);
    } catch {
      return null;
    }
  }
}
