/** A UK postcode as Crier stores it: upper case, outward and inward codes split by one space. */
export type Postcode = string & { readonly __brand: 'Postcode' };

/**
 * Outward code: one or two letters, a digit, then an optional letter or digit (A9, A99, AA9,
 * AA99, A9A, AA9A). Inward code: a digit and two letters. Checked on the compact form, so any
 * spacing a person or a spreadsheet adds is accepted.
 */
const COMPACT_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;
/** Girobank's postcode, which predates the pattern and is still in the directory. */
const GIROBANK = 'GIR0AA';
/** Longer than any postcode with generous spacing: nothing longer is worth looking at. */
const MAX_INPUT_LENGTH = 16;

/** "nf12ab", " NF1 2AB " and "nf1  2ab" all become "NF1 2AB"; anything else is null. */
export function normalisePostcode(input: string): Postcode | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact === GIROBANK) return 'GIR 0AA' as Postcode;
  const match = COMPACT_POSTCODE.exec(compact);
  return match ? (`${match[1]} ${match[2]}` as Postcode) : null;
}
