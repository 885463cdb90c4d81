import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggedMessage } from './message-log.js';
import type { SimulatorState } from './simulator-state.js';
import { type DeliveryStatus, statusEvent } from './webhook-envelope.js';

const PROGRESSION: readonly DeliveryStatus[] = ['sent', 'delivered', 'read'];

/**
 * After a send is accepted, reports sent, delivered and read in that order, each after
 * `statusDelayMs`. Each status waits for the previous one's delivery (retries included), so a
 * healthy receiver sees them in order.
 */
export function scheduleStatuses(state: SimulatorState, message: LoggedMessage): void {
  if (!state.webhooks.enabled) return;
  state.background.run(async (signal) => {
    for (const status of PROGRESSION) {
      try {
        await sleep(state.config.statusDelayMs, undefined, { signal });
      } catch {
        return; // Cancelled by reset or close.
      }
      const event = statusEvent(state.source(message.phoneNumberId), {
        id: message.id,
        status,
        waId: message.waId,
        at: state.deps.clock(),
        template: message.type === 'template',
      });
      await state.webhooks.deliver(event, signal);
    }
  });
}
