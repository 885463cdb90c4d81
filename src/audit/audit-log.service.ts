import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { CLOCK, type Clock } from '../common/clock.js';
import type {
  AuditActor,
  AuditEventInput,
  AuditSubject,
  StoredActor,
  StoredAuditEvent,
  StoredSubject,
} from './audit-event.js';
import { AuditEventRepository } from './audit-event.repository.js';
import { AuditPseudonymsRepository } from './pseudonyms/audit-pseudonyms.repository.js';

/**
 * The only way anything is written to the audit log. Must be called inside a unit of work, so
 * the event commits or rolls back with the change it records. People are replaced by their
 * pseudonymous references before anything is stored.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly pseudonyms: AuditPseudonymsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(event: AuditEventInput): Promise<number> {
    const actor = await this.storedActor(event.actor);
    const subject = await this.storedSubject(event.subject ?? {});
    const recordedAt = this.clock.now();
    return this.events.append(
      {
        recordedAt,
        type: event.type,
        actorRef: actor.kind === 'staff' ? actor.ref : null,
        subjectRef: subject.staffRef ?? null,
        messageId: subject.messageId ?? null,
        channelId: subject.channelId ?? null,
      },
      (seq) => {
        const stored: StoredAuditEvent = {
          seq,
          type: event.type,
          recordedAt: recordedAt.toISOString(),
          actor,
          subject,
          data: event.data,
        };
        const text = canonicalize(stored);
        if (text === undefined) throw new Error('audit event is not serialisable');
        return text;
      },
    );
  }

  private async storedActor(actor: AuditActor): Promise<StoredActor> {
    if (actor.kind === 'system') return actor;
    return { kind: 'staff', ref: (await this.pseudonyms.findOrCreate('staff', actor.id)).ref };
  }

  private async storedSubject(subject: AuditSubject): Promise<StoredSubject> {
    const { staffId, ...rest } = subject;
    if (!staffId) return rest;
    return { ...rest, staffRef: (await this.pseudonyms.findOrCreate('staff', staffId)).ref };
  }
}
