/**
 * What a resident may type to confirm a web opt-in, compared without case or spaces. The
 * confirmation asks for a tap, but residents type YES anyway, so it is still taken.
 */
const CONFIRMATION_WORDS = new Set(['YES', 'JOIN']);

/** What the confirmation template's quick replies send back: Confirm (button 0), Not me (1). */
export const CONFIRM_PAYLOAD = 'CONFIRM_SUBSCRIPTION';
export const DECLINE_PAYLOAD = 'DECLINE_SUBSCRIPTION';

interface ResidentReply {
  kind: string;
  body: string | null;
  replyId: string | null;
  contextId: string | null;
}

/**
 * A tap on that quick reply of the confirmation message itself. Meta names the message a tap
 * answers, so a button on an older confirmation (for an earlier, replaced request) does nothing.
 */
function tapped(message: ResidentReply, payload: string, confirmationMessageId: string | null) {
  return (
    message.kind === 'quick_reply' &&
    message.replyId === payload &&
    confirmationMessageId !== null &&
    message.contextId === confirmationMessageId
  );
}

/** True for a tap on Confirm on the confirmation message, or a typed YES or JOIN. */
export function isConfirmation(
  message: ResidentReply,
  confirmationMessageId: string | null,
): boolean {
  if (message.kind === 'quick_reply') {
    return tapped(message, CONFIRM_PAYLOAD, confirmationMessageId);
  }
  if (message.kind !== 'text' || !message.body || message.body.length > 20) return false;
  return CONFIRMATION_WORDS.has(message.body.replace(/[\s.!]/g, '').toUpperCase());
}

/** True for a tap on Not me on the confirmation message: someone else gave this number. */
export function isDecline(message: ResidentReply, confirmationMessageId: string | null): boolean {
  return tapped(message, DECLINE_PAYLOAD, confirmationMessageId);
}

export const confirmationRequest = (channelName: string, areaName: string, hours: number) =>
  `${channelName}: someone asked on our website to send alerts for ${areaName} to this number. ` +
  `Tap Confirm (or reply YES) within ${hours} hours to start them. If it was not you, tap Not me.`;

export const subscribedReply = (channelName: string) =>
  `You're subscribed to ${channelName} alerts. Send STOP at any time to stop them.`;

export const declinedReply = (channelName: string) =>
  `Thank you for letting us know. We have deleted the request and will not send you ${channelName} alerts.`;
