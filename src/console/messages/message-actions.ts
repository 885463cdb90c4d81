import {
  approvalRefusal,
  type ChannelFacts,
  canDraft,
} from '../../messages/domain/message-access.js';
import { nextStatus } from '../../messages/domain/message-workflow.js';
import type { MessageView } from '../../messages/dto/message-view.dto.js';
import { type Actor, hasRole } from '../../organisation/actor.js';

/** The API's DRAFTERS (src/messages/messages.controller.ts): who may write and cancel messages. */
export const DRAFTERS = ['officer', 'service_manager', 'comms_approver'] as const;

export interface MessageActions {
  edit: boolean;
  submit: boolean;
  cancel: boolean;
  review: boolean;
  delivery: boolean;
}

/**
 * What the message page offers this person, by the domain's own rules (the services apply them
 * again when the button is pressed): nothing is offered that would only be refused.
 */
export function messageActions(
  actor: Actor,
  channel: ChannelFacts,
  message: Pick<MessageView, 'status' | 'serviceId' | 'editors'>,
): MessageActions {
  const drafter = hasRole(actor, ...DRAFTERS) && canDraft(actor, channel, message.serviceId);
  const approver = approvalRefusal(actor, channel, []) === null;
  return {
    edit: drafter && nextStatus(message.status, 'edit').ok,
    submit: drafter && nextStatus(message.status, 'submit').ok,
    cancel:
      hasRole(actor, ...DRAFTERS) &&
      (drafter || approver) &&
      nextStatus(message.status, 'cancel').ok,
    review:
      message.status === 'in_review' && approvalRefusal(actor, channel, message.editors) === null,
    delivery: message.status === 'sending' || message.status === 'sent',
  };
}

/**
 * The channels this person may write for: their services' own channels and, on behalf of one of
 * their services, the corporate one; the comms team writes for all.
 */
export function draftableChannels<T extends ChannelFacts>(actor: Actor, channels: T[]): T[] {
  if (!hasRole(actor, ...DRAFTERS)) return [];
  return channels.filter((channel) =>
    channel.kind === 'service'
      ? canDraft(actor, channel, channel.serviceId)
      : canDraft(actor, channel, actor.serviceIds[0] ?? null),
  );
}
