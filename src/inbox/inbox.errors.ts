import { badInput, conflict, forbidden, notFound } from '../common/errors/crier-error.js';
import type { TemplateReplyRefusal } from './domain/template-replies.js';

export const InboxErrors = {
  // One answer for "no such conversation" and "not your channel's": an inbox is not revealed.
  notFound: () =>
    notFound('CONVERSATION_NOT_FOUND', 'There is no such conversation in your inboxes'),
  messageNotFound: () =>
    notFound('INBOUND_MESSAGE_NOT_FOUND', 'That message is not part of this conversation'),
  assigned: (assignee: string) =>
    conflict(
      'CONVERSATION_ASSIGNED',
      `${assignee} is answering this conversation: ask them, or assign it to yourself first`,
    ),
  closed: () =>
    conflict(
      'CONVERSATION_CLOSED',
      'This conversation is closed: assign it to yourself to reopen it',
    ),
  outsideWindow: () =>
    conflict(
      'OUTSIDE_SERVICE_WINDOW',
      'The resident last wrote more than 24 hours ago, so WhatsApp allows only an approved template now, not free text',
    ),
  blocked: () =>
    conflict('SENDER_BLOCKED', 'This sender is blocked from the inbox: unblock them first'),
  alreadyBlocked: () => conflict('ALREADY_BLOCKED', 'This sender is already blocked'),
  notBlocked: () => conflict('NOT_BLOCKED', 'This sender is not blocked'),
  alreadyFlagged: () => conflict('ALREADY_FLAGGED', 'This message is already flagged as abusive'),
  numberErased: () =>
    conflict('RESIDENT_ERASED', "The resident's details were erased: Crier cannot reply"),
  invalidAssignee: () =>
    badInput(
      'INVALID_ASSIGNEE',
      "Assign the conversation to an active member of staff who works this channel's inbox",
    ),
  notTheProposer: () =>
    forbidden(
      'NOT_THE_PROPOSER',
      'Only the person who proposed this template reply (or an admin) can withdraw it',
    ),
  templateReplyNotFound: () =>
    notFound('TEMPLATE_REPLY_NOT_FOUND', 'There is no such template reply in this conversation'),
  templateReplyNotPending: (status: string) =>
    conflict(
      'TEMPLATE_REPLY_NOT_PENDING',
      `This template reply is ${status} already, so it can no longer be approved or rejected`,
    ),
  templateReplyApproval: (refusal: TemplateReplyRefusal) =>
    refusal === 'SELF_APPROVAL_FORBIDDEN'
      ? forbidden(
          'SELF_APPROVAL_FORBIDDEN',
          'You proposed this template reply, so someone else must approve or reject it',
        )
      : refusal === 'ALREADY_APPROVED'
        ? conflict(
            'ALREADY_APPROVED',
            'You have approved this template reply already: it needs someone else’s approval too',
          )
        : forbidden(
            'NOT_AN_APPROVER',
            "You do not hold an approver role of this channel's policy (a service manager approves only for their own service's channel)",
          ),
};
