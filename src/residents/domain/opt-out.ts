/** Why a number is never messaged again (the suppressions table's reasons). */
export type SuppressionReason = 'stop' | 'provider_stopped' | 'blocked' | 'erased';

/**
 * The reason to record when WhatsApp says a person cannot be messaged any more: 130403 means
 * they blocked the council's number; 131050 means they turned off its messages.
 */
export const suppressionReasonForProviderCode = (code: string): 'provider_stopped' | 'blocked' =>
  code === '130403' ? 'blocked' : 'provider_stopped';

/**
 * The one message a resident gets after STOP, inside the window their STOP opened, in the
 * language of the word they used (YMUNO is the Welsh JOIN that Crier also takes).
 */
export const stopConfirmation = (channelName: string, language: 'cy' | 'en' = 'en'): string =>
  language === 'cy'
    ? `Fyddwch chi ddim yn cael rhagor o negeseuon gan ${channelName}. Anfonwch YMUNO i ymuno eto.`
    : `You will get no more messages from ${channelName}. Send JOIN to sign up again.`;
