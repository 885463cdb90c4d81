import { type E164, normalisePhoneNumber } from '../../phone-numbers/phone-number.js';

export interface MasterListEntryError {
  index: number;
  code: 'INVALID_PHONE_NUMBER';
}

export interface MasterList {
  /** Lookup hashes of the valid numbers, once each (a list may repeat a number harmlessly). */
  hashes: string[];
  /** Entries that are not a valid number, by their index in the list, from 0. */
  invalid: MasterListEntryError[];
}

/**
 * Reads the council's list into lookup hashes: numbers are compared by hash, like everywhere
 * else, so the list's numbers are never stored or held longer than this request.
 */
export function readMasterList(phones: string[], lookupHash: (phone: E164) => string): MasterList {
  const hashes = new Set<string>();
  const invalid: MasterListEntryError[] = [];
  phones.forEach((input, index) => {
    const phone = normalisePhoneNumber(input);
    if (phone) hashes.add(lookupHash(phone));
    else invalid.push({ index, code: 'INVALID_PHONE_NUMBER' });
  });
  return { hashes: [...hashes], invalid };
}
