/**
 * What WhatsApp's error codes mean, in words a council officer can act on. The codes are Meta's
 * (see cloud-api-errors.ts and docs/whatsapp-cloud-api.md); the wording is for people, not ICT.
 */
const MEANINGS: Readonly<Record<string, string>> = {
  '131026': 'The number is not on WhatsApp, or the phone’s WhatsApp is too old to receive it.',
  '131047':
    'More than 24 hours have passed since the person last wrote to the channel, so only an approved template can be sent to them.',
  '131048': 'WhatsApp flagged the message as spam.',
  '131049':
    'WhatsApp limited how many marketing messages this person gets, so it held this one back.',
  '131050': 'The person has stopped messages from the council on WhatsApp.',
  '130403': 'The council has blocked this person on WhatsApp.',
  '130429': 'The channel sent too many messages a second. Crier slowed down and tried again.',
  '131056': 'Too many messages went to this person in a short time. Crier tried them again later.',
  '131057': 'The WhatsApp account was in maintenance.',
  '132000':
    'The message did not match its approved template (the wrong number of details filled in).',
  '132001': 'The template does not exist in this language, or is not approved yet.',
  '132007': 'The template breaks WhatsApp’s rules.',
  '132015': 'The template is paused because of low quality.',
  '132016': 'The template is disabled.',
  '131000': 'WhatsApp reported an unknown error.',
  '131016': 'WhatsApp was temporarily unavailable.',
  '133004': 'WhatsApp was temporarily unavailable.',
  '190': 'The channel’s WhatsApp access token has expired. An admin must renew it.',
};

/** A failure group's meaning: ours for codes we know, else WhatsApp's own reason, else a fallback. */
export function failureMeaning(code: string | null, reason: string | null): string {
  if (code !== null && MEANINGS[code]) return MEANINGS[code];
  if (reason) return reason;
  return code === null ? 'No reason was given.' : `WhatsApp error ${code}.`;
}
