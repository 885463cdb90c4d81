import type { FindingCode } from './content-finding.js';

/**
 * Messages that must be flagged, with the safeguard each should trip. The numbers are made up:
 * phone numbers mostly from Ofcom's drama ranges, NHS numbers with a valid check digit,
 * National Insurance numbers in HMRC's format.
 */
export const TRUE_POSITIVES: readonly { text: string; code: FindingCode }[] = [
  { code: 'PHONE_NUMBER', text: 'For more details call Sam on 07700 900123.' },
  { code: 'PHONE_NUMBER', text: 'Ring the housing team on 0300 123 4567 between 9am and 5pm.' },
  { code: 'PHONE_NUMBER', text: 'Contact our out of hours team: +44 20 7946 0018.' },
  { code: 'PHONE_NUMBER', text: 'Bookings: 01632 960 123.' },
  { code: 'PHONE_NUMBER', text: 'Text the warden on 07700900456 if you see fly-tipping.' },
  { code: 'PHONE_NUMBER', text: 'Call 0161 496 0000 to book.' },
  { code: 'EMAIL_ADDRESS', text: 'Send your photos to jane.smith@example.gov.uk by Friday.' },
  { code: 'EMAIL_ADDRESS', text: 'Questions? Write to housing.repairs@example-council.org.uk.' },
  { code: 'EMAIL_ADDRESS', text: 'Contact j.bloggs1985@gmail.com about the lost dog.' },
  { code: 'NHS_NUMBER', text: 'Patient NHS number 943 476 5919 has missed the appointment.' },
  { code: 'NHS_NUMBER', text: 'Reference 9434765919 is ready to collect.' },
  { code: 'NHS_NUMBER', text: 'Please quote 401-023-2137 when you call back.' },
  { code: 'NATIONAL_INSURANCE_NUMBER', text: 'Her National Insurance number is JH 12 34 56 C.' },
  { code: 'NATIONAL_INSURANCE_NUMBER', text: 'Claim for AB123456D has been received.' },
  { code: 'NATIONAL_INSURANCE_NUMBER', text: 'ni: jh 45 67 89 a' },
  {
    code: 'POSTCODE_NEAR_NAME',
    text: 'Mrs Patel of 12 Oak Road, EX4 2AB, has been rehoused.',
  },
  { code: 'POSTCODE_NEAR_NAME', text: 'Parcel for Mr John Smith, EX1 1AA, left at the library.' },
  { code: 'POSTCODE_NEAR_NAME', text: 'EX2 4AY: Priya Shah reported the fly-tipping.' },
  {
    code: 'POSTCODE_NEAR_NAME',
    text: 'Thanks to Dr. O’Neil at 4 Mill Lane EX5 1QP for the photos.',
  },
  { code: 'HEALTH_INFORMATION', text: 'Mrs Patel has dementia and may be confused if you knock.' },
  { code: 'HEALTH_INFORMATION', text: 'John Smith was admitted to hospital last night.' },
  { code: 'HEALTH_INFORMATION', text: 'Please check on her; she has missed her insulin.' },
  { code: 'HEALTH_INFORMATION', text: 'The resident at number 4 was diagnosed with cancer.' },
  { code: 'HEALTH_INFORMATION', text: 'He has been sectioned under the Mental Health Act.' },
  { code: 'HEALTH_INFORMATION', text: 'Mr Jones is in hospital after a stroke.' },
  {
    code: 'HEALTH_INFORMATION',
    text: 'Olivia Brown’s mental health has got worse since the move.',
  },
  { code: 'HEALTH_INFORMATION', text: 'His medication is at the pharmacy on Queen Street.' },
  { code: 'LINK_NOT_ALLOWED', text: 'Claim your refund at https://council-refunds.com/claim.' },
  { code: 'LINK_NOT_ALLOWED', text: 'Vote now: bit.ly/3xYzAbc' },
  { code: 'LINK_NOT_ALLOWED', text: 'Photos at www.facebook.com/examplecouncil' },
  { code: 'LINK_NOT_ALLOWED', text: 'See http://gov.uk.evil.example/pay for details.' },
  { code: 'LINK_NOT_ALLOWED', text: 'Sign up at examplegov.uk/join today.' },
];
