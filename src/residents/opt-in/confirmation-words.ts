/** What a resident may send to confirm a web opt-in, compared without case or spaces. */
const CONFIRMATION_WORDS = new Set(['YES', 'JOIN']);

/** The quick-reply payload a confirmation template's button would carry, should it have one. */
export const CONFIRM_PAYLOAD = 'CONFIRM_SUBSCRIPTION';

/**
 * True for a typed YES or JOIN, or a tap on the confirmation's own quick reply. The simulator's
 * templates carry no buttons, so the confirmation asks for a typed YES; a quick-reply tap
 * (Meta's "button" message) is taken only when it answers that very confirmation message.
 */
export function isConfirmation(
  message: { kind: string; body: string | null; replyId: string | null; contextId: string | null },
  confirmationMessageId: string | null,
): boolean {
  if (message.kind === 'quick_reply') {
    return (
      message.replyId === CONFIRM_PAYLOAD &&
      confirmationMessageId !== null &&
      message.contextId === confirmationMessageId
    );
  }
  if (message.kind !== 'text' || !message.body || message.body.length > 20) return false;
  return CONFIRMATION_WORDS.has(message.body.replace(/[\s.!]/g, '').toUpperCase());
}

export const confirmationRequest = (channelName: string, areaName: string, hours: number) =>
  `${channelName}: someone asked on our website to send alerts for ${areaName} to this number. ` +
  `Reply YES within ${hours} hours to confirm. If it was not you, ignore this message.`;

export const subscribedReply = (channelName: string) =>
  `You're subscribed to ${channelName} alerts. Send STOP at any time to stop them.`;
