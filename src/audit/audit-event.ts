/** Who caused an event: a staff member (by their id, a pseudonymous reference) or Crier itself. */
export type AuditActor = { kind: 'staff'; id: string } | { kind: 'system'; reason: string };

export interface AuditSubject {
  messageId?: string;
  channelId?: string;
  staffId?: string;
  serviceId?: string;
}

export interface AuditEventInput {
  /** Dotted, past tense: `message.approved`, `channel.policy_changed`. */
  type: string;
  actor: AuditActor;
  subject?: AuditSubject;
  /** What happened; `before`/`after` where a value changed. No personal data in clear. */
  data: Record<string, unknown>;
}

export interface RecordedAuditEvent {
  seq: number;
  type: string;
  recordedAt: string;
  actor: AuditActor;
  subject: AuditSubject;
  data: Record<string, unknown>;
}
