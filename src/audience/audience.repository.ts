import { Injectable } from '@nestjs/common';
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

  async rename(kind: AudienceKind, code: string, name: string): Promise<void> {
    await this.repo(kind).update({ code }, { name });
  }

  list(kind: AudienceKind): Promise<(AreaEntity | TopicEntity)[]> {
    return this.repo(kind).find({ order: { code: 'ASC' } });
  }

  /** The codes among these that no area or topic has, in one round trip. */
  async unknownCodes(
    areas: string[],
    topics: string[],
  ): Promise<{ areas: string[]; topics: string[] }> {
    const rows = await this.uow.manager().query<{ kind: AudienceKind; code: string }[]>(
      `SELECT 'area' AS kind, c AS code FROM unnest($1::text[]) AS c
        WHERE NOT EXISTS (SELECT 1 FROM areas a WHERE a.code = c)
       UNION ALL
       SELECT 'topic', c FROM unnest($2::text[]) AS c
        WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE t.code = c)`,
      [areas, topics],
    );
    const of = (kind: AudienceKind) =>
      rows.filter((row) => row.kind === kind).map((row) => row.code);
    return { areas: of('area'), topics: of('topic') };
  }
}
