import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { Dispatcher } from '../dispatch/dispatcher.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../jobs/job-queue.js';
import { type DueMessage, MessageDispatchService } from '../messages/message-dispatch.service.js';
import type { DispatchJobData } from '../messages/message-review.service.js';
import { PhoneVault } from '../phone-numbers/phone-vault.js';
import { WhatsAppEvents } from '../whatsapp/inbound/whatsapp-events.js';
import type { FailureClass } from '../dispatch/outbound-message.js';
import {
  type ActiveMessage,
  type ClaimedRecipient,
  FanoutRepository,
  type SendResult,
} from './fanout.repository.js';
import { batchSizeFor, slotTimes, windowsOf } from './send-schedule.js';

/** How often each process looks for messages to send, besides being woken by a job. */
const POLL_MS = 500;
/** Sends due within this span are checked against STOPs and cancels together, just before. */
const WINDOW_MS = 50;
const HEARTBEAT_MS = 1_000;
/** Batches whose outcomes may still be being recorded while the next ones send. */
const MAX_BATCHES_FINISHING = 2;

/**
 * Sends approved alerts to their recipients, one to one. Runs in every Crier process: the
 * recipients are shared out with SKIP LOCKED, the channel's rate is kept on a clock in the
 * database that all processes draw send slots from, and a send interrupted by a crash is settled
 * from the provider's receipts (which echo the delivery id) before it is ever sent again.
 */
@Injectable()
export class FanoutWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Fanout');
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly inFlight = new Set<string>();
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timers: NodeJS.Timeout[] = [];
  private startedAt = Date.now();

  constructor(
    private readonly fanout: FanoutRepository,
    private readonly messages: MessageDispatchService,
    private readonly channels: ChannelsService,
    private readonly dispatcher: Dispatcher,
    private readonly deliveries: DeliveriesService,
    private readonly vault: PhoneVault,
    private readonly events: WhatsAppEvents,
    private readonly uow: UnitOfWork,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.fanout.worker) {
      this.stopped = true;
      return;
    }
    this.startedAt = Date.now();
    await this.jobs.work<DispatchJobData>(QUEUES.messageDispatch, (job) => this.begin(job));
    this.timers = [
      setInterval(() => this.wake(), POLL_MS),
      setInterval(() => void this.heartbeat(), HEARTBEAT_MS),
    ];
    for (const timer of this.timers) timer.unref();
    this.logger.log(`fan-out worker ${this.worker} started`);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.running;
  }

  /** A dispatch job: checks the message, freezes its recipients once, then starts sending. */
  private async begin(job: DispatchJobData): Promise<void> {
    const started = Date.now();
    const frozen = await this.uow.run(async () => {
      const due = await this.messages.begin(job);
      if (!due || due.recipientsFrozen) return null;
      const channel = await this.channels.sendingState(due.channelId);
      const recipients = await this.fanout.freeze(
        {
          id: due.messageId,
          channelId: due.channelId,
          version: due.version,
          audience: due.audience,
        },
        channel.provider,
      );
      return { due, recipients };
    });
    if (frozen) {
      this.logger.log(
        `message ${frozen.due.messageId}: ${frozen.recipients} recipients, frozen in ${Date.now() - started} ms`,
      );
    }
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error(`fan-out failed: ${(error as Error).message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once no message has anything left to send that this process could send now. */
  async settle(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (const message of await this.fanout.activeMessages(20)) {
      if (this.stopped) return;
      if (message.status === 'cancelled') await this.fanout.callOffRemaining(message.id);
      else await this.send(message);
    }
  }

  private async send(message: ActiveMessage): Promise<void> {
    const due = await this.messages.due(message.id);
    if (!due?.recipientsFrozen) return; // Its dispatch job has not run yet.
    await this.settleInDoubt(message.id);
    // Batches overlap: the next is claimed and its slots reserved while the last one's sends
    // are still out, so the channel's slots follow one another without a gap.
    const finishing: Promise<void>[] = [];
    try {
      for (;;) {
        const channel = await this.channels.sendingState(due.channelId);
        if (channel.sendingPausedAt || this.stopped) return;
        const claimed = await this.fanout.claim(
          message.id,
          batchSizeFor(channel.throughputPerSecond),
          this.worker,
        );
        if (claimed.length === 0) break;
        finishing.push((await this.sendBatch(due, channel, claimed)).recorded);
        if (finishing.length > MAX_BATCHES_FINISHING) await finishing.shift();
      }
    } finally {
      await Promise.all(finishing);
    }
    const progress = await this.fanout.progress(message.id);
    if (progress.pending === 0) {
      const { recipients, accepted, failed, skipped } = progress;
      await this.messages.complete(message.id, { recipients, accepted, failed, skipped });
    }
  }

  /**
   * Sends left in doubt by a process that died are settled only once this process has itself
   * been up for the grace period: the provider's receipts for them may have been retried at a
   * webhook that was down with the crashed process, and need a working endpoint to arrive.
   */
  private async settleInDoubt(messageId: string): Promise<void> {
    const grace = this.config.fanout.inDoubtSeconds;
    if (Date.now() - this.startedAt < grace * 1000) return;
    const adopted = await this.fanout.settleInDoubt(messageId, grace);
    await this.deliveries.applyWaiting(adopted);
  }

  /**
   * Sends a claimed batch in its reserved slots. Resolves once every send has gone out, with
   * `recorded`, which resolves when their outcomes are stored.
   */
  private async sendBatch(
    due: DueMessage,
    channel: { id: string; provider: string; phoneNumberId: string },
    claimed: ClaimedRecipient[],
  ): Promise<{ recorded: Promise<void> }> {
    for (const recipient of claimed) this.inFlight.add(recipient.deliveryId);
    const release = () => {
      for (const recipient of claimed) this.inFlight.delete(recipient.deliveryId);
    };
    try {
      const { firstAt, perSecond } = await this.channels.reserveSendSlots(
        channel.id,
        claimed.length,
      );
      const dueAt = slotTimes(firstAt.getTime(), perSecond, claimed.length);
      const results: Promise<SendResult>[] = [];
      for (const window of windowsOf(claimed, dueAt, WINDOW_MS)) {
        const wait = window.at - Date.now();
        if (wait > 0) await sleep(wait);
        const wanted = await this.fanout.stillWanted(window.items.map((r) => r.deliveryId));
        const unwanted = window.items.filter((r) => !wanted.has(r.deliveryId));
        if (unwanted.length > 0) {
          // Either these people stopped, or the whole message was cancelled.
          const stillSending = (await this.messages.due(due.messageId)) !== null;
          await this.fanout.callOff(
            unwanted.map((r) => r.deliveryId),
            stillSending ? 'skipped' : 'cancelled',
          );
        }
        window.items.forEach((recipient, i) => {
          if (!wanted.has(recipient.deliveryId)) return;
          // Each send at its own slot, not the whole window at once.
          const at = window.dueAt[i];
          results.push(this.sendAt(at, () => this.sendOne(due, channel, recipient)));
        });
      }
      return { recorded: this.record(due, channel.id, results).finally(release) };
    } catch (error) {
      release();
      throw error;
    }
  }

  private async record(
    due: DueMessage,
    channelId: string,
    results: Promise<SendResult>[],
  ): Promise<void> {
    const settled = await Promise.all(results);
    await this.fanout.saveResults(settled);
    await this.reportFailures(due, channelId, settled);
    await this.deliveries.applyWaiting(
      settled.flatMap((r) => (r.outcome.ok ? [r.outcome.providerMessageId] : [])),
    );
  }

  /** Failures are domain events, as they are when reported later by webhook: STOPs suppress. */
  private async reportFailures(
    due: DueMessage,
    channelId: string,
    results: SendResult[],
  ): Promise<void> {
    for (const result of results) {
      if (result.outcome.ok) continue;
      await this.uow.run(() =>
        this.events.deliveryFailed({
          deliveryId: result.deliveryId,
          channelId,
          messageId: due.messageId,
          code: result.outcome.ok ? '' : result.outcome.code,
          class: result.outcome.ok ? 'retry' : (result.outcome.class as FailureClass),
          suppressRecipient: !result.outcome.ok && result.outcome.suppressRecipient === true,
        }),
      );
    }
  }

  private async sendAt<T>(at: number, send: () => Promise<T>): Promise<T> {
    const wait = at - Date.now();
    if (wait > 1) await sleep(wait);
    return send();
  }

  private async sendOne(
    due: DueMessage,
    channel: { id: string; provider: string; phoneNumberId: string },
    recipient: ClaimedRecipient,
  ): Promise<SendResult> {
    const outcome = await this.dispatcher.send({
      channel,
      channelPaused: false,
      to: this.vault.decrypt(recipient.phoneSealed),
      content: due.content,
      reference: recipient.deliveryId,
    });
    return {
      deliveryId: recipient.deliveryId,
      attempts: outcome.attempts,
      outcome: outcome.ok
        ? { ok: true, providerMessageId: outcome.providerMessageId }
        : { ok: false, ...outcome.failure },
    };
  }

  private async heartbeat(): Promise<void> {
    try {
      await this.fanout.heartbeat([...this.inFlight]);
    } catch (error) {
      this.logger.warn(`heartbeat failed: ${(error as Error).message}`);
    }
  }
}
