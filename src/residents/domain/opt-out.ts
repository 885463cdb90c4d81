/** Why a number is never messaged again (the suppressions table's reasons). */
export type SuppressionReason = 'stop' | 'provider_stopped' | 'blocked' | 'erased';

/**
 * The reason to record when WhatsApp says a person cannot be messaged any more: 130403 means
 * they blocked the council's number; 131050 means they turned off its messages.
 */
export const suppressionReasonForProviderCode = (code: string): 'provider_stopped' | 'blocked' =>
  code === '130403' ? 'blocked' : 'provider_stopped';

/** The one message a resident gets after STOP, inside the window their STOP opened. */
export const stopConfirmation = (channelName: string): string =>
  `You will get no more messages from ${channelName}. Send JOIN to sign up again.`;
