import type { MessageContent } from '../domain/message-content.js';
import type { ContentFinding, Finding, SafeguardOptions } from './content-finding.js';
import { findEmailAddresses } from './email-addresses.js';
import { findHealthTerms } from './health-terms.js';
import { findLinksOutsideAllowList } from './links.js';
import { findNationalInsuranceNumbers } from './national-insurance-numbers.js';
import { findNhsNumbers } from './nhs-numbers.js';
import { findPhoneNumbers } from './phone-numbers.js';
import { findPostcodesNearNames } from './postcodes-near-names.js';

/** Every safeguard over one text, in the order the findings appear in it. */
export function checkContent(text: string, options: SafeguardOptions): Finding[] {
  return [
    ...findPhoneNumbers(text),
    ...findEmailAddresses(text),
    ...findNhsNumbers(text),
    ...findNationalInsuranceNumbers(text),
    ...findPostcodesNearNames(text),
    ...findHealthTerms(text),
    ...findLinksOutsideAllowList(text, options.linkAllowList),
  ].sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

/** The parts of a message a resident reads: a text's body, or a template's parameters. */
export function readableParts(content: MessageContent): { field: string; text: string }[] {
  return content.kind === 'text'
    ? [{ field: 'body', text: content.body }]
    : content.parameters.map((text, i) => ({ field: `parameters.${i}`, text }));
}

/** Between a template's parameters: a paragraph break, so a sentence ends there. */
const SEPARATOR = '\n\n';

/**
 * Checks what a resident reads as one text (a name in one parameter and a postcode in the next
 * still read as an address), then says which part each finding is in, with offsets in that part.
 */
export function checkMessageContent(
  content: MessageContent,
  options: SafeguardOptions,
): ContentFinding[] {
  const parts = readableParts(content);
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.text.length + SEPARATOR.length;
  }
  const joined = parts.map((part) => part.text).join(SEPARATOR);
  return checkContent(joined, options).map((found) => {
    let index = starts.length - 1;
    while (index > 0 && starts[index] > found.start) index -= 1;
    const base = starts[index] ?? 0;
    return {
      ...found,
      field: parts[index]?.field ?? 'body',
      start: found.start - base,
      end: Math.min(found.end - base, parts[index]?.text.length ?? found.end - base),
    };
  });
}
