import { setTimeout as sleep } from 'node:timers/promises';
import type { MessageSender, SendFailure, SendOutcome, SendRequest } from './outbound-message.js';
import { type RetryPolicy, retryDelayMs, shouldRetry } from './retry-policy.js';

export interface DispatchTimers {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Meta's "throughput reached" code. */
const THROUGHPUT_REACHED = '130429';

export const REAL_TIMERS: DispatchTimers = { sleep: (ms) => sleep(ms), random: Math.random };

/** What the dispatcher needs to know and do about a channel around a send. */
export interface ChannelSendingSwitch {
  /** Stops the channel's sending after a channel-wide failure, and raises the alert. */
  pause(channelId: string, failure: SendFailure): Promise<void>;
  /** The provider said the channel is over its throughput: slow every sender on it down. */
  throttled(channelId: string): Promise<void>;
}

export interface DispatcherOptions {
  senderFor(provider: string): MessageSender | null;
  channels: ChannelSendingSwitch;
  policy: RetryPolicy;
  timers: DispatchTimers;
}

/**
 * Sends one message to one recipient: picks the channel's sender, retries temporary failures
 * with backoff, and pauses the channel on a failure that would hit every send (an expired token,
 * say) instead of burning through the queue. Plain code, so it can be driven against the
 * simulator without the rest of the application.
 */
export class Dispatcher {
  constructor(private readonly options: DispatcherOptions) {}

  /**
   * `retryHere: false` returns a temporary failure at once instead of waiting to retry: the
   * fan-out puts such a send back in line for a later slot, so that retries keep to the
   * channel's pace instead of adding to the load that caused them.
   */
  async send(
    request: SendRequest & { channelPaused: boolean },
    options: { retryHere?: boolean } = {},
  ): Promise<SendOutcome> {
    if (request.channelPaused) {
      return {
        ok: false,
        attempts: 0,
        failure: {
          class: 'channel',
          code: 'CHANNEL_PAUSED',
          reason: 'Sending on this channel is paused until an admin resumes it',
        },
      };
    }
    const sender = this.options.senderFor(request.channel.provider);
    if (!sender) {
      return {
        ok: false,
        attempts: 0,
        failure: {
          class: 'channel',
          code: 'NO_SENDER',
          reason: `No sender is configured for provider "${request.channel.provider}"`,
        },
      };
    }
    const { policy, timers } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      const result = await sender.sendOnce(request);
      if ('providerMessageId' in result) {
        return { ok: true, providerMessageId: result.providerMessageId, attempts: attempt };
      }
      if (result.code === THROUGHPUT_REACHED)
        await this.options.channels.throttled(request.channel.id);
      if (options.retryHere !== false && shouldRetry(policy, attempt, result)) {
        await timers.sleep(retryDelayMs(policy, attempt, result, timers.random));
        continue;
      }
      if (result.class === 'channel') await this.options.channels.pause(request.channel.id, result);
      return { ok: false, failure: result, attempts: attempt };
    }
  }
}
