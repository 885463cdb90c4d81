import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Postcode } from './postcode.js';

/** Rows per statement: keeps each insert's parameter arrays to a few megabytes. */
const UPSERT_BATCH = 20_000;

@Injectable()
export class PostcodesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Adds each mapping, or points an existing postcode at its new area. */
  async upsert(mappings: { postcode: Postcode; areaCode: string }[]): Promise<void> {
    for (let start = 0; start < mappings.length; start += UPSERT_BATCH) {
      const batch = mappings.slice(start, start + UPSERT_BATCH);
      await this.uow.manager().query(
        `INSERT INTO postcodes (postcode, area_code)
         SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (postcode) DO UPDATE SET area_code = EXCLUDED.area_code`,
        [batch.map((m) => m.postcode), batch.map((m) => m.areaCode)],
      );
    }
  }

  async findWithArea(
    postcode: Postcode,
  ): Promise<{ postcode: string; areaCode: string; areaName: string } | null> {
    const rows = await this.uow
      .manager()
      .query<{ postcode: string; area_code: string; area_name: string }[]>(
        `SELECT p.postcode, a.code AS area_code, a.name AS area_name
         FROM postcodes p JOIN areas a ON a.code = p.area_code
        WHERE p.postcode = $1`,
        [postcode],
      );
    const row = rows[0];
    return row
      ? { postcode: row.postcode, areaCode: row.area_code, areaName: row.area_name }
      : null;
  }
}
