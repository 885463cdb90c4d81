import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ChannelKind, GovernancePolicy } from './governance-policy.js';

/** One WhatsApp business phone number and the policy that governs what it sends. */
@Entity({ name: 'channels' })
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text' })
  kind: ChannelKind;

  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  /** The Cloud API's id for the business number; sends go to /{phoneNumberId}/messages. */
  @Column({ name: 'phone_number_id', type: 'text', unique: true })
  phoneNumberId: string;

  @Column({ name: 'display_phone_number', type: 'text' })
  displayPhoneNumber: string;

  @Column({ type: 'jsonb' })
  policy: GovernancePolicy;

  /** Which dispatcher sends for this channel (see src/dispatch/sender-registry.ts). */
  @Column({ type: 'text', default: 'whatsapp-cloud-api' })
  provider: string;

  /** Set when the provider refused the channel itself (token, permission, restriction). */
  @Column({ name: 'sending_paused_at', type: 'timestamptz', nullable: true })
  sendingPausedAt: Date | null;

  @Column({ name: 'sending_paused_code', type: 'text', nullable: true })
  sendingPausedCode: string | null;

  @Column({ name: 'sending_paused_reason', type: 'text', nullable: true })
  sendingPausedReason: string | null;

  /** Messages per second this number may send (Meta's default is 80; up to 1,000). */
  @Column({ name: 'throughput_per_second', type: 'int', default: 80 })
  throughputPerSecond: number;

  /** The fan-out's shared pacing: the next free send slot, across every Crier process. */
  @Column({ name: 'next_send_slot_at', type: 'timestamptz', nullable: true })
  nextSendSlotAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
