import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PseudonymSubjectType = 'staff' | 'resident';

/** The one link between a person and the references that name them in audit events. */
@Entity({ name: 'audit_pseudonyms' })
export class AuditPseudonymEntity {
  @PrimaryGeneratedColumn('uuid')
  ref: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: PseudonymSubjectType;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  /** Salts the person's commitments; erased with the row, so they can no longer be tested. */
  @Column({ type: 'bytea' })
  salt: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
