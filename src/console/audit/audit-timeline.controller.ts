import { Controller, Get, Param } from '@nestjs/common';
import { AuditQueryService } from '../../audit/audit-query.service.js';
import type { AuditEventView } from '../../audit/dto/audit.dto.js';
import { ConsolePage } from '../../auth/access.decorators.js';
import { notFound } from '../../common/errors/crier-error.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { page, type Page } from '../../web/page.js';
import { actorLabel, describeMessageEvent, shortHash, ukTime } from './audit-event-display.js';

/** The API's largest page: a message's life is rarely more than a few dozen events. */
const PAGE = 1_000;

/** One message's whole history from the audit log, oldest first. */
@Controller('console/audit/messages')
export class AuditTimelineController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get(':id')
  @ConsolePage('auditor', 'admin')
  async timeline(@Param('id', UuidParam) id: string): Promise<Page> {
    const events = await this.eventsAbout(id);
    if (events.length === 0) {
      throw notFound('NO_AUDIT_EVENTS', 'The audit log holds no events about that message.');
    }
    const names = new Map(
      (await this.organisation.listStaff()).map((person) => [person.id, person.name]),
    );
    return page('console/audit/timeline', {
      messageId: id,
      steps: events.map((event) => ({
        seq: event.seq,
        type: event.type,
        time: ukTime(event.recordedAt),
        actor: actorLabel(event, names),
        chainHash: shortHash(event.chainHash),
        ...describeMessageEvent(event),
      })),
    });
  }

  private async eventsAbout(messageId: string): Promise<AuditEventView[]> {
    const events: AuditEventView[] = [];
    for (let afterSeq = 0; ;) {
      const { items, nextAfterSeq } = await this.query.search({ messageId, afterSeq, limit: PAGE });
      events.push(...items);
      if (nextAfterSeq === null) return events;
      afterSeq = nextAfterSeq;
    }
  }
}
