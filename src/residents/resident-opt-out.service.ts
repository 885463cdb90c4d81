import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditActor } from '../audit/audit-event.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { SuppressionReason } from './domain/opt-out.js';
import { SubscribersRepository } from './subscribers.repository.js';
import { SuppressionsRepository } from './suppressions.repository.js';

export interface OptOut {
  phoneHash: string;
  reason: Exclude<SuppressionReason, 'erased'>;
  /** The channel the STOP came in on, or whose send the provider refused. */
  channelId: string;
  /** How Crier knows: the resident's message id, or the failed delivery and its code. */
  source: 'whatsapp' | 'provider';
  evidence: Record<string, unknown>;
  /** When the person made the choice, if known (their message's time); else now. */
  capturedAt?: Date;
  actor: AuditActor;
}

/** Staff ending a resident's subscriptions, e.g. on blocking them from a channel's inbox. */
export interface StaffUnsubscribe {
  phoneHash: string;
  reason: 'staff_block';
  /** The channel whose staff decided it. */
  channelId: string;
  /** What it was part of (the conversation's id, say); kept with the consent record. */
  evidence: Record<string, unknown>;
  actor: AuditActor;
}

/**
 * Ends a number's subscription and suppresses it, so that nothing is sent to it again, on any
 * channel, until it opts in afresh. A number that never subscribed is suppressed all the same:
 * a list imported later must not bring it back.
 */
@Injectable()
export class ResidentOptOutService {
  constructor(
    private readonly subscribers: SubscribersRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs in the caller's unit of work (the webhook's). Returns the subscriber's id, if any. */
  async optOut(input: OptOut): Promise<string | null> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const subscriber = await this.subscribers.unsubscribe(input.phoneHash, now);
      if (subscriber) {
        await this.subscribers.insertConsents([
          {
            subscriberId: subscriber.id,
            action: 'opt_out',
            source: input.source,
            privacyNoticeVersion: null,
            evidence: input.evidence,
            capturedAt: input.capturedAt ?? now,
          },
        ]);
      }
      await this.suppressions.suppress(input.phoneHash, input.reason);
      await this.audit.record({
        type: 'subscriber.unsubscribed',
        actor: input.actor,
        // A number that never subscribed has no resident record to name.
        subject: subscriber
          ? { residentId: subscriber.id, channelId: input.channelId }
          : { channelId: input.channelId },
        data: {
          reason: input.reason,
          wasSubscriber: subscriber !== null,
          previousStatus: subscriber?.previousStatus ?? null,
        },
      });
      return subscriber?.id ?? null;
    });
  }

  /**
   * Ends the subscriptions of a number as STOP does (status unsubscribed, areas and topics
   * cleared, an opt-out consent record), because staff decided so, but without suppressing the
   * number: suppressions record only the resident's own refusals and WhatsApp's, and the
   * resident may sign up again. Runs in the caller's unit of work. Returns the subscriber's id,
   * or null when the number has no subscriber (then nothing is recorded).
   */
  async unsubscribeByStaff(input: StaffUnsubscribe): Promise<string | null> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const subscriber = await this.subscribers.unsubscribe(input.phoneHash, now);
      if (!subscriber) return null;
      await this.subscribers.insertConsents([
        {
          subscriberId: subscriber.id,
          action: 'opt_out',
          source: 'staff',
          privacyNoticeVersion: null,
          evidence: { reason: input.reason, ...input.evidence },
          capturedAt: now,
        },
      ]);
      await this.audit.record({
        type: 'subscriber.unsubscribed',
        actor: input.actor,
        subject: { residentId: subscriber.id, channelId: input.channelId },
        data: {
          reason: input.reason,
          suppressed: false,
          wasSubscriber: true,
          previousStatus: subscriber.previousStatus,
        },
      });
      return subscriber.id;
    });
  }
}
