import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Actor } from '../organisation/actor.js';
import { maskPhoneNumber } from '../phone-numbers/phone-number.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import type { ErasureView } from './dto/privacy.dto.js';
import { ResidentRecordsRepository } from './resident-records.repository.js';
import { requirePhoneNumber } from './residents.errors.js';
import { SubscribersRepository } from './subscribers.repository.js';
import { SuppressionsRepository } from './suppressions.repository.js';

/**
 * Erasure of a phone number's personal data, in one transaction: the subscriber and their consent
 * records, the messages they wrote, the number on the sends to them, and the link from their
 * audit reference to them. What stays is not personal without the keys: the keyed hash on
 * delivery rows (so counts add up) and a suppression tombstone, so that the number is never
 * messaged again unless it opts in afresh. The audit chain is not touched, so it still verifies.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly subscribers: SubscribersRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly records: ResidentRecordsRepository,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async erase(actor: Actor, input: string): Promise<ErasureView> {
    const phone = requirePhoneNumber(input);
    const phoneHash = this.vault.lookupHash(phone);
    const by = { kind: 'staff', id: actor.id } as const;
    return this.uow.run(async () => {
      const subscriber = await this.subscribers.findByHash(phoneHash, { lock: true });
      const consents = subscriber ? await this.subscribers.delete(subscriber.id) : null;
      const inboundMessagesDeleted = await this.records.deleteInboundFrom(phoneHash);
      const inboxConversationsDeleted = await this.records.deleteInboxConversationsWith(phoneHash);
      const deliveriesRedacted = await this.records.redactDeliveriesTo(phoneHash);
      const pollAnswersDeleted = await this.records.deletePollAnswersOf(phoneHash);
      const pendingOptInsDeleted =
        (await this.records.deletePendingRequestsFrom(phoneHash)) +
        (await this.records.deleteJoinConversation(phoneHash));
      await this.suppressions.tombstone(phoneHash);
      if (subscriber) await this.audit.eraseSubject('resident', subscriber.id, by);
      const counts = {
        subscriberDeleted: subscriber !== null,
        consentRecordsDeleted: consents?.consentRecords ?? 0,
        inboundMessagesDeleted,
        inboxConversationsDeleted,
        deliveriesRedacted,
        pollAnswersDeleted,
        pendingOptInsDeleted,
      };
      await this.audit.record({ type: 'privacy.erased', actor: by, data: counts });
      return { phone: maskPhoneNumber(phone), ...counts, suppressed: true };
    });
  }
}
