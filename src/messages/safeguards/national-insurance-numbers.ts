import { type Finding, finding } from './content-finding.js';
import { maskDigits } from './mask.js';

/**
 * HMRC's format: two prefix letters, six digits, a suffix A to D; spaces allowed between the
 * pairs. The first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V;
 * BG, GB, KN, NK, NT, TN and ZZ are not issued. The suffix is required: without it too many
 * reference numbers (a planning application's, say) would look like one.
 */
const NI_NUMBER = /\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b/gi;
const NOT_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function findNationalInsuranceNumbers(text: string): Finding[] {
  return [...text.matchAll(NI_NUMBER)]
    .filter((match) => !NOT_ISSUED.has(match[1].toUpperCase()))
    .map((match) =>
      finding(
        'NATIONAL_INSURANCE_NUMBER',
        'A National Insurance number. Take it out.',
        maskDigits(match[0]),
        match.index,
        match.index + match[0].length,
      ),
    );
}
