import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One appended event. `payload` is the canonical JSON text of the whole event, `seq` included;
 * the other columns are copies kept for searching, and verification checks they agree with it.
 */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'actor_ref', type: 'uuid', nullable: true })
  actorRef: string | null;

  @Column({ name: 'subject_ref', type: 'uuid', nullable: true })
  subjectRef: string | null;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId: string | null;

  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'leaf_hash', type: 'bytea' })
  leafHash: Buffer;

  @Column({ name: 'chain_hash', type: 'bytea' })
  chainHash: Buffer;
}
