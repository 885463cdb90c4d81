import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from './role.js';
import { ServiceEntity } from './service.entity.js';

@Entity({ name: 'staff' })
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; the identity a sign-in token names. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Their own phone for "send me a test", sealed by PhoneVault; never stored in clear. */
  @Column({ name: 'test_phone_sealed', type: 'text', nullable: true })
  testPhoneSealed: string | null;

  @ManyToMany(() => ServiceEntity)
  @JoinTable({
    name: 'staff_services',
    joinColumn: { name: 'staff_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'service_id', referencedColumnName: 'id' },
  })
  services: ServiceEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
