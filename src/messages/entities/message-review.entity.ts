import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReviewDecision = 'approved' | 'changes_requested';

/** A reviewer's decision on one exact version; immutable once written. */
@Entity({ name: 'message_reviews' })
export class MessageReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'review_round', type: 'int' })
  reviewRound: number;

  @Column({ type: 'text' })
  decision: ReviewDecision;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
