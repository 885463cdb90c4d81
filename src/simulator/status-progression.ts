import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggedMessage } from './message-log.js';
import type { SimulatorState } from './simulator-state.js';
import { statusError } from './status-error.js';
import { statusEvent } from './status-event.js';
import { planStatuses, type StatusName } from './status-plan.js';
import type { JsonObject } from './validate-message.js';

/**
 * After a send is accepted, reports its statuses (sent, delivered, read; or sent, failed), each
 * after `statusDelayMs` and stamped with the time it happened. Webhooks go out one at a time, each
 * waiting for the previous one's delivery (retries included), in the order the plan draws: usually
 * the order they happened, sometimes duplicated or overtaken (see planStatuses).
 */
export function scheduleStatuses(state: SimulatorState, message: LoggedMessage): void {
  if (!state.webhooks.enabled) return;
  const { duplicateRate, reorderRate } = state.faults;
  const { failureCode } = message;
  const plan = planStatuses(
    { fails: failureCode !== null, duplicateRate, reorderRate },
    state.deps.random,
  );
  const eventFor = (status: StatusName): JsonObject =>
    statusEvent(state.source(message.phoneNumberId), {
      id: message.id,
      status,
      waId: message.waId,
      at: state.deps.clock(),
      template: message.type === 'template',
      error: status === 'failed' && failureCode !== null ? statusError(failureCode) : null,
      callbackData: message.callbackData,
    });

  state.background.run(async (signal) => {
    const happened: JsonObject[] = [];
    let next = 0;
    for (const status of plan.statuses) {
      try {
        await sleep(state.config.statusDelayMs, undefined, { signal });
      } catch {
        return; // Cancelled by reset or close.
      }
      happened.push(eventFor(status));
      // Send every planned webhook whose status has now happened; an overtaken one waits here.
      while (next < plan.arrivals.length && plan.arrivals[next] < happened.length) {
        await state.webhooks.deliver(happened[plan.arrivals[next]], signal);
        next += 1;
      }
    }
  });
}
