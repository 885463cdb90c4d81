import { type Finding, finding } from './content-finding.js';

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Any email address: a person's work address is personal data as much as their own. */
export function findEmailAddresses(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((match) => {
    const excerpt = match[0].replace(/[.-]+$/, '');
    return finding(
      'EMAIL_ADDRESS',
      'An email address. If it is a person’s, take it out.',
      excerpt,
      match.index,
      match.index + excerpt.length,
    );
  });
}
