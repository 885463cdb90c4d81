import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An event recorded with its change, waiting for the sequencer to chain it. */
@Entity({ name: 'audit_queue' })
export class AuditQueueEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

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

  /** The event's canonical JSON text without its seq, which the sequencer adds. */
  @Column({ type: 'text' })
  event: string;
}
