import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { OutboundContent } from '../dispatch/outbound-message.js';
import type { Audience } from './domain/message-content.js';
import { outboundContent } from './domain/outbound-content.js';
import { nextStatus } from './domain/message-workflow.js';
import { versionMatchesItsHash } from './domain/version-integrity.js';
import type { DispatchJobData } from './message-review.service.js';
import { MessagesRepository } from './messages.repository.js';

/** What the fan-out needs to send a message that is due. */
export interface DueMessage {
  messageId: string;
  channelId: string;
  version: number;
  /** As the dispatcher sends it: a poll's options are buttons or a list naming this message. */
  content: OutboundContent;
  audience: Audience;
  /** False until the fan-out has fixed who receives it. */
  recipientsFrozen: boolean;
}

export interface DispatchCounts {
  recipients: number;
  accepted: number;
  failed: number;
  skipped: number;
}

const SYSTEM = { kind: 'system' as const, reason: 'fan-out' };

/**
 * The message side of sending: the fan-out asks here before it sends anything and tells here when
 * it has finished, so the message's status and its audit trail stay with the messages module.
 */
@Injectable()
export class MessageDispatchService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * A dispatch job has come due: moves a scheduled message to sending and checks that what would
   * be sent is still exactly what was approved (version, hash, and the stored content against
   * its hash). Must run inside the caller's unit of work; locks the message. Returns null when
   * there is nothing to send (cancelled, already sent, or refused).
   */
  async begin(job: DispatchJobData): Promise<DueMessage | null> {
    const record = await this.repository.lockRecord(job.messageId);
    if (!record) return null;
    const { message, version } = record;
    if (message.status === 'scheduled') {
      const transition = nextStatus(message.status, 'start_sending', { dispatchLater: false });
      if (!transition.ok) return null;
      message.status = transition.to;
      await this.repository.updateMessage(message);
      await this.audit.record({
        type: 'message.dispatch_queued',
        actor: SYSTEM,
        subject: { messageId: message.id, channelId: message.channelId },
        data: { version: version.version, contentHash: version.contentHash, from: 'scheduled' },
      });
    }
    if (message.status !== 'sending') return null;
    const intact =
      version.version === job.version &&
      version.contentHash === job.contentHash &&
      versionMatchesItsHash(version);
    if (!intact) {
      await this.refuse(message.id, message.channelId, job, version.contentHash);
      return null;
    }
    return this.due(record.message.id);
  }

  /** The due message as any Crier process needs it to send; null unless it is sending. */
  async due(messageId: string): Promise<DueMessage | null> {
    const record = await this.repository.findRecord(messageId);
    if (!record || record.message.status !== 'sending') return null;
    return {
      messageId,
      channelId: record.message.channelId,
      version: record.version.version,
      content: outboundContent(messageId, record.version.content),
      audience: record.version.audience,
      recipientsFrozen: record.message.recipientsFrozenAt !== null,
    };
  }

  /** Every recipient has a final outcome: the message is sent. */
  async complete(messageId: string, counts: DispatchCounts): Promise<void> {
    await this.uow.run(async () => {
      const record = await this.repository.lockRecord(messageId);
      if (!record || record.message.status !== 'sending') return;
      const transition = nextStatus(record.message.status, 'complete');
      if (!transition.ok) return;
      record.message.status = transition.to;
      await this.repository.updateMessage(record.message);
      await this.audit.record({
        type: 'message.sent',
        actor: SYSTEM,
        subject: { messageId, channelId: record.message.channelId },
        data: {
          version: record.version.version,
          contentHash: record.version.contentHash,
          ...counts,
        },
      });
    });
  }

  private async refuse(
    messageId: string,
    channelId: string,
    job: DispatchJobData,
    storedHash: string,
  ): Promise<void> {
    const record = await this.repository.lockRecord(messageId);
    if (!record) return;
    record.message.status = 'cancelled';
    record.message.cancelReason =
      'Not sent: the stored message no longer matches the version and hash that were approved.';
    await this.repository.updateMessage(record.message);
    await this.audit.record({
      type: 'message.dispatch_refused',
      actor: SYSTEM,
      subject: { messageId, channelId },
      data: {
        approvedVersion: job.version,
        approvedContentHash: job.contentHash,
        storedVersion: record.version.version,
        storedContentHash: storedHash,
      },
    });
  }
}
