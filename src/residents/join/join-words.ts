/**
 * Every word Crier sends in a JOIN conversation, and the PRIVACY summary, in English and Welsh:
 * the same keys in both. The Welsh follows the residents' pages (src/subscribe/i18n/cy.ts) and is
 * written plainly by someone who is not a first-language speaker; a council's Welsh-language
 * officer should check it. Area and topic names stay as the council named them.
 *
 * WhatsApp's limits apply: button titles at most 20 characters, list row titles and section
 * titles 24, a list's button 20, an interactive message's body 1,024 (join-words.spec.ts checks).
 */

export type JoinLanguage = 'en' | 'cy';

/** The privacy notice a resident is shown when joining on WhatsApp (see README). */
export const JOIN_PRIVACY_NOTICE_VERSION = '2025-01';

/** What the PRIVACY summary says about this council and channel. */
export interface PrivacyFacts {
  council: string;
  /** Days the words of a resident's messages are kept (the channel's inbound retention). */
  inboundDays: number;
  /** Where the privacy notice is, in this language. */
  noticeUrl: string;
}

export interface JoinCatalogue {
  /** The first reply: who is writing, why, the privacy notice, and how to stop. */
  welcome: (channelName: string, noticeUrl: string) => string;
  areasBody: string;
  areasButton: string;
  moreAreas: string;
  topicsBody: string;
  topicsButton: string;
  moreTopics: string;
  /** The last row of a list's last page, back to its first. */
  backToStart: string;
  /** After a list's body when it has more than one page: which rows this page shows. */
  pageNote: (first: number, last: number, total: number) => string;
  topicsSoFar: (topicNames: string) => string;
  done: string;
  confirmQuestion: (areaName: string, topicNames: string) => string;
  confirm: string;
  cancel: string;
  subscribed: (channelName: string, areaName: string, topicNames: string) => string;
  unknownPostcode: string;
  noTopicYet: string;
  cancelled: string;
  /** The answer to PRIVACY (or PREIFATRWYDD), in or out of a JOIN conversation. */
  privacySummary: (facts: PrivacyFacts) => string;
}

/** How the JOIN replies refer to the privacy notice: its version, and where to read it. */
const notice = {
  en: (url: string) =>
    `the council's privacy notice (version ${JOIN_PRIVACY_NOTICE_VERSION}, at ${url})`,
  cy: (url: string) =>
    `hysbysiad preifatrwydd y cyngor (fersiwn ${JOIN_PRIVACY_NOTICE_VERSION}, yn ${url})`,
};

export const en: JoinCatalogue = {
  welcome: (channelName, noticeUrl) =>
    `${channelName} on WhatsApp sends alerts about your area: roads, bins, gritting and more. ` +
    `Your number is used only for these alerts, as ${notice.en(noticeUrl)} explains. ` +
    `Send PRIVACY for a summary. Send STOP at any time to stop them.`,
  areasBody: 'Which area do you want alerts for? Choose one, or type your postcode.',
  areasButton: 'Areas',
  moreAreas: 'More areas…',
  topicsBody: 'Which topics? Choose one at a time, then tap Done.',
  topicsButton: 'Topics',
  moreTopics: 'More topics…',
  backToStart: 'Back to the start',
  pageNote: (first, last, total) => `Showing ${first} to ${last} of ${total}.`,
  topicsSoFar: (topicNames) =>
    `Topics so far: ${topicNames}. Choose another from the list, or tap Done.`,
  done: 'Done',
  confirmQuestion: (areaName, topicNames) => `Alerts for ${areaName} about ${topicNames}. Confirm?`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  subscribed: (channelName, areaName, topicNames) =>
    `You're subscribed to ${channelName} alerts for ${areaName} about ${topicNames}. ` +
    `Send STOP at any time to stop them.`,
  unknownPostcode:
    "Sorry, we don't recognise that postcode here. Choose an area from the list, or try again.",
  noTopicYet: 'Choose at least one topic from the list first.',
  cancelled: 'Cancelled: nothing has changed. Send JOIN to start again.',
  privacySummary: ({ council, inboundDays, noticeUrl }) =>
    `${council} sends these alerts and is responsible for your information. ` +
    `We keep your mobile number encrypted, the area and topics you chose, and proof that you ` +
    `agreed (when and how you agreed, and the messages you sent to agree). ` +
    `We delete the words of your messages to us after ${inboundDays} ` +
    `${inboundDays === 1 ? 'day' : 'days'}. ` +
    `Send STOP at any time to stop your alerts. ` +
    `Read ${notice.en(noticeUrl)} for the rest.`,
};

export const cy: JoinCatalogue = {
  welcome: (channelName, noticeUrl) =>
    `Mae ${channelName} ar WhatsApp yn anfon rhybuddion am eich ardal: ffyrdd, biniau, graeanu ` +
    `a mwy. Rydym yn defnyddio eich rhif dim ond ar gyfer y rhybuddion hyn, fel mae ${notice.cy(noticeUrl)} ` +
    `yn ei esbonio. Anfonwch PREIFATRWYDD i gael crynodeb. ` +
    `Anfonwch STOPIO unrhyw bryd i’w stopio.`,
  areasBody: 'Am ba ardal hoffech chi gael rhybuddion? Dewiswch un, neu teipiwch eich cod post.',
  areasButton: 'Ardaloedd',
  moreAreas: 'Rhagor o ardaloedd…',
  topicsBody: 'Pa bynciau? Dewiswch un ar y tro, yna tapiwch Gorffen.',
  topicsButton: 'Pynciau',
  moreTopics: 'Rhagor o bynciau…',
  backToStart: 'Yn ôl i’r dechrau',
  pageNote: (first, last, total) => `Yn dangos ${first} i ${last} o ${total}.`,
  topicsSoFar: (topicNames) =>
    `Pynciau hyd yma: ${topicNames}. Dewiswch un arall o’r rhestr, neu tapiwch Gorffen.`,
  done: 'Gorffen',
  confirmQuestion: (areaName, topicNames) =>
    `Rhybuddion ar gyfer ${areaName} am ${topicNames}. Cadarnhau?`,
  confirm: 'Cadarnhau',
  cancel: 'Canslo',
  subscribed: (channelName, areaName, topicNames) =>
    `Rydych chi wedi cofrestru i gael rhybuddion ${channelName} ar gyfer ${areaName} am ` +
    `${topicNames}. Anfonwch STOPIO unrhyw bryd i’w stopio.`,
  unknownPostcode:
    'Mae’n ddrwg gennym, nid ydym yn adnabod y cod post hwnnw yma. Dewiswch ardal o’r rhestr, ' +
    'neu rhowch gynnig arall arni.',
  noTopicYet: 'Dewiswch o leiaf un pwnc o’r rhestr yn gyntaf.',
  cancelled: 'Wedi canslo: does dim byd wedi newid. Anfonwch YMUNO i ddechrau eto.',
  privacySummary: ({ council, inboundDays, noticeUrl }) =>
    `${council} sy’n anfon y rhybuddion hyn ac sy’n gyfrifol am eich gwybodaeth. ` +
    `Rydym yn cadw eich rhif ffôn symudol wedi’i amgryptio, yr ardal a’r pynciau a ddewisoch, a ` +
    `phrawf eich bod wedi cytuno (pryd a sut y gwnaethoch gytuno, a’r negeseuon a anfonoch i ` +
    `gytuno). Byddwn yn dileu geiriau eich negeseuon atom ar ôl ${inboundDays} diwrnod. ` +
    `Anfonwch STOPIO unrhyw bryd i stopio eich rhybuddion. ` +
    `Darllenwch ${notice.cy(noticeUrl)} am y gweddill.`,
};

export const JOIN_WORDS: Record<JoinLanguage, JoinCatalogue> = { en, cy };

/** The words of a conversation in this language. */
export const joinWords = (language: JoinLanguage): JoinCatalogue => JOIN_WORDS[language];
