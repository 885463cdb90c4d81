import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { CLOCK, type Clock } from '../common/clock.js';
import type { AuditEventInput, RecordedAuditEvent } from './audit-event.js';
import { AuditEventRepository } from './audit-event.repository.js';

export interface AuditPage {
  items: RecordedAuditEvent[];
  nextAfterSeq: number | null;
}

/** The only way anything is written to the audit log. Must be called inside a unit of work. */
@Injectable()
export class AuditLog {
  constructor(
    private readonly events: AuditEventRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(event: AuditEventInput): Promise<number> {
    const recordedAt = this.clock.now();
    const subject = event.subject ?? {};
    const payload = canonicalize({
      type: event.type,
      recordedAt: recordedAt.toISOString(),
      actor: event.actor,
      subject,
      data: event.data,
    });
    if (payload === undefined) throw new Error('audit event is not serialisable');
    return this.events.append({
      recordedAt,
      type: event.type,
      actorId: event.actor.kind === 'staff' ? event.actor.id : null,
      messageId: subject.messageId ?? null,
      channelId: subject.channelId ?? null,
      payload,
    });
  }

  async list(afterSeq: number, limit: number): Promise<AuditPage> {
    const rows = await this.events.listAfter(afterSeq, limit);
    const items = rows.map((row) => {
      const parsed = JSON.parse(row.payload) as Omit<RecordedAuditEvent, 'seq'>;
      return { seq: Number(row.seq), ...parsed };
    });
    const last = items.at(-1);
    return { items, nextAfterSeq: items.length === limit && last ? last.seq : null };
  }
}
