import { badInput, conflict, notFound } from '../common/errors/crier-error.js';

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
};
