import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Actor } from '../organisation/actor.js';
import { maskPhoneNumber } from '../phone-numbers/phone-number.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import type { SubjectAccessView } from './dto/privacy.dto.js';
import { ResidentRecordsRepository } from './resident-records.repository.js';
import { requirePhoneNumber } from './residents.errors.js';
import { SubscribersRepository } from './subscribers.repository.js';
import { SuppressionsRepository } from './suppressions.repository.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/**
 * A subject-access request for a phone number: one bundle of everything Crier holds about it.
 * A number Crier knows nothing about gets the bundle with its sections empty: "nothing is held"
 * is the answer to the request, not an error.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly subscribers: SubscribersRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly records: ResidentRecordsRepository,
    private readonly auditQuery: AuditQueryService,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async bundle(actor: Actor, input: string): Promise<SubjectAccessView> {
    const phone = requirePhoneNumber(input);
    const phoneHash = this.vault.lookupHash(phone);
    const subscriber = await this.subscribers.findByHash(phoneHash);
    // Read outside a transaction: reading the log first sequences it, in a transaction of its own.
    const auditEvents = subscriber ? await this.auditQuery.eventsAboutResident(subscriber.id) : [];
    const [consents, deliveries, inbound, suppression, pending, join, pollAnswers] =
      await Promise.all([
        subscriber ? this.subscribers.consentsOf(subscriber.id) : [],
        this.records.deliveriesTo(phoneHash),
        this.records.inboundFrom(phoneHash),
        this.suppressions.find(phoneHash),
        this.records.pendingRequestsFrom(phoneHash),
        this.records.joinConversationOf(phoneHash),
        this.records.pollAnswersOf(phoneHash),
      ]);
    const view: SubjectAccessView = {
      phone: maskPhoneNumber(phone),
      generatedAt: this.clock.now().toISOString(),
      subscriber: subscriber && {
        id: subscriber.id,
        status: subscriber.status,
        areas: subscriber.areas,
        topics: subscriber.topics,
        privacyNoticeVersion: subscriber.privacyNoticeVersion,
        subscribedAt: iso(subscriber.subscribedAt),
        unsubscribedAt: iso(subscriber.unsubscribedAt),
        lastInboundAt: iso(subscriber.lastInboundAt),
        createdAt: subscriber.createdAt.toISOString(),
        updatedAt: subscriber.updatedAt.toISOString(),
      },
      consentRecords: consents.map((consent) => ({
        action: consent.action,
        source: consent.source,
        privacyNoticeVersion: consent.privacyNoticeVersion,
        evidence: consent.evidence,
        capturedAt: consent.capturedAt.toISOString(),
        recordedAt: consent.recordedAt.toISOString(),
      })),
      deliveries: deliveries.map((delivery) => ({
        ...delivery,
        createdAt: delivery.createdAt.toISOString(),
        acceptedAt: iso(delivery.acceptedAt),
        sentAt: iso(delivery.sentAt),
        deliveredAt: iso(delivery.deliveredAt),
        readAt: iso(delivery.readAt),
        failedAt: iso(delivery.failedAt),
        receipts: delivery.receipts.map((receipt) => ({
          ...receipt,
          occurredAt: receipt.occurredAt.toISOString(),
          receivedAt: receipt.receivedAt.toISOString(),
        })),
      })),
      inboundMessages: inbound.map((message) => ({
        ...message,
        sentAt: message.sentAt.toISOString(),
        receivedAt: message.receivedAt.toISOString(),
      })),
      suppression: suppression && {
        reason: suppression.reason,
        since: suppression.since.toISOString(),
      },
      pendingOptIns: pending.map((request) => ({
        ...request,
        requestedAt: request.requestedAt.toISOString(),
        expiresAt: request.expiresAt.toISOString(),
      })),
      joinConversation: join && {
        ...join,
        updatedAt: join.updatedAt.toISOString(),
        expiresAt: join.expiresAt.toISOString(),
      },
      pollAnswers: pollAnswers.map((answer) => ({
        ...answer,
        answeredAt: answer.answeredAt.toISOString(),
      })),
      auditEvents: auditEvents.map(({ seq, type, recordedAt, actor: by, subject, data }) => ({
        seq,
        type,
        recordedAt,
        actor: by,
        subject,
        data,
      })),
    };
    await this.uow.run(() =>
      this.audit.record({
        type: 'privacy.subject_access',
        actor: { kind: 'staff', id: actor.id },
        subject: subscriber ? { residentId: subscriber.id } : {},
        data: {
          found: {
            subscriber: subscriber !== null,
            consentRecords: view.consentRecords.length,
            deliveries: view.deliveries.length,
            inboundMessages: view.inboundMessages.length,
            suppressed: suppression !== null,
            pendingOptIns: view.pendingOptIns.length,
            joinConversation: join !== null,
            pollAnswers: view.pollAnswers.length,
            auditEvents: view.auditEvents.length,
          },
        },
      }),
    );
    return view;
  }
}
