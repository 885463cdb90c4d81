import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One appended event. `payload` is the canonical JSON text of the whole event; the other columns
 * are copies kept for searching, and must agree with it.
 */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId: string | null;

  @Column({ type: 'text' })
  payload: string;
}
