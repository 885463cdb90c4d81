import { isObject } from './validate-message.js';
import { waIdFor } from './phone-number.js';
import type { SimulatorState } from './simulator-state.js';
import { type InboundContent, inboundEvent } from './webhook-envelope.js';
import { newWamid } from './wamid.js';

/**
 * A resident writing in, from POST /_sim/inbound:
 * `{ "from", "phoneNumberId", "text" }` or `{ "from", "phoneNumberId", "buttonReplyId", "context" }`,
 * where `context` is the wamid answered (or `{ "id": wamid }`).
 */
export interface InboundRequest {
  waId: string;
  phoneNumberId: string;
  text: string | null;
  buttonReplyId: string | null;
  contextId: string | null;
}

export function parseInbound(body: unknown): { inbound: InboundRequest } | { problems: string[] } {
  if (!isObject(body)) return { problems: ['body must be a JSON object'] };
  const problems: string[] = [];
  const waId = typeof body.from === 'string' ? waIdFor(body.from) : null;
  if (waId === null) problems.push('from must be a phone number');
  const { phoneNumberId, text, buttonReplyId } = body;
  if (typeof phoneNumberId !== 'string' || phoneNumberId === '') {
    problems.push('phoneNumberId is required');
  }
  const contextId = isObject(body.context) ? body.context.id : body.context;
  if ((typeof text === 'string') === (typeof buttonReplyId === 'string')) {
    problems.push('give either text or buttonReplyId');
  }
  if (typeof buttonReplyId === 'string' && typeof contextId !== 'string') {
    problems.push('context (the wamid of the message answered) is required with buttonReplyId');
  }
  if (problems.length > 0) return { problems };
  return {
    inbound: {
      waId: waId as string,
      phoneNumberId: phoneNumberId as string,
      text: typeof text === 'string' ? text : null,
      buttonReplyId: typeof buttonReplyId === 'string' ? buttonReplyId : null,
      contextId: typeof contextId === 'string' ? contextId : null,
    },
  };
}

/** The title the resident tapped: looked up in the message answered, else the button id. */
function buttonTitle(state: SimulatorState, contextId: string, buttonId: string): string {
  const action = state.messages.find(contextId)?.payload.action;
  const buttons = isObject(action) && Array.isArray(action.buttons) ? action.buttons : [];
  for (const button of buttons) {
    const reply = isObject(button) && isObject(button.reply) ? button.reply : null;
    if (reply?.id === buttonId && typeof reply.title === 'string') return reply.title;
  }
  return buttonId;
}

/** Opens the user's 24-hour window and delivers the inbound webhook in the background. */
export function receiveInbound(state: SimulatorState, inbound: InboundRequest): string {
  const at = state.deps.clock();
  state.windows.userWrote(inbound.phoneNumberId, inbound.waId, at);
  const content: InboundContent =
    inbound.text !== null
      ? { kind: 'text', text: inbound.text }
      : {
          kind: 'button_reply',
          id: inbound.buttonReplyId ?? '',
          title: buttonTitle(state, inbound.contextId ?? '', inbound.buttonReplyId ?? ''),
          contextId: inbound.contextId ?? '',
        };
  const id = newWamid();
  const event = inboundEvent(state.source(inbound.phoneNumberId), {
    id,
    waId: inbound.waId,
    at,
    content,
  });
  if (state.webhooks.enabled) {
    state.background.run(async (signal) => {
      await state.webhooks.deliver(event, signal);
    });
  }
  return id;
}
