import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';
import { type Finding, finding } from './content-finding.js';
import { maskDigits } from './mask.js';

/**
 * Something written like a phone number in Britain: starting 0 (a national number) or + (an
 * international one), then digits with spaces, hyphens or brackets. Starting with 0 or + keeps
 * reference numbers and NHS numbers out; commas and words end a candidate, so two numbers in a
 * list stay two.
 */
const CANDIDATE = /(?<![\w+])(?:\+|0)[\d ()-]{8,16}\d(?!\d)/g;

/**
 * Each candidate must be a possible number for its country (lengths, not allocations, so new
 * ranges and Ofcom's drama numbers count). A run that is not one number (two numbers with only a
 * space between) is searched for valid numbers inside it. Every number counts, the council's own
 * included: the approver says why it may go out.
 */
export function findPhoneNumbers(text: string): Finding[] {
  return [...text.matchAll(CANDIDATE)].flatMap((match) => {
    const candidate = match[0];
    if (parsePhoneNumberFromString(candidate, 'GB')?.isPossible()) {
      return [phoneFinding(candidate, match.index)];
    }
    return findPhoneNumbersInText(candidate, 'GB').map((found) =>
      phoneFinding(candidate.slice(found.startsAt, found.endsAt), match.index + found.startsAt),
    );
  });
}

const phoneFinding = (number: string, start: number): Finding =>
  finding(
    'PHONE_NUMBER',
    'A phone number. If it is a person’s own number, take it out; if it is the council’s, say so when you approve.',
    maskDigits(number),
    start,
    start + number.length,
  );
