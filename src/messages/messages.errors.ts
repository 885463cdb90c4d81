import { badInput, conflict, forbidden, notFound } from '../common/errors/crier-error.js';
import type { ApprovalRefusal } from './domain/message-access.js';

export const MessageErrors = {
  notFound: () =>
    notFound('MESSAGE_NOT_FOUND', 'There is no message with that id that you can see.'),
  channelNotFound: () => badInput('UNKNOWN_CHANNEL', 'No channel has that channelId.'),
  draftingNotAllowed: () =>
    forbidden(
      'DRAFTING_NOT_ALLOWED',
      "You can draft only for your own services' channels, and for the corporate channel on behalf of one of your services.",
    ),
  serviceUnclear: () =>
    badInput(
      'SERVICE_REQUIRED',
      'Say which of your services this message is for (serviceId); on a service channel it must be that channel’s service.',
    ),
  approval: (refusal: ApprovalRefusal) =>
    refusal === 'SELF_APPROVAL_FORBIDDEN'
      ? forbidden(
          'SELF_APPROVAL_FORBIDDEN',
          'You wrote or edited this message, so someone else must review it.',
        )
      : forbidden(
          'NOT_AN_APPROVER',
          "You do not hold an approver role of this channel's policy (a service manager approves only for their own service's channel).",
        ),
  cancelNotAllowed: () =>
    forbidden(
      'CANCEL_NOT_ALLOWED',
      'Only someone who may draft or approve on this channel can cancel its messages.',
    ),
  invalidTransition: (message: string) => conflict('INVALID_STATE', message),
  notEditable: (status: string) =>
    conflict(
      'MESSAGE_NOT_EDITABLE',
      `A message that is ${status.replace('_', ' ')} cannot be edited; only drafts and messages sent back for changes can.`,
    ),
  notInReview: (status: string) =>
    conflict('MESSAGE_NOT_IN_REVIEW', `The message is ${status.replace('_', ' ')}, not in review.`),
  versionMismatch: (current: number, given: number) =>
    conflict(
      'APPROVAL_VERSION_MISMATCH',
      `You reviewed version ${given}, but the message is now at version ${current}; review the current version.`,
      { currentVersion: current },
    ),
  alreadyApproved: () =>
    conflict(
      'ALREADY_APPROVED',
      'You have already approved this version; another person must add theirs.',
    ),
  contentKindNotAllowed: (kind: string) =>
    badInput('CONTENT_KIND_NOT_ALLOWED', `This channel's policy does not allow ${kind} messages.`),
  contentFieldsMismatch: (kind: string, extra: string[]) =>
    badInput('INVALID_CONTENT', `A ${kind} message does not take ${extra.join(', ')}.`),
  emergencyReasonRequired: () =>
    badInput('EMERGENCY_REASON_REQUIRED', 'An emergency message needs an emergencyReason.'),
  emergencyReasonNotAllowed: () =>
    badInput('EMERGENCY_REASON_NOT_ALLOWED', 'Only emergency messages carry an emergencyReason.'),
  sendAtInPast: () =>
    badInput('SEND_AT_IN_PAST', 'sendAt is in the past; choose a later time or omit it.'),
  pollClosesBeforeSending: (dispatchAt: string) =>
    conflict(
      'POLL_CLOSES_BEFORE_SENDING',
      `The poll would close before the message goes out (${dispatchAt}): edit its closing time and ask for sign-off again.`,
      { dispatchAt },
    ),
  invalidPoll: (problems: string[]) =>
    badInput('INVALID_POLL', `The poll cannot go out: ${problems.join('; ')}.`, { problems }),
  sendAtTooFar: () => badInput('SEND_AT_TOO_FAR', 'sendAt must be within a year.'),
  invalidCursor: () => badInput('INVALID_CURSOR', 'The cursor is not one this list gave out.'),
  testNotAvailable: (status: string) =>
    conflict(
      'TEST_SEND_NOT_AVAILABLE',
      `A test can be sent while a message is in review, approved or scheduled; this one is ${status.replace('_', ' ')}.`,
    ),
  testPhoneMissing: () =>
    conflict(
      'TEST_PHONE_NOT_REGISTERED',
      'Register your own phone first (PUT /api/v1/me/test-phone), then send the test again.',
    ),
  contentHashMismatch: () =>
    conflict(
      'CONTENT_HASH_MISMATCH',
      'The stored message no longer matches the hash it was written with; nothing was sent. Tell ICT.',
    ),
  channelPaused: (reason: string | null) =>
    conflict(
      'CHANNEL_SENDING_PAUSED',
      `Sending on this channel is paused${reason ? `: ${reason}` : ''}. An admin must resume it.`,
    ),
};
