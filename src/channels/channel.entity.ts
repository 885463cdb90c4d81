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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
