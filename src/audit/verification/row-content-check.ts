// Loaded as TypeScript source by the verifier's worker threads too: .ts imports, strippable syntax.
import type { RawAuditRow } from '../audit-row.sql.ts';
import { type SearchableFacts, searchableFacts } from './searchable-facts.ts';

/** The columns kept for searching, each compared with the same fact inside the hashed text. */
function columnMismatch(row: RawAuditRow, facts: SearchableFacts): string | null {
  const checks: [string, unknown, unknown][] = [
    ['type', row.type, facts.type],
    ['recorded_at', row.recorded_at, facts.recordedAt],
    ['actor_ref', row.actor_ref, facts.actorRef],
    // The one person an event is about: a member of staff or a resident.
    ['subject_ref', row.subject_ref, facts.staffRef ?? facts.residentRef],
    ['message_id', row.message_id, facts.messageId],
    ['channel_id', row.channel_id, facts.channelId],
  ];
  return checks.find(([, column, hashed]) => column !== hashed)?.[0] ?? null;
}

/** Why a row's text and columns disagree (once its hashes are known good), or null. */
export function contentProblem(row: RawAuditRow): string | null {
  const seq = Number(row.seq);
  const facts = searchableFacts(row.payload);
  if (!facts) return 'its stored text is not a Crier audit event';
  if (facts.seq !== seq) return `its text says it is event ${facts.seq}: it was renumbered`;
  const column = columnMismatch(row, facts);
  return column ? `its ${column} column differs from its hashed text: the row was altered` : null;
}
