import { type Finding, finding } from './content-finding.js';
import { findNames, wordsBetween } from './personal-names.js';

/** A full UK postcode (outward and inward code), in capitals as the Royal Mail writes it. */
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g;

/** Close enough to read as one person's address: "Mrs Patel, 12 Oak Road, AB1 2CD" is 3 words. */
export const NEAR_WORDS = 6;

/**
 * A postcode alone names a place (a road closure, a polling station); next to a person's name
 * it is an address. A name is a title and a capitalised name ("Mrs Patel", "Mr John Smith") or
 * a common first name and a surname ("Priya Shah"), never one ending in a place word ("Victoria
 * Park", "Mr Smith Road"). Flagged when a name is within NEAR_WORDS words of the postcode,
 * either side.
 */
export function findPostcodesNearNames(text: string): Finding[] {
  const names = findNames(text);
  if (names.length === 0) return [];
  return [...text.matchAll(POSTCODE)].flatMap((match) => {
    const postcode = { start: match.index, end: match.index + match[0].length };
    const name = names.find((n) => wordsBetween(text, n, postcode) <= NEAR_WORDS);
    if (!name) return [];
    const start = Math.min(name.start, postcode.start);
    const end = Math.max(name.end, postcode.end);
    return [
      finding(
        'POSTCODE_NEAR_NAME',
        `A postcode next to a person’s name (${name.text}) reads as their address. Take one of them out.`,
        text.slice(start, end),
        start,
        end,
      ),
    ];
  });
}
