import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { MessageStatus } from '../domain/message-status.js';

/** A message's current state. Its content lives in immutable versions. */
@Entity({ name: 'messages' })
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  /** The service the message is written for; null only for the comms team's own corporate messages. */
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @Column({ type: 'text' })
  status: MessageStatus;

  @Column({ name: 'current_version', type: 'int' })
  currentVersion: number;

  /** Incremented on each submission; approvals count only within the current round. */
  @Column({ name: 'review_round', type: 'int', default: 0 })
  reviewRound: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'dispatch_at', type: 'timestamptz', nullable: true })
  dispatchAt: Date | null;

  @Column({ name: 'dispatch_job_id', type: 'text', nullable: true })
  dispatchJobId: string | null;

  /** When the fan-out fixed who receives it; null until it starts sending. */
  @Column({ name: 'recipients_frozen_at', type: 'timestamptz', nullable: true })
  recipientsFrozenAt: Date | null;

  /** How many residents it was frozen to; null until then. */
  @Column({ name: 'recipients_total', type: 'int', nullable: true })
  recipientsTotal: number | null;

  /** The fan-out's cursor: positions below it have been taken by a worker. */
  @Column({ name: 'recipients_claimed', type: 'int', default: 0 })
  recipientsClaimed: number;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  /** Millisecond precision, so the list's keyset cursor round-trips through a JS Date exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
