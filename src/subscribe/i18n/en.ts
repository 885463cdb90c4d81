/**
 * Every word on the residents' pages in English. `{name}` marks a value filled in when a page is
 * shown (see fill-catalogue.ts). The Welsh catalogue (cy.ts) has exactly the same keys.
 */
export const en = {
  language: {
    /** The language navigation's label, and the visually hidden words after the other language. */
    navigationLabel: 'Language',
    switchTo: 'Change the language to English',
  },
  layout: {
    /** Stands in for the council's name when COUNCIL_NAME is not set. */
    councilFallback: 'your council',
    serviceName: 'WhatsApp alerts',
    serviceInformation: 'Service information',
    skipLink: 'Skip to main content',
    back: 'Back',
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error',
    footerPrivacy: 'Privacy notice',
    footerManage: 'Change or stop your alerts',
    footerLinksLabel: 'Support links',
    footerLicence: 'WhatsApp alerts from {council}.',
  },
  start: {
    title: 'Get WhatsApp alerts from {council}',
    intro: 'Get short messages on WhatsApp from {council} about things that affect where you live.',
    topicsLead: 'You can choose alerts about:',
    needHeading: 'Before you start',
    needLead: 'You will need:',
    needPhone: 'a mobile phone with WhatsApp on it',
    needPostcode: 'your postcode',
    duration: 'It takes about 2 minutes.',
    confirmStep:
      'We will send a WhatsApp message to your phone. Your alerts only start when you tap Confirm in that message.',
    privacyHeading: 'How we use your number',
    privacyUse: 'We use your number only to send you the alerts you choose and to answer you.',
    privacyEncrypted: 'We keep your number encrypted.',
    privacyStop: 'You can stop at any time by sending STOP on WhatsApp.',
    privacyLink: 'Read the privacy notice',
    startButton: 'Start now',
    manageLink: 'Change or stop the alerts you get',
  },
  details: {
    title: 'Your details',
    phoneLabel: 'UK mobile number',
    phoneHint:
      'The number you use for WhatsApp. We will send a message to it to check it is yours. For example, 07700 900123.',
    postcodeLabel: 'Postcode',
    postcodeHint: 'We use it to send you alerts for your area.',
    topicsLegend: 'What do you want alerts about?',
    topicsHint: 'Select all that apply.',
    consentLegend: 'Your agreement',
    consentText:
      'I agree to get WhatsApp messages from {council} about the topics I chose. I can stop at any time by sending STOP.',
    privacyNote: 'Read how we use your information in the privacy notice (version {version}).',
    continue: 'Continue',
  },
  errors: {
    phone: 'Enter a UK mobile number, like 07700 900123',
    postcodeMissing: 'Enter your postcode',
    postcodeUnknown:
      'We do not send alerts to that postcode yet. Check it is correct, or contact {council}',
    topics: 'Select at least one topic',
    topicsUnknown: 'Select topics from the list',
    consent: 'Select the box to agree to get WhatsApp messages',
  },
  checkWhatsApp: {
    title: 'Check WhatsApp',
    sent: 'We have sent a WhatsApp message to your phone from {channel}.',
    tapConfirm: 'Tap Confirm in that message within {hours} hours.',
    nothingYet:
      'Nothing starts until you tap Confirm. If you do not, we delete your details after {hours} hours.',
    notYou: 'If someone else gave your number, tap Not me in the message and we will delete it.',
    notArrivedHeading: 'If the message does not arrive',
    notArrivedWait: 'It can take a few minutes.',
    notArrivedWhatsApp: 'Check that the phone with that number has WhatsApp.',
    notArrivedAgain: 'You can enter your details again',
    notArrivedAgainAfter: '. Only the newest message will work.',
    manageLink: 'Find out how to change or stop your alerts later',
  },
  manage: {
    title: 'Change or stop your alerts',
    why: 'You change or stop your alerts on WhatsApp, from the phone that gets them. A website cannot check who a phone number belongs to, but a message from your phone can.',
    stopHeading: 'Stop your alerts',
    stopWithLink: 'Send STOP to {channel} on WhatsApp. You can also send STOPIO.',
    stopWithoutLink:
      "Send STOP to the council's WhatsApp number, the one your alerts come from. You can also send STOPIO.",
    stopButton: 'Send STOP on WhatsApp',
    stopAfter: 'Your alerts stop straight away, and we send you one message to say so.',
    changeHeading: 'Change your area or topics',
    changeWithLink: 'Send JOIN to {channel} on WhatsApp. You can also send YMUNO.',
    changeWithoutLink:
      "Send JOIN to the council's WhatsApp number, the one your alerts come from. You can also send YMUNO.",
    changeButton: 'Send JOIN on WhatsApp',
    changeAfter:
      'We will ask you to choose your area and topics again. What you choose replaces your old choices.',
    joinLanguage: '',
    numberIs: 'The WhatsApp number is {number}.',
    newLink: 'Sign up for alerts',
  },
  privacy: {
    title: 'Privacy notice: WhatsApp alerts',
    version: 'Version {version}',
    whoHeading: 'Who we are',
    who: '{council} sends these alerts and is responsible for your information.',
    whatHeading: 'What we keep',
    whatPhone: 'your mobile number, which we keep encrypted',
    whatArea: 'the area your postcode is in (we do not keep the postcode)',
    whatTopics: 'the topics you chose',
    whatConsent:
      'proof that you agreed: when you agreed, whether it was on our website or on WhatsApp, the version of this notice, the WhatsApp message you confirmed with, and a scrambled form of your internet address',
    whatMessages: 'messages you send us on WhatsApp',
    whatDeliveries: 'a record of each alert we sent you and whether it was delivered and read',
    whyHeading: 'Why we keep it',
    why: 'To send you the alerts you asked for, to answer your messages, to prove you agreed, and to stop messages when you ask. We rely on your consent. We do not use your number for anything else.',
    howLongHeading: 'How long we keep it',
    howLongPending: 'If you do not tap Confirm, we delete your details after {hours} hours.',
    howLongMessages: 'We delete the words of your messages to us after {inboundDays} days.',
    howLongDeliveries: 'We delete the record of each alert sent to you after {deliveryDays} days.',
    howLongSubscription:
      'We keep your choices until you stop. After you stop, we keep a scrambled form of your number so that we never message you again by mistake.',
    whatsAppHeading: 'WhatsApp',
    whatsApp:
      "Our messages reach you through WhatsApp, which is run by Meta. WhatsApp's own privacy policy covers how you use WhatsApp.",
    rightsHeading: 'Your rights',
    rightsStop: 'You can stop at any time by sending STOP to us on WhatsApp.',
    rightsAccess: 'You can ask {council} for a copy of the information we hold about you.',
    rightsErase: 'You can ask {council} to delete it.',
    rightsComplain: 'You can complain to the Information Commissioner’s Office',
    rightsComplainAfter: ' if you are unhappy with how we use your information.',
  },
  tooMany: {
    title: 'Try again later',
    body: 'There have been too many requests to sign up from your device or for that number.',
    wait: 'Wait an hour, then try again.',
    back: 'Go back to the start',
  },
  unavailable: {
    title: 'Sorry, the service is unavailable',
    body: '{council} cannot send WhatsApp alerts at the moment.',
    later: 'Try again later.',
  },
};

export type Catalogue = typeof en;
