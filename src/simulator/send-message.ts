import { setTimeout as sleep } from 'node:timers/promises';
import { GraphError } from './graph-error.js';
import type { LoggedMessage } from './message-log.js';
import { failsAfterAcceptance, isNotOnWhatsApp } from './phone-number.js';
import type { SimulatorState } from './simulator-state.js';
import { scheduleStatuses } from './status-progression.js';
import { checkTemplate, shownButtons } from './templates.js';
import { validateMessage } from './validate-message.js';
import { newWamid } from './wamid.js';

export interface SendResult {
  messaging_product: 'whatsapp';
  contacts: { input: string; wa_id: string }[];
  messages: { id: string }[];
}

/**
 * Whether an accepted send will end in a `failed` status, and with which code: the 0001 number
 * rule, or the asyncFailureRate fault.
 */
function laterFailureCode(state: SimulatorState, waId: string): number | null {
  if (failsAfterAcceptance(waId)) return 131026;
  const { asyncFailureRate, asyncFailureCode } = state.faults;
  return asyncFailureRate > 0 && state.deps.random() < asyncFailureRate ? asyncFailureCode : null;
}

/**
 * One send, after authentication. The checks run in the order a client meets them on the real
 * API: shape, injected faults, throughput, template, recipient, service window, pair rate.
 * Throws the GraphError to answer.
 */
export function sendMessage(
  state: SimulatorState,
  phoneNumberId: string,
  body: unknown,
): SendResult {
  const message = validateMessage(body);
  const { faults, deps } = state;
  if (faults.errorRate > 0 && deps.random() < faults.errorRate) {
    throw new GraphError(faults.errorCode, 'Simulated failure injected through /_sim/faults');
  }
  const now = deps.clock();
  // Meta counts every well-formed request against the number's throughput, accepted or not.
  if (!state.throughput.tryAcquire(phoneNumberId, now)) {
    throw new GraphError(
      130429,
      `Throughput limit of ${state.config.throughputPerSecond} messages per second reached for this number`,
    );
  }
  // A template's buttons are fixed when it is approved; a send only fills in their payloads.
  const buttons = message.template
    ? shownButtons(checkTemplate(state.templates, message.template), message.template)
    : [];
  if (isNotOnWhatsApp(message.waId)) {
    throw new GraphError(131026, 'Receiver is incapable of receiving this message');
  }
  if (message.type !== 'template' && !state.windows.isOpen(phoneNumberId, message.waId, now)) {
    throw new GraphError(
      131047,
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    );
  }
  if (!state.pairRate.tryAcquire(`${phoneNumberId}:${message.waId}`, now)) {
    throw new GraphError(131056, 'Too many messages sent from this number to the same user');
  }

  const logged: LoggedMessage = {
    id: newWamid(),
    to: message.to,
    waId: message.waId,
    phoneNumberId,
    type: message.type,
    payload: message.payload,
    buttons,
    at: new Date(now).toISOString(),
    failureCode: laterFailureCode(state, message.waId),
    callbackData: message.callbackData,
  };
  state.messages.add(logged);
  scheduleStatuses(state, logged);
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: message.to, wa_id: message.waId }],
    messages: [{ id: logged.id }],
  };
}

/** Injected latency, applied before any answer, as a slow network would be. */
export async function injectedLatency(state: SimulatorState): Promise<void> {
  if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
}
