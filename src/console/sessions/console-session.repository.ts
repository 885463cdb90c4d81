import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';

export interface ConsoleSession {
  /** SHA-256 of the cookie's token. */
  id: string;
  staffId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

interface SessionRow {
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

const toSession = (row: SessionRow): ConsoleSession => ({
  id: row.id,
  staffId: row.staff_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
});

/** Staff console sessions, held in PostgreSQL so that every Crier instance knows them. */
@Injectable()
export class ConsoleSessionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  async insert(session: ConsoleSession): Promise<void> {
    await this.query(
      `INSERT INTO console_sessions
         (id, staff_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        session.id,
        session.staffId,
        session.csrfToken,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      ],
    );
  }

  async find(id: string): Promise<ConsoleSession | null> {
    const rows = await this.query<SessionRow[]>(
      `SELECT id, staff_id, csrf_token, created_at, last_seen_at, expires_at
         FROM console_sessions WHERE id = $1`,
      [id],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.query(
      `UPDATE console_sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2`,
      [id, at],
    );
  }

  async delete(id: string): Promise<void> {
    await this.query(`DELETE FROM console_sessions WHERE id = $1`, [id]);
  }

  /** Removes sessions past their end or idle since before `idleSince`. */
  async deleteExpired(now: Date, idleSince: Date): Promise<void> {
    await this.query(`DELETE FROM console_sessions WHERE expires_at <= $1 OR last_seen_at <= $2`, [
      now,
      idleSince,
    ]);
  }
}
