import { type InboundContent, inboundEvent } from './inbound-event.js';
import type { InboundAction, InboundRequest } from './inbound-request.js';
import { buttonTitle, listRow, quickReplies } from './reply-lookup.js';
import type { SimulatorState } from './simulator-state.js';
import { newWamid } from './wamid.js';

/**
 * A tap on a template's quick reply. When the message answered reached this handset with quick
 * replies, the tap must be one of them and carries its label; a handset can only tap a button it
 * has. Otherwise (a template without buttons, or a message the simulator never sent) the payload
 * and label are taken as given.
 */
function quickReply(
  state: SimulatorState,
  waId: string,
  action: Extract<InboundAction, { kind: 'quick_reply' }>,
): InboundContent | { problem: string } {
  const { payload, contextId } = action;
  const answered = state.messages.find(contextId);
  const offered = quickReplies(answered);
  if (offered.length === 0) {
    return { kind: 'quick_reply', payload, text: action.text ?? payload, contextId };
  }
  if (answered?.waId !== waId || answered.failureCode !== null) {
    return {
      problem: `message ${contextId} did not reach this handset: its buttons cannot be tapped`,
    };
  }
  const button = offered.find((b) => b.payload === payload);
  if (!button || (action.text !== null && action.text !== button.text)) {
    const labels = offered.map((b) => `"${b.text}" with payload ${b.payload}`).join(', ');
    return {
      problem: `message ${contextId} has no such quick reply (a handset can only tap a button it has): it shows ${labels}`,
    };
  }
  return { kind: 'quick_reply', payload, text: button.text, contextId };
}

/** The webhook content for what the resident did, with titles taken from the message answered. */
function contentOf(
  state: SimulatorState,
  waId: string,
  action: InboundAction,
): InboundContent | { problem: string } {
  switch (action.kind) {
    case 'text':
      return action;
    case 'button_reply': {
      const answered = state.messages.find(action.contextId);
      const title = buttonTitle(answered, action.buttonId);
      return { kind: 'button_reply', id: action.buttonId, title, contextId: action.contextId };
    }
    case 'quick_reply':
      return quickReply(state, waId, action);
    case 'list_reply': {
      const row = listRow(state.messages.find(action.contextId), action.rowId);
      return { kind: 'list_reply', id: action.rowId, ...row, contextId: action.contextId };
    }
  }
}

/**
 * Opens the user's 24-hour window and delivers the inbound webhook in the background. A tap the
 * handset could not make is refused, and then nothing happens.
 */
export function receiveInbound(
  state: SimulatorState,
  inbound: InboundRequest,
): { id: string } | { problems: string[] } {
  const content = contentOf(state, inbound.waId, inbound.action);
  if ('problem' in content) return { problems: [content.problem] };
  const at = state.deps.clock();
  state.windows.userWrote(inbound.phoneNumberId, inbound.waId, at);
  const id = newWamid();
  const event = inboundEvent(state.source(inbound.phoneNumberId), {
    id,
    waId: inbound.waId,
    name: inbound.name,
    at,
    content,
  });
  if (state.webhooks.enabled) {
    state.background.run(async (signal) => {
      await state.webhooks.deliver(event, signal);
    });
  }
  return { id };
}
