import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditActor } from '../audit/audit-event.js';
import { badInput, conflict, notFound } from '../common/errors/crier-error.js';
import { TtlCache } from '../common/ttl-cache.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { type AudienceKind, AudienceRepository } from './audience.repository.js';
import type { AudienceEntryView } from './dto/audience.dto.js';

/** The areas and topics that residents subscribe to and that messages are addressed to. */
@Injectable()
export class AudienceService {
  private readonly known = new TtlCache<true>(60_000);

  constructor(
    private readonly repository: AudienceRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async create(
    actor: AuditActor,
    kind: AudienceKind,
    code: string,
    name: string,
  ): Promise<AudienceEntryView> {
    return this.uow.run(async () => {
      if (await this.repository.findByCode(kind, code)) {
        throw conflict(`${kind.toUpperCase()}_CODE_TAKEN`, `There is already a ${kind} "${code}".`);
      }
      const entry = await this.repository.insert(kind, code, name);
      await this.audit.record({
        type: `${kind}.created`,
        actor,
        data: { id: entry.id, code, name },
      });
      return { id: entry.id, code: entry.code, name: entry.name };
    });
  }

  /**
   * A new name for an area or topic (a ward renamed, a clearer topic); its code, which residents'
   * subscriptions, messages and imports use, stays.
   */
  async rename(
    actor: AuditActor,
    kind: AudienceKind,
    code: string,
    name: string,
  ): Promise<AudienceEntryView> {
    return this.uow.run(async () => {
      const entry = await this.repository.findByCode(kind, code);
      if (!entry) {
        throw notFound(`${kind.toUpperCase()}_NOT_FOUND`, `There is no ${kind} "${code}".`);
      }
      if (entry.name !== name) {
        await this.repository.rename(kind, code, name);
        await this.audit.record({
          type: `${kind}.renamed`,
          actor,
          data: { id: entry.id, code, from: entry.name, to: name },
        });
      }
      return { id: entry.id, code, name };
    });
  }

  async get(kind: AudienceKind, code: string): Promise<AudienceEntryView | null> {
    const entry = await this.repository.findByCode(kind, code);
    return entry && { id: entry.id, code: entry.code, name: entry.name };
  }

  async list(kind: AudienceKind): Promise<AudienceEntryView[]> {
    const entries = await this.repository.list(kind);
    return entries.map(({ id, code, name }) => ({ id, code, name }));
  }

  /** Refuses an audience that names an area or topic the council has not defined. */
  async requireKnown(areas: string[], topics: string[]): Promise<void> {
    // Codes seen to exist are remembered for a minute: areas and topics are only ever added.
    const unseen = (kind: string, codes: string[]) =>
      codes.filter((code) => !this.known.get(`${kind}:${code}`));
    const [areasToCheck, topicsToCheck] = [unseen('area', areas), unseen('topic', topics)];
    if (areasToCheck.length === 0 && topicsToCheck.length === 0) return;
    const unknown = await this.repository.unknownCodes(areasToCheck, topicsToCheck);
    for (const code of areasToCheck.filter((c) => !unknown.areas.includes(c))) {
      this.known.set(`area:${code}`, true);
    }
    for (const code of topicsToCheck.filter((c) => !unknown.topics.includes(c))) {
      this.known.set(`topic:${code}`, true);
    }
    for (const kind of ['area', 'topic'] as const) {
      const codes = unknown[`${kind}s`];
      if (codes.length > 0) {
        throw badInput(
          `UNKNOWN_${kind.toUpperCase()}`,
          `No ${kind} has the code ${codes.join(', ')}.`,
          { [`${kind}s`]: codes },
        );
      }
    }
  }
}
