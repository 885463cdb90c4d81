import type { OutboundContent } from '../../dispatch/outbound-message.js';
import type { MessageContent } from './message-content.js';
import { pollOutbound } from './poll-definition.js';

/** What the dispatcher sends for a message's content: a poll's options become taps. */
export function outboundContent(messageId: string, content: MessageContent): OutboundContent {
  if (content.poll) return pollOutbound(messageId, content, content.poll);
  if (content.kind === 'text') return { kind: 'text', body: content.body };
  const { templateName, language, parameters } = content;
  return { kind: 'template', templateName, language, parameters };
}
