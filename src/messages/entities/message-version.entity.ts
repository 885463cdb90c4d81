import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Audience, MessageContent } from '../domain/message-content.js';
import type { Priority } from '../domain/message-status.js';

/** One immutable version of a message's content; a database trigger refuses changes. */
@Entity({ name: 'message_versions' })
export class MessageVersionEntity {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Column({ type: 'jsonb' })
  content: MessageContent;

  @Column({ type: 'jsonb' })
  audience: Audience;

  @Column({ type: 'text' })
  priority: Priority;

  @Column({ name: 'send_at', type: 'timestamptz', nullable: true })
  sendAt: Date | null;

  @Column({ name: 'emergency_reason', type: 'text', nullable: true })
  emergencyReason: string | null;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ name: 'edited_by', type: 'uuid' })
  editedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
