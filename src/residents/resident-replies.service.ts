import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ChannelEntity } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { Dispatcher } from '../dispatch/dispatcher.js';
import type { OutboundContent, SendOutcome } from '../dispatch/outbound-message.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../jobs/job-queue.js';
import type { E164 } from '../phone-numbers/phone-number.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { replyRetryDelayMs } from './domain/reply-retry.js';
import { ReplyDeliveriesRepository } from './reply-deliveries.repository.js';

/** One reply: the delivery row names the recipient, never the job (pg-boss's tables are not sealed). */
interface QueuedReply {
  deliveryId: string;
  body: string;
  /** An interactive reply (a list or buttons); absent means a plain text of `body`. */
  content?: OutboundContent;
  /** How many times WhatsApp has already turned it away for now (an outage, the pair rate). */
  requeues?: number;
}

/**
 * The replies one transaction queued for one resident, sent in that order by one job (a welcome
 * before the list it introduces). Jobs queued before replies were grouped hold a single reply.
 */
type ReplyJob = { replies: QueuedReply[] } | QueuedReply;

const PENDING_REPLIES = Symbol('pending resident replies');

/**
 * Replies (text, or a list or buttons) to a resident who has just written (so inside their 24-hour window). Queued in the
 * transaction that handles their message, and sent by a worker after it commits: a webhook's
 * transaction never waits on WhatsApp, and a rolled-back one leaves no reply behind.
 */
@Injectable()
export class ResidentReplies implements OnApplicationBootstrap {
  private readonly logger = new Logger('ResidentReplies');

  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly replies: ReplyDeliveriesRepository,
    private readonly deliveries: DeliveriesService,
    private readonly channels: ChannelsService,
    private readonly dispatcher: Dispatcher,
    private readonly vault: PhoneVault,
    private readonly uow: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // After every module's init, so pg-boss has started and created the queue.
    await this.jobs.work<ReplyJob>(QUEUES.residentReply, (job) => this.sendAll(job));
  }

  /**
   * Inside the caller's unit of work: records the delivery and queues its send. Replies queued
   * in one transaction to one resident go out in the order queued, from a single job written
   * just before the transaction commits.
   */
  async queue(reply: {
    channel: Pick<ChannelEntity, 'id' | 'provider'>;
    to: E164;
    subscriberId: string | null;
    body: string;
    content?: OutboundContent;
  }): Promise<string> {
    const recipientPhoneHash = this.vault.lookupHash(reply.to);
    const deliveryId = await this.replies.insert({
      channelId: reply.channel.id,
      subscriberId: reply.subscriberId,
      recipientPhoneSealed: this.vault.encrypt(reply.to),
      recipientPhoneHash,
      provider: reply.channel.provider,
    });
    const pending = this.uow.transactionState(PENDING_REPLIES, () => {
      const byRecipient = new Map<string, QueuedReply[]>();
      this.uow.beforeCommit(async () => {
        for (const replies of byRecipient.values()) {
          await this.jobs.enqueueInTransaction(QUEUES.residentReply, { replies });
        }
      });
      return byRecipient;
    });
    const queued = pending.get(recipientPhoneHash) ?? [];
    queued.push({ deliveryId, body: reply.body, content: reply.content });
    pending.set(recipientPhoneHash, queued);
    return deliveryId;
  }

  private async sendAll(job: ReplyJob): Promise<void> {
    const replies = 'replies' in job ? job.replies : [job];
    for (const [index, reply] of replies.entries()) {
      const retryAfterMs = await this.send(reply);
      if (retryAfterMs === null) continue;
      // This one and those after it wait together, so they still arrive in order.
      const later = replies
        .slice(index)
        .map((r, i) => (i === 0 ? { ...r, requeues: (r.requeues ?? 0) + 1 } : r));
      await this.uow.run(async () => {
        await this.replies.release(reply.deliveryId);
        await this.jobs.enqueueInTransaction(
          QUEUES.residentReply,
          { replies: later },
          { startAfter: new Date(Date.now() + retryAfterMs) },
        );
      });
      this.logger.warn(
        `reply ${reply.deliveryId} put back for ${Math.round(retryAfterMs / 1000)} s (try ${later[0].requeues})`,
      );
      return;
    }
  }

  /**
   * Sends one reply; answers how long to wait before trying it again when WhatsApp turned it
   * away for now and it has tries left, else null (sent, failed for good, or not ours to send).
   */
  private async send({
    deliveryId,
    body,
    content,
    requeues = 0,
  }: QueuedReply): Promise<number | null> {
    const claimed = await this.uow.run(() => this.replies.claim(deliveryId));
    if (!claimed) return null;
    const channel = await this.channels.sendingState(claimed.channelId);
    let outcome: SendOutcome;
    try {
      outcome = await this.dispatcher.send({
        channel: {
          id: channel.id,
          provider: channel.provider,
          phoneNumberId: channel.phoneNumberId,
        },
        channelPaused: channel.sendingPausedAt !== null,
        to: this.vault.decrypt(claimed.recipientPhoneSealed),
        content: content ?? { kind: 'text', body },
      });
    } catch (error) {
      // Claimed already, so a retry of the job would send nothing: record the failure instead.
      this.logger.error(`reply ${deliveryId} could not be sent: ${(error as Error).message}`);
      outcome = {
        ok: false,
        attempts: 1,
        failure: { class: 'retry', code: 'INTERNAL', reason: 'Crier could not send the reply' },
      };
    }
    if (!outcome.ok) {
      const retryAfterMs = replyRetryDelayMs(outcome.failure, requeues);
      if (retryAfterMs !== null) return retryAfterMs;
    }
    await this.uow.run(() =>
      outcome.ok
        ? this.deliveries.accepted(deliveryId, outcome.providerMessageId, outcome.attempts)
        : this.deliveries.failed(deliveryId, outcome.failure, outcome.attempts),
    );
    return null;
  }
}
