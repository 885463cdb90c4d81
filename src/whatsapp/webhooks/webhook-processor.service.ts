import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { SerialRunner } from '../../common/serial-runner.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { DeliveriesService } from '../../deliveries/deliveries.service.js';
import { fromWaId } from '../../phone-numbers/phone-number.js';
import { PhoneVault } from '../../phone-numbers/phone-vault.js';
import { classifyCloudApiError } from '../cloud-api/cloud-api-errors.js';
import { InboundMessagesRepository } from '../inbound/inbound-messages.repository.js';
import { WhatsAppEvents } from '../inbound/whatsapp-events.js';
import { type InboundCallback, readCallbacks, type WebhookCallbacks } from './webhook-callbacks.js';
import { type InboxRow, WebhookInboxRepository } from './webhook-inbox.repository.js';

const BATCH = 500;
/** A callback that fails this often is left in the inbox for a person to look at. */
const MAX_FAILURES = 5;
/** Also catches up with callbacks left by a crash or another instance, and late receipts. */
const SWEEP_INTERVAL_MS = 1_000;

/**
 * Turns stored callbacks into their effects: delivery receipts, residents' messages and the
 * domain events other modules act on. A batch's effects and the removal of its callbacks from
 * the inbox commit together, so a crash part-way repeats the batch rather than losing it, and
 * the repetition is harmless because every effect is idempotent.
 */
@Injectable()
export class WebhookProcessor implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookProcessor');
  private timer: NodeJS.Timeout | null = null;
  private readonly runner = new SerialRunner(
    () => this.drain(),
    (error: unknown) =>
      this.logger.error(`processing callbacks failed: ${(error as Error).message}`),
  );

  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly deliveries: DeliveriesService,
    private readonly inbound: InboundMessagesRepository,
    private readonly channels: ChannelsService,
    private readonly events: WhatsAppEvents,
    private readonly vault: PhoneVault,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.wake(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Finishes the work in hand before the database closes (Nest closes it after this hook). */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.runner.stop();
  }

  /** Asks for a run; runs never overlap, and a wake during a run causes one more. */
  wake(): void {
    this.runner.wake();
  }

  /** Resolves once everything stored so far has been processed (tests, benchmarks). */
  settle(): Promise<void> {
    return this.runner.settle();
  }

  private async drain(): Promise<void> {
    while (!this.runner.isStopped && (await this.processBatch()) === BATCH) {
      // A full batch: there may be more.
    }
    await this.deliveries.sweepUnapplied();
  }

  private async processBatch(): Promise<number> {
    try {
      return await this.uow.run(async () => {
        const rows = await this.inbox.claim(BATCH, MAX_FAILURES);
        await this.apply(rows);
        await this.inbox.delete(rows.map((row) => row.id));
        return rows.length;
      });
    } catch {
      // One bad callback must not hold up the rest: retry them one by one.
      return this.processOneByOne();
    }
  }

  private async processOneByOne(): Promise<number> {
    let processed = 0;
    for (;;) {
      let claimed: InboxRow | undefined;
      try {
        const done = await this.uow.run(async () => {
          [claimed] = await this.inbox.claim(1, MAX_FAILURES);
          if (!claimed) return false;
          await this.apply([claimed]);
          await this.inbox.delete([claimed.id]);
          return true;
        });
        if (!done) return processed;
        processed += 1;
      } catch (error) {
        if (!claimed) throw error;
        await this.inbox.recordFailure(claimed.id, (error as Error).message);
        this.logger.warn(
          `callback ${claimed.id} could not be processed: ${(error as Error).message}`,
        );
      }
      if (processed >= BATCH) return processed;
    }
  }

  private async apply(rows: InboxRow[]): Promise<void> {
    const callbacks: WebhookCallbacks = { statuses: [], messages: [] };
    for (const row of rows) {
      const body: unknown = JSON.parse(this.vault.openBytes(row.payloadSealed).toString('utf8'));
      const read = readCallbacks(body, row.receivedAt);
      callbacks.statuses.push(...read.statuses);
      callbacks.messages.push(...read.messages);
    }
    await this.applyStatuses(callbacks);
    await this.applyMessages(callbacks.messages);
  }

  private async applyStatuses({ statuses }: WebhookCallbacks): Promise<void> {
    const fresh = await this.deliveries.applyReceipts(statuses);
    for (const { receipt, delivery } of fresh) {
      if (receipt.status !== 'failed' || !delivery || receipt.errorCode === null) continue;
      const failure = classifyCloudApiError(Number(receipt.errorCode));
      if (failure.class === 'channel')
        await this.channels.pauseSending(delivery.channelId, failure);
      await this.events.deliveryFailed({
        deliveryId: delivery.id,
        channelId: delivery.channelId,
        messageId: delivery.messageId,
        code: failure.code,
        class: failure.class,
        suppressRecipient: failure.suppressRecipient ?? false,
      });
    }
  }

  private async applyMessages(messages: InboundCallback[]): Promise<void> {
    if (messages.length === 0) return;
    const channelIds = await this.channels.idsByPhoneNumberId([
      ...new Set(messages.map((m) => m.phoneNumberId)),
    ]);
    const unique = [...new Map(messages.map((m) => [m.providerMessageId, m])).values()];
    const readable = unique.flatMap((message) => {
      const channelId = channelIds.get(message.phoneNumberId);
      const from = fromWaId(message.fromWaId);
      // A number that is not one of Crier's channels, or a sender without a usable number.
      return channelId && from ? [{ message, channelId, from }] : [];
    });
    const dropped = unique.length - readable.length;
    if (dropped > 0) this.logger.warn(`${dropped} inbound message(s) for no known channel skipped`);
    const stored = await this.inbound.insertNew(
      readable.map(({ message, channelId, from }) => ({
        channelId,
        providerMessageId: message.providerMessageId,
        fromPhoneSealed: this.vault.encrypt(from),
        fromPhoneHash: this.vault.lookupHash(from),
        kind: message.kind,
        body: message.body,
        replyId: message.replyId,
        contextId: message.contextId,
        sentAt: message.sentAt,
      })),
    );
    for (const { message, channelId, from } of readable) {
      const id = stored.get(message.providerMessageId);
      if (!id) continue; // Already stored and acted on: a duplicate callback.
      const handler = await this.events.residentMessage({
        id,
        providerMessageId: message.providerMessageId,
        channelId,
        from,
        kind: message.kind,
        body: message.body,
        replyId: message.replyId,
        contextId: message.contextId,
        sentAt: message.sentAt,
      });
      if (handler) await this.inbound.markHandled(id, handler);
    }
  }
}
