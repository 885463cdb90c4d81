import { createHash } from 'node:crypto';
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
import { subjectRefOf } from './audit-event.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { AuditEventRepository, type QueuedRow } from './audit-event.repository.js';
import type { PseudonymSubjectType } from './pseudonyms/audit-pseudonym.entity.js';
import { AuditPseudonymsRepository } from './pseudonyms/audit-pseudonyms.repository.js';
import { AuditSequencer } from './sequencer/audit-sequencer.service.js';

const STAFF_REF_CACHE_SIZE = 10_000;
/** This transaction's events, waiting to be written with it. */
const PENDING = Symbol('pending audit events');

/**
 * The only way anything is written to the audit log. Must be called inside a unit of work, so
 * the event commits or rolls back with the change it records; the sequencer chains it right
 * after the commit. People are replaced by their pseudonymous references before anything is
 * stored.
 */
@Injectable()
export class AuditLog {
  private readonly staffRefs = new Map<string, string>();

  constructor(
    private readonly events: AuditEventRepository,
    private readonly pseudonyms: AuditPseudonymsRepository,
    private readonly sequencer: AuditSequencer,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(event: AuditEventInput): Promise<void> {
    const actor = await this.storedActor(event.actor);
    const subject = await this.storedSubject(event.subject ?? {});
    const recordedAt = this.clock.now();
    const stored: Omit<StoredAuditEvent, 'seq'> = {
      type: event.type,
      recordedAt: recordedAt.toISOString(),
      actor,
      subject,
      data: event.data,
    };
    const text = canonicalize(stored);
    if (text === undefined) throw new Error('audit event is not serialisable');
    // Collected and written in one statement just before the transaction commits.
    this.uow
      .transactionState(PENDING, (): QueuedRow[] => [])
      .push({
        recordedAt,
        type: event.type,
        actorRef: actor.kind === 'staff' ? actor.ref : null,
        subjectRef: subjectRefOf(subject),
        messageId: subject.messageId ?? null,
        channelId: subject.channelId ?? null,
        event: text,
      });
    this.uow.beforeCommit(this.writePending);
    this.uow.afterCommit(this.sequencer.afterCommit);
  }

  private readonly writePending = async (): Promise<void> => {
    const pending = this.uow.transactionState(PENDING, (): QueuedRow[] => []);
    await this.events.enqueue(pending.splice(0));
  };

  /**
   * Forgets who a person was: deletes the mapping from their reference to them (and the salt of
   * their commitments), then records that an erasure happened, naming only the reference. The
   * chain is untouched, so it still verifies; the events can no longer be linked to the person.
   */
  async eraseSubject(type: PseudonymSubjectType, id: string, by: AuditActor): Promise<void> {
    const ref = await this.pseudonyms.erase(type, id);
    if (type === 'staff') this.staffRefs.delete(id);
    await this.record({
      type: 'subject.erased',
      actor: by,
      data: { subjectType: type, subjectRef: ref },
    });
  }

  /**
   * A salted SHA-256 commitment to a personal value (a phone number, say): provable later by
   * whoever holds the value and the salt, meaningless once the person's salt is erased.
   */
  async commitment(type: PseudonymSubjectType, id: string, value: string): Promise<string> {
    const { salt } = await this.pseudonyms.findOrCreate(type, id);
    return createHash('sha256').update(salt).update(value, 'utf8').digest('hex');
  }

  private async storedActor(actor: AuditActor): Promise<StoredActor> {
    if (actor.kind === 'system') return actor;
    return { kind: 'staff', ref: await this.staffRef(actor.id) };
  }

  private async storedSubject(subject: AuditSubject): Promise<StoredSubject> {
    const { staffId, residentId, ...rest } = subject;
    // One searchable subject_ref column: an event is about one person at most.
    if (staffId && residentId) throw new Error('an audit event names at most one person');
    if (staffId) return { ...rest, staffRef: await this.staffRef(staffId) };
    if (residentId) {
      // Not cached: residents are many and each is named rarely, unlike staff.
      const { ref } = await this.pseudonyms.findOrCreate('resident', residentId);
      return { ...rest, residentRef: ref };
    }
    return rest;
  }

  /**
   * A staff member's reference. Remembered in memory, as nearly every request records an event
   * by someone; a reference never changes, and erasure forgets it here too. (An instance that did
   * not perform an erasure keeps the erased reference until restart, but an erased person is
   * disabled and acts no more.)
   */
  private async staffRef(staffId: string): Promise<string> {
    const known = this.staffRefs.get(staffId);
    if (known) return known;
    const { ref } = await this.pseudonyms.findOrCreate('staff', staffId);
    if (this.staffRefs.size >= STAFF_REF_CACHE_SIZE) this.staffRefs.clear();
    this.staffRefs.set(staffId, ref);
    return ref;
  }
}
