import type { SimulatorConfig } from '../config/simulator-config.js';
import { BackgroundTasks } from './background-tasks.js';
import type { Clock } from './clock.js';
import { type Faults, noFaults, type WebhookRates } from './faults.js';
import { MessageLog } from './message-log.js';
import { ServiceWindows } from './service-window.js';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';
import type { Template } from './templates.js';
import { WebhookDelivery } from './webhook-delivery.js';
import type { WebhookSource } from './webhook-envelope.js';

/** What can be swapped for tests: time, chance and where log lines go. */
export interface SimulatorDependencies {
  clock: Clock;
  /**
   * A number in [0, 1), like Math.random: decides which sends the error faults fail and which
   * webhooks are duplicated or reordered.
   */
  random: () => number;
  log: (line: string) => void;
  /**
   * Where webhooks go, asked at each delivery; by default SIM_WEBHOOK_URL. Crier's embedded
   * simulator points it at Crier's own server, whose port is known only once it listens.
   */
  webhookUrl: () => string | null;
}

/** Everything the simulator remembers, all in memory. */
export class SimulatorState {
  readonly messages = new MessageLog();
  readonly windows = new ServiceWindows();
  readonly throughput: SlidingWindowLimiter;
  readonly pairRate: SlidingWindowLimiter;
  readonly webhooks: WebhookDelivery;
  readonly background = new BackgroundTasks();
  faults: Faults;

  constructor(
    readonly config: SimulatorConfig,
    readonly templates: readonly Template[],
    readonly deps: SimulatorDependencies,
  ) {
    this.throughput = new SlidingWindowLimiter(config.throughputPerSecond, 1000);
    this.pairRate = new SlidingWindowLimiter(config.pairRate.limit, config.pairRate.windowMs);
    this.webhooks = new WebhookDelivery({
      url: deps.webhookUrl,
      appSecret: config.appSecret,
      maxAttempts: config.webhookMaxAttempts,
      retryBaseMs: config.webhookRetryBaseMs,
      log: deps.log,
    });
    this.faults = noFaults(this.webhookRates);
  }

  /** The configured duplicate and reorder rates, in force while no fault overrides them. */
  get webhookRates(): WebhookRates {
    return {
      duplicateRate: this.config.webhookDuplicateRate,
      reorderRate: this.config.webhookReorderRate,
    };
  }

  source(phoneNumberId: string): WebhookSource {
    return {
      businessAccountId: this.config.businessAccountId,
      displayPhoneNumber: this.config.displayPhoneNumber,
      phoneNumberId,
    };
  }

  /** Forgets everything and cancels pending webhooks; templates and configuration stay. */
  async reset(): Promise<void> {
    await this.background.cancelAll();
    this.messages.clear();
    this.windows.clear();
    this.throughput.clear();
    this.pairRate.clear();
    this.faults = noFaults(this.webhookRates);
  }
}
