import type { Catalogue } from './en.js';

/**
 * Every word on the residents' pages in Welsh: the same keys as en.ts. Written in plain Welsh by
 * someone who is not a first-language speaker; a council's Welsh-language officer should check it
 * before it is used. The WhatsApp confirmation of a Welsh sign-up is sent in Welsh, so its
 * buttons are named as they show there: Cadarnhau and Nid fi (see
 * src/residents/opt-in/confirmation-words.ts).
 */
export const cy: Catalogue = {
  language: {
    navigationLabel: 'Iaith',
    switchTo: 'Newid yr iaith i’r Gymraeg',
  },
  layout: {
    councilFallback: 'eich cyngor',
    serviceName: 'Rhybuddion WhatsApp',
    serviceInformation: 'Gwybodaeth am y gwasanaeth',
    skipLink: 'Neidio i’r prif gynnwys',
    back: 'Yn ôl',
    errorSummaryTitle: 'Mae problem wedi codi',
    errorPrefix: 'Gwall',
    footerPrivacy: 'Hysbysiad preifatrwydd',
    footerManage: 'Newid neu stopio eich rhybuddion',
    footerLinksLabel: 'Dolenni cymorth',
    footerLicence: 'Rhybuddion WhatsApp gan {council}.',
  },
  start: {
    title: 'Cael rhybuddion WhatsApp gan {council}',
    intro:
      'Cewch negeseuon byr ar WhatsApp gan {council} am bethau sy’n effeithio ar y lle rydych chi’n byw.',
    topicsLead: 'Gallwch ddewis rhybuddion am:',
    needHeading: 'Cyn i chi ddechrau',
    needLead: 'Bydd angen:',
    needPhone: 'ffôn symudol sydd â WhatsApp arno',
    needPostcode: 'eich cod post',
    duration: 'Mae’n cymryd tua 2 funud.',
    confirmStep:
      'Byddwn yn anfon neges WhatsApp i’ch ffôn. Dim ond ar ôl i chi dapio Cadarnhau yn y neges honno y bydd eich rhybuddion yn dechrau.',
    privacyHeading: 'Sut rydym yn defnyddio eich rhif',
    privacyUse:
      'Rydym yn defnyddio eich rhif dim ond i anfon y rhybuddion rydych chi’n eu dewis ac i’ch ateb.',
    privacyEncrypted: 'Rydym yn cadw eich rhif wedi’i amgryptio.',
    privacyStop: 'Gallwch stopio unrhyw bryd drwy anfon STOPIO ar WhatsApp.',
    privacyLink: 'Darllen yr hysbysiad preifatrwydd',
    startButton: 'Dechrau nawr',
    manageLink: 'Newid neu stopio’r rhybuddion rydych chi’n eu cael',
  },
  details: {
    title: 'Eich manylion',
    phoneLabel: 'Rhif ffôn symudol yn y DU',
    phoneHint:
      'Y rhif rydych chi’n ei ddefnyddio ar gyfer WhatsApp. Byddwn yn anfon neges iddo i wirio mai chi biau’r rhif. Er enghraifft, 07700 900123.',
    postcodeLabel: 'Cod post',
    postcodeHint: 'Rydym yn ei ddefnyddio i anfon rhybuddion i chi am eich ardal.',
    topicsLegend: 'Am beth hoffech chi gael rhybuddion?',
    topicsHint: 'Dewiswch bob un sy’n berthnasol.',
    consentLegend: 'Eich cytundeb',
    consentText:
      'Rwy’n cytuno i gael negeseuon WhatsApp gan {council} am y pynciau a ddewisais. Gallaf stopio unrhyw bryd drwy anfon STOPIO.',
    privacyNote:
      'Darllenwch sut rydym yn defnyddio eich gwybodaeth yn yr hysbysiad preifatrwydd (fersiwn {version}).',
    continue: 'Parhau',
  },
  errors: {
    phone: 'Rhowch rif ffôn symudol yn y DU, fel 07700 900123',
    postcodeMissing: 'Rhowch eich cod post',
    postcodeUnknown:
      'Nid ydym yn anfon rhybuddion i’r cod post hwnnw eto. Gwiriwch ei fod yn gywir, neu cysylltwch â {council}',
    topics: 'Dewiswch o leiaf un pwnc',
    topicsUnknown: 'Dewiswch bynciau o’r rhestr',
    consent: 'Dewiswch y blwch i gytuno i gael negeseuon WhatsApp',
  },
  checkWhatsApp: {
    title: 'Edrychwch ar WhatsApp',
    sent: 'Rydym wedi anfon neges WhatsApp i’ch ffôn gan {channel}.',
    tapConfirm: 'Tapiwch Cadarnhau yn y neges honno o fewn {hours} awr.',
    nothingYet:
      'Ni fydd dim yn dechrau nes i chi dapio Cadarnhau. Os na wnewch chi, byddwn yn dileu eich manylion ar ôl {hours} awr.',
    notYou: 'Os rhoddodd rhywun arall eich rhif, tapiwch Nid fi yn y neges a byddwn yn ei ddileu.',
    notArrivedHeading: 'Os nad yw’r neges yn cyrraedd',
    notArrivedWait: 'Gall gymryd ychydig funudau.',
    notArrivedWhatsApp: 'Gwiriwch fod WhatsApp ar y ffôn sydd â’r rhif hwnnw.',
    notArrivedAgain: 'Gallwch roi eich manylion eto',
    notArrivedAgainAfter: '. Dim ond y neges fwyaf newydd fydd yn gweithio.',
    manageLink: 'Dysgu sut i newid neu stopio eich rhybuddion yn nes ymlaen',
  },
  manage: {
    title: 'Newid neu stopio eich rhybuddion',
    why: 'Rydych chi’n newid neu’n stopio eich rhybuddion ar WhatsApp, o’r ffôn sy’n eu cael. Ni all gwefan wirio pwy biau rhif ffôn, ond gall neges o’ch ffôn wneud hynny.',
    stopHeading: 'Stopio eich rhybuddion',
    stopWithLink: 'Anfonwch STOPIO at {channel} ar WhatsApp. Gallwch hefyd anfon STOP.',
    stopWithoutLink:
      'Anfonwch STOPIO at rif WhatsApp y cyngor, sef y rhif y daw eich rhybuddion ohono. Gallwch hefyd anfon STOP.',
    stopButton: 'Anfon STOPIO ar WhatsApp',
    stopAfter:
      'Bydd eich rhybuddion yn stopio ar unwaith, a byddwn yn anfon un neges i ddweud hynny.',
    changeHeading: 'Newid eich ardal neu eich pynciau',
    changeWithLink: 'Anfonwch YMUNO at {channel} ar WhatsApp. Gallwch hefyd anfon JOIN.',
    changeWithoutLink:
      'Anfonwch YMUNO at rif WhatsApp y cyngor, sef y rhif y daw eich rhybuddion ohono. Gallwch hefyd anfon JOIN.',
    changeButton: 'Anfon YMUNO ar WhatsApp',
    changeAfter:
      'Byddwn yn gofyn i chi ddewis eich ardal a’ch pynciau eto. Bydd eich dewis newydd yn cymryd lle’r hen un.',
    // A JOIN conversation started with YMUNO is carried out in Welsh: nothing to warn of.
    joinLanguage: '',
    numberIs: 'Y rhif WhatsApp yw {number}.',
    newLink: 'Cofrestru i gael rhybuddion',
  },
  privacy: {
    title: 'Hysbysiad preifatrwydd: rhybuddion WhatsApp',
    version: 'Fersiwn {version}',
    whoHeading: 'Pwy ydym ni',
    who: '{council} sy’n anfon y rhybuddion hyn ac sy’n gyfrifol am eich gwybodaeth.',
    whatHeading: 'Beth rydym yn ei gadw',
    whatPhone: 'eich rhif ffôn symudol, wedi’i amgryptio',
    whatArea: 'yr ardal y mae eich cod post ynddi (nid ydym yn cadw’r cod post)',
    whatTopics: 'y pynciau a ddewisoch',
    whatConsent:
      'prawf eich bod wedi cytuno: pryd y gwnaethoch gytuno, ai ar ein gwefan neu ar WhatsApp, fersiwn yr hysbysiad hwn, y neges WhatsApp a ddefnyddioch i gadarnhau, a ffurf gudd o’ch cyfeiriad rhyngrwyd',
    whatMessages: 'negeseuon rydych chi’n eu hanfon atom ar WhatsApp',
    whatDeliveries: 'cofnod o bob rhybudd a anfonwyd atoch, ac a gafodd ei gyflwyno a’i ddarllen',
    whyHeading: 'Pam rydym yn ei gadw',
    why: 'I anfon y rhybuddion y gofynnoch amdanynt, i ateb eich negeseuon, i brofi eich bod wedi cytuno, ac i stopio negeseuon pan fyddwch chi’n gofyn. Rydym yn dibynnu ar eich caniatâd. Nid ydym yn defnyddio eich rhif at unrhyw ddiben arall.',
    howLongHeading: 'Am faint rydym yn ei gadw',
    howLongPending:
      'Os na fyddwch yn tapio Cadarnhau, byddwn yn dileu eich manylion ar ôl {hours} awr.',
    howLongMessages: 'Byddwn yn dileu geiriau eich negeseuon atom ar ôl {inboundDays} diwrnod.',
    howLongDeliveries:
      'Byddwn yn dileu’r cofnod o bob rhybudd a anfonwyd atoch ar ôl {deliveryDays} diwrnod.',
    howLongSubscription:
      'Rydym yn cadw eich dewisiadau nes i chi stopio. Ar ôl i chi stopio, rydym yn cadw ffurf gudd o’ch rhif fel na fyddwn byth yn anfon neges atoch eto drwy gamgymeriad.',
    whatsAppHeading: 'WhatsApp',
    whatsApp:
      'Mae ein negeseuon yn eich cyrraedd drwy WhatsApp, sy’n cael ei redeg gan Meta. Mae polisi preifatrwydd WhatsApp ei hun yn berthnasol i’r ffordd rydych chi’n defnyddio WhatsApp.',
    rightsHeading: 'Eich hawliau',
    rightsStop: 'Gallwch stopio unrhyw bryd drwy anfon STOPIO atom ar WhatsApp.',
    rightsAccess: 'Gallwch ofyn i {council} am gopi o’r wybodaeth sydd gennym amdanoch.',
    rightsErase: 'Gallwch ofyn i {council} ei dileu.',
    rightsComplain: 'Gallwch gwyno wrth Swyddfa’r Comisiynydd Gwybodaeth',
    rightsComplainAfter: ' os ydych chi’n anhapus â sut rydym yn defnyddio eich gwybodaeth.',
  },
  tooMany: {
    title: 'Rhowch gynnig arall arni yn nes ymlaen',
    body: 'Mae gormod o geisiadau i gofrestru wedi dod o’ch dyfais neu ar gyfer y rhif hwnnw.',
    wait: 'Arhoswch awr, yna rhowch gynnig arall arni.',
    back: 'Mynd yn ôl i’r dechrau',
  },
  unavailable: {
    title: 'Mae’n ddrwg gennym, nid yw’r gwasanaeth ar gael',
    body: 'Ni all {council} anfon rhybuddion WhatsApp ar hyn o bryd.',
    later: 'Rhowch gynnig arall arni yn nes ymlaen.',
  },
};
