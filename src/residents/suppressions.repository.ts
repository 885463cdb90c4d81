import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { SuppressionReason } from './domain/opt-out.js';

export interface Suppression {
  reason: SuppressionReason;
  since: Date;
}

/** Numbers never to be messaged again, by lookup hash: they outlive any subscription. */
@Injectable()
export class SuppressionsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  async find(phoneHash: string): Promise<Suppression | null> {
    const [row] = await this.query<{ reason: SuppressionReason; created_at: Date }[]>(
      `SELECT reason, created_at FROM suppressions WHERE phone_hash = $1`,
      [phoneHash],
    );
    return row ? { reason: row.reason, since: row.created_at } : null;
  }

  async suppressedAmong(phoneHashes: string[]): Promise<Set<string>> {
    const rows = await this.query<{ phone_hash: string }[]>(
      `SELECT phone_hash FROM suppressions WHERE phone_hash = ANY($1::text[])`,
      [phoneHashes],
    );
    return new Set(rows.map((row) => row.phone_hash));
  }

  /** Suppresses a number; one already suppressed keeps its first reason and date. */
  async suppress(phoneHash: string, reason: Exclude<SuppressionReason, 'erased'>): Promise<void> {
    await this.query(
      `INSERT INTO suppressions (phone_hash, reason) VALUES ($1, $2)
       ON CONFLICT (phone_hash) DO NOTHING`,
      [phoneHash, reason],
    );
  }

  /**
   * What is left of an erased number: its keyed hash, so that it is never messaged again unless it
   * opts in afresh. Any earlier reason and date are replaced, as they too were about the person.
   */
  async tombstone(phoneHash: string): Promise<void> {
    await this.query(
      `INSERT INTO suppressions (phone_hash, reason) VALUES ($1, 'erased')
       ON CONFLICT (phone_hash) DO UPDATE SET reason = 'erased', created_at = now()`,
      [phoneHash],
    );
  }
}
