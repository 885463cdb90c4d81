import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import type { JoinStep } from './join-steps.js';
import type { JoinLanguage } from './join-words.js';

export interface JoinConversation {
  channelId: string;
  step: JoinStep;
  /** Every reply is in the language of the word that started it: Welsh for YMUNO. */
  language: JoinLanguage;
  areaCode: string | null;
  topicCodes: string[];
  /** The wamids of the resident's messages in this conversation: their consent evidence. */
  evidence: string[];
}

interface Row {
  channel_id: string;
  step: JoinStep;
  language: JoinLanguage;
  area_code: string | null;
  topic_codes: string[];
  evidence: string[];
}

/** JOIN conversations in progress, one per number, forgotten once idle past their expiry. */
@Injectable()
export class JoinConversationsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private query<T>(text: string, values: unknown[]): Promise<T> {
    return this.uow.manager().query<T>(text, values);
  }

  /** Starts (or restarts: a second JOIN begins again) the number's conversation. */
  async start(input: {
    phoneHash: string;
    phoneSealed: string;
    channelId: string;
    language: JoinLanguage;
    evidence: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.query(
      `INSERT INTO join_conversations
         (phone_hash, phone_sealed, channel_id, step, language, evidence, expires_at)
       VALUES ($1, $2, $3, 'area', $4, jsonb_build_array($5::text), $6)
       ON CONFLICT (phone_hash) DO UPDATE SET
         phone_sealed = EXCLUDED.phone_sealed, channel_id = EXCLUDED.channel_id, step = 'area',
         language = EXCLUDED.language, area_code = NULL, topic_codes = '{}',
         evidence = EXCLUDED.evidence, updated_at = now(), expires_at = EXCLUDED.expires_at`,
      [
        input.phoneHash,
        input.phoneSealed,
        input.channelId,
        input.language,
        input.evidence,
        input.expiresAt,
      ],
    );
  }

  /**
   * The number's live conversation, locked; an idle one is deleted first, so a late tap never
   * finds it whether or not anything has swept it.
   */
  async take(phoneHash: string, now: Date): Promise<JoinConversation | null> {
    await this.query(`DELETE FROM join_conversations WHERE phone_hash = $1 AND expires_at <= $2`, [
      phoneHash,
      now,
    ]);
    const [row] = await this.query<Row[]>(
      `SELECT channel_id, step, language, area_code, topic_codes, evidence FROM join_conversations
        WHERE phone_hash = $1 FOR UPDATE`,
      [phoneHash],
    );
    if (!row) return null;
    return {
      channelId: row.channel_id,
      step: row.step,
      language: row.language,
      areaCode: row.area_code,
      topicCodes: row.topic_codes,
      evidence: row.evidence,
    };
  }

  async save(phoneHash: string, conversation: JoinConversation, expiresAt: Date): Promise<void> {
    await this.query(
      `UPDATE join_conversations SET step = $2, area_code = $3, topic_codes = $4,
              evidence = $5::jsonb, updated_at = now(), expires_at = $6
        WHERE phone_hash = $1`,
      [
        phoneHash,
        conversation.step,
        conversation.areaCode,
        conversation.topicCodes,
        JSON.stringify(conversation.evidence),
        expiresAt,
      ],
    );
  }

  /** Ends the conversation: confirmed, cancelled, or the resident sent STOP. */
  async forget(phoneHash: string): Promise<void> {
    await this.query(`DELETE FROM join_conversations WHERE phone_hash = $1`, [phoneHash]);
  }

  /** Conversations left idle past their expiry. */
  async deleteExpired(now: Date): Promise<number> {
    const [row] = await this.query<{ n: string }[]>(
      `WITH gone AS (DELETE FROM join_conversations WHERE expires_at <= $1 RETURNING 1)
       SELECT count(*) AS n FROM gone`,
      [now],
    );
    return Number(row?.n ?? 0);
  }
}
