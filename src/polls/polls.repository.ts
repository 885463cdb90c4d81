import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Audience, MessageContent } from '../messages/domain/message-content.js';
import type { MessageStatus } from '../messages/domain/message-status.js';
import type { PollDefinition } from '../messages/domain/poll-definition.js';

/** A message's poll as its current version defines it. */
export interface PollRecord {
  messageId: string;
  channelId: string;
  status: MessageStatus;
  poll: PollDefinition;
  /** The content that carries the poll: its text, or its template's parameters, is the question. */
  content: MessageContent;
  audience: Audience;
  /** When the final tallies were recorded; nothing changes them after. */
  closedAt: Date | null;
}

export interface AnswerInput {
  messageId: string;
  voterHash: string;
  optionIndex: number;
  /** The areas of the poll's audience to count the answer in. */
  audienceAreas: string[];
  answeredAt: Date;
  providerMessageId: string;
}

/** Answers to one option, overall or in one area (null: the resident is no longer in any). */
export interface TallyRow {
  areaCode: string | null;
  optionIndex: number;
  answers: number;
}

/** The poll tables, and the reads polls make of messages, deliveries and subscribers. */
@Injectable()
export class PollsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private read<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  private write<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.transactionManager().query<T>(text, values);
  }

  /** The poll of a message's current version, or null when it carries none. */
  async find(messageId: string): Promise<PollRecord | null> {
    const rows = await this.read<
      {
        id: string;
        channel_id: string;
        status: MessageStatus;
        content: MessageContent;
        audience: Audience;
        closed_at: Date | null;
      }[]
    >(
      `SELECT m.id, m.channel_id, m.status, v.content, v.audience, c.closed_at
         FROM messages m
         JOIN message_versions v ON v.message_id = m.id AND v.version = m.current_version
         LEFT JOIN poll_closures c ON c.message_id = m.id
        WHERE m.id = $1 AND v.content ? 'poll'`,
      [messageId],
    );
    const row = rows[0];
    if (!row?.content.poll) return null;
    return {
      messageId: row.id,
      channelId: row.channel_id,
      status: row.status,
      poll: row.content.poll,
      content: row.content,
      audience: row.audience,
      closedAt: row.closed_at,
    };
  }

  /**
   * Records a resident's answer if the poll was sent to them: one row per resident, replaced
   * only by a later tap (WhatsApp's time of the tap, to the second; within one second, the one
   * that arrives last), so a repeated or late callback changes nothing. Returns false when the
   * resident was not sent this poll or a newer answer stands.
   */
  async recordAnswer(answer: AnswerInput): Promise<boolean> {
    const rows = await this.write<{ message_id: string }[]>(
      `WITH answer AS (
         INSERT INTO poll_answers AS p
           (message_id, voter_hash, option_index, area_codes, answered_at, provider_message_id)
         SELECT $1, $2, $3,
                COALESCE((SELECT ARRAY(SELECT unnest(s.area_codes)
                                       INTERSECT SELECT unnest($4::text[]) ORDER BY 1)
                            FROM subscribers s WHERE s.phone_hash = $2), '{}'),
                $5, $6
          WHERE EXISTS (SELECT 1 FROM message_deliveries d
                         WHERE d.message_id = $1 AND d.recipient_phone_hash = $2
                           AND d.purpose = 'alert')
         ON CONFLICT (message_id, voter_hash) DO UPDATE SET
           option_index = EXCLUDED.option_index,
           area_codes = EXCLUDED.area_codes,
           answered_at = EXCLUDED.answered_at,
           provider_message_id = EXCLUDED.provider_message_id,
           updated_at = now()
          WHERE p.answered_at <= EXCLUDED.answered_at
            AND p.provider_message_id <> EXCLUDED.provider_message_id
         RETURNING message_id)
       SELECT message_id FROM answer`,
      [
        answer.messageId,
        answer.voterHash,
        answer.optionIndex,
        answer.audienceAreas,
        answer.answeredAt.toISOString(),
        answer.providerMessageId,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Answers per option, overall and per area (a resident in two of the audience's areas counts
   * in both). Only answers given by the closing time count.
   */
  async tallies(
    messageId: string,
    closesAt: Date,
  ): Promise<{ overall: TallyRow[]; byArea: TallyRow[] }> {
    const rows = await this.read<
      { overall: boolean; area_code: string | null; option_index: number; answers: string }[]
    >(
      `SELECT true AS overall, NULL AS area_code, option_index, count(*) AS answers
         FROM poll_answers WHERE message_id = $1 AND answered_at <= $2
        GROUP BY option_index
       UNION ALL
       SELECT false, a.area_code, p.option_index, count(*)
         FROM poll_answers p
         LEFT JOIN LATERAL unnest(p.area_codes) AS a(area_code) ON true
        WHERE p.message_id = $1 AND p.answered_at <= $2
        GROUP BY a.area_code, p.option_index`,
      [messageId, closesAt.toISOString()],
    );
    const toRow = (row: (typeof rows)[number]): TallyRow => ({
      areaCode: row.area_code,
      optionIndex: row.option_index,
      answers: Number(row.answers),
    });
    return {
      overall: rows.filter((row) => row.overall).map(toRow),
      byArea: rows.filter((row) => !row.overall).map(toRow),
    };
  }

  /** The names of areas by code. */
  async areaNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.read<{ code: string; name: string }[]>(
      `SELECT code, name FROM areas WHERE code = ANY($1::text[])`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.name]));
  }

  /** Polls whose closing time passed before `before` and whose tallies are not yet final. */
  async dueForClosing(before: Date, limit: number): Promise<string[]> {
    const rows = await this.read<{ id: string }[]>(
      `SELECT m.id
         FROM messages m
         JOIN message_versions v ON v.message_id = m.id AND v.version = m.current_version
        WHERE v.content ? 'poll'
          AND m.status IN ('sending', 'sent', 'cancelled')
          AND (v.content -> 'poll' ->> 'closesAt')::timestamptz < $1
          AND NOT EXISTS (SELECT 1 FROM poll_closures c WHERE c.message_id = m.id)
        ORDER BY m.id
        LIMIT $2`,
      [before.toISOString(), limit],
    );
    return rows.map((row) => row.id);
  }

  /** Records the final tallies once; false when another process already did. */
  async close(messageId: string, tallies: unknown): Promise<boolean> {
    const rows = await this.write<{ message_id: string }[]>(
      `WITH closed AS (
         INSERT INTO poll_closures (message_id, tallies) VALUES ($1, $2)
         ON CONFLICT (message_id) DO NOTHING RETURNING message_id)
       SELECT message_id FROM closed`,
      [messageId, JSON.stringify(tallies)],
    );
    return rows.length > 0;
  }
}
