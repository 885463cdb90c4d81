import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { ChannelsService } from '../channels/channels.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { Dispatcher } from '../dispatch/dispatcher.js';
import type { Actor } from '../organisation/actor.js';
import { TestPhoneService } from '../organisation/test-phone.service.js';
import { maskPhoneNumber } from '../phone-numbers/phone-number.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { approvalRefusal } from './domain/message-access.js';
import { outboundContent } from './domain/outbound-content.js';
import { versionMatchesItsHash } from './domain/version-integrity.js';
import type { TestSendListView, TestSendView } from './dto/test-send.dto.js';
import { MessageRecords } from './message-records.service.js';
import { MessageErrors } from './messages.errors.js';

/** A test can be sent while the message is being reviewed or waiting to go out. */
const TESTABLE = new Set(['in_review', 'approved', 'scheduled']);

/**
 * "Send me a test": an approver gets the exact content under review on their own registered
 * phone, through the same dispatcher and channel the real send will use, like GOV.UK Notify's
 * "send yourself a test".
 */
@Injectable()
export class MessageTestSendService {
  constructor(
    private readonly records: MessageRecords,
    private readonly channels: ChannelsService,
    private readonly testPhones: TestPhoneService,
    private readonly dispatcher: Dispatcher,
    private readonly deliveries: DeliveriesService,
    private readonly vault: PhoneVault,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async sendTest(actor: Actor, id: string, version: number): Promise<TestSendView> {
    const { record, channel } = await this.records.visible(actor, id, { lock: false });
    if (approvalRefusal(actor, channel, []) === 'NOT_AN_APPROVER') {
      throw MessageErrors.approval('NOT_AN_APPROVER');
    }
    const { message } = record;
    if (!TESTABLE.has(message.status)) throw MessageErrors.testNotAvailable(message.status);
    if (version !== message.currentVersion) {
      throw MessageErrors.versionMismatch(message.currentVersion, version);
    }
    if (!versionMatchesItsHash(record.version)) throw MessageErrors.contentHashMismatch();
    const phone = await this.testPhones.phoneOf(actor.id);
    if (!phone) throw MessageErrors.testPhoneMissing();
    const sending = await this.channels.sendingState(channel.id);
    if (sending.sendingPausedAt) throw MessageErrors.channelPaused(sending.sendingPausedReason);

    const deliveryId = await this.uow.run(() =>
      this.deliveries.create({
        channelId: channel.id,
        messageId: id,
        messageVersion: version,
        purpose: 'test',
        requestedBy: actor.id,
        recipientPhoneSealed: this.vault.encrypt(phone),
        recipientPhoneHash: this.vault.lookupHash(phone),
        provider: sending.provider,
      }),
    );
    const outcome = await this.dispatcher.send({
      channel: { id: channel.id, provider: sending.provider, phoneNumberId: sending.phoneNumberId },
      channelPaused: false,
      to: phone,
      content: outboundContent(id, record.version.content),
    });
    await this.uow.run(async () => {
      if (outcome.ok) {
        await this.deliveries.accepted(deliveryId, outcome.providerMessageId, outcome.attempts);
      } else {
        await this.deliveries.failed(deliveryId, outcome.failure, outcome.attempts);
      }
      await this.audit.record({
        type: 'message.test_sent',
        actor: { kind: 'staff', id: actor.id },
        subject: { messageId: id, channelId: channel.id },
        data: {
          version,
          contentHash: record.version.contentHash,
          deliveryId,
          outcome: outcome.ok ? 'accepted' : 'failed',
          failureCode: outcome.ok ? null : outcome.failure.code,
        },
      });
    });
    return {
      deliveryId,
      version,
      contentHash: record.version.contentHash,
      to: maskPhoneNumber(phone),
      status: outcome.ok ? 'accepted' : 'failed',
      attempts: outcome.attempts,
      providerMessageId: outcome.ok ? outcome.providerMessageId : null,
      failure: outcome.ok
        ? null
        : {
            class: outcome.failure.class,
            code: outcome.failure.code,
            reason: outcome.failure.reason,
          },
    };
  }

  /** The tests sent of a message, with how far each got; for anyone who may see the message. */
  async list(actor: Actor, id: string): Promise<TestSendListView> {
    await this.records.visible(actor, id, { lock: false });
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    const items = await this.deliveries.testsOf(id);
    return {
      items: items.map((item) => ({
        deliveryId: item.id,
        version: item.version,
        requestedBy: item.requestedBy,
        status: item.status,
        at: item.at.toISOString(),
        sentAt: iso(item.sentAt),
        deliveredAt: iso(item.deliveredAt),
        readAt: iso(item.readAt),
        failedAt: iso(item.failedAt),
        failureCode: item.failureCode,
        failureReason: item.failureReason,
      })),
    };
  }
}
