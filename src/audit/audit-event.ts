/** Who caused an event, as callers name them: a staff member by id, or Crier itself. */
export type AuditActor = { kind: 'staff'; id: string } | { kind: 'system'; reason: string };

/**
 * What an event is about, as callers name it. A person is named by their staff id, or a resident
 * by their subscriber id; at most one person per event.
 */
export interface AuditSubject {
  messageId?: string;
  channelId?: string;
  staffId?: string;
  serviceId?: string;
  residentId?: string;
}

export interface AuditEventInput {
  /** Dotted, past tense: `message.approved`, `channel.policy_changed`. */
  type: string;
  actor: AuditActor;
  subject?: AuditSubject;
  /** What happened; `before`/`after` where a value changed. No personal data in clear. */
  data: Record<string, unknown>;
}

/** How an event names a person once stored: a random reference, never an id, email or name. */
export type StoredActor = { kind: 'staff'; ref: string } | { kind: 'system'; reason: string };

export interface StoredSubject {
  messageId?: string;
  channelId?: string;
  serviceId?: string;
  staffRef?: string;
  residentRef?: string;
}

/** The person an event is about, kept in the searchable subject_ref column. */
export const subjectRefOf = (subject: StoredSubject): string | null =>
  subject.staffRef ?? subject.residentRef ?? null;

/** The exact content of the canonical JSON text that is stored and hashed. */
export interface StoredAuditEvent {
  seq: number;
  type: string;
  recordedAt: string;
  actor: StoredActor;
  subject: StoredSubject;
  data: Record<string, unknown>;
}
