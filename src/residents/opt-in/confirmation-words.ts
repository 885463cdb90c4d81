/**
 * What a resident may type to confirm a web opt-in, compared without case or spaces. The
 * confirmation asks for a tap, but residents type YES anyway, so it is still taken; IE and YMUNO
 * are the Welsh YES and JOIN, taken whichever language the request was made in.
 */
const CONFIRMATION_WORDS = new Set(['YES', 'JOIN', 'IE', 'YMUNO']);

/** The language of a web opt-in: of the /subscribe page, or `language` in the public API. */
export const OPT_IN_LANGUAGES = ['en', 'cy'] as const;
export type OptInLanguage = (typeof OPT_IN_LANGUAGES)[number];

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

/**
 * Everything Crier sends about a web opt-in, in English and Welsh: the confirmation template's
 * language and its one body parameter, and the replies after a tap. The same template name is
 * approved in each language, with its quick replies in that language (English Confirm and Not me,
 * Welsh Cadarnhau and Nid fi); a tap is known by its payload, never by its words. The Welsh
 * follows the residents' pages (src/subscribe/i18n/cy.ts) and JOIN's (join-words.ts); a council's
 * Welsh-language officer should check it.
 */
export interface OptInWords {
  /** The template's language code: WhatsApp keeps a template per name and language. */
  templateLanguage: string;
  confirmationRequest: (channelName: string, areaName: string, hours: number) => string;
  subscribed: (channelName: string) => string;
  declined: (channelName: string) => string;
}

export const OPT_IN_WORDS: Record<OptInLanguage, OptInWords> = {
  en: {
    templateLanguage: 'en_GB',
    confirmationRequest: (channelName, areaName, hours) =>
      `${channelName}: someone asked on our website to send alerts for ${areaName} to this number. ` +
      `Tap Confirm (or reply YES) within ${hours} hours to start them. If it was not you, tap Not me.`,
    subscribed: (channelName) =>
      `You're subscribed to ${channelName} alerts. Send STOP at any time to stop them.`,
    declined: (channelName) =>
      `Thank you for letting us know. We have deleted the request and will not send you ${channelName} alerts.`,
  },
  cy: {
    templateLanguage: 'cy',
    confirmationRequest: (channelName, areaName, hours) =>
      `${channelName}: gofynnodd rhywun ar ein gwefan i anfon rhybuddion am ${areaName} i’r rhif hwn. ` +
      `Tapiwch Cadarnhau (neu atebwch IE) o fewn ${hours} awr i’w dechrau. Os nad chi oedd hyn, tapiwch Nid fi.`,
    subscribed: (channelName) =>
      `Rydych chi wedi cofrestru i gael rhybuddion ${channelName}. Anfonwch STOPIO unrhyw bryd i’w stopio.`,
    declined: (channelName) =>
      `Diolch am roi gwybod i ni. Rydym wedi dileu’r cais ac ni fyddwn yn anfon rhybuddion ${channelName} atoch.`,
  },
};

/** The words of an opt-in in this language. */
export const optInWords = (language: OptInLanguage): OptInWords => OPT_IN_WORDS[language];

export const confirmationRequest = (
  channelName: string,
  areaName: string,
  hours: number,
  language: OptInLanguage = 'en',
) => OPT_IN_WORDS[language].confirmationRequest(channelName, areaName, hours);

export const subscribedReply = (channelName: string, language: OptInLanguage = 'en') =>
  OPT_IN_WORDS[language].subscribed(channelName);

export const declinedReply = (channelName: string, language: OptInLanguage = 'en') =>
  OPT_IN_WORDS[language].declined(channelName);
