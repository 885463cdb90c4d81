import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AuditPseudonymEntity, type PseudonymSubjectType } from './audit-pseudonym.entity.js';

@Injectable()
export class AuditPseudonymsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private repo() {
    return this.uow.manager().getRepository(AuditPseudonymEntity);
  }

  find(type: PseudonymSubjectType, id: string): Promise<AuditPseudonymEntity | null> {
    return this.repo().findOneBy({ subjectType: type, subjectId: id });
  }

  /** The person's reference, made on first use; concurrent first uses agree on one row. */
  async findOrCreate(type: PseudonymSubjectType, id: string): Promise<AuditPseudonymEntity> {
    const existing = await this.find(type, id);
    if (existing) return existing;
    await this.repo()
      .createQueryBuilder()
      .insert()
      .values({ subjectType: type, subjectId: id, salt: randomBytes(16) })
      .orIgnore()
      .execute();
    const created = await this.find(type, id);
    if (!created) throw new Error('audit pseudonym vanished while being created');
    return created;
  }

  async resolve(refs: string[]): Promise<Map<string, AuditPseudonymEntity>> {
    if (refs.length === 0) return new Map();
    const found = await this.repo().findBy({ ref: In(refs) });
    return new Map(found.map((row) => [row.ref, row]));
  }

  async erase(type: PseudonymSubjectType, id: string): Promise<string | null> {
    const existing = await this.find(type, id);
    if (!existing) return null;
    await this.repo().delete({ ref: existing.ref });
    return existing.ref;
  }
}
