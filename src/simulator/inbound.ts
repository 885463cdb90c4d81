import { type InboundContent, inboundEvent } from './inbound-event.js';
import type { InboundAction, InboundRequest } from './inbound-request.js';
import { buttonTitle, listRow } from './reply-lookup.js';
import type { SimulatorState } from './simulator-state.js';
import { newWamid } from './wamid.js';

/** The webhook content for what the resident did, with titles taken from the message answered. */
function contentOf(state: SimulatorState, action: InboundAction): InboundContent {
  switch (action.kind) {
    case 'text':
      return action;
    case 'button_reply': {
      const answered = state.messages.find(action.contextId);
      const title = buttonTitle(answered, action.buttonId);
      return { kind: 'button_reply', id: action.buttonId, title, contextId: action.contextId };
    }
    case 'quick_reply':
      // The simulator's templates have no buttons to look the label up in, so it defaults to the payload.
      return {
        kind: 'quick_reply',
        payload: action.payload,
        text: action.text ?? action.payload,
        contextId: action.contextId,
      };
    case 'list_reply': {
      const row = listRow(state.messages.find(action.contextId), action.rowId);
      return { kind: 'list_reply', id: action.rowId, ...row, contextId: action.contextId };
    }
  }
}

/** Opens the user's 24-hour window and delivers the inbound webhook in the background. */
export function receiveInbound(state: SimulatorState, inbound: InboundRequest): string {
  const at = state.deps.clock();
  state.windows.userWrote(inbound.phoneNumberId, inbound.waId, at);
  const id = newWamid();
  const event = inboundEvent(state.source(inbound.phoneNumberId), {
    id,
    waId: inbound.waId,
    name: inbound.name,
    at,
    content: contentOf(state, inbound.action),
  });
  if (state.webhooks.enabled) {
    state.background.run(async (signal) => {
      await state.webhooks.deliver(event, signal);
    });
  }
  return id;
}
