import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work.js';
import { AreaEntity } from './area.entity.js';
import { TopicEntity } from './topic.entity.js';

export type AudienceKind = 'area' | 'topic';
const ENTITY = { area: AreaEntity, topic: TopicEntity } as const;

@Injectable()
export class AudienceRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private repo(kind: AudienceKind) {
    return this.uow.manager().getRepository<AreaEntity | TopicEntity>(ENTITY[kind]);
  }

  insert(kind: AudienceKind, code: string, name: string): Promise<AreaEntity | TopicEntity> {
    return this.repo(kind).save({ code, name });
  }

  findByCode(kind: AudienceKind, code: string): Promise<AreaEntity | TopicEntity | null> {
    return this.repo(kind).findOneBy({ code });
  }

  list(kind: AudienceKind): Promise<(AreaEntity | TopicEntity)[]> {
    return this.repo(kind).find({ order: { code: 'ASC' } });
  }

  async existingCodes(kind: AudienceKind, codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const found = await this.repo(kind).findBy({ code: In(codes) });
    return found.map((entry) => entry.code);
  }
}
