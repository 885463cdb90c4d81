import { waIdFor } from './phone-number.js';
import { isObject } from './validate-message.js';

/** What the resident does, as asked for in POST /_sim/inbound. */
export type InboundAction =
  | { kind: 'text'; text: string }
  | { kind: 'button_reply'; buttonId: string; contextId: string }
  | { kind: 'quick_reply'; payload: string; text: string | null; contextId: string }
  | { kind: 'list_reply'; rowId: string; contextId: string };

/**
 * A resident writing in, from POST /_sim/inbound: `{ "from", "phoneNumberId", "name"?, … }` with
 * exactly one of `"text"`, `"buttonReplyId"`, `"buttonPayload"` (and `"buttonText"`?) or
 * `"listReplyId"`. The three replies need `"context"`: the wamid answered, or `{ "id": wamid }`.
 */
export interface InboundRequest {
  waId: string;
  phoneNumberId: string;
  name: string;
  action: InboundAction;
}

/** Meta sends the user's WhatsApp profile name; the simulator has none unless told. */
export const DEFAULT_PROFILE_NAME = 'Simulated resident';

const CHOICES = ['text', 'buttonReplyId', 'buttonPayload', 'listReplyId'] as const;
type Choice = (typeof CHOICES)[number];

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function action(
  choice: Choice,
  value: string,
  contextId: string,
  buttonText: unknown,
): InboundAction {
  switch (choice) {
    case 'text':
      return { kind: 'text', text: value };
    case 'buttonReplyId':
      return { kind: 'button_reply', buttonId: value, contextId };
    case 'buttonPayload': {
      const text = isText(buttonText) ? buttonText : null;
      return { kind: 'quick_reply', payload: value, text, contextId };
    }
    case 'listReplyId':
      return { kind: 'list_reply', rowId: value, contextId };
  }
}

export function parseInbound(body: unknown): { inbound: InboundRequest } | { problems: string[] } {
  if (!isObject(body)) return { problems: ['body must be a JSON object'] };
  const problems: string[] = [];
  const waId = typeof body.from === 'string' ? waIdFor(body.from) : null;
  if (waId === null) problems.push('from must be a phone number');
  const { phoneNumberId, name = DEFAULT_PROFILE_NAME, buttonText } = body;
  if (!isText(phoneNumberId)) problems.push('phoneNumberId is required');
  if (!isText(name)) problems.push('name, when given, must be text');

  const given = CHOICES.filter((choice) => body[choice] !== undefined);
  const choice = given.length === 1 ? given[0] : null;
  const value = choice === null ? undefined : body[choice];
  if (choice === null) {
    problems.push('give exactly one of text, buttonReplyId, buttonPayload or listReplyId');
  } else if (choice === 'text' ? typeof value !== 'string' : !isText(value)) {
    problems.push(`${choice} must be text`);
  }
  if (buttonText !== undefined && (choice !== 'buttonPayload' || !isText(buttonText))) {
    problems.push('buttonText must be text, and only goes with buttonPayload');
  }
  const contextId = isObject(body.context) ? body.context.id : body.context;
  if (choice !== null && choice !== 'text' && !isText(contextId)) {
    problems.push(`context (the wamid of the message answered) is required with ${choice}`);
  }
  if (problems.length > 0 || choice === null) return { problems };
  return {
    inbound: {
      waId: waId as string,
      phoneNumberId: phoneNumberId as string,
      name: name as string,
      action: action(choice, value as string, (contextId ?? '') as string, buttonText),
    },
  };
}
