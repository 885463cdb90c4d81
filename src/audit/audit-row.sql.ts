// Loaded as TypeScript source by the verifier's worker threads too, so it imports with .ts
// extensions and uses only syntax that Node can strip.

/** A stored event as verification reads it: every column, nothing interpreted. */
export interface RawAuditRow {
  seq: string;
  /** ISO 8601 in UTC with milliseconds, formatted by PostgreSQL as the payload writes it. */
  recorded_at: string;
  type: string;
  actor_ref: string | null;
  subject_ref: string | null;
  message_id: string | null;
  channel_id: string | null;
  payload: string;
  leaf_hash: Buffer;
  chain_hash: Buffer;
}

// recorded_at comes back as the text the payload holds, so verifying a million rows parses no dates.
export const RAW_AUDIT_COLUMNS = `seq, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
  type, actor_ref, subject_ref, message_id, channel_id, payload, leaf_hash, chain_hash`;
