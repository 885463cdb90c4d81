import { type Finding, finding } from './content-finding.js';
import { maskDigits } from './mask.js';

/** Ten digits, together or as 3-3-4 with the same separator (space or hyphen) twice. */
const NHS_NUMBER = /(?<![\d+])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d])/g;

/**
 * The NHS's modulus 11 check: weights 10 down to 2 on the first nine digits; 11 minus the
 * remainder is the tenth digit (11 counts as 0; 10 means the number cannot be an NHS number).
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Only numbers that pass the check: most other ten-digit numbers are not flagged. */
export function findNhsNumbers(text: string): Finding[] {
  return [...text.matchAll(NHS_NUMBER)]
    .filter((match) => isValidNhsNumber(match[1] + match[3] + match[4]))
    .map((match) =>
      finding(
        'NHS_NUMBER',
        'An NHS number. Health information must never be sent on WhatsApp: take it out.',
        maskDigits(match[0]),
        match.index,
        match.index + match[0].length,
      ),
    );
}
