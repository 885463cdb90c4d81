import { Injectable } from '@nestjs/common';
import type { StoredAuditEvent } from './audit-event.js';
import type { AuditEventEntity } from './audit-event.entity.js';
import { AuditEventRepository } from './audit-event.repository.js';
import type { AuditEventPageView, AuditEventsQueryDto, AuditEventView } from './dto/audit.dto.js';
import { AuditPseudonymsRepository } from './pseudonyms/audit-pseudonyms.repository.js';
import { AuditSequencer } from './sequencer/audit-sequencer.service.js';

const EMPTY: AuditEventPageView = { items: [], nextAfterSeq: null };
const ABOUT_PAGE = 1_000;

/** Search for investigations: filters, keyset pagination by seq, read-only. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly sequencer: AuditSequencer,
    private readonly pseudonyms: AuditPseudonymsRepository,
  ) {}

  async search(query: AuditEventsQueryDto): Promise<AuditEventPageView> {
    await this.sequencer.sequence();
    const limit = query.limit ?? 100;
    const actorRef = query.actor ? await this.refOf(query.actor) : undefined;
    const subjectRef = query.staff ? await this.refOf(query.staff) : undefined;
    // A person never named in the log (or erased from it) has no events to find.
    if (actorRef === null || subjectRef === null) return EMPTY;
    const rows = await this.events.search({
      afterSeq: query.afterSeq ?? 0,
      limit,
      type: query.type,
      actorRef,
      subjectRef,
      messageId: query.messageId,
      channelId: query.channelId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    const people = await this.pseudonyms.resolve(
      rows.flatMap((row) => (row.actorRef ? [row.actorRef] : [])),
    );
    const items = rows.map((row) =>
      toView(row, row.actorRef ? people.get(row.actorRef)?.subjectId : undefined),
    );
    const last = items.at(-1);
    return { items, nextAfterSeq: items.length === limit && last ? last.seq : null };
  }

  /**
   * Every event about a resident, by their pseudonymous reference, for a subject-access request.
   * Staff appear only as their references. None once the resident has been erased. Must not run
   * inside a unit of work: sequencing first needs its own transaction.
   */
  async eventsAboutResident(residentId: string): Promise<StoredAuditEvent[]> {
    const ref = (await this.pseudonyms.find('resident', residentId))?.ref;
    if (!ref) return [];
    await this.sequencer.sequence();
    const events: StoredAuditEvent[] = [];
    for (let afterSeq = 0; ;) {
      const rows = await this.events.search({ afterSeq, limit: ABOUT_PAGE, subjectRef: ref });
      events.push(...rows.map((row) => JSON.parse(row.payload) as StoredAuditEvent));
      if (rows.length < ABOUT_PAGE) return events;
      afterSeq = Number(rows[rows.length - 1].seq);
    }
  }

  private async refOf(staffId: string): Promise<string | null> {
    return (await this.pseudonyms.find('staff', staffId))?.ref ?? null;
  }
}

function toView(row: AuditEventEntity, actorStaffId: string | undefined): AuditEventView {
  const event = JSON.parse(row.payload) as StoredAuditEvent;
  return {
    seq: event.seq,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: event.actor,
    actorStaffId: actorStaffId ?? null,
    subject: event.subject,
    data: event.data,
    payload: row.payload,
    leafHash: row.leafHash.toString('hex'),
    chainHash: row.chainHash.toString('hex'),
  };
}
