import { hostname } from 'node:os';
import { SerialRunner } from '../common/serial-runner.js';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
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

interface PreparedBatch {
  claimed: ClaimedRecipient[];
  /** When each claimed send is due (epoch ms), from the channel's shared clock. */
  dueAt: number[];
  /** The sends fired so far. */
  sent: Promise<SendResult>[];
}

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
export class FanoutWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Fanout');
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly inFlight = new Set<string>();
  private readonly runner = new SerialRunner(
    () => this.drain(),
    (error: unknown) => this.logger.error(`fan-out failed: ${(error as Error).message}`),
  );
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
      await this.runner.stop();
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

  /** Finishes the work in hand before the database closes (Nest closes it after this hook). */
  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.runner.stop();
  }

  /** A dispatch job: checks the message, freezes its recipients once, then starts sending. */
  private async begin(job: DispatchJobData): Promise<void> {
    const started = Date.now();
    const frozen = await this.uow.run(async () => {
      const due = await this.messages.begin(job);
      if (!due || due.recipientsFrozen) return null;
      const recipients = await this.fanout.freeze({ id: due.messageId, audience: due.audience });
      return { due, recipients };
    });
    if (frozen) {
      this.logger.log(
        `message ${frozen.due.messageId}: ${frozen.recipients} recipients, frozen in ${Date.now() - started} ms`,
      );
    }
    this.wake();
  }

  /** Asks for a run; runs never overlap, and a wake during a run causes one more. */
  wake(): void {
    this.runner.wake();
  }

  /** Resolves once no message has anything left to send that this process could send now. */
  settle(): Promise<void> {
    return this.runner.settle();
  }

  private async drain(): Promise<void> {
    for (const message of await this.fanout.activeMessages(20)) {
      if (this.runner.isStopped) return;
      if (message.status === 'cancelled') await this.fanout.callOffRemaining(message.id);
      else await this.send(message);
    }
  }

  private async send(message: ActiveMessage): Promise<void> {
    const due = await this.messages.due(message.id);
    if (!due?.recipientsFrozen) return; // Its dispatch job has not run yet.
    await this.settleInDoubt(message.id);
    // Double-buffered: the next batch is claimed and its slots reserved while this one fires,
    // and outcomes are recorded behind, so the channel's slots follow one another without gaps.
    const finishing: Promise<void>[] = [];
    let next: Promise<PreparedBatch | null> | null = null;
    try {
      let channel = await this.channels.sendingState(due.channelId);
      next = this.prepare(due, channel);
      for (;;) {
        const batch = await next;
        next = null;
        if (!batch) break;
        channel = await this.channels.sendingState(due.channelId);
        if (channel.sendingPausedAt || this.runner.isStopped) {
          await this.putBack(batch);
          return;
        }
        next = this.prepare(due, channel);
        finishing.push(this.fire(due, channel, batch));
        if (finishing.length > MAX_BATCHES_FINISHING) await finishing.shift();
      }
    } finally {
      const unfired = await next?.catch(() => null);
      if (unfired) await this.putBack(unfired);
      await Promise.all(finishing);
    }
    const progress = await this.fanout.progress(message.id);
    if (progress.pending === 0) {
      const { recipients, accepted, failed, skipped } = progress;
      await this.messages.complete(message.id, { recipients, accepted, failed, skipped });
    }
  }

  /** Claims the next recipients and reserves their send slots; null when none are left. */
  private async prepare(
    due: DueMessage,
    channel: { id: string; provider: string; throughputPerSecond: number },
  ): Promise<PreparedBatch | null> {
    const claimed = await this.fanout.claim(
      {
        id: due.messageId,
        channelId: due.channelId,
        version: due.version,
        provider: channel.provider,
      },
      batchSizeFor(channel.throughputPerSecond),
      this.worker,
    );
    if (claimed.length === 0) return null;
    for (const recipient of claimed) this.inFlight.add(recipient.deliveryId);
    const { firstAt, perSecond } = await this.channels.reserveSendSlots(channel.id, claimed.length);
    return { claimed, dueAt: slotTimes(firstAt.getTime(), perSecond, claimed.length), sent: [] };
  }

  /** A claimed batch that will not be sent now goes back to the queue for whoever is next. */
  private async putBack(batch: PreparedBatch): Promise<void> {
    await this.fanout.putBack(batch.claimed.map((r) => r.deliveryId));
    for (const recipient of batch.claimed) this.inFlight.delete(recipient.deliveryId);
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
   * Sends a prepared batch, each send in its own slot, checking each window of sends just
   * before it opens. Resolves when every outcome is recorded.
   */
  private async fire(
    due: DueMessage,
    channel: { id: string; provider: string; phoneNumberId: string },
    batch: PreparedBatch,
  ): Promise<void> {
    try {
      for (const window of windowsOf(batch.claimed, batch.dueAt, WINDOW_MS)) {
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
          batch.sent.push(this.sendAt(at, () => this.sendOne(due, channel, recipient)));
        });
      }
      await this.record(due, channel.id, batch.sent);
    } finally {
      for (const recipient of batch.claimed) this.inFlight.delete(recipient.deliveryId);
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
    const outcome = await this.dispatcher.send(
      {
        channel,
        channelPaused: false,
        to: this.vault.decrypt(recipient.phoneSealed),
        content: due.content,
        reference: recipient.deliveryId,
      },
      { retryHere: false },
    );
    return {
      deliveryId: recipient.deliveryId,
      attempts: recipient.attempts + outcome.attempts,
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
